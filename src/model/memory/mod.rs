//! The project's memory as plain data: how often the editor accepted and
//! rejected each label on each phrase, and which canonical name they gave
//! each speaker mention ([`Memory`]), changed by [`Delta`]s that [`observe`]
//! reads off every applied transaction. The store keeps it; the `memory`
//! engine of the suggestion engines suggests from it.
//!
//! Only the entity layer is remembered as phrases: whether "said" is a CUE or a
//! sentence is a QUOTE depends on its sentence, not on its words.

mod learn;

use std::collections::BTreeMap;

pub use self::learn::{observe, observe_document};
use crate::model::words;

/// How often the editor accepted and rejected one label on one phrase.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Spans accepted (or added by hand) with this label and phrase.
    pub accepted: i64,
    /// Spans rejected with this label and phrase.
    pub rejected: i64,
}

/// What the memory says about a phrase with a label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Suggest it, with this score.
    Suggest(f32),
    /// Never suggest it, whatever the engine.
    Veto,
}

impl Counts {
    /// Accepted more often than rejected → suggest; otherwise a rejection wins,
    /// so "rejected once" means "not suggested again" until the editor accepts
    /// it more often than they turned it down.
    pub fn verdict(self) -> Option<Verdict> {
        if self.accepted > self.rejected {
            let margin = (self.accepted - self.rejected) as f32 / self.accepted as f32;
            Some(Verdict::Suggest(0.9 * margin))
        } else if self.rejected > 0 {
            Some(Verdict::Veto)
        } else {
            None
        }
    }
}

/// A change to the phrase counts of one label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseDelta {
    /// Label name.
    pub label: String,
    /// The phrase, see [`phrase_of`].
    pub phrase: String,
    /// Change of the accepted count.
    pub accepted: i64,
    /// Change of the rejected count.
    pub rejected: i64,
}

/// A change to how often a mention was confirmed as naming an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerDelta {
    /// The mention as written ("Blinken", "Mr. Wang").
    pub mention: String,
    /// The canonical name the editor gave ("Antony Blinken").
    pub entity: String,
    /// Change of the count.
    pub count: i64,
}

/// What one transaction taught the memory; the store saves it in the same
/// commit as the edit, the engine applies it in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delta {
    /// Phrase count changes.
    pub phrases: Vec<PhraseDelta>,
    /// Speaker count changes.
    pub speakers: Vec<SpeakerDelta>,
}

impl Delta {
    /// True when nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.speakers.is_empty()
    }
}

/// The editor's verdicts in one project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Memory {
    phrases: BTreeMap<(String, String), Counts>,
    speakers: BTreeMap<(String, String), i64>,
}

impl Memory {
    /// An empty memory.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a delta; counts that fall to zero are forgotten.
    pub fn apply(&mut self, delta: &Delta) {
        for d in &delta.phrases {
            let key = (d.label.clone(), d.phrase.clone());
            let counts = self.phrases.entry(key.clone()).or_default();
            counts.accepted += d.accepted;
            counts.rejected += d.rejected;
            if counts.accepted <= 0 && counts.rejected <= 0 {
                self.phrases.remove(&key);
            }
        }
        for d in &delta.speakers {
            let key = (d.mention.clone(), d.entity.clone());
            let count = self.speakers.entry(key.clone()).or_default();
            *count += d.count;
            if *count <= 0 {
                self.speakers.remove(&key);
            }
        }
    }

    /// Every remembered `(label, phrase, counts)`, sorted.
    pub fn phrases(&self) -> impl Iterator<Item = (&str, &str, Counts)> {
        self.phrases
            .iter()
            .map(|((label, phrase), c)| (label.as_str(), phrase.as_str(), *c))
    }

    /// Every remembered `(mention, entity, count)`, sorted.
    pub fn speakers(&self) -> impl Iterator<Item = (&str, &str, i64)> {
        self.speakers
            .iter()
            .map(|((mention, entity), n)| (mention.as_str(), entity.as_str(), *n))
    }

