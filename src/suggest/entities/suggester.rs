//! [`EntitySuggester`]: the entity, date and boilerplate part of the
//! built-in `rules` engine as a [`Suggester`] of its own, so entities can be
//! suggested and tested without the quote rules.

use rustc_hash::FxHashMap as HashMap;

use super::{EntityMention, dates, find_entities};
use crate::model::{ByteRange, Document, Layer, Origin};
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
        let skip = boilerplate::skip_ranges(doc);
        let mentions = find_entities(text, &doc.paragraphs(), &skip);
        Suggestions {
            spans: entity_spans(text, &mentions, &skip),
            quotes: Vec::new(),
            boilerplate: skip,
        }
    }
}

/// The spans of entity mentions, `spans[n]` for `mentions[n]`, then the
/// DATE spans of the text outside `skip` (boilerplate): a later mention refers to
/// the nearest earlier one that spells out the full name, else to the
/// entity's first mention. Shared with the quote engine, which suggests
/// entities and quotes in one pass.
pub fn entity_spans(
    text: &str,
    mentions: &[EntityMention],
    skip: &[ByteRange],
) -> Vec<SuggestedSpan> {
    let mut spans = name_spans(text, mentions);
    spans.extend(date_spans(text, mentions, skip));
    spans
}

/// DATE spans outside `skip` that overlap no name: a name found by the
/// other rules (`Theresa May`) wins over a date.
fn date_spans<'a>(
    text: &'a str,
    mentions: &'a [EntityMention],
    skip: &[ByteRange],
) -> impl Iterator<Item = SuggestedSpan> + 'a {
    dates::find(text, skip)
        .into_iter()
        .filter(|d| {
            let i = mentions.partition_point(|m| m.range.end <= d.start);
            mentions.get(i).is_none_or(|m| !m.range.overlaps(d))
        })
        .map(|range| SuggestedSpan {
            range,
            label: "DATE".to_owned(),
            layer: Layer::Entity,
            origin: Origin::suggested(ENGINE, "date", 0.9),
            refers_to: None,
        })
}

/// The spans of the entity mentions, in their order.
fn name_spans(text: &str, mentions: &[EntityMention]) -> Vec<SuggestedSpan> {
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
