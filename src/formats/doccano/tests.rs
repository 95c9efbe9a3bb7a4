//! The doccano writer: golden records, what each mode cannot hold, and
//! records read back through the JSON reader ([`crate::formats::byline`]).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::*;
use crate::formats::byline;
use crate::formats::fixtures::{plain, py_slice, rich};
use crate::model::markup::render;
use crate::model::{Edit, SpanState, Transaction};

fn written(docs: &[Document], mode: Mode) -> (String, ExportReport) {
    let mut out = Vec::new();
    let report = write(docs, &mut out, mode, ExportOptions::GOLD).unwrap();
    (String::from_utf8(out).unwrap(), report)
}

/// The rich fixture with its quote reviewed (the PERSON suggestion still pending).
fn reviewed() -> Document {
    let mut doc = rich();
    let mut quote = doc.quotes().next().unwrap().clone();
    quote.state = SpanState::Accepted;
    doc.apply(&Transaction::new("accept").with(Edit::ReplaceQuote(quote)))
        .unwrap();
    doc
}

fn lost(report: &ExportReport) -> BTreeMap<&str, usize> {
    report.lost.iter().map(|(k, v)| (k.as_str(), *v)).collect()
}

/// The reviewed fixture for a sequence-labelling project: its gold entity
/// layer (`México` is rejected, the PERSON pending).
const SEQUENCE_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","label":[[1,3,"GPE"]],"boilerplate":[[23,31]],"#,
    r#""doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"}"#,
);

/// The reviewed fixture for a relation project: every gold span.
const RELATION_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","entities":[{"id":1,"start_offset":0,"end_offset":7,"label":"QUOTE"},"#,
    r#"{"id":3,"start_offset":1,"end_offset":3,"label":"GPE"},{"id":4,"start_offset":8,"end_offset":16,"label":"SPEAKER"},"#,
    r#"{"id":5,"start_offset":17,"end_offset":21,"label":"CUE"},"#,
    r#"{"id":6,"start_offset":23,"end_offset":26,"label":"SPEAKER"}],"relations":[{"id":1,"from_id":1,"to_id":4,"type":"SPEAKER"},"#,
    r#"{"id":2,"from_id":1,"to_id":5,"type":"CUE"},{"id":3,"from_id":6,"to_id":4,"type":"REFERS_TO"}],"#,
    r#""boilerplate":[[23,31]],"doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"}"#,
);

#[test]
fn sequence_mode_matches_golden_and_counts_what_it_leaves_out() {
    let (out, report) = written(&[reviewed()], Mode::Sequence);
    assert_eq!(out, format!("{SEQUENCE_GOLDEN}\n"));
    assert_eq!(report.spans, 1);
    assert_eq!(
        lost(&report),
        BTreeMap::from([
            (
                "attribution spans (doccano's sequence export holds the entity layer; quotes go to doccano-rel)",
                4
            ),
            ("coreference links (refers_to)", 1),
            (
                "pending spans (not gold; --with-suggestions writes them where a format can)",
                1
            ),
            ("quotes (links from QUOTE spans to speaker and cue)", 1),
            (
                "rejected spans (not gold: training exports leave them out)",
                1
            ),
        ])
    );
    assert!(report.notes.is_empty());
}

#[test]
fn sequence_mode_keeps_one_layer_without_overlaps() {
    let doc = crate::model::markup::document(
        "[[Ana|PERSON] Díaz|PERSON] of [北京 [Lab|ORG]|ORG] met [Zoë|PERSON].",
    )
    .unwrap();
    let (out, report) = written(&[doc], Mode::Sequence);
    let record: Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(
        record["label"],
        json!([[0, 8, "PERSON"], [12, 18, "ORG"], [23, 26, "PERSON"]])
    );
    assert_eq!(
        lost(&report)["entity spans overlapping another (doccano's sequence labelling holds no overlaps)"],
        2
    );
}

#[test]
fn every_record_has_every_meta_key_and_no_null() {
    let mut first = plain();
    first.meta.insert("id".into(), Value::from(7));
    let mut second = crate::model::markup::document("[Zoë|PERSON] 👋").unwrap();
    second.meta.insert("title".into(), Value::Null);
    let (out, _) = written(&[first, second], Mode::Sequence);
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let keys = |r: &Value| r.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&records[0]), keys(&records[1]));
    assert_eq!(records[1]["id"], "");
    assert_eq!(records[1]["title"], "");
    assert_eq!(records[1]["source"], "", "no source");
    assert!(out.lines().all(|l| !l.contains("null")), "{out}");
}

