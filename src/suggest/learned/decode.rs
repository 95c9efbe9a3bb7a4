//! Viterbi decoding over a line's tags, with the BILOU constraints of
//! [`TagSet::allowed`], and max-marginals: for each token, how much the best
//! sequence beats the best sequence that tags this token differently. That
//! margin is the tagger's confidence, per token and (its minimum) per span.
//!
//! Scores: `emissions[i * tags + t]` is token `i`'s score for tag `t`;
//! `transitions[(p + 1) * tags + t]` scores tag `t` after tag `p`, and row 0
//! scores `t` at the start of a line. Both entry points check these sizes
//! first (a mismatch decodes nothing), so the indexing below stays in bounds.

use super::tags::TagSet;

/// Scores below this are impossible sequences.
const NEVER: f32 = f32::NEG_INFINITY;

/// Margin reported for a token no other tag could take.
pub const SURE: f32 = 1e6;

/// The constraint table of a tag set: `allowed[(p + 1) * tags + t]`.
pub fn constraints(tags: usize) -> Vec<bool> {
    let mut table = Vec::with_capacity((tags + 1) * tags);
    for prev in std::iter::once(None).chain((0..tags).map(Some)) {
        table.extend((0..tags).map(|t| TagSet::allowed(prev, t)));
    }
    table
}

/// True when the score tables fit `tags` (see the module doc).
fn sized(emissions: &[f32], tags: usize, transitions: &[f32], allowed: &[bool]) -> bool {
    let table = (tags + 1) * tags;
    tags > 0
        && emissions.len().is_multiple_of(tags)
        && transitions.len() == table
        && allowed.len() == table
}

/// Best-scoring tags before each token, for each tag.
struct Forward {
    score: Vec<f32>,
    back: Vec<usize>,
}

fn forward(emissions: &[f32], tags: usize, transitions: &[f32], allowed: &[bool]) -> Forward {
    let n = emissions.len() / tags;
    let mut score = vec![NEVER; n * tags];
    let mut back = vec![0; n * tags];
    for t in 0..tags {
        if allowed.get(t).copied().unwrap_or(false) {
            score[t] = emissions[t] + transitions[t];
        }
    }
    // BILOU allows few pairs: listing them once spares most of the inner loop.
    let before: Vec<Vec<usize>> = (0..tags)
        .map(|t| (0..tags).filter(|p| allowed[(p + 1) * tags + t]).collect())
        .collect();
    for i in 1..n {
        for (t, before) in before.iter().enumerate() {
            let mut best = (NEVER, 0);
            for &p in before {
                let k = (p + 1) * tags + t;
                let s = score[(i - 1) * tags + p] + transitions[k];
                if s > best.0 {
                    best = (s, p);
                }
            }
            score[i * tags + t] = best.0 + emissions[i * tags + t];
            back[i * tags + t] = best.1;
        }
    }
    Forward { score, back }
}

/// The best tag sequence of a line (empty for an empty line).
pub fn best_path(
    emissions: &[f32],
    tags: usize,
    transitions: &[f32],
    allowed: &[bool],
) -> Vec<usize> {
    let n = emissions.len() / tags.max(1);
    if n == 0 || !sized(emissions, tags, transitions, allowed) {
        return Vec::new();
    }
    trace(&forward(emissions, tags, transitions, allowed), n, tags)
}

/// Follows the back pointers from the best tag a line may end on.
fn trace(fwd: &Forward, n: usize, tags: usize) -> Vec<usize> {
    let last = (n - 1) * tags;
    let mut tag = 0;
    let mut best = NEVER;
    for t in (0..tags).filter(|&t| TagSet::may_end(t)) {
        if fwd.score[last + t] > best {
            best = fwd.score[last + t];
            tag = t;
        }
    }
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = tag;
        tag = fwd.back[i * tags + tag];
    }
    path
}

/// The best tag sequence and each token's margin (see the module doc).
pub fn with_margins(
    emissions: &[f32],
    tags: usize,
    transitions: &[f32],
    allowed: &[bool],
) -> (Vec<usize>, Vec<f32>) {
    let n = emissions.len() / tags.max(1);
    if n == 0 || !sized(emissions, tags, transitions, allowed) {
        return (Vec::new(), Vec::new());
    }
    let fwd = forward(emissions, tags, transitions, allowed);
    let path = trace(&fwd, n, tags);
    let mut after = vec![NEVER; n * tags];
    for t in (0..tags).filter(|&t| TagSet::may_end(t)) {
        after[(n - 1) * tags + t] = 0.0;
    }
    let next: Vec<Vec<usize>> = (0..tags)
        .map(|t| (0..tags).filter(|x| allowed[(t + 1) * tags + x]).collect())
        .collect();
    for i in (0..n - 1).rev() {
        for (t, next) in next.iter().enumerate() {
            let mut best = NEVER;
            for &x in next {
                let k = (t + 1) * tags + x;
                let s = transitions[k] + emissions[(i + 1) * tags + x] + after[(i + 1) * tags + x];
                best = best.max(s);
            }
            after[i * tags + t] = best;
        }
    }
    let margins = path
        .iter()
        .enumerate()
        .map(|(i, &chosen)| {
            let row = |t: usize| fwd.score[i * tags + t] + after[i * tags + t];
            let rival = (0..tags)
                .filter(|&t| t != chosen)
                .map(row)
                .fold(NEVER, f32::max);
            if rival == NEVER {
                SURE
            } else {
                (row(chosen) - rival).clamp(0.0, SURE)
            }
        })
        .collect();
    (path, margins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::learned::tags::Part;

    #[test]
    fn constraints_force_whole_spans_and_margins_measure_doubt() {
        // One label: O, B, I, L, U. Token 0 prefers B, token 1 prefers O, but
        // B cannot be followed by O, so the best whole sequence is U O or B L.
        let tags = 5;
        let allowed = constraints(tags);
        let transitions = vec![0.0; (tags + 1) * tags];
        let emissions = [0.0, 3.0, 0.0, 0.0, 2.5, 1.0, 0.0, 0.0, 2.0, 0.0];
        let path = best_path(&emissions, tags, &transitions, &allowed);
        let b = TagSet::tag(0, Part::Begin);
        let l = TagSet::tag(0, Part::Last);
        assert_eq!(path, [b, l], "B L (3 + 2) beats U O (2.5 + 1)");
        let (same, margins) = with_margins(&emissions, tags, &transitions, &allowed);
        assert_eq!(same, path);
        assert_eq!(margins, [1.5, 1.5], "U O is the best rival of both tokens");
        assert!(
            best_path(&emissions, tags, &[], &allowed).is_empty(),
            "sizes checked"
        );
        assert!(best_path(&[], tags, &transitions, &allowed).is_empty());
    }
}
