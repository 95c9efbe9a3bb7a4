//! [`EntitySuggester`]: the entity and boilerplate part of the built-in
//! `rules` engine as a [`Suggester`] of its own, so entities can be suggested
//! and tested without the quote rules.

use rustc_hash::FxHashMap as HashMap;

use super::{EntityMention, find_entities};
use crate::model::{Document, Layer, Origin};
use crate::suggest::{SuggestedSpan, Suggester, Suggestions, boilerplate};

/// Suggests entity spans and flags boilerplate paragraphs.
#[derive(Clone, Copy, Debug, Default)]
pub struct EntitySuggester;

/// The engine name written into every suggestion.
const ENGINE: &str = "rules";

impl Suggester for EntitySuggester {
    fn name(&self) -> &str {
        ENGINE
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        let text = doc.text();
        let mut skip = boilerplate::detect(text);
        skip.extend(doc.boilerplate.iter().copied());
        skip.sort();
        skip.dedup();
        let mentions = find_entities(text, &doc.paragraphs(), &skip);
        let spans = entity_spans(text, &mentions);
        Suggestions {
            spans,
            quotes: Vec::new(),
            boilerplate: skip,
        }
    }
}

/// The spans of entity mentions (sorted by start): a later mention refers to
/// the nearest earlier one that spells out the full name, else to the
/// entity's first mention. Shared with the quote engine, which suggests
/// entities and quotes in one pass.
pub fn entity_spans(text: &str, mentions: &[EntityMention]) -> Vec<SuggestedSpan> {
    let mut full: HashMap<&str, usize> = HashMap::default();
    let mut first: HashMap<&str, usize> = HashMap::default();
    let mut spans = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let key = m.canonical.as_str();
        let refers_to = full.get(key).or(first.get(key)).copied();
        if m.range.slice(text) == Some(key) {
            full.insert(key, i);
        }
        first.entry(key).or_insert(i);
        spans.push(SuggestedSpan {
            range: m.range,
            label: m.label.as_str().to_owned(),
            layer: Layer::Entity,
            origin: Origin::suggested_static(ENGINE, m.rule, m.score),
            refers_to,
        });
    }
    spans
}
