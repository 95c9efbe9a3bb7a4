//! Moving one edge of a span by a character or by a token.

use crate::model::tokens::tokenize;
use crate::model::{ByteRange, Document, SpanId, SpanState, Transaction};

use super::Draft;

/// Which end of a span moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The first character.
    Start,
    /// One past the last character.
    End,
}

/// How far an edge moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One character (code point).
    Char,
    /// To the next token boundary.
    Token,
}

/// Moves one edge of a span left or right; the span is accepted as reviewed.
/// Returns `None` when the edge cannot move (text edge, or the span would be empty).
pub fn resize(
    doc: &Document,
    id: SpanId,
    edge: Edge,
    step: Step,
    forward: bool,
) -> Option<Transaction> {
    let span = doc.span(id)?;
    let text = doc.text();
    let range = span.range;
    let at = match edge {
        Edge::Start => range.start,
        Edge::End => range.end,
    };
    let moved = match step {
        Step::Char => char_step(text, at, forward)?,
        Step::Token => token_step(text, range, edge, forward)?,
    };
    let new = match edge {
        Edge::Start => ByteRange::new(moved, range.end),
        Edge::End => ByteRange::new(range.start, moved),
    };
    if new.is_empty() {
        return None;
    }
    let label = span.label.clone();
    let mut draft = Draft::new(doc);
    if let Some(s) = draft.span_mut(id) {
        s.range = new;
        s.state = SpanState::Accepted;
    }
    draft.finish(format!("Resize {label}"))
}

fn char_step(text: &str, at: usize, forward: bool) -> Option<usize> {
    if forward {
        text.get(at..)?.chars().next().map(|c| at + c.len_utf8())
    } else {
        text.get(..at)?
            .chars()
            .next_back()
            .map(|c| at - c.len_utf8())
    }
}

/// The next token boundary of the same kind (starts for `Start`, ends for
/// `End`) past `range`'s edge, looking only at the lines around the span:
/// tokens never cross whitespace, so that is enough.
fn token_step(text: &str, range: ByteRange, edge: Edge, forward: bool) -> Option<usize> {
    let from = text.get(..range.start)?.rfind('\n').map_or(0, |i| i + 1);
    let from = text
        .get(..from.saturating_sub(1))?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let to = text
        .get(range.end..)?
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let to = text
        .get(to + 1..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| to + 1 + i);
    let window = text.get(from..to)?;
    let bounds: Vec<usize> = tokenize(window)
        .iter()
        .map(|t| {
            from + match edge {
                Edge::Start => t.range.start,
                Edge::End => t.range.end,
            }
        })
        .collect();
    let at = match edge {
        Edge::Start => range.start,
        Edge::End => range.end,
    };
    if forward {
        bounds.into_iter().find(|&b| b > at)
    } else {
        bounds.into_iter().rev().find(|&b| b < at)
    }
}

/// Gives a span a new range (an edge dragged with the mouse); accepts it.
pub fn set_range(doc: &Document, id: SpanId, range: ByteRange) -> Option<Transaction> {
    let label = doc.span(id)?.label.clone();
    let mut draft = Draft::new(doc);
    let span = draft.span_mut(id)?;
    span.range = range;
    span.state = SpanState::Accepted;
    draft.finish(format!("Resize {label}"))
}
