//! Every file format Byline reads or writes, one module per format with its
//! reader and its writer side by side, plus the machinery they share.
//!
//! - Reading: [`collect_inputs`] turns paths (files, folders, `-`) into the
//!   inputs to read, [`read_path`] reads one of them, [`read_bytes`] reads bytes
//!   already in memory. Every input first goes through [`input`]'s checks (size,
//!   binary content, encoding); every error and warning names the file (and line
//!   where there is one); one bad record is reported and skipped, the rest load.
//! - Writing: [`ExportFormat`] names each format and [`exporter`] writes
//!   documents in it, batch by batch. Writers are generic over `io::Write`,
//!   deterministic (documents in input order, spans sorted by start then id),
//!   check that every span slices its document ([`output::check_alignment`]),
//!   and count what their format cannot hold in an [`ExportReport`].
//! - Shared: [`json`] holds the JSON wire rules every JSON reader and writer
//!   follows; [`input`] and [`output`] the format-independent machinery.
//!
//! The folder uses nothing of the crate but [`crate::model`] (its test
//! fixtures also take `py_slice` from `src/tests/`). Inside it, no two
//! modules import each other: formats use [`json`], [`input`] and [`output`],
//! and only [`exporter`] and the reading dispatch use every format.

pub mod brat;
pub mod byline;
pub mod conll;
pub mod conllu;
pub mod doccano;
pub mod exporter;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod hf;
pub mod html;
pub mod input;
pub mod json;
pub mod labelstudio;
mod loaded;
pub mod md;
pub mod output;
mod reader;
mod report;
pub mod samples;
pub mod txt;

pub use exporter::{BATCH, Destination, ExportFormat, Exporter};
pub use input::{Collected, InputFormat, collect_inputs};
pub use loaded::{Loaded, MAX_FILE_BYTES, ReadError, ReadOptions, Warning};
pub use output::review::ExportOptions;
pub use reader::{read_bytes, read_path};
pub use report::{ExportError, ExportReport};
