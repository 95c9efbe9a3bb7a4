//! A compact markup for building annotated documents in tests and examples:
//! `[“We will rebuild,”|QUOTE:1] [Ana Díaz|SPEAKER:1] [said|CUE:1].`
//!
//! `[text|LABEL]` marks a span; spans nest. A `:n` suffix groups QUOTE, SPEAKER
//! and CUE spans into quote `n`. `\[`, `\]` and `\|` are literal.

use std::collections::BTreeMap;

use super::attribution::AttributionClass;
use super::document::{Document, IdAllocator};
use super::edit::{Edit, Transaction};
use super::labels::{CUE, LabelSet, QUOTE, SPEAKER};
use super::offsets::ByteRange;
use super::quote::{Quote, QuoteKind, has_quote_mark};
use super::span::{Origin, Span, SpanId, SpanState};

/// Why a markup string cannot be parsed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MarkupError {
    /// `]` without `[`, or `[` never closed.
    #[error("unbalanced brackets at byte {0}")]
    Unbalanced(usize),
    /// `[text]` with no `|LABEL`.
    #[error("span ending at byte {0} has no label")]
    NoLabel(usize),
    /// The spans do not form a valid document.
    #[error("invalid annotation: {0}")]
    Edit(#[from] super::edit::EditError),
}

/// One span parsed from markup: plain-text range, label, optional quote group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedSpan {
    /// Range in the plain text.
    pub range: ByteRange,
    /// Label name.
    pub label: String,
    /// Quote group number from a `:n` suffix.
    pub group: Option<u32>,
}

/// Parses markup into plain text and spans (sorted by start, then end).
pub fn parse(markup: &str) -> Result<(String, Vec<MarkedSpan>), MarkupError> {
    let mut text = String::with_capacity(markup.len());
    let mut open: Vec<usize> = Vec::new();
    let mut spans = Vec::new();
    let mut label: Option<String> = None;
    let mut chars = markup.char_indices();
    while let Some((at, c)) = chars.next() {
        match (c, label.as_mut()) {
            ('\\', _) => {
                if let Some((_, next)) = chars.next() {
                    push_char(&mut text, &mut label, next);
                }
            }
            ('[', None) => open.push(text.len()),
            ('|', None) if !open.is_empty() => label = Some(String::new()),
            (']', _) => {
                let start = open.pop().ok_or(MarkupError::Unbalanced(at))?;
                let raw = label.take().ok_or(MarkupError::NoLabel(at))?;
                let (name, group) = match raw.split_once(':') {
                    Some((n, g)) => (n.to_owned(), g.parse().ok()),
                    None => (raw, None),
                };
                spans.push(MarkedSpan {
                    range: ByteRange::new(start, text.len()),
                    label: name,
                    group,
                });
            }
            _ => push_char(&mut text, &mut label, c),
        }
    }
    if let Some(&start) = open.last() {
        return Err(MarkupError::Unbalanced(start));
    }
    spans.sort_by_key(|s| (s.range.start, s.range.end));
    Ok((text, spans))
}

fn push_char(text: &mut String, label: &mut Option<String>, c: char) {
    match label {
        Some(l) => l.push(c),
        None => text.push(c),
    }
}

/// Builds a document whose spans are accepted manual annotations; grouped
/// QUOTE/SPEAKER/CUE spans become quotes (kind direct when the content holds a
/// quotation mark, indirect otherwise).
pub fn document(markup: &str) -> Result<Document, MarkupError> {
    let (text, marked) = parse(markup)?;
    let labels = LabelSet::builtin();
    let mut doc = Document::new(None, &text);
    let mut ids = doc.ids();
    let mut tx = Transaction::new("markup");
    let mut groups: BTreeMap<u32, Quote> = BTreeMap::new();
    for m in &marked {
        let id = ids.span();
        tx.push(Edit::InsertSpan(Span::manual(
            id,
            m.range,
            m.label.clone(),
            labels.layer_of(&m.label),
        )));
        add_to_group(&mut groups, m, id, &text, &mut ids);
    }
    for quote in groups.into_values() {
        tx.push(Edit::InsertQuote(quote));
    }
    doc.apply(&tx)?;
    Ok(doc)
}

/// Adds the mark `mark`, inserted as span `id`, to the quote of its `:n`
/// group (made accepted and manual when the group is first seen): QUOTE
/// content (the quote turns direct when it holds a quotation mark), SPEAKER
/// or CUE. Every builder of annotated documents from markup goes through it,
/// so they all make the same quotes. Returns the group's quote, or `None`
/// for an ungrouped mark.
pub fn add_to_group<'g>(
    groups: &'g mut BTreeMap<u32, Quote>,
    mark: &MarkedSpan,
    id: SpanId,
    text: &str,
    ids: &mut IdAllocator,
) -> Option<&'g mut Quote> {
    let quote = groups.entry(mark.group?).or_insert_with(|| Quote {
        id: ids.quote(),
        content: Vec::new(),
        speaker: None,
        cue: None,
        kind: QuoteKind::Indirect,
        class: AttributionClass::Speech,
        speaker_entity: None,
        state: SpanState::Accepted,
        origin: Origin::Manual,
        group: None,
    });
    match mark.label.as_str() {
        QUOTE => {
            quote.content.push(id);
            if mark.range.slice(text).is_some_and(has_quote_mark) {
                quote.kind = QuoteKind::Direct;
            }
        }
        SPEAKER => quote.speaker = Some(id),
        CUE => quote.cue = Some(id),
        _ => {}
    }
    Some(quote)
}

/// Renders a document's spans back to markup (quotes not grouped), for readable
/// test failures.
pub fn render(doc: &Document) -> String {
    let text = doc.text();
    let spans = doc.spans_sorted();
    let mut events: Vec<(usize, u8, usize, String)> = Vec::new();
    for s in &spans {
        events.push((s.range.start, 1, usize::MAX - s.range.end, "[".into()));
        events.push((s.range.end, 0, s.range.start, format!("|{}]", s.label)));
    }
    events.sort();
    let mut out = String::new();
    let mut at = 0;
    for (pos, _, _, mark) in events {
        out.push_str(&text[at..pos]);
        out.push_str(&mark);
        at = pos;
    }
    out.push_str(&text[at..]);
    out
}

/// The span ids of a document by label, in text order: handy in assertions.
pub fn ids_by_label(doc: &Document, label: &str) -> Vec<SpanId> {
    doc.spans_sorted()
        .into_iter()
        .filter(|s| s.label == label)
        .map(|s| s.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_spans_and_groups_quotes() {
        let doc = document("[“I met [Ana Müller|PERSON],”|QUOTE:1] [he|SPEAKER:1] [said|CUE:1].")
            .unwrap();
        assert_eq!(doc.text(), "“I met Ana Müller,” he said.");
        let quote = doc.quotes().next().unwrap();
        assert_eq!(quote.kind, QuoteKind::Direct);
        assert_eq!(
            doc.span(quote.speaker.unwrap()).unwrap().text(doc.text()),
            "he"
        );
        assert_eq!(
            render(&doc),
            "[“I met [Ana Müller|PERSON],”|QUOTE] [he|SPEAKER] [said|CUE]."
        );
    }

    #[test]
    fn reports_unbalanced_markup() {
        assert!(matches!(parse("[a|X"), Err(MarkupError::Unbalanced(0))));
        assert!(matches!(parse("a]"), Err(MarkupError::Unbalanced(1))));
        assert!(matches!(parse("[a]"), Err(MarkupError::NoLabel(2))));
        assert_eq!(parse(r"\[x\]").unwrap().0, "[x]");
    }
}
