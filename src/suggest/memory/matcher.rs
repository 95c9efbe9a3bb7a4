//! Finding remembered phrases in a text: one Aho-Corasick automaton over every
//! remembered phrase, run on the text's tokens (lower-cased, joined by single
//! spaces) so that matches start and end on token boundaries and line breaks
//! inside a name do not hide it. The case rule is then checked on the original
//! words.

use aho_corasick::{AhoCorasick, MatchKind};

use super::case_matches;
use crate::model::memory::{Memory, Verdict};
use crate::model::{ByteRange, words};

/// One remembered label on a phrase.
#[derive(Clone, Debug)]
struct Entry {
    label: String,
    phrase: String,
    verdict: Verdict,
}

/// A remembered phrase found in a text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Hit {
    /// Bytes of the text, from a token start to a token end.
    pub range: ByteRange,
    /// The remembered label.
    pub label: String,
    /// Suggest or veto.
    pub verdict: Verdict,
}

/// The automaton built from one state of the memory.
pub(super) struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Entries per automaton pattern (one lower-cased phrase may carry several labels).
    entries: Vec<Vec<Entry>>,
}

impl Matcher {
    /// Builds the automaton; phrases whose counts give no verdict are left out.
    pub fn new(memory: &Memory) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        for (label, phrase, counts) in memory.phrases() {
            let Some(verdict) = counts.verdict() else {
                continue;
            };
            let key = phrase.to_lowercase();
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                entries.push(Vec::new());
                entries.len() - 1
            });
            if let Some(list) = entries.get_mut(slot) {
                list.push(Entry {
                    label: label.to_owned(),
                    phrase: phrase.to_owned(),
                    verdict,
                });
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Self { automaton, entries }
    }

    /// Every remembered phrase in `text` that starts and ends on token
    /// boundaries and passes the case rule, overlapping hits included.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let tokens = words(text);
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| t.range.slice(text).unwrap_or(""))
            .collect();
        let mut folded = String::with_capacity(text.len() + tokens.len());
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for word in &words {
            if !folded.is_empty() {
                folded.push(' ');
            }
            starts.push(folded.len());
            folded.push_str(&word.to_lowercase());
            ends.push(folded.len());
        }
        let mut hits = Vec::new();
        for m in automaton.find_overlapping_iter(&folded) {
            let (Ok(first), Ok(last)) = (
                starts.binary_search(&m.start()),
                ends.binary_search(&m.end()),
            ) else {
                continue;
            };
            let (Some(a), Some(b), Some(written)) =
                (tokens.get(first), tokens.get(last), words.get(first..=last))
            else {
                continue;
            };
            let occurrence = written.join(" ");
            for entry in self
                .entries
                .get(m.pattern().as_usize())
                .into_iter()
                .flatten()
            {
                if case_matches(&occurrence, &entry.phrase) {
                    hits.push(Hit {
                        range: ByteRange::new(a.range.start, b.range.end),
                        label: entry.label.clone(),
                        verdict: entry.verdict,
                    });
                }
            }
        }
        hits
    }
}

/// The suggestions among `hits`: no two overlap; the leftmost, then the
/// longest, then the best-scored wins.
pub(super) fn flat_suggestions(hits: &[Hit]) -> Vec<(ByteRange, &str, f32)> {
    let mut candidates: Vec<(ByteRange, &str, f32)> = hits
        .iter()
        .filter_map(|h| match h.verdict {
            Verdict::Suggest(score) => Some((h.range, h.label.as_str(), score)),
            Verdict::Veto => None,
        })
        .collect();
    candidates.sort_by(|a, b| {
        (a.0.start, std::cmp::Reverse(a.0.end))
            .cmp(&(b.0.start, std::cmp::Reverse(b.0.end)))
            .then(b.2.total_cmp(&a.2))
            .then(a.1.cmp(b.1))
    });
    let mut kept: Vec<(ByteRange, &str, f32)> = Vec::new();
    for candidate in candidates {
        if kept.last().is_none_or(|k| !k.0.overlaps(&candidate.0)) {
            kept.push(candidate);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::memory::{Delta, PhraseDelta};

    fn memory(entries: &[(&str, &str, i64, i64)]) -> Memory {
        let mut memory = Memory::new();
        memory.apply(&Delta {
            phrases: entries
                .iter()
                .map(|&(label, phrase, accepted, rejected)| PhraseDelta {
                    label: label.into(),
                    phrase: phrase.into(),
                    accepted,
                    rejected,
                })
                .collect(),
            speakers: vec![],
        });
        memory
    }

    fn found(memory: &Memory, text: &str) -> Vec<String> {
        let hits = Matcher::new(memory).find(text);
        flat_suggestions(&hits)
            .into_iter()
            .map(|(r, label, _)| format!("{}={label}", &text[r.start..r.end]))
            .collect()
    }

    #[test]
    fn matches_whole_tokens_across_line_breaks_and_headlines() {
        let m = memory(&[("PERSON", "Wang Yi", 1, 0), ("GPE", "Türkiye", 2, 0)]);
        assert_eq!(
            found(
                &m,
                "WANG YI IN TÜRKIYE\n\n“Yes,” Wang\nYi said in Türkiye’s capital."
            ),
            // `’s` is its own token, as in spaCy, so "Türkiye’s" holds "Türkiye".
            [
                "WANG YI=PERSON",
                "TÜRKIYE=GPE",
                "Wang\nYi=PERSON",
                "Türkiye=GPE"
            ]
        );
        assert!(found(&m, "Wang Yin and wang yi spoke.").is_empty());
    }

    #[test]
    fn longest_leftmost_wins_and_vetoes_are_not_suggested() {
        let m = memory(&[
            ("GPE", "New York", 1, 0),
            ("ORG", "New York Times", 1, 0),
            ("PERSON", "May", 0, 1),
        ]);
        assert_eq!(
            found(&m, "The New York Times said in May that New York grew."),
            ["New York Times=ORG", "New York=GPE"]
        );
        let hits = Matcher::new(&m).find("In May.");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].verdict, Verdict::Veto);
    }
}
