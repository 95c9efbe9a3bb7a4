//! spaCy's `_apply_special_cases`: token runs that the affix rules cut out of
//! an exception (`Mr` `.` in `Mr.Smith`, `:` `)` in `wow:)`) become the
//! exception's tokens. As in spaCy, runs are matched on token texts alone, so a
//! run may span a single space (`)` `:` in `(x) :)`); such a run is never
//! merged (no exception holds a space) but still wins over the runs it
//! overlaps. Longest runs win, then leftmost.

use super::Token;
use super::special::specials;
use super::split::push_special;

/// Merges exception runs in `tokens`, the complete tokens of `text`.
pub(super) fn merge_specials(text: &str, tokens: &mut Vec<Token>) {
    let found = find_runs(text, tokens);
    if found.is_empty() {
        return;
    }
    let mut seen = vec![false; tokens.len()];
    let mut kept = Vec::new();
    for (i, j) in found {
        let spans_space = tokens[i..j - 1].iter().any(|t| t.ws);
        if !seen[i] && !seen[j - 1] && !spans_space {
            kept.push((i, j));
        }
        seen[i..j].iter_mut().for_each(|s| *s = true);
    }
    if kept.is_empty() {
        return;
    }
    kept.sort_unstable();
    let old = std::mem::take(tokens);
    let mut next = 0;
    for (i, j) in kept {
        tokens.extend_from_slice(&old[next..i]);
        let (start, end) = (old[i].range.start, old[j - 1].range.end);
        if let Some(pieces) = text.get(start..end).and_then(|s| specials().get(s)) {
            push_special(tokens, start, pieces);
            if let Some(last) = tokens.last_mut() {
                last.ws = old[j - 1].ws;
            }
        }
        next = j;
    }
    tokens.extend_from_slice(&old[next..]);
}

/// Every run `i..j` of two or more tokens whose texts spell an exception the
/// affix rules cut exactly there, longest first, then leftmost.
fn find_runs(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let specials = specials();
    let mut found = Vec::new();
    let mut run = String::new();
    let mut cuts = Vec::new();
    for (i, first) in tokens.iter().enumerate() {
        // A run grows only from a partial, so most tokens start none.
        if !specials.is_partial(first.range.slice(text).unwrap_or_default()) {
            continue;
        }
        run.clear();
        cuts.clear();
        for (j, token) in tokens.iter().enumerate().skip(i) {
            if j > i {
                cuts.push(run.len());
            }
            run.push_str(token.range.slice(text).unwrap_or_default());
            if j > i && specials.is_cut_as(&run, cuts.iter().copied()) {
                found.push((i, j + 1));
            }
            if !specials.is_partial(&run) {
                break;
            }
        }
    }
    found.sort_by_key(|&(i, j)| (std::cmp::Reverse(j - i), i));
    found
}
