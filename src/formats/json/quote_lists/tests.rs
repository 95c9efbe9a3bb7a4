//! Quote lists written into `meta` and read back, in code points.

use serde_json::json;

use super::*;
use crate::model::markup::document;
use crate::model::{Edit, OffsetIndex, Transaction};

fn lists(doc: &Document) -> BTreeMap<String, Value> {
    let index = OffsetIndex::new(doc.text());
    let to_chars = |r| index.to_chars(r);
    let mut meta = BTreeMap::new();
    let quotes = doc.quotes_sorted();
    insert_quote_lists(
        &mut meta,
        doc,
        &quotes,
        &to_chars,
        &mut ExportReport::default(),
    );
    meta
}

#[test]
fn only_classes_other_than_speech_and_quotes_with_groups_are_listed_in_code_points() {
    let mut doc = document(
        "Zoë 👋: [“Wir bauen,”|QUOTE:1] [sie|SPEAKER:1] [glaubt|CUE:1]. [“Ja”|QUOTE:2] [sagt|CUE:2].",
    )
    .unwrap();
    assert_eq!(lists(&doc), BTreeMap::new());
    let quotes: Vec<Quote> = doc.quotes_sorted().into_iter().cloned().collect();
    let mut tx = Transaction::new("c");
    for (i, q) in quotes.iter().enumerate() {
        let mut q = q.clone();
        q.group = Some(QuoteGroup(7));
        if i == 0 {
            q.class = AttributionClass::Belief;
        }
        tx.push(Edit::ReplaceQuote(q));
    }
    doc.apply(&tx).unwrap();
    let meta = lists(&doc);
    assert_eq!(meta[META_QUOTE_CLASSES], json!([[7, 19, "belief"]]));
    assert_eq!(meta[META_QUOTE_GROUPS], json!([[7, 19, 7], [32, 36, 7]]));

    let mut meta: Map<String, Value> = meta.into_iter().collect();
    let read = take_quote_lists(&mut meta);
    let range = CharRange::new(7, 19);
    assert_eq!(
        read,
        [
            (
                META_QUOTE_CLASSES,
                0,
                range,
                Listed::Class(AttributionClass::Belief)
            ),
            (META_QUOTE_GROUPS, 0, range, Listed::Group(QuoteGroup(7))),
            (
                META_QUOTE_GROUPS,
                1,
                CharRange::new(32, 36),
                Listed::Group(QuoteGroup(7))
            ),
        ]
    );
    assert!(meta.is_empty());
}

#[test]
fn values_of_another_shape_stay_in_meta_and_an_empty_string_is_none() {
    for key in QUOTE_LISTS {
        for (value, kept) in [
            (json!(""), false),
            (json!([[1, 2, "gossip"]]), true),
            (json!([[1, 2, -3]]), true),
            (json!([[1, 2, 9_007_199_254_740_992_u64]]), true),
            (json!("speech"), true),
        ] {
            let mut meta = Map::new();
            meta.insert(key.into(), value);
            assert_eq!(take_quote_lists(&mut meta), []);
            assert_eq!(meta.contains_key(key), kept);
        }
    }
}
