//! The one generator of benchmark corpora: deterministic inputs, the same on
//! every machine and every run, drawn with one fixed-seed [`Rng`] from one
//! set of pools (names, organisations, places, sayings) and written with one
//! [`Builder`]. Annotated documents come from the gold markup of
//! `samples/annotated/` ([`gold`]); raw articles from the bundled sample
//! files ([`samples`]); wire articles with pending suggestions for the store
//! and the window from the pools ([`wire`]).

pub mod gold;
pub mod samples;
pub mod wire;

use crate::formats::ReadError;
use crate::model::markup::MarkupError;
use crate::model::{
    AttributionClass, ByteRange, CUE, Document, Edit, EditError, Layer, Origin, QUOTE, Quote,
    QuoteKind, SPEAKER, Span, SpanState, Transaction,
};

/// Why a corpus could not be built from the bundled samples (a bug in the
/// samples or in the code that reads them).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A gold markup file does not parse.
    #[error("bundled markup does not parse: {0}")]
    Markup(#[from] MarkupError),
    /// The annotations built from markup are refused by the model.
    #[error("bundled annotations are refused: {0}")]
    Edit(#[from] EditError),
    /// A sample article cannot be read.
    #[error("bundled sample cannot be read: {0}")]
    Read(#[from] ReadError),
}

/// People quoted in generated articles: accents, other scripts, particles.
pub const PEOPLE: &[&str] = &[
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
/// Organisations the people speak for.
pub const ORGS: &[&str] = &[
    "the Port Authority",
    "Nordbank",
    "the Ministry of Finance",
    "Ville de Genève",
    "the United Dockworkers Union",
    "Österreichische Post",
    "the city council",
];
/// Datelines.
pub const PLACES: &[&str] = &[
    "GENEVA",
    "ZÜRICH",
    "SÃO PAULO",
    "ŁÓDŹ",
    "MONTRÉAL",
    "REYKJAVÍK",
    "KRAKÓW",
    "OSLO",
];
/// What the people say, without quote marks.
pub const SAYINGS: &[&str] = &[
    "We will not accept a deal that leaves our members behind",
    "The numbers speak for themselves, and they are not good",
    "Nobody expected the talks to collapse this quickly",
    "It’s a fair offer — the fairest we’ve made in a decade",
    "We need to rebuild trust before we rebuild the budget",
    "This is a temporary setback, not a crisis",
];
/// Paragraphs without quotes or names.
pub const FILLER: &[&str] = &[
    "Negotiations resumed on Tuesday after a week-long pause, with both sides signalling flexibility on wages but not on pensions.",
    "The dispute has already delayed shipments worth an estimated €40 million, according to figures released by the chamber of commerce.",
    "Analysts said the outcome would shape wage talks across the sector for the rest of the year.",
    "Officials declined to give a timetable for a final agreement, citing the complexity of the pension question.",
    "Local businesses reported a sharp drop in deliveries, and several smaller firms said they were considering temporary closures.",
];
/// Speech verbs after the speaker.
pub const CUES: &[&str] = &["said", "told reporters", "added", "said in a statement"];

/// The one fixed-seed generator of every corpus (xorshift64*), so corpora
/// are reproducible.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (zero would stay zero, so it is replaced).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9e37_79b9_7f4a_7c15
        } else {
            seed
        })
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        usize::try_from(x >> 33).unwrap_or(0) % n.max(1)
    }

    /// One of `items` ("" when there is none).
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = self.below(items.len());
        items.get(i).copied().unwrap_or("")
    }
}

/// Writes an article's text and remembers where its annotated pieces are,
/// then turns them into pending suggestions on a [`Document`].
#[derive(Default)]
pub struct Builder {
    text: String,
    spans: Vec<(ByteRange, &'static str)>,
    quotes: Vec<[usize; 3]>,
}

impl Builder {
    /// The text written so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends unannotated text.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Appends `s` as a span labelled `label`; returns its number.
    pub fn span(&mut self, s: &str, label: &'static str) -> usize {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans
            .push((ByteRange::new(start, self.text.len()), label));
        self.spans.len() - 1
    }

    /// Appends `“saying,” speaker cue. ` as a quote with its speaker and cue.
    pub fn quote(&mut self, saying: &str, speaker: &str, cue: &str) {
        let content = self.span(&format!("“{saying},”"), QUOTE);
        self.push(" ");
        let speaker = self.span(speaker, SPEAKER);
        self.push(" ");
        let cue = self.span(cue, CUE);
        self.push(". ");
        self.quotes.push([content, speaker, cue]);
    }

    /// The document named `name`, every span and quote a pending suggestion
    /// of `engine` (the rule is the label).
    pub fn document(self, name: String, engine: &str) -> Document {
        let mut doc = Document::new(Some(name), &self.text);
        let mut ids = doc.ids();
        let span_ids: Vec<_> = self.spans.iter().map(|_| ids.span()).collect();
        let origin = |rule: &str| Origin::suggested(engine, rule, 0.7);
        let mut tx = Transaction::new("Suggest");
        for ((range, label), id) in self.spans.iter().zip(&span_ids) {
            let layer = if [QUOTE, SPEAKER, CUE].contains(label) {
                Layer::Attribution
            } else {
                Layer::Entity
            };
            let span = Span::suggested(*id, *range, *label, layer, origin(label));
            tx.push(Edit::InsertSpan(span));
        }
        for [content, speaker, cue] in self.quotes {
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
                group: None,
            }));
        }
        // The builder only makes ranges on char boundaries inside the text.
        let _ = doc.apply(&tx);
        doc
    }
}

/// Total bytes of text in `docs`.
pub fn text_bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text().len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rng_is_reproducible_and_stays_in_range() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for n in 1..50 {
            let x = a.below(n);
            assert!(x < n);
            assert_eq!(x, b.below(n));
        }
        assert_eq!(Rng::new(0).below(0), 0);
        assert!(PEOPLE.contains(&a.pick(PEOPLE)));
        assert_eq!(a.pick(&[]), "");
    }
}
