//! The tag set of the tagger: BILOU over the model's entity labels. Tag 0 is
//! `O`; label `k` owns tags `1 + 4k ..= 4 + 4k` (B, I, L, U). Which tag may
//! follow which is fixed here, so decoding only ever yields whole spans.
//!
//! ```text
//! tokens  Manchester United beat Leeds
//! tags    B-ORG      L-ORG  O    U-ORG
//! ```

/// Where a token sits in its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// First of several.
    Begin,
    /// Inside, neither first nor last.
    Inside,
    /// Last of several.
    Last,
    /// The whole span.
    Unit,
}

impl Part {
    const ALL: [Self; 4] = [Self::Begin, Self::Inside, Self::Last, Self::Unit];

    /// The part of token `i` in a span of `len` tokens.
    pub const fn of(i: usize, len: usize) -> Self {
        match (i, len) {
            (_, 1) => Self::Unit,
            (0, _) => Self::Begin,
            _ if i + 1 == len => Self::Last,
            _ => Self::Inside,
        }
    }

    /// True when a span is open after this part.
    const fn opens(self) -> bool {
        matches!(self, Self::Begin | Self::Inside)
    }
}

/// The BILOU tags of a list of labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSet {
    labels: Vec<String>,
}

impl TagSet {
    /// Tags for `labels` (kept in the given order).
    pub fn new(labels: Vec<String>) -> Self {
        Self { labels }
    }

    /// The labels, in tag order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of tags, `O` included.
    pub fn len(&self) -> usize {
        1 + 4 * self.labels.len()
    }

    /// The tag of `part` of label number `label`.
    pub fn tag(label: usize, part: Part) -> usize {
        let offset = match part {
            Part::Begin => 1,
            Part::Inside => 2,
            Part::Last => 3,
            Part::Unit => 4,
        };
        4 * label + offset
    }

    /// Label number and part of a tag; `None` for `O`.
    pub fn split(tag: usize) -> Option<(usize, Part)> {
        let t = tag.checked_sub(1)?;
        Some((t / 4, *Part::ALL.get(t % 4)?))
    }

    /// Label number of a name.
    pub fn index(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label)
    }

    /// True when `next` may follow `prev` (`None`: the start of a line).
    pub fn allowed(prev: Option<usize>, next: usize) -> bool {
        let open = prev.and_then(Self::split).filter(|(_, p)| p.opens());
        match (open, Self::split(next)) {
            (Some((l, _)), Some((m, p))) => l == m && matches!(p, Part::Inside | Part::Last),
            (Some(_), None) => false,
            (None, Some((_, p))) => matches!(p, Part::Begin | Part::Unit),
            (None, None) => true,
        }
    }

    /// True when a line may end on `tag`.
    pub fn may_end(tag: usize) -> bool {
        Self::split(tag).is_none_or(|(_, p)| !p.opens())
    }

    /// The spans of a tag sequence as (first token, one past the last, label number).
    pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, &tag) in tags.iter().enumerate() {
            match Self::split(tag) {
                Some((l, Part::Unit)) => out.push((i, i + 1, l)),
                Some((_, Part::Begin)) => start = Some(i),
                Some((l, Part::Last)) => {
                    if let Some(s) = start.take() {
                        out.push((s, i + 1, l));
                    }
                }
                Some((_, Part::Inside)) => {}
                None => start = None,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip_and_transitions() {
        let set = TagSet::new(vec!["ORG".into(), "PERSON".into()]);
        assert_eq!(set.len(), 9);
        let b = TagSet::tag(0, Part::Begin);
        let l = TagSet::tag(0, Part::Last);
        let u = TagSet::tag(1, Part::Unit);
        assert_eq!(TagSet::split(l), Some((0, Part::Last)));
        assert_eq!(TagSet::split(u), Some((1, Part::Unit)));
        assert_eq!(set.index("PERSON"), Some(1));
        assert_eq!(TagSet::spans(&[b, l, 0, u]), [(0, 2, 0), (3, 4, 1)]);
        assert!(TagSet::allowed(None, b) && TagSet::allowed(Some(b), l));
        assert!(!TagSet::allowed(Some(b), 0) && !TagSet::allowed(Some(b), u));
        assert!(!TagSet::allowed(None, l) && !TagSet::allowed(Some(u), l));
        assert!(TagSet::may_end(l) && !TagSet::may_end(b));
        assert_eq!(Part::of(0, 3), Part::Begin);
        assert_eq!(Part::of(1, 3), Part::Inside);
        assert_eq!(Part::of(2, 3), Part::Last);
        assert_eq!(Part::of(0, 1), Part::Unit);
    }
}
