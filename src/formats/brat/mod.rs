//! brat standoff, both ways: a `.txt` and its `.ann` make one document
//! ([`read`]), and a document is written back as a `.txt` and an `.ann`
//! ([`write_document`]), or a folder of them with an `annotation.conf`
//! ([`write_folder`], [`Folder`]).
//!
//! [`schema`] is what Byline and brat agree on (PolNeAR's role names, the
//! default attribution event, the `meta.brat` record); [`plan`] decides the
//! annotations and events of a document, which the writer renders and the
//! reader compares with the file, to keep in `meta.brat` the events the
//! default would not give back. [`files`] finds a document's two files.

mod build;
mod claims;
mod conf;
mod events;
pub mod files;
mod folder;
mod kept;
mod overrides;
mod parse;
pub mod plan;
mod raw_text;
mod read;
pub mod schema;
mod segments;
mod write;

pub use conf::{ConfLabels, write_conf};
pub use folder::{Folder, write_folder};
pub use read::read;
pub use write::write_document;
