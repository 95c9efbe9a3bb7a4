//! The content of an attribution once cue and speaker are known: a clause
//! as one span (direct when it is exactly one quotation, mixed when it holds
//! quoted words), and the reported clause after a cue.

use crate::model::QuoteKind;

use super::coordinate;
use super::para::{Found, Para};
use super::reported;

/// The reported clause `[start, b)` after the cue, or the quoted words after a naming cue.
pub fn clause_after(
    text: &str,
    p: &Para,
    (start, b): (usize, usize),
    mut found: Found,
    mut used: Vec<usize>,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let cue = toks.binary_search_by_key(&found.cue?.0, |t| t.start).ok()?;
    if let Some(partial) = reported::partial_after(text, p, cue, start, b) {
        found.content.push(partial.1);
        used.push(partial.0);
        found.kind = QuoteKind::Partial;
        found.rule = "x-called-partial";
        return Some((found, used));
    }
    let mut end = reported::trim(text, toks, start, b);
    let cut = coordinate::clause_end(text, p, start, end);
    if p.word_count(start, cut) >= 3 {
        end = cut;
    }
    if p.word_count(start, end) < 3 {
        return None;
    }
    clause(p, (start, end), found, "x-said-clause", used)
}

/// Fills `found` with the clause `[a, b)` as content (direct when it is one quote).
pub fn clause(
    p: &Para,
    (a, b): (usize, usize),
    mut found: Found,
    rule: &'static str,
    mut used: Vec<usize>,
) -> Option<(Found, Vec<usize>)> {
    if p.word_count(a, b) < 2 {
        return None;
    }
    let inside: Vec<usize> = p
        .segs_in(a, b)
        .filter(|&s| p.segs[s].end(&p.toks) <= b)
        .collect();
    let whole =
        inside.len() == 1 && p.segs[inside[0]].open == a && p.segs[inside[0]].end(&p.toks) >= b;
    found.kind = if whole {
        QuoteKind::Direct
    } else if inside.is_empty() {
        QuoteKind::Indirect
    } else {
        QuoteKind::Mixed
    };
    used.extend(inside);
    found.content.push(p.bytes(a, b)?);
    found.rule = rule;
    Some((found, used))
}
