use std::collections::BTreeMap;

use serde_json::Value;

use super::*;
use crate::formats::fixtures::{plain, py_slice, rich};

fn written(docs: &[Document], mode: Mode) -> (String, ExportReport) {
    let mut out = Vec::new();
    let report = write(docs, &mut out, mode).unwrap();
    (String::from_utf8(out).unwrap(), report)
}

fn lost(report: &ExportReport) -> BTreeMap<&str, usize> {
    report.lost.iter().map(|(k, v)| (k.as_str(), *v)).collect()
}

/// The rich fixture for a sequence-labelling project (`México` has a combining accent).
const SEQUENCE_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","label":[[0,7,"QUOTE"],[1,3,"GPE"],"#,
    r#"[8,16,"SPEAKER"],[8,16,"PERSON"],[17,21,"CUE"],[23,26,"SPEAKER"]],"boilerplate":[[23,31]],"#,
    r#""doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"}"#,
);

/// The rich fixture for a relation project.
const RELATION_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","entities":[{"id":1,"start_offset":0,"end_offset":7,"label":"QUOTE"},"#,
    r#"{"id":3,"start_offset":1,"end_offset":3,"label":"GPE"},{"id":4,"start_offset":8,"end_offset":16,"label":"SPEAKER"},"#,
    r#"{"id":7,"start_offset":8,"end_offset":16,"label":"PERSON"},{"id":5,"start_offset":17,"end_offset":21,"label":"CUE"},"#,
    r#"{"id":6,"start_offset":23,"end_offset":26,"label":"SPEAKER"}],"relations":[{"id":1,"from_id":1,"to_id":4,"type":"SPEAKER"},"#,
    r#"{"id":2,"from_id":1,"to_id":5,"type":"CUE"},{"id":3,"from_id":6,"to_id":4,"type":"REFERS_TO"}],"#,
    r#""boilerplate":[[23,31]],"doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"}"#,
);

#[test]
fn sequence_mode_matches_golden_and_counts_links_as_lost() {
    let (out, report) = written(&[rich()], Mode::Sequence);
    assert_eq!(out, format!("{SEQUENCE_GOLDEN}\n"));
    assert_eq!(report.spans, 6);
    assert_eq!(
        lost(&report),
        BTreeMap::from([
            ("coreference links (refers_to)", 1),
            ("pending review states (written as plain annotations)", 1),
            ("quotes (links from QUOTE spans to speaker and cue)", 1),
            ("rejected spans (training exports leave them out)", 1),
            ("suggestion origins (engine, rule, score)", 1),
        ])
    );
}

#[test]
fn relation_mode_matches_golden_and_keeps_links() {
    let (out, report) = written(&[rich()], Mode::Relation);
    assert_eq!(out, format!("{RELATION_GOLDEN}\n"));
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
    let expected: Vec<String> = exported_spans(&doc)
        .iter()
        .map(|s| s.text(doc.text()).to_owned())
        .collect();
    for mode in [Mode::Sequence, Mode::Relation] {
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
