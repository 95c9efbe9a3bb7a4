//! The sequences the tagger decodes: each non-blank line of a document (a
//! paragraph of a wire article, a headline, a dateline) as its word tokens,
//! and spans laid onto those tokens as BILOU parts.

use crate::model::{ByteRange, words};

use super::tags::Part;

/// One line of text as word tokens (whitespace tokens left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Bytes of the line, without its line break.
    pub range: ByteRange,
    /// Word tokens, in order, in document offsets.
    pub tokens: Vec<ByteRange>,
}

/// The non-blank lines of `text` that lie outside `skip` (sorted ranges, e.g.
/// boilerplate paragraphs).
pub fn lines(text: &str, skip: &[ByteRange]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        let range = ByteRange::new(start, start + body.len());
        if skip.iter().any(|s| s.overlaps(&range)) {
            continue;
        }
        let tokens = words(body)
            .into_iter()
            .map(|t| ByteRange::new(start + t.range.start, start + t.range.end))
            .collect();
        out.push(Line { range, tokens });
    }
    out
}

/// Lays `spans` (range and a label value) onto `tokens`: a span covers every
/// token it overlaps. Where spans compete for a token the earlier one in
/// `spans` wins and the later one is dropped whole, so each token holds at
/// most one span and every span keeps its BILOU shape.
pub fn lay<L: Copy>(tokens: &[ByteRange], spans: &[(ByteRange, L)]) -> Vec<Option<(L, Part)>> {
    let mut out = vec![None; tokens.len()];
    for &(range, label) in spans {
        let first = tokens.partition_point(|t| t.end <= range.start);
        let end = tokens.partition_point(|t| t.start < range.end);
        let Some(covered) = out.get_mut(first..end) else {
            continue;
        };
        if covered.is_empty() || covered.iter().any(Option::is_some) {
            continue;
        }
        let len = covered.len();
        for (i, slot) in covered.iter_mut().enumerate() {
            *slot = Some((label, Part::of(i, len)));
        }
    }
    out
}

/// Spans of one line's range, sorted by start then longest first, so [`lay`]
/// keeps the outermost of nested spans.
pub fn spans_in<L: Copy>(line: ByteRange, spans: &[(ByteRange, L)]) -> Vec<(ByteRange, L)> {
    let mut inside: Vec<(ByteRange, L)> = spans
        .iter()
        .filter(|(r, _)| r.start >= line.start && r.end <= line.end)
        .copied()
        .collect();
    inside.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blank_and_skipped_lines() {
        let text = "HEADLINE HERE\n\nAna Díaz spoke.\nSee also: more\n";
        let skip = [ByteRange::new(32, 46)];
        let found = lines(text, &skip);
        assert_eq!(found.len(), 2);
        let words: Vec<&str> = found[1]
            .tokens
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(words, ["Ana", "Díaz", "spoke", "."]);
    }

    #[test]
    fn outermost_span_wins_and_keeps_its_shape() {
        let tokens = [(0, 3), (4, 9), (10, 14)].map(|(s, e)| ByteRange::new(s, e));
        let spans = spans_in(
            ByteRange::new(0, 14),
            &[(ByteRange::new(4, 9), 'b'), (ByteRange::new(0, 9), 'a')],
        );
        let laid = lay(&tokens, &spans);
        assert_eq!(
            laid,
            [Some(('a', Part::Begin)), Some(('a', Part::Last)), None]
        );
    }
}
