//! What is gold — the one rule every writer follows, so no export can take an
//! unreviewed suggestion for training data.
//!
//! - A span is gold when it is accepted (a span the editor makes starts
//!   accepted); pending and rejected spans are not.
//! - A quote is gold when it is accepted itself and every one of its content
//!   spans is gold. A gold quote keeps its speaker and cue only where those
//!   spans are gold.
//! - A coreference link (`refers_to`) is gold when both of its spans are.
//!
//! [`Document::gold`] is the document as a training export sees it: only
//! gold, borrowed as it is when it holds nothing else.

use std::borrow::Cow;

use super::document::Document;
use super::quote::Quote;
use super::span::{Span, SpanState};

impl Span {
    /// True when the span is training data: reviewed and kept.
    pub fn is_gold(&self) -> bool {
        self.state == SpanState::Accepted
    }
}

impl Quote {
    /// True when the quote is training data: accepted, with gold content only.
    pub fn is_gold(&self, doc: &Document) -> bool {
        self.state == SpanState::Accepted
            && !self.content.is_empty()
            && (self.content.iter()).all(|&id| doc.span(id).is_some_and(Span::is_gold))
    }

    /// True when the quote is a suggestion still to review: neither gold nor
    /// rejected, and none of its content rejected.
    pub fn is_suggestion(&self, doc: &Document) -> bool {
        self.state != SpanState::Rejected
            && !self.is_gold(doc)
            && (self.content.iter())
                .all(|&id| doc.span(id).is_some_and(|s| s.state != SpanState::Rejected))
    }
}

impl Document {
    /// True when everything annotated is gold: no pending or rejected span,
    /// no quote that is not gold, no link to a span that is not gold.
    pub fn is_all_gold(&self) -> bool {
        let gold = |id| self.span(id).is_some_and(Span::is_gold);
        self.spans()
            .all(|s| s.is_gold() && s.refers_to.is_none_or(gold))
            && self.quotes().all(|q| q.is_gold(self))
    }

    /// The document with its gold annotations only: the spans that are gold
    /// (a link kept when its target is gold) and the gold quotes (a speaker or
    /// cue kept when its span is gold). Borrowed when the document holds
    /// nothing else, so a reviewed project is exported without copies.
    pub fn gold(&self) -> Cow<'_, Document> {
        if self.is_all_gold() {
            return Cow::Borrowed(self);
        }
        let gold = |id| self.span(id).is_some_and(Span::is_gold);
        let spans = self.spans().filter(|s| s.is_gold()).map(|s| {
            let mut span = s.clone();
            span.refers_to = span.refers_to.filter(|&t| gold(t));
            span
        });
        let quotes = self.quotes().filter(|q| q.is_gold(self)).map(|q| {
            let mut quote = q.clone();
            quote.speaker = quote.speaker.filter(|&s| gold(s));
            quote.cue = quote.cue.filter(|&c| gold(c));
            quote
        });
        Cow::Owned(self.with_annotations(spans, quotes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::{document, ids_by_label};
    use crate::model::{CUE, DocStatus, Edit, Origin, SPEAKER, Transaction};

    /// A reviewed quote whose cue is still a suggestion, a pending quote, a
    /// rejected entity and a mention linked to a pending one.
    fn mixed() -> Document {
        let mut doc = document(
            "[“Wir bauen,”|QUOTE:1] [Zoë Müller|SPEAKER:1] [sagte|CUE:1]. \
             [„Nein“|QUOTE:2] [sie|SPEAKER:2] [rief|CUE:2] in [北京|GPE] 👋 [Ana|PERSON].",
        )
        .unwrap();
        let cues = ids_by_label(&doc, CUE);
        let speakers = ids_by_label(&doc, SPEAKER);
        let mut tx = Transaction::new("review").with(Edit::SetStatus(DocStatus::InProgress));
        let origin = Origin::suggested("rules", "fixture", 0.5);
        for (i, span) in doc.spans_sorted().into_iter().enumerate() {
            let mut span = span.clone();
            if span.id == cues[0] || i >= 3 && span.label != "GPE" && span.label != "PERSON" {
                span.state = SpanState::Pending;
                span.origin = origin.clone();
            }
            if span.label == "GPE" {
                span.state = SpanState::Rejected;
            }
            if span.label == "PERSON" {
                span.refers_to = Some(speakers[1]);
            }
            tx.push(Edit::ReplaceSpan(span));
        }
        let mut second = doc.quotes_sorted()[1].clone();
        second.state = SpanState::Pending;
        tx.push(Edit::ReplaceQuote(second));
        doc.apply(&tx).unwrap();
        doc
    }

    #[test]
    fn gold_keeps_reviewed_annotations_and_links_between_them_only() {
        let doc = mixed();
        assert!(!doc.is_all_gold());
        let gold = doc.gold();
        assert!(matches!(gold, Cow::Owned(_)));
        let texts: Vec<&str> = gold
            .spans_sorted()
            .iter()
            .map(|s| s.text(gold.text()))
            .collect();
        assert_eq!(texts, ["“Wir bauen,”", "Zoë Müller", "Ana"]);
        assert!(
            gold.spans().all(|s| s.refers_to.is_none()),
            "link to a pending span"
        );
        let quotes = gold.quotes_sorted();
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0].speaker.is_some());
        assert_eq!(quotes[0].cue, None, "the cue is still pending");
        assert_eq!(
            (gold.id.clone(), gold.text(), gold.status()),
            (doc.id.clone(), doc.text(), doc.status())
        );
        assert!(gold.is_all_gold());
        let [first, second] = &doc.quotes_sorted()[..] else {
            panic!("two quotes");
        };
        assert!(first.is_gold(&doc) && !first.is_suggestion(&doc));
        assert!(!second.is_gold(&doc) && second.is_suggestion(&doc));
    }

    #[test]
    fn a_reviewed_document_is_its_own_gold_and_an_unreviewed_one_has_none() {
        let reviewed = document("[“Sí,”|QUOTE:1] [José|SPEAKER:1] [dijo|CUE:1].").unwrap();
        assert!(matches!(reviewed.gold(), Cow::Borrowed(_)));
        let mut unreviewed = reviewed.clone();
        let mut tx = Transaction::new("suggest");
        for span in reviewed.spans() {
            let mut span = span.clone();
            span.state = SpanState::Pending;
            tx.push(Edit::ReplaceSpan(span));
        }
        unreviewed.apply(&tx).unwrap();
        let gold = unreviewed.gold();
        assert_eq!((gold.span_count(), gold.quotes().count()), (0, 0));
        assert!(unreviewed.quotes().all(|q| q.is_suggestion(&unreviewed)));
    }
}
