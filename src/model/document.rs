//! The document: normalized text, metadata, review status, and the spans and
//! quotes on it. Annotations change only through [`Document::apply`] (see `edit`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::offsets::ByteRange;
use super::quote::{Quote, QuoteId};
use super::segments::QuoteGroup;
use super::span::{Span, SpanId};

/// Stable identity of a document: a hash of its normalized text, so the same
/// article opened twice (or from two formats) is recognised as one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocId(pub String);

impl DocId {
    /// The id of a normalized text.
    pub fn of_text(text: &str) -> Self {
        Self(format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(text.as_bytes())
        ))
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where the editor is with a document.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Not opened for review yet.
    #[default]
    New,
    /// Some annotation reviewed.
    InProgress,
    /// Marked done by the editor.
    Done,
    /// Set aside (not an article, duplicate, …).
    Skipped,
}

impl DocStatus {
    /// Every status, in menu order.
    pub const ALL: [Self; 4] = [Self::New, Self::InProgress, Self::Done, Self::Skipped];

    /// The name used in files and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Skipped => "skipped",
        }
    }

    /// Parses a name as written by [`DocStatus::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Normalizes raw text once, on the way in: strips a leading BOM and turns
/// `\r\n` and lone `\r` into `\n`. Nothing else changes, so offsets from other
/// tools computed on LF text stay valid.
pub fn normalize_text(raw: &str) -> String {
    normalized(raw).into_owned()
}

/// [`normalize_text`] borrowing what needs no change: the text without its
/// BOM when it holds no `\r`.
fn normalized(raw: &str) -> Cow<'_, str> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

/// One article and its annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Hash of the normalized text.
    pub id: DocId,
    /// Path or name the document came from, for messages and export `meta`.
    pub source: Option<String>,
    text: String,
    /// Free-form metadata (title, byline, dateline, paragraph starts, …).
    pub meta: Map<String, Value>,
    /// Paragraphs that are not the story ("See also", comment forms, bios).
    pub boilerplate: Vec<ByteRange>,
    /// True once a project's suggestion engines have run on it (at import,
    /// or when the window first showed it); a project keeps this so each
    /// document is suggested on once. Files do not carry it.
    pub suggested: bool,
    pub(super) status: DocStatus,
    // Boxed: a map node holds eleven entries whether or not they are used,
    // so a short document with four spans paid for eleven inline spans
    // (reading many short records took over 10x their size).
    pub(super) spans: BTreeMap<SpanId, Box<Span>>,
    pub(super) quotes: BTreeMap<QuoteId, Box<Quote>>,
}

impl Document {
    /// A new document without annotations; `raw_text` is normalized here.
    pub fn new(source: Option<String>, raw_text: &str) -> Self {
        Self::from_text(source, normalize_text(raw_text))
    }

    /// [`Document::new`] taking the text it keeps: a reader that built the
    /// text (joined paragraphs) hands it over instead of having it copied,
    /// unless normalization changes it.
    pub fn from_string(source: Option<String>, raw_text: String) -> Self {
        let changed = match normalized(&raw_text) {
            Cow::Borrowed(same) if same.len() == raw_text.len() => None,
            other => Some(other.into_owned()),
        };
        Self::from_text(source, changed.unwrap_or(raw_text))
    }

    fn from_text(source: Option<String>, text: String) -> Self {
        Self {
            id: DocId::of_text(&text),
            source,
            text,
            meta: Map::new(),
            boilerplate: Vec::new(),
            suggested: false,
            status: DocStatus::New,
            spans: BTreeMap::new(),
            quotes: BTreeMap::new(),
        }
    }

    /// The normalized text; it never changes after creation.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Review status.
    pub fn status(&self) -> DocStatus {
        self.status
    }

