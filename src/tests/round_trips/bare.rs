//! Quotes with neither speaker nor cue keep their class and their group
//! through every format that carries quotes: a bare quote that is not
//! speech, and the bare segments of an interrupted quote, come back as
//! quotes, and each list entry written into `meta` slices its quote's text
//! in code points.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{convert, quotes, read_back, segments, written};
use crate::formats::json::{META_QUOTE_CLASSES, META_QUOTE_GROUPS};
use crate::model::{AttributionClass, Document, Edit, Quote, Transaction, markup};
use crate::tests::support::py_slice;

const TEXT: &str = "[“Ça suffit,”|QUOTE:1] [dit|CUE:1] [Léa|SPEAKER:1]. \
    [“Plus jamais 👋”|QUOTE:2] Puis : [«北京 d'abord»|QUOTE:3] et [«Zürich ensuite»|QUOTE:4].";

/// One document: a said quote, a bare writing quote, and two bare segments
/// of one interrupted quote whose class is evidence.
fn fixture() -> Document {
    let mut doc = markup::document(TEXT).unwrap();
    doc.source = Some("wire/léa.txt".into());
    let quotes: Vec<Quote> = doc.quotes_sorted().into_iter().cloned().collect();
    let [_, writing, first, second] = quotes.as_slice() else {
        panic!("four quotes: {quotes:?}")
    };
    let group = doc.ids().group();
    let mut writing = writing.clone();
    writing.class = AttributionClass::Writing;
    let mut tx = Transaction::new("bare classes").with(Edit::ReplaceQuote(writing));
    for segment in [first, second] {
        let mut segment = segment.clone();
        segment.class = AttributionClass::Evidence;
        segment.group = Some(group);
        tx.push(Edit::ReplaceQuote(segment));
    }
    doc.apply(&tx).unwrap();
    doc
}

fn input(dir: &Path) -> PathBuf {
    written(dir, "bare.jsonl", &[fixture()])
}

/// Every entry of the quote lists in `meta` (Prodigy) or on the record
/// (doccano flattens meta) slices a bare quote of the text.
fn check_lists(jsonl: &str) -> usize {
    let mut checked = 0;
    for line in jsonl.lines() {
        let task: Value = serde_json::from_str(line).unwrap();
        let text = task["text"].as_str().unwrap();
        for key in [META_QUOTE_CLASSES, META_QUOTE_GROUPS] {
            let list = task["meta"].get(key).unwrap_or(&task[key]);
            for entry in list.as_array().cloned().unwrap_or_default() {
                let at = |i: usize| usize::try_from(entry[i].as_u64().unwrap()).unwrap();
                let words = py_slice(text, at(0), at(1));
                assert!(
                    ["“Plus jamais 👋”", "«北京 d'abord»", "«Zürich ensuite»"].contains(&&*words),
                    "{key}: {words}"
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn prodigy_and_doccano_relations_keep_the_class_and_group_of_bare_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let original = fixture();
    for format in ["prodigy", "doccano-rel"] {
        let out = dir.path().join(format!("{format}.jsonl"));
        let run = convert(&input(dir.path()), format, &out);
        assert!(
            !run.err.contains("without speaker or cue"),
            "{format}: {}",
            run.err
        );
        assert_eq!(
            check_lists(&fs::read_to_string(&out).unwrap()),
            5,
            "{format}"
        );
        let back = read_back(&out);
        assert_eq!(quotes(&back[0]), quotes(&original), "{format}");
        assert_eq!(segments(&back[0]), segments(&original), "{format}");
    }
}

#[test]
fn label_studio_and_brat_keep_the_class_and_group_of_bare_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let original = fixture();
    for (format, file) in [("labelstudio", "tasks.json"), ("brat", "")] {
        let out = dir.path().join(format);
        let run = convert(&input(dir.path()), format, &out);
        assert!(
            !run.err.contains("without speaker or cue"),
            "{format}: {}",
            run.err
        );
        let back = read_back(&out.join(file));
        assert_eq!(quotes(&back[0]), quotes(&original), "{format}");
        assert_eq!(segments(&back[0]), segments(&original), "{format}");
    }
}
