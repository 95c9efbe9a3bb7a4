//! Running engines over documents: suggestions become one pending-span
//! transaction per engine and document; many documents run in parallel.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Suggester, to_transaction};
use crate::model::{Document, EditError};

/// Runs every engine on one document and applies what they propose. Returns
/// the number of spans added.
pub fn suggest_document(
    doc: &mut Document,
    engines: &[&dyn Suggester],
) -> Result<usize, EditError> {
    let before = doc.span_count();
    for engine in engines {
        let suggestions = engine.suggest(doc);
        for range in suggestions.boilerplate.iter().copied() {
            if !doc.boilerplate.contains(&range) {
                doc.boilerplate.push(range);
            }
        }
        doc.boilerplate.sort();
        let tx = to_transaction(doc, &suggestions);
        drop(suggestions);
        // Moved in, as a file is loaded, not applied: `apply` copies every
        // edit and keeps its inverse, three times the suggestions at once
        // (2 GB on a 30 MB article); a refusal still takes back them all.
        let mut loading = doc.load();
        for edit in tx.edits {
            loading.push(edit);
        }
        loading.finish()?;
    }
    Ok(doc.span_count() - before)
}

/// Runs [`suggest_document`] on every document on all cores, calling
/// `progress(done)` as documents finish. Results come back in input order.
pub fn suggest_all(
    docs: &mut [Document],
    engines: &[&dyn Suggester],
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Result<usize, EditError>> {
    let done = AtomicUsize::new(0);
    docs.par_iter_mut()
        .map(|doc| {
            let result = suggest_document(doc, engines);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            result
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QUOTE;
    use crate::model::{ByteRange, Layer, Origin, QuoteKind, SpanState};
    use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggestions};

    /// Proposes every occurrence of one word as a QUOTE with itself as speaker.
    struct WordEngine(&'static str);

    impl Suggester for WordEngine {
        fn name(&self) -> &str {
            "word"
        }
        fn suggest(&self, doc: &Document) -> Suggestions {
            let mut out = Suggestions::default();
            for (start, w) in doc.text().match_indices(self.0) {
                out.spans.push(SuggestedSpan {
                    range: ByteRange::new(start, start + w.len()),
                    label: QUOTE.into(),
                    layer: Layer::Attribution,
                    origin: Origin::suggested("word", "literal", 0.5),
                    refers_to: None,
                });
                out.quotes.push(SuggestedQuote {
                    content: vec![out.spans.len() - 1],
                    speaker: None,
                    cue: None,
                    kind: QuoteKind::Direct,
                    speaker_entity: None,
                    origin: Origin::suggested("word", "literal", 0.5),
                    class: crate::suggest::AttributionClass::Speech,
                    group: None,
                });
            }
            out.boilerplate.push(ByteRange::new(0, 3));
            out
        }
    }

    #[test]
    fn suggestions_become_pending_and_rerunning_adds_nothing() {
        let mut docs = vec![
            Document::new(None, "“Yes” and “yes”, señor"),
            Document::new(None, "no match"),
        ];
        let engine = WordEngine("yes");
        let results = suggest_all(&mut docs, &[&engine], &|_| {});
        assert_eq!(results, vec![Ok(1), Ok(0)]);
        let span = docs[0].spans().next().unwrap();
        assert_eq!(span.state, SpanState::Pending);
        assert_eq!(span.text(docs[0].text()), "yes");
        assert_eq!(docs[0].quotes().count(), 1);
        assert_eq!(docs[0].boilerplate, vec![ByteRange::new(0, 3)]);
        assert_eq!(suggest_document(&mut docs[0], &[&engine]), Ok(0));
        assert_eq!(docs[0].quotes().count(), 1);
    }

    /// Proposes every occurrence of some words as PERSON.
    struct NameEngine(&'static [&'static str]);

    impl Suggester for NameEngine {
        fn name(&self) -> &str {
            "names"
        }
        fn suggest(&self, doc: &Document) -> Suggestions {
            let mut out = Suggestions::default();
            for word in self.0 {
                for (start, w) in doc.text().match_indices(word) {
                    out.spans.push(SuggestedSpan {
                        range: ByteRange::new(start, start + w.len()),
                        label: "PERSON".into(),
                        layer: Layer::Entity,
                        origin: Origin::suggested("names", "literal", 0.5),
                        refers_to: None,
                    });
                }
            }
            out
        }
    }

    #[test]
    fn entities_crossing_an_accepted_entity_are_not_suggested() {
        let mut doc =
            crate::model::markup::document("Rain hit [Quảng Trị|GPE] and Huế, Hương said.")
                .unwrap();
        let engine = NameEngine(&["Trị", "Quảng Trị", "Hương"]);
        assert_eq!(suggest_document(&mut doc, &[&engine]), Ok(1));
        let texts: Vec<(&str, &str)> = doc
            .spans()
            .map(|s| (s.text(doc.text()), s.label.as_str()))
            .collect();
        assert_eq!(texts, vec![("Quảng Trị", "GPE"), ("Hương", "PERSON")]);
    }
}
