//! One paragraph prepared for the attribution rules: its tokens, quoted
//! stretches and sentences, and the attributions found in it.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::marks::{self, Seg};
use super::sentences;
use super::speakers::Head;
use super::words::{self, Kind, Tok};

/// A paragraph's tokens, quotes and sentences.
pub struct Para {
    /// Tokens with document byte offsets.
    pub toks: Vec<Tok>,
    /// Quoted stretches, by opening token.
    pub segs: Vec<Seg>,
    /// Sentences as `[start, end)` token ranges.
    pub sents: Vec<(usize, usize)>,
}

impl Para {
    /// Tokenizes `text[start..end]`; `prev_open` says the paragraph before ended inside a quote.
    pub fn new(text: &str, start: usize, end: usize, prev_open: bool) -> Self {
        let toks = words::tokenize(text, start, end);
        let segs = marks::pair(text, &toks, prev_open);
        let sents = sentences::split(text, &toks, &segs);
        Self { toks, segs, sents }
    }

    /// True when the paragraph ends inside a quote.
    pub fn ends_open(&self) -> bool {
        self.segs.last().is_some_and(|s| s.close.is_none())
    }

    /// Byte range from token `a` to the end of token `b - 1`.
    pub fn bytes(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let first = self.toks.get(a)?;
        let last = self.toks.get(b.checked_sub(1)?)?;
        (a < b).then_some((first.start, last.end))
    }

    /// The quote whose opening mark is token `i` (quotes are sorted and disjoint).
    pub fn seg_at(&self, i: usize) -> Option<(usize, &Seg)> {
        let k = self.segs.binary_search_by_key(&i, |s| s.open).ok()?;
        Some((k, &self.segs[k]))
    }

    /// The quote whose closing mark is token `i`.
    pub fn seg_closing_at(&self, i: usize) -> Option<(usize, &Seg)> {
        let k = self.segs.partition_point(|s| s.open < i).checked_sub(1)?;
        let seg = &self.segs[k];
        (seg.close == Some(i)).then_some((k, seg))
    }

    /// Indices of the quotes opening inside tokens `[a, b)`.
    pub fn segs_in(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let from = self.segs.partition_point(|s| s.open < a);
        let to = self.segs.partition_point(|s| s.open < b);
        from..to.max(from)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<(usize, usize)> {
        let k = self.sents.partition_point(|&(_, b)| b <= i);
        self.sents.get(k).copied().filter(|&(a, _)| a <= i)
    }

    /// Number of word tokens in `[a, b)`.
    pub fn word_count(&self, a: usize, b: usize) -> usize {
        self.toks
            .get(a..b)
            .map_or(0, |t| t.iter().filter(|t| t.kind == Kind::Word).count())
    }
}

/// A speaker mention found by position, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The whole phrase.
    pub range: (usize, usize),
    /// Its head word (`official`, `Blinken`, `he`).
    pub head: (usize, usize),
    /// What kind of word the head is.
    pub kind: Head,
}

/// Who is quoted: a phrase found here, or the speaker of an earlier attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// No speaker found.
    Unknown,
    /// A phrase in this attribution's own sentence.
    Here(Speaker),
    /// Same speaker as attribution number `n` (index into the document's list).
    Same(usize),
}

/// One attribution found by the rules, in byte ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Content pieces in text order.
    pub content: Vec<(usize, usize)>,
    /// Who said it.
    pub who: Who,
    /// The cue, if any.
    pub cue: Option<(usize, usize)>,
    /// How the words are reported.
    pub kind: QuoteKind,
    /// What the attribution reports (speech, belief…).
    pub class: AttributionClass,
    /// The pattern that fired.
    pub rule: &'static str,
    /// Confidence.
    pub score: f32,
    /// Paragraph number.
    pub para: usize,
}
