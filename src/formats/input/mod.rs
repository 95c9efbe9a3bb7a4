//! Reading machinery every reader shares, whatever its format: the checks an
//! input passes before any reader sees it ([`checks`]: size, binary content,
//! encoding), which reader a path or a stream needs ([`InputFormat`]), folder
//! walks ([`collect_inputs`]), streams read a bounded line at a time
//! ([`lines`]), the same article read twice ([`dedupe`]), and
//! the steps shared by several readers: article metadata for text, Markdown
//! and HTML ([`article`]), tag columns to spans for CoNLL and CoNLL-U
//! ([`columns`]), a record's code points to its normalized text's bytes for
//! the JSON readers ([`offsets`]).

pub mod article;
pub mod checks;
pub mod columns;
pub mod dedupe;
mod format;
pub mod lines;
pub mod numbered;
pub mod offsets;
mod walk;

pub use format::InputFormat;
pub use walk::{Collected, collect_inputs};
