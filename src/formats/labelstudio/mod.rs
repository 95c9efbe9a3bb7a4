//! Label Studio, both ways. [`Folder`] writes a folder Label Studio takes as
//! it is: `tasks.json` (one task per document: `data.text`, the gold as the
//! task's annotation, suggestions when asked for as its prediction, quotes
//! and coreference as relations, a quote's class when it is not speech as a
//! per-region choice on its QUOTE regions) and `labeling-config.xml`, the project's
//! labeling config. [`read`] reads Label Studio's own JSON exports, full and
//! JSON_MIN ([`is_export`] tells them from other JSON). Offsets are code
//! points, as Label Studio stores them.

mod config;
mod folder;
mod quotes;
mod read;
mod regions;
mod write;

pub use config::labeling_config;
pub use folder::{CONFIG, Folder, TASKS};
pub use read::{is_export, read, read_stream};

/// The name of the labels control in the config and in every region.
pub const FROM_NAME: &str = "label";
/// The name of the text object, and the task data key holding the text.
pub const TO_NAME: &str = "text";
/// The name of the per-region choices control holding a quote's attribution
/// class, on its QUOTE regions (written when the class is not speech).
pub const CLASS_NAME: &str = "class";

#[cfg(test)]
mod tests;
