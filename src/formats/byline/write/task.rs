//! The shape of one Prodigy task as byline writes it: the task's parts, each
//! with its fields in the order their keys are written (by [`super::json`]),
//! and the per-document [`Layout`] that turns byte ranges into code points
//! and token indices.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::formats::ExportError;
use crate::model::{
    AttributionClass, ByteRange, CharRange, Document, Layer, OffsetIndex, Origin, QuoteKind, Span,
    SpanId, SpanState, Token, tokenize,
};

/// One task line, in the order its keys are written (by [`super::json`]);
/// the token list comes straight from the [`Layout`].
pub(super) struct Task<'d> {
    pub text: &'d str,
    pub meta: BTreeMap<String, Value>,
    pub input_hash: i32,
    pub task_hash: i32,
    pub spans: Vec<SpanOut<'d>>,
    /// Left out of the line when empty.
    pub rejected_spans: Vec<SpanOut<'d>>,
    pub relations: Vec<RelationOut<'d>>,
    pub answer: &'static str,
    /// Left out of the line when `None` (the Prodigy flavor).
    pub quotes: Option<Vec<QuoteOut<'d>>>,
    /// Left out of the line when `None` (unless the Prodigy flavor is asked
    /// for suggestions).
    pub suggestions: Option<Suggestions<'d>>,
}

/// The Prodigy flavor's suggestion keys: pending spans (`suggestions`) and
/// the links of pending quotes (`suggested_relations`).
pub(super) struct Suggestions<'d> {
    pub spans: Vec<SpanOut<'d>>,
    pub relations: Vec<RelationOut<'d>>,
}

/// A span: Prodigy's keys, then byline's extension keys (`None` in the
/// Prodigy flavor, and then left out of the line).
pub(super) struct SpanOut<'d> {
    /// Offsets, tokens and label.
    pub span: SpanRef<'d>,
    pub text: &'d str,
    pub id: Option<u64>,
    pub layer: Option<Layer>,
    pub state: Option<SpanState>,
    pub origin: Option<&'d Origin>,
    pub refers_to: Option<u64>,
    /// A suggestion's `score`, `engine` and `rule`, as Prodigy-shaped keys.
    pub scored: Option<&'d Origin>,
}

/// A span inside a relation (`head_span`, `child_span`): code points, first
/// and last (inclusive) token, label.
#[derive(Clone, Copy)]
pub(super) struct SpanRef<'d> {
    pub start: usize,
    pub end: usize,
    pub token_start: usize,
    pub token_end: usize,
    pub label: &'d str,
}

/// A Prodigy relation: `head`/`child` are the last token of each span.
pub(super) struct RelationOut<'d> {
    pub head: usize,
    pub child: usize,
    pub head_span: SpanRef<'d>,
    pub child_span: SpanRef<'d>,
    pub label: &'static str,
}

/// One quote of byline's `quotes` extension; a missing speaker, cue or
/// speaker entity is written as `null`.
pub(super) struct QuoteOut<'d> {
    pub id: u64,
    pub content: Vec<QuotePart<'d>>,
    pub speaker: Option<QuotePart<'d>>,
    pub cue: Option<QuotePart<'d>>,
    pub kind: QuoteKind,
    pub class: AttributionClass,
    /// Written only when the quote has one.
    pub group: Option<u64>,
    pub speaker_entity: Option<&'d str>,
    pub state: SpanState,
    pub origin: &'d Origin,
}

/// A span a quote points at; `id` makes the link exact when spans share a range.
pub(super) struct QuotePart<'d> {
    pub start: usize,
    pub end: usize,
    pub text: &'d str,
    pub id: u64,
}

/// A document's text with its tokens (and its offset index, built only
/// when a range is not on token edges).
pub(super) struct Layout<'d> {
    pub doc: &'d Document,
    pub text: &'d str,
    index: OnceCell<OffsetIndex<'d>>,
    pub tokens: Vec<Token>,
    /// The code point each token starts at, counted in one pass over the
    /// text ([`NO_CHARS`] where that failed, which cannot happen): four bytes
    /// a token, as a big document has millions of them.
    token_starts: Vec<u32>,
}

/// A token whose code points are not in the table.
const NO_CHARS: u32 = u32::MAX;

impl<'d> Layout<'d> {
    pub fn new(doc: &'d Document) -> Self {
        let text = doc.text();
        let tokens = tokenize(text);
        let mut token_starts = Vec::with_capacity(tokens.len());
        let (mut byte, mut chars) = (0, 0);
        for t in &tokens {
            let gap = text.get(byte..t.range.start);
            let start = match gap.zip(t.range.slice(text)) {
                Some((gap, word)) => {
                    let start = chars + count_chars(gap);
                    (byte, chars) = (t.range.end, start + count_chars(word));
                    u32::try_from(start).unwrap_or(NO_CHARS)
                }
                None => NO_CHARS,
            };
            token_starts.push(start);
        }
        Self {
            doc,
            text,
            index: OnceCell::new(),
            tokens,
            token_starts,
        }
    }

