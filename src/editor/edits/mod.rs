//! Turning the editor's intentions into model transactions. Every function
//! here is pure: it reads a [`Document`] and returns the [`Transaction`] that
//! would carry the change out (or `None` when there is nothing to do), so the
//! rules are tested without a window and applied in one place.

mod quote;
mod replace;
mod resize;
mod review;

use std::collections::BTreeMap;

pub use quote::{link_mention, link_quote, link_quote_to_range, set_quote_class, set_quote_kind};
pub use replace::{take_annotations, take_suggestions};
pub use resize::{Edge, Step, resize, set_range};
pub use review::{
    CUE, QUOTE, SPEAKER, accept, accept_all, create_span, reject, reject_all, relabel,
};

use crate::model::{Document, Edit, Quote, QuoteId, Span, SpanId, SpanState, Transaction};

/// Collects changes against a document and emits only what differs, in an
/// order the model accepts: new spans, changed spans, new quotes, changed
/// quotes, deletions.
struct Draft<'d> {
    doc: &'d Document,
    spans: BTreeMap<SpanId, Span>,
    quotes: BTreeMap<QuoteId, Quote>,
    inserted_spans: Vec<Span>,
    inserted_quotes: Vec<Quote>,
    deleted: Vec<Edit>,
    next_id: crate::model::IdAllocator,
}

impl<'d> Draft<'d> {
    fn new(doc: &'d Document) -> Self {
        Self {
            doc,
            spans: BTreeMap::new(),
            quotes: BTreeMap::new(),
            inserted_spans: Vec::new(),
            inserted_quotes: Vec::new(),
            deleted: Vec::new(),
            next_id: doc.ids(),
        }
    }

    /// The span as the draft currently has it.
    fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.get(&id).or_else(|| self.doc.span(id))
    }

    /// A span to change; later reads see the change.
    fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        if !self.spans.contains_key(&id) {
            let span = self.doc.span(id)?.clone();
            self.spans.insert(id, span);
        }
        self.spans.get_mut(&id)
    }

    /// A quote to change; later reads see the change.
    fn quote_mut(&mut self, id: QuoteId) -> Option<&mut Quote> {
        if !self.quotes.contains_key(&id) {
            let quote = self.doc.quote(id)?.clone();
            self.quotes.insert(id, quote);
        }
        self.quotes.get_mut(&id)
    }

    /// The quotes of the document with this draft's changes, in id order.
    fn quotes(&self) -> Vec<Quote> {
        self.doc
            .quotes()
            .map(|q| self.quotes.get(&q.id).unwrap_or(q).clone())
            .collect()
    }

    fn insert_span(&mut self, mut span: Span) -> SpanId {
        span.id = self.next_id.span();
        let id = span.id;
        self.inserted_spans.push(span);
        id
    }

    fn insert_quote(&mut self, mut quote: Quote) -> QuoteId {
        quote.id = self.next_id.quote();
        let id = quote.id;
        self.inserted_quotes.push(quote);
        id
    }

    fn delete_span(&mut self, id: SpanId) {
        self.spans.remove(&id);
        self.deleted.push(Edit::DeleteSpan(id));
    }

    fn delete_quote(&mut self, id: QuoteId) {
        self.quotes.remove(&id);
        self.deleted.push(Edit::DeleteQuote(id));
    }

    /// Sets a span's state, if it exists and differs.
    fn set_state(&mut self, id: SpanId, state: SpanState) {
        if let Some(span) = self.span_mut(id) {
            span.state = state;
        }
    }

    /// True when any quote other than `except` still uses the span and is not rejected.
    fn used_elsewhere(&self, span: SpanId, except: QuoteId) -> bool {
        self.quotes()
            .iter()
            .any(|q| q.id != except && q.state != SpanState::Rejected && q.mentions(span))
    }

    fn finish(self, label: impl Into<String>) -> Option<Transaction> {
        let mut tx = Transaction::new(label);
        for span in self.inserted_spans {
            tx.push(Edit::InsertSpan(span));
        }
        for (id, span) in self.spans {
            if self.doc.span(id) != Some(&span) {
                tx.push(Edit::ReplaceSpan(span));
            }
        }
        for quote in self.inserted_quotes {
            tx.push(Edit::InsertQuote(quote));
        }
        for (id, quote) in self.quotes {
            if self.doc.quote(id) != Some(&quote) {
                tx.push(Edit::ReplaceQuote(quote));
            }
        }
        tx.edits.extend(self.deleted);
        (!tx.is_empty()).then_some(tx)
    }
}

/// The quotes whose content includes a span.
fn quotes_with_content(doc: &Document, id: SpanId) -> Vec<QuoteId> {
    doc.quotes()
        .filter(|q| q.content.contains(&id))
        .map(|q| q.id)
        .collect()
}

#[cfg(test)]
mod tests;
