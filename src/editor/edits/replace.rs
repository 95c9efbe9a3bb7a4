//! Taking over what a copy of a document carries: an annotated copy (the
//! same article opened twice, first bare and then with someone's
//! annotations, a gold export) becomes one document carrying the
//! annotations; a copy the engines suggested on (off the UI thread) gives
//! the document what they added. Each is one transaction, so the project
//! stores it like any other change.

use crate::model::{Document, Edit, Transaction};

/// The transaction that gives `doc` the spans and quotes `suggested` (a
/// copy of it the engines ran on, so new ids are free in `doc`) has and it
/// lacks.
pub fn take_suggestions(doc: &Document, suggested: &Document) -> Transaction {
    let mut tx = Transaction::new("Suggest");
    let added: Vec<_> = (suggested.spans_sorted().into_iter())
        .filter(|s| doc.span(s.id).is_none())
        .collect();
    // Mentions point at spans that must exist first: insert, then link.
    for span in &added {
        let mut unlinked = (*span).clone();
        unlinked.refers_to = None;
        tx.push(Edit::InsertSpan(unlinked));
    }
    for span in added.iter().filter(|s| s.refers_to.is_some()) {
        tx.push(Edit::ReplaceSpan((*span).clone()));
    }
    for quote in suggested.quotes_sorted() {
        if doc.quote(quote.id).is_none() {
            tx.push(Edit::InsertQuote(quote.clone()));
        }
    }
    tx
}

/// The transaction that gives `bare` the spans, quotes and status of
/// `annotated` (same text, so same ids are free once the old ones are gone).
pub fn take_annotations(bare: &Document, annotated: &Document) -> Transaction {
    let mut tx = Transaction::new("Open the annotated copy");
    for quote in bare.quotes() {
        tx.push(Edit::DeleteQuote(quote.id));
    }
    for span in bare.spans() {
        tx.push(Edit::DeleteSpan(span.id));
    }
    // Mentions point at spans that must exist first: insert, then link.
    let spans = annotated.spans_sorted();
    for span in &spans {
        let mut unlinked = (*span).clone();
        unlinked.refers_to = None;
        tx.push(Edit::InsertSpan(unlinked));
    }
    for span in spans.iter().filter(|s| s.refers_to.is_some()) {
        tx.push(Edit::ReplaceSpan((*span).clone()));
    }
    for quote in annotated.quotes_sorted() {
        tx.push(Edit::InsertQuote(quote.clone()));
    }
    if bare.status() != annotated.status() {
        tx.push(Edit::SetStatus(annotated.status()));
    }
    tx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, markup};
    use crate::tests::support::suggested;

    #[test]
    fn the_bare_copy_ends_up_holding_what_the_annotated_one_holds() {
        let bare = suggested("[Zoë|ORG] said “好 👍” to [him|PERSON].");
        let mut annotated =
            markup::document("[Zoë|SPEAKER:1] [said|CUE:1] [“好 👍”|QUOTE:1] to [him|PERSON].")
                .unwrap();
        let zoe = annotated.spans().find(|s| s.label == "SPEAKER").unwrap().id;
        let mut him = annotated
            .spans()
            .find(|s| s.label == "PERSON")
            .unwrap()
            .clone();
        him.refers_to = Some(zoe);
        let review = Transaction::new("Review")
            .with(Edit::ReplaceSpan(him))
            .with(Edit::SetStatus(DocStatus::Done));
        annotated.apply(&review).unwrap();
        assert_eq!(bare.id, annotated.id, "same text");

        let mut doc = bare.clone();
        doc.apply(&take_annotations(&bare, &annotated)).unwrap();
        assert_eq!(doc.spans_sorted(), annotated.spans_sorted());
        assert_eq!(doc.quotes_sorted(), annotated.quotes_sorted());
        assert_eq!(doc.status(), DocStatus::Done);
    }

    #[test]
    fn a_suggested_copy_gives_what_the_engines_added_and_nothing_else() {
        let doc = markup::document("[Zoë|PERSON] said “好 👍” to him.").unwrap();
        let mut copy = doc.clone();
        let more = suggested("[Zoë|SPEAKER:1] [said|CUE:1] [“好 👍”|QUOTE:1] to [him|PERSON].");
        copy.apply(&crate::suggest::to_transaction(
            &copy,
            &suggestions_of(&more),
        ))
        .unwrap();
        let mut taken = doc.clone();
        taken.apply(&take_suggestions(&doc, &copy)).unwrap();
        assert_eq!(taken.spans_sorted(), copy.spans_sorted());
        assert_eq!(taken.quotes_sorted(), copy.quotes_sorted());
        assert!(take_suggestions(&taken, &copy).is_empty());
    }

    /// The spans and quotes of `doc` as suggestions of another engine.
    fn suggestions_of(doc: &Document) -> crate::suggest::Suggestions {
        let spans: Vec<_> = doc.spans_sorted();
        let index = |id| spans.iter().position(|s| s.id == id);
        crate::suggest::Suggestions {
            spans: (spans.iter())
                .map(|s| crate::suggest::SuggestedSpan {
                    range: s.range,
                    label: s.label.clone(),
                    layer: s.layer,
                    origin: s.origin.clone(),
                    refers_to: None,
                })
                .collect(),
            quotes: (doc.quotes_sorted().into_iter())
                .map(|q| crate::suggest::SuggestedQuote {
                    content: q.content.iter().filter_map(|&c| index(c)).collect(),
                    speaker: q.speaker.and_then(index),
                    cue: q.cue.and_then(index),
                    kind: q.kind,
                    speaker_entity: q.speaker_entity.clone(),
                    origin: q.origin.clone(),
                    class: q.class,
                    group: None,
                })
                .collect(),
            boilerplate: Vec::new(),
        }
    }
}
