//! Named entities for the built-in `rules` engine: PERSON, ORG, GPE, LOC and
//! NORP from capitalisation, titles, organisation and place words, datelines,
//! acronym definitions and the gazetteers in `assets/gazetteers/`, then made
//! consistent over the whole document (`Blinken` after `Antony Blinken` is the
//! same person). Pure and deterministic; the quote rules call
//! [`find_entities`] to resolve speakers.

mod capitals;
mod classify;
mod context;
mod dateline;
mod dates;
pub mod gazetteer;
mod openers;
mod person;
mod propagate;
mod sports;
mod suggester;
mod titles;
mod words;

pub use suggester::{EntitySuggester, entity_spans};

use crate::model::ByteRange;
use classify::Candidate;
use gazetteer::GAZETTEER;

/// The entity labels the rules propose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityLabel {
    /// People, also groups typed as people.
    Person,
    /// Companies, agencies, institutions, parties, news organisations.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, seas, mountains, buildings.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
}

impl EntityLabel {
    /// The label name used in the label set and in files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Gpe => "GPE",
            Self::Loc => "LOC",
            Self::Norp => "NORP",
        }
    }
}

/// A person's gender as a title or first name tells it, for pronoun resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `he`.
    Male,
    /// `she`.
    Female,
}

/// One entity mention found in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMention {
    /// Bytes of the name (titles and a possessive `’s` left out).
    pub range: ByteRange,
    /// What kind of entity.
    pub label: EntityLabel,
    /// The entity's full name, shared by all its mentions: `Blinken` →
    /// `Antony Blinken`, `FBI` → `Federal Bureau of Investigation`.
    pub canonical: String,
    /// Gender from an honorific, a gendered title or the first name, if known.
    pub gender: Option<Gender>,
    /// The title or role words right before a person's name (`Secretary of
    /// State`), so `the secretary` can be matched to this mention.
    pub title: Option<ByteRange>,
    /// The rule that fired, for auditing.
    pub rule: &'static str,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
}

/// Finds the entity mentions of `text`, paragraph by paragraph, skipping any
/// paragraph that overlaps `skip` (boilerplate). Mentions are sorted by start
/// and never overlap.
pub fn find_entities(
    text: &str,
    paragraphs: &[ByteRange],
    skip: &[ByteRange],
) -> Vec<EntityMention> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut all_words = Vec::with_capacity(paragraphs.len());
    for (i, &para) in paragraphs.iter().enumerate() {
        if skip.iter().any(|s| s.overlaps(&para)) {
            continue;
        }
        let mut body = para;
        if i < 3
            && let Some(d) = dateline::find(text, para)
        {
            candidates.extend(d.candidates);
            body = ByteRange::new(d.body_start, para.end);
        }
        let words = words::split(text, body);
        let mode = capitals::mode(text, &words);
        capitals::find(text, &words, mode, &mut candidates);
        all_words.push((words, mode));
    }
    sports::teams(text, &mut candidates);
    propagate::run(text, &all_words, candidates)
}

/// Title-cases an all-caps word: `BEIJING` → `Beijing` (also how the
/// learned tagger looks a caps word up in the gazetteers).
pub(crate) fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = !c.is_alphanumeric();
    }
    out
}

#[cfg(test)]
mod tests;
