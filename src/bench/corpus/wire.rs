//! Generated wire articles with the pending suggestions a project holds after
//! the engines ran (entities, quotes with speaker and cue): ~3 KB articles,
//! every one different, for the store and the window's memory, and one long,
//! densely annotated article for the window's frame time.

use super::{Builder, CUES, FILLER, ORGS, PEOPLE, PLACES, Rng, SAYINGS};
use crate::model::{Document, Edit, SpanState, Transaction};

/// Article number `index`, with pending suggestions on it.
pub fn article(index: usize) -> Document {
    let mut rng = Rng::new(index as u64 ^ 0x9e37_79b9_7f4a_7c15);
    let mut b = Builder::default();
    b.span(rng.pick(PLACES), "GPE");
    b.push(&format!(" (Wire, story {index}) — "));
    while b.text().len() < 2800 {
        let person = rng.pick(PEOPLE);
        b.span(person, "PERSON");
        b.push(", who speaks for ");
        b.span(rng.pick(ORGS), "ORG");
        b.push(", warned on Monday that talks were stalling.\n\n");
        let (saying, cue) = (rng.pick(SAYINGS), rng.pick(CUES));
        b.quote(saying, person, cue);
        b.push(rng.pick(FILLER));
        b.push("\n\n");
    }
    b.document(format!("wire/{index:05}.txt"), "rules")
}

/// An article of about `chars` characters with one span every 20 characters:
/// short paragraphs of a name (from the pool), a place and a quote with
/// speaker and cue; half the spans accepted, the rest pending.
pub fn long_article(chars: usize) -> Document {
    let mut rng = Rng::new(0x51_7cc1_b727_220a);
    let mut b = Builder::default();
    let mut count = 0;
    while count < chars {
        for _ in 0..6 {
            let start = b.text().len();
            b.span(rng.pick(PEOPLE), "PERSON");
            b.push(" met officials in ");
            b.span("Zürich", "GPE");
            b.push(" on Monday. ");
            b.quote("We will talk again soon", "the official", "said");
            count += b.text()[start..].chars().count();
        }
        b.push("\n\n");
        count += 2;
    }
    let mut doc = b.document("bench.txt".into(), "bench");
    let accept_half: Vec<Edit> = doc
        .spans()
        .filter(|s| s.id.0 % 2 == 0)
        .map(|s| {
            let mut s = s.clone();
            s.state = SpanState::Accepted;
            Edit::ReplaceSpan(s)
        })
        .collect();
    // Accepting spans of this very document cannot fail; if it did, the
    // benchmark would show fewer accepted spans, not crash.
    let _ = doc.apply(&Transaction {
        label: "Accept half".into(),
        edits: accept_half,
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_wire_sized_distinct_and_annotated() {
        let (a, b) = (article(1), article(2));
        assert_ne!(a.id, b.id);
        assert!((2800..4000).contains(&a.text().len()), "{}", a.text().len());
        assert!(a.span_count() > 15 && a.quotes().count() > 2);
        assert_eq!(a, article(1));
    }

    #[test]
    fn the_long_article_has_the_advertised_size_and_spans() {
        let doc = long_article(100_000);
        let chars = doc.text().chars().count();
        assert!((100_000..101_000).contains(&chars), "{chars}");
        assert!(doc.span_count() >= 5_000, "{}", doc.span_count());
        assert!(doc.quotes().count() > 1_000);
    }
}