    /// Code points of token `i` from the table.
    fn table(&self, i: usize) -> Option<CharRange> {
        let start = *self.token_starts.get(i).filter(|&&s| s != NO_CHARS)? as usize;
        let word = self.tokens.get(i)?.range.slice(self.text)?;
        Some(CharRange::new(start, start + count_chars(word)))
    }

    /// The offset index of the text, built on first use.
    pub fn index(&self) -> &OffsetIndex<'d> {
        self.index.get_or_init(|| OffsetIndex::new(self.text))
    }

    /// Code points of a range: from the token table when its edges are token
    /// edges (the usual case), else from the offset index. After
    /// [`crate::formats::output::check_alignment`] this only fails on a bug, reported
    /// like a misaligned span.
    fn chars(&self, range: ByteRange, id: u64, label: &str) -> Result<CharRange, ExportError> {
        let first = self.tokens.partition_point(|t| t.range.start < range.start);
        let last = self.tokens.partition_point(|t| t.range.end < range.end);
        let table = |i: usize| self.table(i);
        let start = self
            .tokens
            .get(first)
            .filter(|t| t.range.start == range.start)
            .and_then(|_| table(first));
        let end = self
            .tokens
            .get(last)
            .filter(|t| t.range.end == range.end)
            .and_then(|_| table(last));
        if let (Some(start), Some(end)) = (start, end) {
            return Ok(CharRange::new(start.start, end.end));
        }
        self.index()
            .to_chars(range)
            .map_err(|_| ExportError::Misaligned {
                document: self
                    .doc
                    .source
                    .clone()
                    .unwrap_or_else(|| self.doc.id.to_string()),
                span: id,
                label: label.to_owned(),
            })
    }

    /// Code points of a span.
    pub fn span_chars(&self, span: &Span) -> Result<CharRange, ExportError> {
        self.chars(span.range, span.id.0, &span.label)
    }

    /// First and last (inclusive) token a range touches.
    pub fn token_bounds(&self, range: ByteRange) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.range.end <= range.start);
        let after = self.tokens.partition_point(|t| t.range.start < range.end);
        let last = after.saturating_sub(1).max(first);
        let max = self.tokens.len().saturating_sub(1);
        (first.min(max), last.min(max))
    }

    /// Code points of token `id`.
    pub fn token_chars(&self, id: usize) -> Result<CharRange, ExportError> {
        match self.table(id) {
            Some(chars) => Ok(chars),
            None => {
                let range = self
                    .tokens
                    .get(id)
                    .map_or(ByteRange::new(0, 0), |t| t.range);
                self.chars(range, id as u64, "token")
            }
        }
    }

    pub fn span_ref(&self, span: &'d Span) -> Result<SpanRef<'d>, ExportError> {
        let chars = self.span_chars(span)?;
        let (token_start, token_end) = self.token_bounds(span.range);
        Ok(SpanRef {
            start: chars.start,
            end: chars.end,
            token_start,
            token_end,
            label: &span.label,
        })
    }
}

/// Code points in `s`: its bytes less the UTF-8 continuation bytes. A plain
/// loop, as the slices are mostly a word or a space long, where
/// `chars().count()` spends more on setting up than on counting.
fn count_chars(s: &str) -> usize {
    s.len() - s.bytes().filter(|&b| (b & 0xc0) == 0x80).count()
}

/// Every span's [`SpanRef`], computed once per document and found by span id:
/// a span appears in `spans`, relations and quotes alike.
pub(super) struct SpanRefs<'d>(Vec<(SpanId, SpanRef<'d>)>);

impl<'d> SpanRefs<'d> {
    pub fn new(layout: &Layout<'d>) -> Result<Self, ExportError> {
        // `Document::spans` lists spans by id, so the table is sorted.
        let refs = layout
            .doc
            .spans()
            .map(|s| Ok((s.id, layout.span_ref(s)?)))
            .collect::<Result<_, ExportError>>()?;
        Ok(Self(refs))
    }

    /// The table of some spans (of a document with the layout's text).
    pub fn of(layout: &Layout<'d>, spans: Vec<&'d Span>) -> Result<Self, ExportError> {
        let mut refs = spans
            .into_iter()
            .map(|s| Ok((s.id, layout.span_ref(s)?)))
            .collect::<Result<Vec<_>, ExportError>>()?;
        refs.sort_by_key(|(id, _)| *id);
        refs.dedup_by_key(|(id, _)| *id);
        Ok(Self(refs))
    }

    pub fn get(&self, id: SpanId) -> Option<SpanRef<'d>> {
        let i = self.0.binary_search_by_key(&id, |(id, _)| *id).ok()?;
        self.0.get(i).map(|(_, r)| *r)
    }
}
