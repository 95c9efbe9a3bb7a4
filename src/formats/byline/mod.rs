//! Byline JSONL, both ways, and the Prodigy tasks it extends.
//!
//! [`write`] writes one Prodigy task per document: in the byline flavor with
//! byline's extension keys (lossless), in the Prodigy flavor without them.
//! Prodigy has no module of its own because the two are one shape: the
//! Prodigy task is the byline task less its optional extension keys, so one
//! writer with a [`Flavor`] writes both and one reader reads both.
//!
//! [`read`] and [`read_json`] read `.jsonl` and `.json` records in every
//! shape our users trade: byline's, Prodigy's and doccano's (sequence
//! labelling and relation exports). One record can mix keys of several of
//! them, so the record reader knows every dialect; the wire rules it shares
//! with the writers are in [`super::json`].

pub mod read;
pub mod write;

pub use read::{read, read_json, read_record, read_stream};
pub use write::{Flavor, write};
