//! Quote classes in a record's `meta`. Prodigy and doccano records carry
//! quotes as relations, which have no place for what an attribution reports,
//! so the Prodigy and doccano-rel writers put the class of each quote that is
//! not speech in `meta.quote_classes`: `[[start, end, "belief"], …]`, the
//! code points of the quote's first content span and its class. `meta` is
//! what both tools keep as it is (Prodigy in the task, doccano as the
//! example's meta); a quote the list does not name is speech. Byline JSONL
//! says the class on each quote and needs no such list.

use serde_json::{Map, Value};

use crate::model::{
    AttributionClass, ByteRange, CharRange, Document, Edit, OffsetError, Quote, Transaction,
};

/// `meta` key holding the classes of quotes that are not speech.
pub const META_QUOTE_CLASSES: &str = "quote_classes";

/// The `meta.quote_classes` list of `quotes` (spans looked up in `doc`),
/// or `None` when every one is speech. A quote with neither speaker nor cue
/// has no relation to be read back from, and is not listed. A content span that does not fit the
/// text is left out (the writer has checked alignment already).
pub fn encode_quote_classes<'q>(
    doc: &Document,
    quotes: impl IntoIterator<Item = &'q Quote>,
    to_chars: &dyn Fn(ByteRange) -> Result<CharRange, OffsetError>,
) -> Option<Value> {
    let mut listed: Vec<(usize, usize, &'static str)> = Vec::new();
    for quote in quotes {
        if quote.class == AttributionClass::Speech
            || (quote.speaker.is_none() && quote.cue.is_none())
        {
            continue;
        }
        let first = quote.content.first().and_then(|&id| doc.span(id));
        let Some(chars) = first.and_then(|s| to_chars(s.range).ok()) else {
            continue;
        };
        let entry = (chars.start, chars.end, quote.class.as_str());
        if !listed.contains(&entry) {
            listed.push(entry);
        }
    }
    listed.sort_unstable();
    let values: Vec<Value> = listed
        .into_iter()
        .map(|(start, end, class)| Value::from(vec![start.into(), end.into(), Value::from(class)]))
        .collect();
    (!values.is_empty()).then(|| Value::from(values))
}

/// Takes `meta.quote_classes` out of `meta` when it has the writer's shape
/// (or is doccano's `""` for a record without one); another value is someone
/// else's data and stays.
pub fn take_quote_classes(meta: &mut Map<String, Value>) -> Vec<(CharRange, AttributionClass)> {
    let decoded = match meta.get(META_QUOTE_CLASSES) {
        Some(Value::String(s)) if s.is_empty() => Some(Vec::new()),
        Some(value) => decode(value),
        None => None,
    };
    if decoded.is_some() {
        meta.remove(META_QUOTE_CLASSES);
    }
    decoded.unwrap_or_default()
}

fn decode(value: &Value) -> Option<Vec<(CharRange, AttributionClass)>> {
    value
        .as_array()?
        .iter()
        .map(|entry| match entry.as_array()?.as_slice() {
            [s, e, class] => Some((
                CharRange::new(
                    usize::try_from(s.as_u64()?).ok()?,
                    usize::try_from(e.as_u64()?).ok()?,
                ),
                AttributionClass::parse(class.as_str()?)?,
            )),
            _ => None,
        })
        .collect()
}

/// Gives each quote `tx` inserts the class listed for the range of its first
/// content span (spans looked up among those `tx` inserts). Returns the
/// positions in `classes` that named no quote.
pub fn set_quote_classes(
    tx: &mut Transaction,
    classes: &[(ByteRange, AttributionClass)],
) -> Vec<usize> {
    let ranges: std::collections::HashMap<_, _> = tx
        .edits
        .iter()
        .filter_map(|e| match e {
            Edit::InsertSpan(span) => Some((span.id, span.range)),
            _ => None,
        })
        .collect();
    let mut used = vec![false; classes.len()];
    for edit in &mut tx.edits {
        let Edit::InsertQuote(quote) = edit else {
            continue;
        };
        let Some(range) = quote.content.first().and_then(|id| ranges.get(id)) else {
            continue;
        };
        if let Some(at) = classes.iter().position(|(r, _)| r == range)
            && let Some((_, class)) = classes.get(at)
        {
            quote.class = *class;
            if let Some(flag) = used.get_mut(at) {
                *flag = true;
            }
        }
    }
    (0..classes.len())
        .filter(|&i| used.get(i) == Some(&false))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::markup::document;
    use crate::model::{Edit, OffsetIndex, Transaction};

    #[test]
    fn only_classes_other_than_speech_are_listed_in_code_points() {
        let mut doc = document(
            "Zoë 👋: [“Wir bauen,”|QUOTE:1] [sie|SPEAKER:1] [glaubt|CUE:1]. [“Ja”|QUOTE:2].",
        )
        .unwrap();
        let index = OffsetIndex::new(doc.text());
        let to_chars = |r| index.to_chars(r);
        assert_eq!(encode_quote_classes(&doc, doc.quotes(), &to_chars), None);
        let mut belief = doc.quotes_sorted()[0].clone();
        belief.class = AttributionClass::Belief;
        doc.apply(&Transaction::new("c").with(Edit::ReplaceQuote(belief)))
            .unwrap();
        let index = OffsetIndex::new(doc.text());
        let to_chars = |r| index.to_chars(r);
        let value = encode_quote_classes(&doc, doc.quotes(), &to_chars).unwrap();
        assert_eq!(value, json!([[7, 19, "belief"]]));

        let mut meta = Map::new();
        meta.insert(META_QUOTE_CLASSES.into(), value);
        assert_eq!(
            take_quote_classes(&mut meta),
            [(CharRange::new(7, 19), AttributionClass::Belief)]
        );
        assert!(meta.is_empty());
    }

    #[test]
    fn values_of_another_shape_stay_in_meta_and_an_empty_string_is_none() {
        for (value, kept) in [
            (json!(""), false),
            (json!([[1, 2, "gossip"]]), true),
            (json!("speech"), true),
        ] {
            let mut meta = Map::new();
            meta.insert(META_QUOTE_CLASSES.into(), value);
            assert_eq!(take_quote_classes(&mut meta), []);
            assert_eq!(meta.contains_key(META_QUOTE_CLASSES), kept);
        }
    }
}
