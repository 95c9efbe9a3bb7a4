//! The entity ranges an editor settled, asked whether a suggestion crosses
//! one: sorted by start with the furthest end reached so far, so each
//! question is a binary search instead of a pass over all of them (a long
//! reviewed article suggested again was quadratic).

use crate::model::ByteRange;

/// Ranges to keep suggestions off.
pub struct Settled {
    /// `(start, end)` sorted by start.
    ranges: Vec<(usize, usize)>,
    /// `reach[i]`: the furthest end among `ranges[..=i]`.
    reach: Vec<usize>,
}

impl Settled {
    /// Indexes `ranges`.
    pub fn new(ranges: impl Iterator<Item = ByteRange>) -> Self {
        let mut ranges: Vec<(usize, usize)> = ranges.map(|r| (r.start, r.end)).collect();
        ranges.sort_unstable();
        let reach = ranges
            .iter()
            .scan(0, |furthest, &(_, end)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Self { ranges, reach }
    }

    /// True when `range` shares a byte with one of the settled ranges.
    pub fn crosses(&self, range: ByteRange) -> bool {
        let before_end = self.ranges.partition_point(|&(start, _)| start < range.end);
        before_end
            .checked_sub(1)
            .and_then(|last| self.reach.get(last))
            .is_some_and(|&furthest| furthest > range.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_is_sharing_a_byte_with_any_range_even_a_long_early_one() {
        let settled = Settled::new(
            [(0, 50), (10, 12), (60, 70)]
                .map(|(s, e)| ByteRange::new(s, e))
                .into_iter(),
        );
        let crosses = |s, e| settled.crosses(ByteRange::new(s, e));
        assert!(
            crosses(40, 55),
            "inside the long first range, past the short one"
        );
        assert!(crosses(65, 80));
        assert!(crosses(55, 61));
        assert!(!crosses(50, 60), "touching is not crossing");
        assert!(!crosses(70, 90));
        assert!(!Settled::new(std::iter::empty()).crosses(ByteRange::new(0, 5)));
    }
}
