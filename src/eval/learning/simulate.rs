//! What an editor leaves behind, simulated from gold: reviewing a document
//! accepts its gold spans and rejects every rules entity suggestion that is
//! not one of them (by range: a suggestion with the right range and the
//! wrong label is relabelled, so it becomes the gold span).

use std::collections::HashSet;

use crate::model::{ByteRange, Document, Edit, Layer, Span, SpanState, Transaction};
use crate::suggest::Suggestions;

/// `gold` as reviewed by an editor who was shown `rules` (the rules
/// engine's suggestions for it): gold spans accepted, the other rules
/// entity suggestions rejected.
pub fn reviewed(gold: &Document, rules: &Suggestions) -> Document {
    let mut doc = gold.clone();
    let ranges: HashSet<ByteRange> = gold
        .spans()
        .filter(|s| s.layer == Layer::Entity)
        .map(|s| s.range)
        .collect();
    let mut ids = doc.ids();
    let mut tx = Transaction::new("review");
    for s in rules
        .spans
        .iter()
        .filter(|s| s.layer == Layer::Entity && !ranges.contains(&s.range))
    {
        let mut span = Span::suggested(
            ids.span(),
            s.range,
            s.label.clone(),
            s.layer,
            s.origin.clone(),
        );
        span.state = SpanState::Rejected;
        tx.push(Edit::InsertSpan(span));
    }
    // Rules ranges lie on char boundaries of the same text: nothing to refuse.
    let _ = doc.apply(&tx);
    doc
}

/// A copy of `doc` holding only its accepted spans (no quotes): the gold a
/// reviewed document stands for.
pub fn accepted_only(doc: &Document) -> Document {
    let mut out = Document::new(doc.source.clone(), doc.text());
    let mut tx = Transaction::new("gold");
    for s in doc.spans().filter(|s| s.state == SpanState::Accepted) {
        let mut span = s.clone();
        span.refers_to = None;
        tx.push(Edit::InsertSpan(span));
    }
    let _ = out.apply(&tx);
    out
}
