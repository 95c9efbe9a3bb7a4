//! CoNLL IOB2, both ways: [`read`] rebuilds documents from token columns,
//! [`write`] writes one token per line with its attribution and entity tags
//! as `spacy convert` reads them, or its entity tag as doccano imports it. The IOB2 tagging the writer shares with Hugging Face is in
//! [`super::output::iob`].

mod read;
mod stream;
mod write;

pub use read::read;
pub use stream::read_stream;
pub use write::{Columns, DOCSTART, write, write_document};
