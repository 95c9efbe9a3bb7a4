//! The token formats round-trip the fixtures through `byline convert`:
//! CoNLL (both layouts) reads back to the same tagged words, and the Hugging
//! Face tags spell out both layers with the names the dataset card declares.

use std::fs;

use serde_json::Value;

use super::{convert, fixtures, input, read_back};
use crate::formats::hf;
use crate::model::{Document, Layer};

/// Spans as (layer, label, text without whitespace): CoNLL and Hugging Face
/// keep tokens, not the spaces between them.
fn span_words(doc: &Document) -> Vec<(String, String, String)> {
    doc.spans_sorted()
        .into_iter()
        .map(|s| {
            let words: String = s.text(doc.text()).split_whitespace().collect();
            (s.layer.as_str().to_owned(), s.label.clone(), words)
        })
        .collect()
}

#[test]
fn conll_keeps_what_iob_holds_and_reads_back_to_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.conll");
    let run = convert(&input(dir.path()), "conll", &out);
    assert!(run.err.contains("not written: 4 quote"), "{}", run.err);
    let group = "not written: 1 interrupted-quote groups";
    assert!(run.err.contains(group), "{}", run.err);
    let back = read_back(&out);
    assert_eq!(back.len(), 2);
    for (back, original) in back.iter().zip(fixtures()) {
        let mut expected = span_words(&original);
        let mut got = span_words(back);
        expected.sort();
        got.sort();
        assert_eq!(got, expected);
    }
    let again = dir.path().join("again.conll");
    convert(&out, "conll", &again);
    assert_eq!(
        fs::read_to_string(again).unwrap(),
        fs::read_to_string(out).unwrap()
    );
}

#[test]
fn conll_for_doccano_keeps_the_entity_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("doccano.conll");
    convert(&input(dir.path()), "conll-doccano", &out);
    let text = fs::read_to_string(&out).unwrap();
    assert!(
        text.lines()
            .all(|l| l.is_empty() || l.split('\t').count() == 2),
        "{text}"
    );
    let mut got: Vec<_> = read_back(&out).iter().flat_map(span_words).collect();
    let mut expected: Vec<_> = fixtures()
        .iter()
        .flat_map(span_words)
        .filter(|(layer, _, _)| layer == "entity")
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(
        got, expected,
        "one document per file: doccano has no document separator"
    );
}

/// The (label, words) runs of one tag column of Hugging Face rows.
fn tagged_words(rows: &str, column: &str, names: &[String]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for line in rows.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let tokens = row["tokens"].as_array().unwrap();
        let tags = row[column].as_array().unwrap();
        assert_eq!(tokens.len(), tags.len(), "{row}");
        for (token, tag) in tokens.iter().zip(tags) {
            let tag = &names[tag.as_u64().unwrap() as usize];
            let token = token.as_str().unwrap();
            match (tag.split_once('-'), found.last_mut()) {
                (Some(("I", label)), Some((last, words))) if last == label => {
                    *words += token;
                }
                (Some((_, label)), _) => found.push((label.to_owned(), token.to_owned())),
                (None, _) => {}
            }
        }
    }
    found
}

#[test]
fn hugging_face_tags_spell_out_both_layers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hf");
    convert(&input(dir.path()), "hf", &out);
    let rows = fs::read_to_string(out.join("train.jsonl")).unwrap();
    let card = fs::read_to_string(out.join("README.md")).unwrap();
    for (column, layer) in [
        ("ner_tags", Layer::Entity),
        ("attribution_tags", Layer::Attribution),
    ] {
        let names = hf::tag_names(&fixtures(), layer);
        for (i, name) in names.iter().enumerate() {
            assert!(
                card.contains(&format!("'{i}': '{name}'")),
                "{column}: {name}"
            );
        }
        let expected: Vec<(String, String)> = fixtures()
            .iter()
            .flat_map(span_words)
            .filter(|(l, _, _)| l == layer.as_str())
            .map(|(_, label, words)| (label, words))
            .collect();
        assert_eq!(tagged_words(&rows, column, &names), expected, "{column}");
    }
}
