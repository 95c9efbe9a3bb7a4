//! Tests of applying transactions: deletions that update quotes, refused
//! transactions that change nothing, and undo through the inverse.

use super::*;
use crate::model::AttributionClass;
use crate::model::quote::QuoteKind;
use crate::model::span::{Layer, Origin, SpanState};
use crate::model::{CUE, QUOTE, SPEAKER};

fn doc_with_quote() -> (Document, Quote) {
    let mut doc = Document::new(None, "“We will rebuild,” Díaz said.");
    let text = doc.text().to_owned();
    let range = |s: &str| {
        let start = text.find(s).unwrap();
        ByteRange::new(start, start + s.len())
    };
    let mut ids = doc.ids();
    let (q, s, c) = (ids.span(), ids.span(), ids.span());
    let quote = Quote {
        id: ids.quote(),
        content: vec![q],
        speaker: Some(s),
        cue: Some(c),
        kind: QuoteKind::Direct,
        class: AttributionClass::Speech,
        speaker_entity: Some("Ana Díaz".into()),
        state: SpanState::Accepted,
        origin: Origin::Manual,
        group: None,
    };
    let tx = Transaction::new("add")
        .with(Edit::InsertSpan(Span::manual(
            q,
            range("“We will rebuild,”"),
            QUOTE,
            Layer::Attribution,
        )))
        .with(Edit::InsertSpan(Span::manual(
            s,
            range("Díaz"),
            SPEAKER,
            Layer::Attribution,
        )))
        .with(Edit::InsertSpan(Span::manual(
            c,
            range("said"),
            CUE,
            Layer::Attribution,
        )))
        .with(Edit::InsertQuote(quote.clone()));
    doc.apply(&tx).unwrap();
    (doc, quote)
}

#[test]
fn deleting_a_speaker_updates_the_quote_and_undo_restores_it() {
    let (mut doc, quote) = doc_with_quote();
    let before = doc.clone();
    let speaker = quote.speaker.unwrap();
    let applied = doc
        .apply(&Transaction::new("delete").with(Edit::DeleteSpan(speaker)))
        .unwrap();
    assert!(doc.span(speaker).is_none());
    assert_eq!(doc.quote(quote.id).unwrap().speaker, None);
    assert!(applied.changes.quotes.contains(&quote.id));
    doc.apply(&applied.inverse).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn deleting_the_only_content_deletes_the_quote() {
    let (mut doc, quote) = doc_with_quote();
    let before = doc.clone();
    let applied = doc
        .apply(&Transaction::new("delete").with(Edit::DeleteSpan(quote.content[0])))
        .unwrap();
    assert!(doc.quote(quote.id).is_none());
    doc.apply(&applied.inverse).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn a_failing_edit_leaves_the_document_untouched() {
    let (mut doc, quote) = doc_with_quote();
    let before = doc.clone();
    let mut relabelled = doc.span(quote.cue.unwrap()).unwrap().clone();
    relabelled.label = "PERSON".into();
    let mut bad = relabelled.clone();
    bad.id = SpanId(99);
    bad.range = ByteRange::new(1, 2);
    let err = doc
        .apply(
            &Transaction::new("bad")
                .with(Edit::ReplaceSpan(relabelled))
                .with(Edit::SetStatus(DocStatus::Done))
                .with(Edit::InsertSpan(bad)),
        )
        .unwrap_err();
    assert!(matches!(err, EditError::BadRange { id: 99, .. }));
    assert_eq!(doc, before);
}

#[test]
fn a_class_change_is_undone_by_its_inverse() {
    let (mut doc, mut quote) = doc_with_quote();
    let before = doc.clone();
    quote.class = AttributionClass::Belief;
    let applied = doc
        .apply(&Transaction::new("class").with(Edit::ReplaceQuote(quote.clone())))
        .unwrap();
    assert_eq!(doc.quote(quote.id).unwrap().class, AttributionClass::Belief);
    assert!(applied.changes.quotes.contains(&quote.id));
    doc.apply(&applied.inverse).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn refuses_quotes_pointing_at_missing_spans() {
    let (mut doc, mut quote) = doc_with_quote();
    quote.speaker = Some(SpanId(42));
    let err = doc
        .apply(&Transaction::new("x").with(Edit::ReplaceQuote(quote)))
        .unwrap_err();
    assert_eq!(err, EditError::UnknownSpan(42));
}

/// A transaction that links a mention and re-points the quote before it
/// deletes spans: the pointers made earlier in it are found, the ones it
/// undid are left alone, and undo gives the document back.
#[test]
fn deletions_find_the_pointers_made_earlier_in_their_transaction() {
    let (mut doc, quote) = doc_with_quote();
    let before = doc.clone();
    let (speaker, cue) = (quote.speaker.unwrap(), quote.cue.unwrap());
    let mut mention = doc.span(cue).unwrap().clone();
    mention.refers_to = Some(speaker);
    let without_cue = Quote {
        cue: None,
        ..quote.clone()
    };
    let tx = Transaction::new("several")
        .with(Edit::DeleteSpan(quote.content[0]))
        .with(Edit::ReplaceSpan(mention))
        .with(Edit::DeleteSpan(speaker));
    let applied = doc.apply(&tx).unwrap();
    assert_eq!(doc.quote(quote.id), None, "its only content went first");
    assert_eq!(doc.span(cue).unwrap().refers_to, None);
    assert_eq!(doc.span_count(), 1);
    doc.apply(&applied.inverse).unwrap();
    assert_eq!(doc, before);
    let tx = Transaction::new("re-point")
        .with(Edit::ReplaceQuote(without_cue))
        .with(Edit::DeleteSpan(cue))
        .with(Edit::DeleteSpan(speaker));
    doc.apply(&tx).unwrap();
    let left = doc.quote(quote.id).unwrap();
    assert_eq!((left.speaker, left.cue), (None, None));
    assert_eq!(left.content, quote.content);
}
