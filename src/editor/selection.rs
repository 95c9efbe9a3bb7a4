//! What the editor has selected in the shown article, which link mode is on,
//! and how a dragged stretch of text becomes a range to label (snapped to
//! tokens unless the editor asked for exact characters).

use crate::model::tokens::{snap_to_tokens, tokenize};
use crate::model::{ByteRange, Document, QuoteId, SpanId};

/// What the editor has selected in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An existing span.
    Span(SpanId),
    /// A stretch of text just dragged out, waiting for a label.
    Range(ByteRange),
}

/// Which part of a quote a link mode fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Who said it.
    Speaker,
    /// The verb or phrase that reports it.
    Cue,
}

/// Whether the next click in the article picks a link target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Clicks select.
    #[default]
    Normal,
    /// The next clicked span (or dragged range) becomes the quote's speaker or cue.
    LinkQuote {
        /// The quote being linked.
        quote: QuoteId,
        /// The role being filled.
        role: Role,
    },
    /// The next clicked span becomes the earlier mention this one refers to.
    LinkMention {
        /// The mention (`the official`, `he`).
        mention: SpanId,
    },
}

/// A dragged range made whole: ordered, snapped to tokens unless `by_char`.
pub fn finish_range(doc: &Document, a: usize, b: usize, by_char: bool) -> Option<ByteRange> {
    let range = ByteRange::checked(doc.text(), a.min(b), a.max(b)).ok()?;
    if by_char {
        return Some(range);
    }
    let text = doc.text();
    let from = text.get(..range.start)?.rfind('\n').map_or(0, |i| i + 1);
    let to = text
        .get(range.end..)?
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let window = text.get(from..to)?;
    let local = ByteRange::new(range.start - from, range.end - from);
    let snapped = snap_to_tokens(&tokenize(window), local);
    let snapped = ByteRange::new(snapped.start + from, snapped.end + from);
    let trimmed = trim(text, snapped);
    (!trimmed.is_empty()).then_some(trimmed)
}

/// Drops whitespace at both ends of a range.
fn trim(text: &str, range: ByteRange) -> ByteRange {
    let Some(slice) = range.slice(text) else {
        return range;
    };
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    ByteRange::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finishing_a_drag_snaps_to_tokens_and_trims_or_keeps_chars_with_alt() {
        let doc = Document::new(None, "Der Bürgermeister Jürgen Öz sagte.\nNein");
        let text = doc.text();
        let inside = text.find("rgen").unwrap();
        let back = text.find("Öz").unwrap() + 'Ö'.len_utf8();
        let snapped = finish_range(&doc, back, inside, false).unwrap();
        assert_eq!(snapped.slice(text), Some("Jürgen Öz"));
        let exact = finish_range(&doc, inside, back, true).unwrap();
        assert_eq!(exact.slice(text), Some("rgen Ö"));
        let space = text.find(" sagte").unwrap();
        assert!(finish_range(&doc, space, space + 1, false).is_none());
    }
}
