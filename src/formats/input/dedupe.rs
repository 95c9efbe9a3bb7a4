//! The same article read twice. A document's id is the hash of its text, so
//! an article and an annotated export of it (`samples/flood.txt` and
//! `samples/annotated/flood.jsonl`) are one document read from two inputs.
//! Where the command line gathers documents (`byline convert`, `byline
//! suggest`) the bare copy gives way to the annotated one, with a notice;
//! copies that both carry annotations (two annotators of one PolNeAR article)
//! are all kept, since dropping either would lose someone's work.

use std::collections::HashMap;

use crate::formats::Warning;
use crate::model::{DocId, DocStatus, Document, Origin, SpanState};

/// True when someone annotated or reviewed `doc`: a manual span, a span
/// accepted or rejected, or a review status. Pending suggestions alone do not
/// count: engines suggest on articles that nobody has looked at yet.
pub fn is_annotated(doc: &Document) -> bool {
    doc.status() != DocStatus::New
        || doc
            .spans()
            .any(|s| s.state != SpanState::Pending || s.origin == Origin::Manual)
}

/// Keeps one copy of each text: every annotated copy when there is one (the
/// bare ones are left out), else the first. `read` pairs each document with
/// the input it came from, which the warnings name. Order is kept.
pub fn without_copies(read: Vec<(String, Document)>) -> (Vec<Document>, Vec<Warning>) {
    let mut keeper: HashMap<DocId, (usize, bool)> = HashMap::new();
    for (i, (_, doc)) in read.iter().enumerate() {
        let annotated = is_annotated(doc);
        let entry = keeper.entry(doc.id.clone()).or_insert((i, annotated));
        if annotated && !entry.1 {
            *entry = (i, true);
        }
    }
    let names: Vec<String> = read.iter().map(|(name, _)| name.clone()).collect();
    let mut kept = Vec::with_capacity(read.len());
    let mut warnings = Vec::new();
    for (i, (name, doc)) in read.into_iter().enumerate() {
        let Some(&(first, annotated)) = keeper.get(&doc.id) else {
            continue;
        };
        if i == first || (annotated && is_annotated(&doc)) {
            kept.push(doc);
            continue;
        }
        let message = if annotated {
            format!(
                "same text as {}, which is annotated; this bare copy is left out",
                names[first]
            )
        } else {
            format!("same text as {}; read once", names[first])
        };
        warnings.push(Warning::new(name, message));
    }
    (kept, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ByteRange, Edit, Layer, Span, Transaction, markup};

    fn bare(text: &str) -> Document {
        Document::new(Some("bare".into()), text)
    }

    fn named(docs: Vec<(&str, Document)>) -> Vec<(String, Document)> {
        docs.into_iter().map(|(n, d)| (n.to_owned(), d)).collect()
    }

    #[test]
    fn the_annotated_copy_wins_wherever_it_comes() {
        let gold = markup::document("[Zoë|PERSON] said “好 👍”.").unwrap();
        let plain = bare("Zoë said “好 👍”.");
        let other = bare("Another text.");
        let (kept, warnings) = without_copies(named(vec![
            ("a.txt", plain),
            ("b.txt", other.clone()),
            ("gold.jsonl", gold.clone()),
        ]));
        assert_eq!(kept, [other, gold]);
        assert_eq!(
            warnings[0].to_string(),
            "same text as gold.jsonl, which is annotated; this bare copy is left out: a.txt"
        );
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn bare_copies_are_read_once_and_annotated_ones_all_kept() {
        let (kept, warnings) = without_copies(named(vec![
            ("a.txt", bare("Same.")),
            ("b.md", bare("Same.")),
        ]));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].source.as_deref(), Some("bare"));
        assert_eq!(
            warnings[0].to_string(),
            "same text as a.txt; read once: b.md"
        );
        let first = markup::document("[Ana|PERSON] spoke.").unwrap();
        let second = markup::document("Ana [spoke|CUE].").unwrap();
        let (kept, warnings) = without_copies(named(vec![
            ("ann1.ann", first.clone()),
            ("ann2.ann", second.clone()),
        ]));
        assert_eq!(kept, [first, second]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn pending_suggestions_alone_are_not_annotations() {
        let mut suggested = bare("Ana spoke.");
        let span = Span::suggested(
            suggested.ids().span(),
            ByteRange::new(0, 3),
            "PERSON",
            Layer::Entity,
            Origin::suggested("test", "markup", 0.9),
        );
        suggested
            .apply(&Transaction::new("suggest").with(Edit::InsertSpan(span)))
            .unwrap();
        assert!(!is_annotated(&suggested));
        assert!(is_annotated(
            &markup::document("[Ana|PERSON] spoke.").unwrap()
        ));
        assert!(!is_annotated(&bare("Ana spoke.")));
    }
}