#[test]
fn relation_mode_matches_golden_and_keeps_links() {
    let (out, report) = written(&[reviewed()], Mode::Relation);
    assert_eq!(out, format!("{RELATION_GOLDEN}\n"));
    assert_eq!(
        report.notes.iter().collect::<Vec<_>>(),
        [OVERLAP_NOTE],
        "the project must allow overlapping spans"
    );
    let lost = lost(&report);
    assert!(!lost.contains_key("coreference links (refers_to)"));
    assert_eq!(lost.get("speaker entity names"), Some(&1));
    assert_eq!(
        lost.get("quote kinds partial/mixed (read back as direct or indirect)"),
        Some(&1)
    );
}

#[test]
fn every_offset_slices_its_label_text_in_code_points() {
    let doc = rich();
    for mode in [Mode::Sequence, Mode::Relation] {
        let gold = doc.gold();
        let expected: Vec<String> = exported_spans(&gold)
            .iter()
            .filter(|s| mode == Mode::Relation || s.layer == Layer::Entity)
            .map(|s| s.text(doc.text()).to_owned())
            .collect();
        let (out, _) = written(std::slice::from_ref(&doc), mode);
        let record: Value = serde_json::from_str(out.trim_end()).unwrap();
        let text = record["text"].as_str().unwrap();
        let sliced: Vec<String> = match mode {
            Mode::Sequence => record["label"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    py_slice(
                        text,
                        t[0].as_u64().unwrap() as usize,
                        t[1].as_u64().unwrap() as usize,
                    )
                })
                .collect(),
            Mode::Relation => record["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let (s, e) = (
                        e["start_offset"].as_u64().unwrap(),
                        e["end_offset"].as_u64().unwrap(),
                    );
                    py_slice(text, s as usize, e as usize)
                })
                .collect(),
        };
        assert_eq!(sliced, expected, "{mode:?}");
    }
}

#[test]
fn meta_keys_named_like_record_keys_are_counted_not_written() {
    let mut doc = plain();
    doc.meta.insert("label".into(), Value::from("positive"));
    doc.meta.insert("id".into(), Value::from(7));
    let (out, report) = written(&[doc], Mode::Sequence);
    let record: Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(record["id"], 7);
    assert!(record["label"].is_array());
    assert_eq!(
        lost(&report).get("meta keys named like doccano's `label`"),
        Some(&1)
    );
}

fn doccano_lines(docs: &[Document], mode: Mode) -> String {
    written(docs, mode).0
}

#[test]
fn doccano_to_byline_to_doccano_keeps_the_spans() {
    let input = concat!(
        r#"{"id": 12, "text": "“北京 👍,” Ana Díaz said.\r\nShe left Me\u0301xico.", "#,
        r#""label": [[0, 7, "QUOTE"], [8, 16, "PERSON"], [33, 40, "GPE"]], "Comments": []}"#,
        "\n",
        r#"{"data": "Plain ascii, said Bo.", "label": [[18, 20, "PERSON"]]}"#,
    );
    let first = byline::read(input, "doccano.jsonl").unwrap();
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    assert_eq!(
        render(&first.documents[0]),
        "[“北京 👍,”|QUOTE] [Ana Díaz|PERSON] said.\nShe left [Me\u{301}xico|GPE].",
        "offsets past the \\r\\n shift by one"
    );
    let mut bylined = Vec::new();
    byline::write(
        &first.documents,
        &mut bylined,
        byline::Flavor::Byline,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    let again = byline::read(std::str::from_utf8(&bylined).unwrap(), "b.jsonl").unwrap();
    assert_eq!(again.documents, first.documents);
    let out = doccano_lines(&again.documents, Mode::Sequence);
    let labels: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["label"].clone())
        .collect();
    assert_eq!(labels[0], json!([[8, 16, "PERSON"], [32, 39, "GPE"]]));
    assert_eq!(labels[1], json!([[18, 20, "PERSON"]]));
    let meta: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        (meta["id"].clone(), meta["Comments"].clone()),
        (json!(12), json!([]))
    );
}

#[test]
fn doccano_relation_mode_round_trips_quotes_and_coreference() {
    for original in [plain(), reviewed()] {
        let out = doccano_lines(std::slice::from_ref(&original), Mode::Relation);
        let mut loaded = byline::read(&out, "in.jsonl").unwrap();
        assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.warnings);
        let (back, warnings) = (loaded.documents.remove(0), loaded.warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        let gold = original.gold();
        assert_eq!(render(&back), render(&gold));
        let quote = back.quotes().next().unwrap();
        let orig = original.quotes().next().unwrap();
        assert_eq!(
            (quote.content.clone(), quote.speaker, quote.cue),
            (orig.content.clone(), orig.speaker, orig.cue)
        );
        let she = back.spans().find(|s| s.text(back.text()) == "She").unwrap();
        let orig_she = original
            .spans()
            .find(|s| s.text(original.text()) == "She")
            .unwrap();
        assert_eq!(she.refers_to, orig_she.refers_to);
        assert_eq!(doccano_lines(&[back], Mode::Relation), out);
    }
}
