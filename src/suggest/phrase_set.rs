//! [`PhraseSet`]: lowercase phrases looked for in ASCII-lowercased text,
//! as two Aho-Corasick automata over the same phrases. Lowercasing the text
//! first lets an automaton skip ahead with a prefilter where a
//! case-insensitive one reads every byte; and whether any phrase occurs at
//! all — the question most texts stop at — is asked with leftmost matching,
//! which uses a vectorised prefilter that the standard matching (whose
//! non-overlapping matches the callers count) cannot.

use aho_corasick::{AhoCorasick, MatchKind};

/// The phrases, ready to be found.
pub struct PhraseSet {
    /// Standard matching: every non-overlapping match, in order.
    all: Option<AhoCorasick>,
    /// Leftmost-first matching: only whether there is one.
    any: Option<AhoCorasick>,
}

impl PhraseSet {
    /// The set of `phrases`, which must be lowercase.
    pub fn new(phrases: &[&str]) -> Self {
        Self {
            all: AhoCorasick::builder().build(phrases).ok(),
            any: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(phrases)
                .ok(),
        }
    }

    /// The index (in the list given to [`new`](Self::new)) of each phrase
    /// found in `lower`, the text ASCII-lowercased, in text order without
    /// overlaps; nothing when no phrase occurs.
    pub fn found<'a>(&'a self, lower: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let none = self.any.as_ref().is_some_and(|any| !any.is_match(lower));
        (self.all.as_ref().filter(|_| !none))
            .into_iter()
            .flat_map(move |all| all.find_iter(lower))
            .map(|m| m.pattern().as_usize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_in_order_without_overlaps() {
        let set = PhraseSet::new(&["sign up", "up to", "inbox"]);
        let found: Vec<usize> = set.found(b"sign up to our inbox; sign up").collect();
        assert_eq!(found, [0, 2, 0]);
        assert_eq!(set.found(b"nothing here").count(), 0);
        assert_eq!(PhraseSet::new(&[]).found(b"sign up").count(), 0);
    }
}
