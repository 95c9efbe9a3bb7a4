//! The shape of one Prodigy task as byline writes it: serde structs in the
//! order the keys are written, and the per-document [`Layout`] that turns byte
//! ranges into code points and token indices.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::export::ExportError;
use crate::model::{
    ByteRange, CharRange, Document, Layer, OffsetIndex, Origin, QuoteKind, Span, SpanState, Token,
    tokenize,
};

/// One task line.
#[derive(Serialize)]
pub(super) struct Task<'d> {
    pub text: &'d str,
    pub meta: BTreeMap<String, Value>,
    #[serde(rename = "_input_hash")]
    pub input_hash: i32,
    #[serde(rename = "_task_hash")]
    pub task_hash: i32,
    pub tokens: Vec<TokenOut<'d>>,
    pub spans: Vec<SpanOut<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rejected_spans: Vec<SpanOut<'d>>,
    pub relations: Vec<RelationOut<'d>>,
    pub answer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteOut<'d>>>,
}

/// A token as Prodigy lists it.
#[derive(Serialize)]
pub(super) struct TokenOut<'d> {
    pub text: &'d str,
    pub start: usize,
    pub end: usize,
    pub id: usize,
    pub ws: bool,
}

/// A span: Prodigy's keys, then byline's extension keys (absent in the Prodigy flavor).
#[derive(Serialize)]
pub(super) struct SpanOut<'d> {
    pub start: usize,
    pub end: usize,
    pub token_start: usize,
    pub token_end: usize,
    pub label: &'d str,
    pub text: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<Layer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<SpanState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<&'d Origin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<u64>,
}

/// A span inside a relation (`head_span`, `child_span`).
#[derive(Serialize)]
pub(super) struct SpanRef<'d> {
    pub start: usize,
    pub end: usize,
    pub token_start: usize,
    pub token_end: usize,
    pub label: &'d str,
}

/// A Prodigy relation: `head`/`child` are the last token of each span.
#[derive(Serialize)]
pub(super) struct RelationOut<'d> {
    pub head: usize,
    pub child: usize,
    pub head_span: SpanRef<'d>,
    pub child_span: SpanRef<'d>,
    pub label: &'static str,
}

/// One quote of byline's `quotes` extension.
#[derive(Serialize)]
pub(super) struct QuoteOut<'d> {
    pub id: u64,
    pub content: Vec<QuotePart<'d>>,
    pub speaker: Option<QuotePart<'d>>,
    pub cue: Option<QuotePart<'d>>,
    pub kind: QuoteKind,
    pub speaker_entity: Option<&'d str>,
    pub state: SpanState,
    pub origin: &'d Origin,
}

/// A span a quote points at; `id` makes the link exact when spans share a range.
#[derive(Serialize)]
pub(super) struct QuotePart<'d> {
    pub start: usize,
    pub end: usize,
    pub text: &'d str,
    pub id: u64,
}

/// A document's text with its offset index and tokens.
pub(super) struct Layout<'d> {
    pub doc: &'d Document,
    pub text: &'d str,
    pub index: OffsetIndex<'d>,
    pub tokens: Vec<Token>,
    /// Code points of each token, counted in one pass over the text.
    token_chars: Vec<Option<CharRange>>,
}

impl<'d> Layout<'d> {
    pub fn new(doc: &'d Document) -> Self {
        let text = doc.text();
        let tokens = tokenize(text);
        let mut token_chars = Vec::with_capacity(tokens.len());
        let (mut byte, mut chars) = (0, 0);
        for t in &tokens {
            let gap = text.get(byte..t.range.start);
            let word = t.range.slice(text);
            token_chars.push(gap.zip(word).map(|(gap, word)| {
                let start = chars + gap.chars().count();
                (byte, chars) = (t.range.end, start + word.chars().count());
                CharRange::new(start, chars)
            }));
        }
        Self {
            doc,
            text,
            index: OffsetIndex::new(text),
            tokens,
            token_chars,
        }
    }

    /// Code points of a range: from the token table when its edges are token
    /// edges (the usual case), else from the offset index. After
    /// [`crate::export::check_alignment`] this only fails on a bug, reported
    /// like a misaligned span.
    fn chars(&self, range: ByteRange, id: u64, label: &str) -> Result<CharRange, ExportError> {
        let first = self.tokens.partition_point(|t| t.range.start < range.start);
        let last = self.tokens.partition_point(|t| t.range.end < range.end);
        let table = |i: usize| self.token_chars.get(i).copied().flatten();
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
        self.index
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

    pub fn tokens_out(&self) -> Result<Vec<TokenOut<'d>>, ExportError> {
        self.tokens
            .iter()
            .enumerate()
            .map(|(id, t)| {
                let chars = match self.token_chars.get(id).copied().flatten() {
                    Some(chars) => chars,
                    None => self.chars(t.range, id as u64, "token")?,
                };
                Ok(TokenOut {
                    text: t.range.slice(self.text).unwrap_or(""),
                    start: chars.start,
                    end: chars.end,
                    id,
                    ws: t.ws,
                })
            })
            .collect()
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

    pub fn quote_part(&self, span: &'d Span) -> Result<QuotePart<'d>, ExportError> {
        let chars = self.span_chars(span)?;
        Ok(QuotePart {
            start: chars.start,
            end: chars.end,
            text: span.text(self.text),
            id: span.id.0,
        })
    }
}
