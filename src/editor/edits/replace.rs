//! Taking over an annotated copy: the same article opened twice, first bare
//! (with suggestions only) and then with someone's annotations (a gold
//! export), becomes one document carrying the annotations — as one
//! transaction, so the project stores it like any other change.

use crate::model::{Document, Edit, Transaction};

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
}
