//! Synthetic wire articles for the store benchmark: ~3 KB each, every one
//! different, with curly quotes, non-ASCII names, and the pending suggestions
//! a project holds after the engines ran (entities, quotes with speaker and
//! cue). Deterministic for a given index.

use crate::model::{
    AttributionClass, ByteRange, CUE, Document, Edit, Layer, Origin, QUOTE, Quote, QuoteKind,
    SPEAKER, Span, SpanState, Transaction,
};

const PEOPLE: &[&str] = &[
    "Zoë Ñúñez",
    "Łukasz Wróbel",
    "李明",
    "José Álvarez",
    "Søren Dahl",
    "Amara Okafor",
    "Nguyễn Thị Lan",
    "Olaf Becker",
    "Fatima Al-Sayed",
    "Renée Côté",
    "Hiroshi Tanaka",
    "Ana Díaz",
];
const ORGS: &[&str] = &[
    "the Port Authority",
    "Nordbank",
    "the Ministry of Finance",
    "Ville de Genève",
    "the United Dockworkers Union",
    "Österreichische Post",
    "the city council",
];
const PLACES: &[&str] = &[
    "GENEVA",
    "ZÜRICH",
    "SÃO PAULO",
    "ŁÓDŹ",
    "MONTRÉAL",
    "REYKJAVÍK",
    "KRAKÓW",
    "OSLO",
];
const SAYINGS: &[&str] = &[
    "We will not accept a deal that leaves our members behind",
    "The numbers speak for themselves, and they are not good",
    "Nobody expected the talks to collapse this quickly",
    "It’s a fair offer — the fairest we’ve made in a decade",
    "We need to rebuild trust before we rebuild the budget",
    "This is a temporary setback, not a crisis",
];
const FILLER: &[&str] = &[
    "Negotiations resumed on Tuesday after a week-long pause, with both sides signalling flexibility on wages but not on pensions.",
    "The dispute has already delayed shipments worth an estimated €40 million, according to figures released by the chamber of commerce.",
    "Analysts said the outcome would shape wage talks across the sector for the rest of the year.",
    "Officials declined to give a timetable for a final agreement, citing the complexity of the pension question.",
    "Local businesses reported a sharp drop in deliveries, and several smaller firms said they were considering temporary closures.",
];
const CUES: &[&str] = &["said", "told reporters", "added", "said in a statement"];

/// A tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let i = (self.0 >> 33) as usize % items.len().max(1);
        items.get(i).copied().unwrap_or("")
    }
}

/// Builds the text and remembers where the annotated pieces are.
#[derive(Default)]
struct Builder {
    text: String,
    spans: Vec<(ByteRange, &'static str, Layer)>,
    quotes: Vec<[usize; 3]>,
}

impl Builder {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn span(&mut self, s: &str, label: &'static str, layer: Layer) -> usize {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans
            .push((ByteRange::new(start, self.text.len()), label, layer));
        self.spans.len() - 1
    }
}

/// Article number `index`, with pending suggestions on it.
pub fn article(index: usize) -> Document {
    let mut rng = Rng(index as u64 ^ 0x9e37_79b9_7f4a_7c15);
    let mut b = Builder::default();
    b.span(rng.pick(PLACES), "GPE", Layer::Entity);
    b.push(&format!(" (Wire, story {index}) — "));
    while b.text.len() < 2800 {
        let person = rng.pick(PEOPLE);
        b.span(person, "PERSON", Layer::Entity);
        b.push(", who speaks for ");
        b.span(rng.pick(ORGS), "ORG", Layer::Entity);
        b.push(", warned on Monday that talks were stalling.\n\n");
        let content = b.span(
            &format!("“{},”", rng.pick(SAYINGS)),
            QUOTE,
            Layer::Attribution,
        );
        b.push(" ");
        let speaker = b.span(person, SPEAKER, Layer::Attribution);
        b.push(" ");
        let cue = b.span(rng.pick(CUES), CUE, Layer::Attribution);
        b.push(". ");
        b.quotes.push([content, speaker, cue]);
        b.push(rng.pick(FILLER));
        b.push("\n\n");
    }
    let mut doc = Document::new(Some(format!("wire/{index:05}.txt")), &b.text);
    let mut ids = doc.ids();
    let span_ids: Vec<_> = b.spans.iter().map(|_| ids.span()).collect();
    let origin = |rule: &str| Origin::suggested("rules", rule, 0.7);
    let mut tx = Transaction::new("Suggest");
    for ((range, label, layer), id) in b.spans.iter().zip(&span_ids) {
        tx.push(Edit::InsertSpan(Span::suggested(
            *id,
            *range,
            *label,
            *layer,
            origin(label),
        )));
    }
    for [content, speaker, cue] in b.quotes {
        tx.push(Edit::InsertQuote(Quote {
            id: ids.quote(),
            content: span_ids.get(content).copied().into_iter().collect(),
            speaker: span_ids.get(speaker).copied(),
            cue: span_ids.get(cue).copied(),
            kind: QuoteKind::Direct,
            class: AttributionClass::Speech,
            speaker_entity: None,
            state: SpanState::Pending,
            origin: origin("quote"),
        }));
    }
    // The builder only makes ranges on char boundaries inside the text.
    let _ = doc.apply(&tx);
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
}
