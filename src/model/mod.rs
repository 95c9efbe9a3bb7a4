//! The document model: documents, spans, quotes, labels, edits, history,
//! offsets, tokens and the project's memory of the editor's verdicts. Pure data and functions — no egui, no SQL, no I/O.

pub mod attribution;
pub mod document;
pub mod edit;
pub mod gold;
pub mod history;
pub mod labels;
pub mod load;
pub mod markup;
pub mod memory;
pub mod offsets;
pub mod quote;
pub mod restore;
pub mod segments;
pub mod span;
pub mod tokens;

pub use attribution::{AttributionClass, ClassSet};
pub use document::{DocId, DocStatus, Document, IdAllocator};
pub use edit::{Applied, Changes, Edit, EditError, Transaction};
pub use history::History;
pub use labels::{CUE, LabelDef, LabelSet, QUOTE, SPEAKER};
pub use load::Loading;
pub use offsets::{ByteRange, CharRange, OffsetError, OffsetIndex};
pub use quote::{Quote, QuoteId, QuoteKind};
pub use restore::DocumentParts;
pub use segments::{Interrupted, QuoteGroup, Segment};
pub use span::{Layer, Origin, Span, SpanId, SpanState};
pub use tokens::{Token, tokenize, words};
