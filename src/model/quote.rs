//! Quotes: who said what. A quote ties one or more content spans (a split quote
//! is one quote) to a speaker span and a cue span, all by id.

use serde::{Deserialize, Serialize};

use super::attribution::AttributionClass;
use super::segments::QuoteGroup;
use super::span::{Origin, Span, SpanId, SpanState};

/// The quotation marks that make quoted words direct speech: straight and
/// typographic double quotes, low-9 quotes and guillemets. The tokenizer's
/// quote characters include them (`tokens::chars`).
pub const QUOTATION_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];

/// True when `s` holds a straight or typographic quotation mark.
pub fn has_quote_mark(s: &str) -> bool {
    s.contains(QUOTATION_MARKS)
}

/// Stable identity of a quote inside its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuoteId(pub u64);

/// How the words are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim words inside quotation marks.
    Direct,
    /// Reported speech without quotation marks (`X said that …`).
    Indirect,
    /// A few quoted words inside a reporter's sentence.
    Partial,
    /// Reported speech that mixes paraphrase and quoted words.
    Mixed,
}

impl QuoteKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 4] = [Self::Direct, Self::Indirect, Self::Partial, Self::Mixed];

    /// The name used in files and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
            Self::Partial => "partial",
            Self::Mixed => "mixed",
        }
    }

    /// Parses a name as written by [`QuoteKind::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The kind a quote has when all that is known is its content text, as
    /// when a file carries no kind (relations, brat events, tag columns):
    /// direct when a content span holds a quotation mark, indirect otherwise
    /// (partial and mixed cannot be told).
    pub fn inferred<'t>(content: impl IntoIterator<Item = &'t str>) -> Self {
        if content.into_iter().any(has_quote_mark) {
            Self::Direct
        } else {
            Self::Indirect
        }
    }
}

/// One attribution: content, speaker, cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Stable id inside the document.
    pub id: QuoteId,
    /// The QUOTE spans holding the reported words, in text order; never empty.
    pub content: Vec<SpanId>,
    /// The SPEAKER span (source mention), if known.
    pub speaker: Option<SpanId>,
    /// The CUE span (`said`, `according to`), if known.
    pub cue: Option<SpanId>,
    /// How the words are reported.
    pub kind: QuoteKind,
    /// What the attribution reports: speech (the default, and what quotes
    /// made before classes existed are), writing, belief, stance, evidence.
    pub class: AttributionClass,
    /// Canonical name of the person or body quoted (`Antony Blinken` for `he`).
    pub speaker_entity: Option<String>,
    /// Review state of the attribution as a whole.
    pub state: SpanState,
    /// Who proposed it.
    pub origin: Origin,
    /// The interrupted quote this one is a segment of, when the quote is one
    /// record of several (see `segments`); `None` for a whole quote.
    pub group: Option<QuoteGroup>,
}

impl Quote {
    /// A reviewed, hand-made quote of one content span with no speaker or cue,
    /// as the editor makes one from a new QUOTE span and the column formats
    /// (CoNLL, CoNLL-U) carry them: direct when `content_text` holds a
    /// quotation mark, indirect otherwise.
    pub fn manual(id: QuoteId, content: SpanId, content_text: &str) -> Self {
        Self {
            id,
            content: vec![content],
            speaker: None,
            cue: None,
            kind: QuoteKind::inferred([content_text]),
            class: AttributionClass::Speech,
            speaker_entity: None,
            state: SpanState::Accepted,
            origin: Origin::Manual,
            group: None,
        }
    }

    /// A quote of `content` alone, in the span's review state and from its
    /// origin, as readers rebuild a quote that a file names (by a class or a
    /// segment link) but gives neither speaker nor cue.
    pub fn bare(id: QuoteId, content: &Span, content_text: &str) -> Self {
        Self {
            state: content.state,
            origin: content.origin.clone(),
            ..Self::manual(id, content.id, content_text)
        }
    }

    /// Every span id this quote points at, content first.
    pub fn span_ids(&self) -> impl Iterator<Item = SpanId> + '_ {
        self.content
            .iter()
            .copied()
            .chain(self.speaker)
            .chain(self.cue)
    }

    /// True when the quote points at `id` in any role.
    pub fn mentions(&self, id: SpanId) -> bool {
        self.span_ids().any(|s| s == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_quote_is_direct_only_with_a_quotation_mark() {
        let direct = Quote::manual(QuoteId(3), SpanId(7), "«On reviendra»");
        assert_eq!(direct.kind, QuoteKind::Direct);
        assert_eq!(direct.class, AttributionClass::Speech);
        assert_eq!(direct.content, [SpanId(7)]);
        assert_eq!(direct.state, SpanState::Accepted);
        assert_eq!(direct.origin, Origin::Manual);
        let reported = Quote::manual(QuoteId(3), SpanId(7), "the port would reopen");
        assert_eq!(reported.kind, QuoteKind::Indirect);
    }

    #[test]
    fn a_bare_quote_takes_its_span_state_and_origin() {
        let range = super::super::ByteRange::new(0, 9);
        let mut span = Span::manual(SpanId(4), range, "QUOTE", super::super::Layer::Attribution);
        span.state = SpanState::Pending;
        span.origin = Origin::suggested("règles", "said", 0.7);
        let quote = Quote::bare(QuoteId(2), &span, "“Ça va”");
        assert_eq!(quote.kind, QuoteKind::Direct);
        assert_eq!((quote.id, quote.content), (QuoteId(2), vec![SpanId(4)]));
        assert_eq!((quote.state, quote.origin), (span.state, span.origin));
        assert_eq!((quote.speaker, quote.cue, quote.group), (None, None, None));
    }
}