    /// A span by id.
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.get(&id).map(Box::as_ref)
    }

    /// A quote by id.
    pub fn quote(&self, id: QuoteId) -> Option<&Quote> {
        self.quotes.get(&id).map(Box::as_ref)
    }

    /// Spans in id order.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.spans.values().map(Box::as_ref)
    }

    /// Quotes in id order.
    pub fn quotes(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.values().map(Box::as_ref)
    }

    /// Number of spans.
    pub fn span_count(&self) -> usize {
        self.spans.len()
    }

    /// Spans sorted by start, then id: the order every writer and list uses.
    pub fn spans_sorted(&self) -> Vec<&Span> {
        let mut spans: Vec<&Span> = self.spans().collect();
        spans.sort_by_key(|s| (s.range.start, s.id));
        spans
    }

    /// Quotes sorted by the start of their first content span, then id.
    pub fn quotes_sorted(&self) -> Vec<&Quote> {
        let mut quotes: Vec<&Quote> = self.quotes().collect();
        quotes.sort_by_key(|q| (self.quote_start(q), q.id));
        quotes
    }

    /// Start of a quote's earliest content span (or `usize::MAX` if it has none).
    pub fn quote_start(&self, quote: &Quote) -> usize {
        quote
            .content
            .iter()
            .filter_map(|id| self.span(*id))
            .map(|s| s.range.start)
            .min()
            .unwrap_or(usize::MAX)
    }

    /// The quotes that point at a span in any role.
    pub fn quotes_of_span(&self, id: SpanId) -> impl Iterator<Item = &Quote> {
        self.quotes().filter(move |q| q.mentions(id))
    }

    /// Number of spans still waiting for review (the document list's
    /// "pending"; quotes are counted apart).
    pub fn pending_count(&self) -> usize {
        self.spans()
            .filter(|s| s.state == super::span::SpanState::Pending)
            .count()
    }

    /// A fresh id allocator: ids it gives never collide with existing
    /// spans, quotes or quote groups.
    pub fn ids(&self) -> IdAllocator {
        let max_span = self.spans.keys().next_back().map_or(0, |id| id.0);
        let max_quote = self.quotes.keys().next_back().map_or(0, |id| id.0);
        IdAllocator {
            next: max_span.max(max_quote).max(self.max_group()) + 1,
        }
    }

    /// Paragraph ranges: text between blank lines, trimmed of surrounding newlines.
    pub fn paragraphs(&self) -> Vec<ByteRange> {
        paragraphs(&self.text)
    }

    /// True when `range` lies inside a paragraph flagged as boilerplate.
    pub fn is_boilerplate(&self, range: ByteRange) -> bool {
        self.boilerplate.iter().any(|b| b.contains(&range))
    }

    /// A copy of the document (id, text, meta, status) holding these
    /// annotations instead of its own, taken as they are: the caller keeps
    /// them consistent (see `gold`).
    pub(super) fn with_annotations(
        &self,
        spans: impl IntoIterator<Item = Span>,
        quotes: impl IntoIterator<Item = Quote>,
    ) -> Self {
        Self {
            id: self.id.clone(),
            source: self.source.clone(),
            text: self.text.clone(),
            meta: self.meta.clone(),
            boilerplate: self.boilerplate.clone(),
            status: self.status,
            suggested: self.suggested,
            spans: spans.into_iter().map(|s| (s.id, Box::new(s))).collect(),
            quotes: quotes.into_iter().map(|q| (q.id, Box::new(q))).collect(),
        }
    }
}

/// Splits text into paragraphs at blank lines (lines holding only whitespace).
pub fn paragraphs(text: &str) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(ByteRange::new(s, end));
            }
        } else {
            if start.is_none() {
                start = Some(offset);
            }
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(ByteRange::new(s, end));
    }
    out
}

/// Hands out span and quote ids for one transaction being built.
#[derive(Debug)]
pub struct IdAllocator {
    next: u64,
}

impl IdAllocator {
    /// A new span id.
    pub fn span(&mut self) -> SpanId {
        self.next += 1;
        SpanId(self.next - 1)
    }

    /// A new quote id.
    pub fn quote(&mut self) -> QuoteId {
        self.next += 1;
        QuoteId(self.next - 1)
    }

    /// A new quote group, for the segments of one interrupted quote.
    pub fn group(&mut self) -> QuoteGroup {
        self.next += 1;
        QuoteGroup(self.next - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_bom_and_line_ends_only() {
        let doc = Document::new(None, "\u{feff}“Hi”\r\nthere\rnow\u{a0}ok");
        assert_eq!(doc.text(), "“Hi”\nthere\nnow\u{a0}ok");
        assert_eq!(doc.id, Document::new(None, "“Hi”\nthere\nnow\u{a0}ok").id);
        assert_ne!(doc.id, Document::new(None, "other").id);
        for raw in ["\u{feff}“Hi”\r\nthere\rnow", "北京 e\u{301}\n\nok"] {
            assert_eq!(
                Document::from_string(None, raw.to_owned()),
                Document::new(None, raw)
            );
        }
    }

    #[test]
    fn splits_paragraphs_at_blank_lines() {
        let text = "Title\n\nFirst line\nsecond line\n \n\nLast";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(paras, ["Title", "First line\nsecond line", "Last"]);
    }

    #[test]
    fn status_names_round_trip() {
        for status in DocStatus::ALL {
            assert_eq!(DocStatus::parse(status.as_str()), Some(status));
        }
    }
}
