//! The JSON conventions shared by the JSON reader ([`super::byline::read`])
//! and the byline, Prodigy and doccano writers, so that what one writes the
//! other reads: relation labels and default layers, the document fields that
//! travel inside `meta` ([`meta`]), how Prodigy's `answer` maps to review
//! state ([`answer`]), how quotes become relations and relations quotes
//! again ([`links`]), and where their classes and groups go then
//! ([`quote_lists`]; [`segments`], the links between the segments of an
//! interrupted quote, serves Label Studio and brat too).

pub mod answer;
pub mod links;
pub mod meta;
pub mod quote_lists;
pub mod segments;

use std::sync::LazyLock;

use crate::model::{LabelSet, Layer};

pub use answer::Answer;
pub use links::{LinkedQuote, QuoteLink, group_links, links_of, quote_links};
pub use meta::{
    DecodedMeta, META_BOILERPLATE, META_DOC_ID, META_SOURCE, META_STATUS, decode_meta, encode_meta,
};
pub use quote_lists::{
    Entry, Listed, META_QUOTE_CLASSES, META_QUOTE_GROUPS, QUOTE_LISTS, insert_quote_lists,
    quote_lists_used, set_quote_lists, take_quote_lists,
};
pub use segments::{SEGMENT, link_segments, segment_links, split_segments};

/// Relation from a mention (`he`, `the official`) to the mention it refers to.
/// Quotes travel as relations labelled [`crate::model::SPEAKER`] and
/// [`crate::model::CUE`] from their QUOTE spans.
pub const REFERS_TO: &str = "REFERS_TO";

static BUILTIN_LABELS: LazyLock<LabelSet> = LazyLock::new(LabelSet::builtin);

/// The layer a label has when a file does not say: the built-in label set's
/// (unknown labels are entities). Parsed once, as readers call it per span.
pub fn default_layer(label: &str) -> Layer {
    BUILTIN_LABELS.layer_of(label)
}
