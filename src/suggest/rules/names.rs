//! Name mentions for speaker resolution, taken from the entity finder
//! ([`crate::suggest::entities`]): each with its titles (`Secretary of
//! State`), gender and canonical name, so `Blinken` and `he` find `Antony
//! Blinken` and `the minister` finds `Foreign Minister Chen Gang`.

use crate::suggest::entities::{self, EntityLabel, EntityMention};

use super::lexicon::Gender;

/// A name mention: the whole run with its titles and the bare name, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct NameRun {
    /// The mention with its titles.
    pub range: (usize, usize),
    /// The bare name (`Antony Blinken`).
    pub name: (usize, usize),
    /// Title words before the name, lowercase (`secretary`, `minister`).
    pub titles: Vec<String>,
    /// Gender told by an honorific, title or first name.
    pub gender: Option<Gender>,
    /// The entity's full name, shared by all its mentions.
    pub canonical: String,
    /// What kind of entity it is.
    pub label: EntityLabel,
}

impl NameRun {
    /// True for a person (pronouns `he`/`she` and role nouns resolve only to people).
    pub fn is_person(&self) -> bool {
        self.label == EntityLabel::Person
    }
}

/// Turns entity mentions (sorted by start) into name runs, in text order.
pub fn from_entities(text: &str, mentions: &[EntityMention]) -> Vec<NameRun> {
    mentions
        .iter()
        .map(|m| {
            let title = m.title.and_then(|t| t.slice(text)).unwrap_or("");
            NameRun {
                range: (
                    m.title
                        .map_or(m.range.start, |t| t.start.min(m.range.start)),
                    m.range.end,
                ),
                name: (m.range.start, m.range.end),
                titles: title.split_whitespace().map(str::to_lowercase).collect(),
                gender: m.gender.map(|g| match g {
                    entities::Gender::Male => Gender::Male,
                    entities::Gender::Female => Gender::Female,
                }),
                canonical: m.canonical.clone(),
                label: m.label,
            }
        })
        .collect()
}
