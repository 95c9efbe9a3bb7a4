//! CoNLL IOB2, both ways: [`read`] rebuilds documents from token columns,
//! [`write`] writes one token per line with an entity and an attribution tag
//! column. The IOB2 tagging the writer shares with Hugging Face is in
//! [`super::output::iob`].

mod read;
mod write;

pub use read::read;
pub use write::{write, write_document};