    /// The counts for a label on a phrase.
    pub fn counts(&self, label: &str, phrase: &str) -> Counts {
        self.phrases
            .get(&(label.to_owned(), phrase.to_owned()))
            .copied()
            .unwrap_or_default()
    }

    /// The canonical name most often confirmed for a mention (ties: the first
    /// name in sort order, so the answer is deterministic).
    pub fn speaker_entity(&self, mention: &str) -> Option<&str> {
        let from = (mention.to_owned(), String::new());
        let mut best: Option<(&str, i64)> = None;
        for ((m, entity), &count) in self.speakers.range(from..) {
            if m != mention {
                break;
            }
            if best.is_none_or(|(_, n)| count > n) {
                best = Some((entity, count));
            }
        }
        best.map(|(entity, _)| entity)
    }
}

/// The phrase of a piece of text: its tokens joined by single spaces, so
/// "Wang\nYi" and "Wang  Yi" are remembered as one phrase.
pub fn phrase_of(text: &str) -> String {
    let mut phrase = String::with_capacity(text.len());
    for token in words(text) {
        if let Some(word) = token.range.slice(text) {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(word);
        }
    }
    phrase
}

/// Words that open a mention which names nobody in particular ("The official",
/// "He"): such mentions do not carry a speaker's name to other documents.
const NOT_A_NAME: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "my", "one", "some", "someone",
];

/// Lower-case words allowed inside a name ("Secretary of State", "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den", "la",
    "le", "al", "el", "bin", "ibn", "y", "and",
];

/// True when a mention reads as a name, which can carry across documents.
pub fn is_name_like(phrase: &str) -> bool {
    let mut words = phrase
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphabetic));
    let Some(first) = words.next() else {
        return false;
    };
    if NOT_A_NAME.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    std::iter::once(first)
        .chain(words)
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || NAME_PARTICLES.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(label: &str, phrase: &str, accepted: i64, rejected: i64) -> PhraseDelta {
        PhraseDelta {
            label: label.into(),
            phrase: phrase.into(),
            accepted,
            rejected,
        }
    }

    #[test]
    fn rejection_wins_until_outvoted() {
        let mut memory = Memory::new();
        memory.apply(&Delta {
            phrases: vec![phrase("PERSON", "May", 1, 1)],
            speakers: vec![],
        });
        assert_eq!(
            memory.counts("PERSON", "May").verdict(),
            Some(Verdict::Veto)
        );
        memory.apply(&Delta {
            phrases: vec![phrase("PERSON", "May", 1, 0)],
            speakers: vec![],
        });
        assert!(matches!(
            memory.counts("PERSON", "May").verdict(),
            Some(Verdict::Suggest(s)) if s > 0.0 && s < 0.9
        ));
        memory.apply(&Delta {
            phrases: vec![phrase("PERSON", "May", -2, -1)],
            speakers: vec![],
        });
        assert_eq!(memory.phrases().count(), 0, "zero counts are forgotten");
    }

    #[test]
    fn phrases_ignore_spacing_but_keep_tokens() {
        assert_eq!(phrase_of("Wang\n  Yi"), "Wang Yi");
        assert_eq!(phrase_of("Díaz,"), "Díaz ,");
    }

    #[test]
    fn names_are_told_from_descriptions_and_pronouns() {
        assert!(is_name_like("Antony Blinken"));
        assert!(is_name_like("Mr. Wang"));
        assert!(is_name_like("Ursula von der Leyen"));
        assert!(!is_name_like("The official"));
        assert!(!is_name_like("he"));
        assert!(!is_name_like("a senior State Department official"));
        assert!(!is_name_like("police"));
    }

    #[test]
    fn most_confirmed_speaker_name_wins() {
        let mut memory = Memory::new();
        let speaker = |entity: &str, count| SpeakerDelta {
            mention: "Wang".into(),
            entity: entity.into(),
            count,
        };
        memory.apply(&Delta {
            phrases: vec![],
            speakers: vec![speaker("Wang Yi", 2), speaker("Wang Wei", 1)],
        });
        assert_eq!(memory.speaker_entity("Wang"), Some("Wang Yi"));
        assert_eq!(memory.speaker_entity("Wan"), None);
    }
}
