//! One-to-one matching, best overlap first, and the character counts it is
//! scored on: quote overlap counts characters other than whitespace,
//! quotation marks, commas and full stops, so `“We will,”` and `We will`
//! share all their counted characters.

use crate::model::ByteRange;

/// Characters quote overlap does not count, besides whitespace.
const NOT_COUNTED: [char; 13] = [
    '"', '\'', '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', ',',
];

/// True when quote overlap counts `c`.
pub fn counted(c: char) -> bool {
    !(c.is_whitespace() || c == '.' || NOT_COUNTED.contains(&c))
}

/// Counted characters before each byte offset of one text, so the count
/// inside any range is two lookups.
pub struct CharCounts {
    before: Vec<u32>,
}

impl CharCounts {
    /// Indexes `text` with the rule `count`.
    pub fn new(text: &str, count: impl Fn(char) -> bool) -> Self {
        let mut before = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for c in text.chars() {
            let add = u32::from(count(c));
            for _ in 0..c.len_utf8() {
                before.push(n);
            }
            n += add;
        }
        before.push(n);
        Self { before }
    }

    /// Counted characters in `range`.
    pub fn in_range(&self, range: ByteRange) -> usize {
        let at = |i: usize| self.before.get(i).copied().unwrap_or(0);
        at(range.end).saturating_sub(at(range.start)) as usize
    }

    /// Counted characters in a set of ranges (overlaps merged first).
    pub fn in_ranges(&self, ranges: &[ByteRange]) -> usize {
        merge(ranges).into_iter().map(|r| self.in_range(r)).sum()
    }

    /// Counted characters shared by two sets of ranges.
    pub fn shared(&self, a: &[ByteRange], b: &[ByteRange]) -> usize {
        let (a, b) = (merge(a), merge(b));
        let mut total = 0;
        for x in &a {
            for y in b.iter().filter(|y| y.overlaps(x)) {
                total += self.in_range(ByteRange::new(x.start.max(y.start), x.end.min(y.end)));
            }
        }
        total
    }
}

/// Sorted ranges with overlapping or touching ones merged.
pub fn merge(ranges: &[ByteRange]) -> Vec<ByteRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort();
    let mut out: Vec<ByteRange> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A possible pairing of gold `gold` with prediction `pred`, and how good it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the gold item.
    pub gold: usize,
    /// Index of the predicted item.
    pub pred: usize,
    /// Higher is better; candidates are taken in this order.
    pub score: f64,
    /// Tie-breaker after `score`: more shared characters first.
    pub shared: usize,
}

/// Pairs items one-to-one, best candidate first (score, then shared
/// characters, then position): returns `pred_of_gold`, `gold_of_pred`.
pub fn one_to_one(
    mut candidates: Vec<Candidate>,
    golds: usize,
    preds: usize,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.shared.cmp(&a.shared))
            .then(a.gold.cmp(&b.gold))
            .then(a.pred.cmp(&b.pred))
    });
    let mut pred_of_gold = vec![None; golds];
    let mut gold_of_pred = vec![None; preds];
    for c in candidates {
        let free =
            pred_of_gold.get(c.gold) == Some(&None) && gold_of_pred.get(c.pred) == Some(&None);
        if free {
            pred_of_gold[c.gold] = Some(c.pred);
            gold_of_pred[c.pred] = Some(c.gold);
        }
    }
    (pred_of_gold, gold_of_pred)
}

/// Index pairs `(gold, pred)` whose ranges share at least one byte, found by
/// sweeping predictions sorted by start (no all-pairs scan).
pub fn overlapping_pairs(golds: &[ByteRange], preds: &[ByteRange]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..preds.len()).collect();
    order.sort_by_key(|&i| preds.get(i).map(|r| r.start));
    let starts: Vec<usize> = order
        .iter()
        .filter_map(|&i| preds.get(i))
        .map(|r| r.start)
        .collect();
    let longest = preds.iter().map(ByteRange::len).max().unwrap_or(0);
    let mut pairs = Vec::new();
    for (g, gold) in golds.iter().enumerate() {
        let from = starts.partition_point(|&s| s + longest <= gold.start);
        let to = starts.partition_point(|&s| s < gold.end);
        for &p in order.get(from..to).unwrap_or(&[]) {
            if preds.get(p).is_some_and(|r| r.overlaps(gold)) {
                pairs.push((g, p));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_skip_whitespace_quote_marks_commas_and_full_stops() {
        let text = "“We will, e\u{301}.” 北京";
        let counts = CharCounts::new(text, counted);
        assert_eq!(
            counts.in_range(ByteRange::new(0, text.len())),
            2 + 4 + 2 + 2
        );
        let a = [ByteRange::new(0, 10)];
        let b = [ByteRange::new(3, 5), ByteRange::new(4, text.len())];
        assert_eq!(counts.shared(&a, &b), 6);
        assert_eq!(
            counts.in_ranges(&b),
            counts.in_range(ByteRange::new(3, text.len()))
        );
    }

    #[test]
    fn best_candidate_wins_and_each_item_is_used_once() {
        let c = |gold, pred, score, shared| Candidate {
            gold,
            pred,
            score,
            shared,
        };
        let (pred_of_gold, gold_of_pred) = one_to_one(
            vec![
                c(0, 0, 0.5, 10),
                c(1, 0, 0.9, 5),
                c(0, 1, 0.4, 3),
                c(1, 1, 0.4, 9),
            ],
            2,
            3,
        );
        assert_eq!(pred_of_gold, [Some(1), Some(0)]);
        assert_eq!(gold_of_pred, [Some(1), Some(0), None]);
    }

    #[test]
    fn finds_exactly_the_overlapping_pairs() {
        let r = ByteRange::new;
        let golds = [r(0, 5), r(10, 12), r(20, 30)];
        let preds = [r(25, 26), r(4, 11), r(12, 20), r(0, 40)];
        let mut pairs = overlapping_pairs(&golds, &preds);
        pairs.sort_unstable();
        assert_eq!(pairs, [(0, 1), (0, 3), (1, 1), (1, 3), (2, 0), (2, 3)]);
    }
}
