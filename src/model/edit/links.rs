//! Who points at each span — the quotes that name it, the mentions that
//! refer to it — so that a transaction deleting many spans (suggesting
//! again on a long article drops every pending one) finds each span's
//! pointers without a pass over the whole document per span. Built on the
//! transaction's first span deletion and only added to while it runs: an
//! entry may be stale, so each one is checked against the document.

use std::collections::HashMap;

use super::super::document::Document;
use super::super::quote::{Quote, QuoteId};
use super::super::span::{Span, SpanId};

/// The quotes and mentions that may point at each span.
#[derive(Default)]
pub(super) struct Links {
    quotes: HashMap<SpanId, Vec<QuoteId>>,
    mentions: HashMap<SpanId, Vec<SpanId>>,
}

impl Links {
    /// The pointers of every quote and span of `doc`.
    pub fn of(doc: &Document) -> Self {
        let mut links = Self::default();
        doc.quotes().for_each(|q| links.add_quote(q));
        doc.spans().for_each(|s| links.add_span(s));
        links
    }

    /// Notes the spans `quote` names.
    pub fn add_quote(&mut self, quote: &Quote) {
        for id in quote.span_ids() {
            self.quotes.entry(id).or_default().push(quote.id);
        }
    }

    /// Notes the span `span` refers to.
    pub fn add_span(&mut self, span: &Span) {
        if let Some(target) = span.refers_to {
            self.mentions.entry(target).or_default().push(span.id);
        }
    }

    /// The quotes that may name `id`, in id order.
    pub fn quotes_of(&self, id: SpanId) -> Vec<QuoteId> {
        sorted(self.quotes.get(&id))
    }

    /// The spans that may refer to `id`, in id order.
    pub fn mentions_of(&self, id: SpanId) -> Vec<SpanId> {
        sorted(self.mentions.get(&id))
    }
}

fn sorted<T: Copy + Ord>(ids: Option<&Vec<T>>) -> Vec<T> {
    let mut ids = ids.cloned().unwrap_or_default();
    ids.sort_unstable();
    ids.dedup();
    ids
}
