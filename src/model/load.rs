//! Loading: the annotations a reader finds, applied to its new document as
//! it finds them. [`Document::apply`] needs the whole transaction first,
//! copies every edit into the document and keeps an inverse edit for each;
//! for a file of a few hundred thousand spans those copies were most of the
//! memory a conversion took. A [`Loading`] moves each edit in as it comes and
//! remembers only ids, so a refused load still leaves the document as it was.

use super::document::Document;
use super::edit::{Edit, EditError, Transaction};
use super::quote::QuoteId;
use super::span::{Span, SpanId};

/// How to take back one loaded edit.
enum Undo {
    Span(SpanId),
    Quote(QuoteId),
    /// The span a `ReplaceSpan` took the place of (a reader's mention
    /// links: one per link, so kept lighter than a transaction).
    Replaced(Box<Span>),
    Applied(Box<Transaction>),
}

/// Edits being loaded into a document, all or nothing like a transaction.
/// Nothing is taken back unless [`Loading::finish`] is called.
#[must_use = "finish says whether the load was refused, and takes it back then"]
pub struct Loading<'d> {
    doc: &'d mut Document,
    undo: Vec<Undo>,
    error: Option<EditError>,
}

impl Document {
    /// Starts loading edits that nobody will undo, for readers: each is
    /// checked and applied as [`Document::apply`] would, but moved in and not
    /// copied, and no inverse is kept.
    pub fn load(&mut self) -> Loading<'_> {
        Loading {
            doc: self,
            undo: Vec::new(),
            error: None,
        }
    }
}

impl Loading<'_> {
    /// The document as loaded so far.
    pub fn doc(&self) -> &Document {
        self.doc
    }

    /// Applies one edit, unless an earlier one was refused.
    pub fn push(&mut self, edit: Edit) {
        if self.error.is_some() {
            return;
        }
        let doc = &mut *self.doc;
        let result = match edit {
            Edit::InsertSpan(span) => doc.check_span(&span).and_then(|()| {
                if doc.spans.contains_key(&span.id) {
                    return Err(EditError::DuplicateId(span.id.0));
                }
                self.undo.push(Undo::Span(span.id));
                doc.spans.insert(span.id, Box::new(span));
                Ok(())
            }),
            Edit::InsertQuote(quote) => doc.check_quote(&quote).and_then(|()| {
                if doc.quotes.contains_key(&quote.id) {
                    return Err(EditError::DuplicateId(quote.id.0));
                }
                self.undo.push(Undo::Quote(quote.id));
                doc.quotes.insert(quote.id, Box::new(quote));
                Ok(())
            }),
            Edit::ReplaceSpan(span) => doc.check_span(&span).and_then(|()| {
                let old = (doc.spans.get_mut(&span.id)).ok_or(EditError::UnknownSpan(span.id.0))?;
                self.undo.push(Undo::Replaced(Box::new(std::mem::replace(
                    &mut **old, span,
                ))));
                Ok(())
            }),
            other => doc
                .apply(&Transaction::new("load").with(other))
                .map(|applied| self.undo.push(Undo::Applied(Box::new(applied.inverse)))),
        };
        self.error = result.err();
    }

    /// Ends the load: the first refusal, with every edit taken back, or `Ok`.
    pub fn finish(self) -> Result<(), EditError> {
        let Some(error) = self.error else {
            return Ok(());
        };
        for undo in self.undo.into_iter().rev() {
            match undo {
                Undo::Span(id) => {
                    self.doc.spans.remove(&id);
                }
                Undo::Quote(id) => {
                    self.doc.quotes.remove(&id);
                }
                Undo::Replaced(old) => {
                    self.doc.spans.insert(old.id, old);
                }
                Undo::Applied(inverse) => {
                    let _ = self.doc.apply(&inverse);
                }
            }
        }
        Err(error)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        ByteRange, Document, Edit, EditError, Layer, Quote, QuoteId, Span, SpanId, Transaction,
    };

    fn insertions(doc: &Document, ranges: &[(usize, usize)]) -> Transaction {
        let mut ids = doc.ids();
        let mut tx = Transaction::new("load");
        for &(start, end) in ranges {
            let range = ByteRange::new(start, end);
            tx.push(Edit::InsertSpan(Span::manual(
                ids.span(),
                range,
                "PERSON",
                Layer::Entity,
            )));
        }
        tx
    }

    fn load(doc: &mut Document, tx: Transaction) -> Result<(), EditError> {
        let mut loading = doc.load();
        for edit in tx.edits {
            loading.push(edit);
        }
        loading.finish()
    }

    #[test]
    fn loads_what_apply_would() {
        let mut loaded = Document::new(None, "Ana met Bo. “Hi,” said Bo.");
        let mut tx = insertions(&loaded, &[(0, 3), (8, 10)]);
        tx.push(Edit::InsertQuote(Quote::manual(
            QuoteId(10),
            SpanId(1),
            "Ana",
        )));
        let mut span = Span::manual(SpanId(2), ByteRange::new(8, 10), "ORG", Layer::Entity);
        span.refers_to = Some(SpanId(1));
        tx.push(Edit::ReplaceSpan(span));
        let mut applied = loaded.clone();
        applied.apply(&tx).unwrap();
        load(&mut loaded, tx).unwrap();
        assert_eq!(loaded, applied);
    }

    #[test]
    fn a_refused_load_leaves_the_document_as_it_was() {
        let mut doc = Document::new(None, "Ana met Bo.");
        let before = doc.clone();
        let tx = insertions(&doc, &[(0, 3), (8, 99)]);
        let refused = doc.clone().apply(&tx).unwrap_err();
        assert_eq!(load(&mut doc, tx), Err(refused));
        assert_eq!(doc, before);
        let mut tx = insertions(&doc, &[(0, 3), (4, 7)]);
        tx.push(Edit::DeleteSpan(SpanId(2)));
        let relabelled = Span::manual(SpanId(1), ByteRange::new(0, 3), "ORG", Layer::Entity);
        tx.push(Edit::ReplaceSpan(relabelled));
        tx.push(Edit::InsertQuote(Quote::manual(
            QuoteId(10),
            SpanId(77),
            "Ana",
        )));
        assert_eq!(load(&mut doc, tx), Err(EditError::UnknownSpan(77)));
        assert_eq!(doc, before);
    }

    #[test]
    fn a_refused_load_puts_back_the_spans_it_replaced() {
        let mut doc = Document::new(None, "Zoë met Bo.");
        let tx = insertions(&doc, &[(0, 4)]);
        load(&mut doc, tx).unwrap();
        let before = doc.clone();
        let mut tx = Transaction::new("load");
        let relabelled = Span::manual(SpanId(1), ByteRange::new(0, 4), "ORG", Layer::Entity);
        tx.push(Edit::ReplaceSpan(relabelled));
        tx.push(Edit::InsertQuote(Quote::manual(
            QuoteId(10),
            SpanId(77),
            "Zoë",
        )));
        assert_eq!(load(&mut doc, tx), Err(EditError::UnknownSpan(77)));
        assert_eq!(doc, before);
        assert_eq!(doc.span(SpanId(1)).unwrap().label, "PERSON");
    }
}
