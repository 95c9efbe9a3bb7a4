use std::collections::BTreeMap;

use serde_json::Value;

use super::*;
use crate::formats::fixtures::{plain, py_slice, rich};
use crate::model::{DocStatus, Edit, QUOTE, Transaction};

fn written_with(
    docs: &[Document],
    flavor: Flavor,
    options: ExportOptions,
) -> (String, ExportReport) {
    let mut out = Vec::new();
    let report = write(docs, &mut out, flavor, options).unwrap();
    (String::from_utf8(out).unwrap(), report)
}

/// Gold only, the default.
fn written(docs: &[Document], flavor: Flavor) -> (String, ExportReport) {
    written_with(docs, flavor, ExportOptions::GOLD)
}

/// The rich fixture in the byline flavor with its suggestions (lossless).
/// `México` is written with a combining accent (`e` + U+0301), so it spans 7
/// code points: 32..39.
const BYLINE_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","meta":{"boilerplate":[[23,31]],"#,
    r#""doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"},"#,
    r#""_input_hash":361374044,"_task_hash":1480871128,"tokens":[{"text":"“","start":0,"end":1,"id":0,"ws":false},"#,
    r#"{"text":"北京","start":1,"end":3,"id":1,"ws":true},{"text":"👍","start":4,"end":5,"id":2,"ws":false},"#,
    r#"{"text":",","start":5,"end":6,"id":3,"ws":false},{"text":"”","start":6,"end":7,"id":4,"ws":true},"#,
    r#"{"text":"Ana","start":8,"end":11,"id":5,"ws":true},{"text":"Díaz","start":12,"end":16,"id":6,"ws":true},"#,
    r#"{"text":"said","start":17,"end":21,"id":7,"ws":false},{"text":".","start":21,"end":22,"id":8,"ws":true},"#,
    r#"{"text":"She","start":23,"end":26,"id":9,"ws":true},{"text":"left","start":27,"end":31,"id":10,"ws":true},"#,
    r#"{"text":"México","start":32,"end":39,"id":11,"ws":false},{"text":".","start":39,"end":40,"id":12,"ws":false}],"#,
    r#""spans":[{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE","text":"“北京 👍,”","id":1,"layer":"attribution","state":"accepted","origin":{"kind":"manual"}},"#,
    r#"{"start":1,"end":3,"token_start":1,"token_end":1,"label":"GPE","text":"北京","id":3,"layer":"entity","state":"accepted","origin":{"kind":"manual"}},"#,
    r#"{"start":8,"end":16,"token_start":5,"token_end":6,"label":"SPEAKER","text":"Ana Díaz","id":4,"layer":"attribution","state":"accepted","origin":{"kind":"manual"}},"#,
    r#"{"start":8,"end":16,"token_start":5,"token_end":6,"label":"PERSON","text":"Ana Díaz","id":7,"layer":"entity","state":"pending","origin":{"kind":"suggested","engine":"rules","rule":"title-case","score":0.5}},"#,
    r#"{"start":17,"end":21,"token_start":7,"token_end":7,"label":"CUE","text":"said","id":5,"layer":"attribution","state":"accepted","origin":{"kind":"manual"}},"#,
    r#"{"start":23,"end":26,"token_start":9,"token_end":9,"label":"SPEAKER","text":"She","id":6,"layer":"attribution","state":"accepted","origin":{"kind":"manual"},"#,
    r#""refers_to":4}],"rejected_spans":[{"start":32,"end":39,"token_start":11,"token_end":11,"label":"GPE","text":"México","id":8,"layer":"entity","state":"rejected","origin":{"kind":"manual"}}],"#,
    r#""relations":[{"head":4,"child":6,"head_span":{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE"},"#,
    r#""child_span":{"start":8,"end":16,"token_start":5,"token_end":6,"label":"SPEAKER"},"#,
    r#""label":"SPEAKER"},{"head":4,"child":7,"head_span":{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE"},"#,
    r#""child_span":{"start":17,"end":21,"token_start":7,"token_end":7,"label":"CUE"},"label":"CUE"}],"#,
    r#""answer":"ignore","quotes":[{"id":2,"content":[{"start":0,"end":7,"text":"“北京 👍,”","id":1}],"#,
    r#""speaker":{"start":8,"end":16,"text":"Ana Díaz","id":4},"cue":{"start":17,"end":21,"text":"said","id":5},"#,
    r#""kind":"partial","class":"speech","speaker_entity":"Ana Díaz","state":"pending","origin":{"kind":"suggested","engine":"rules","rule":"quote-said","score":0.875}}]}"#,
);

/// The same task in the Prodigy flavor with suggestions: gold under
/// `spans` and `relations`, the pending PERSON under `suggestions`, the
/// pending quote's links under `suggested_relations`.
const PRODIGY_GOLDEN: &str = concat!(
    r#"{"text":"“北京 👍,” Ana Díaz said. She left México.","meta":{"boilerplate":[[23,31]],"#,
    r#""doc_id":"7753249b158a215c","source":"wire/díaz.txt","status":"in_progress","title":"Díaz in 北京"},"#,
    r#""_input_hash":361374044,"_task_hash":TASK_HASH,"tokens":[{"text":"“","start":0,"end":1,"id":0,"ws":false},"#,
    r#"{"text":"北京","start":1,"end":3,"id":1,"ws":true},{"text":"👍","start":4,"end":5,"id":2,"ws":false},"#,
    r#"{"text":",","start":5,"end":6,"id":3,"ws":false},{"text":"”","start":6,"end":7,"id":4,"ws":true},"#,
    r#"{"text":"Ana","start":8,"end":11,"id":5,"ws":true},{"text":"Díaz","start":12,"end":16,"id":6,"ws":true},"#,
    r#"{"text":"said","start":17,"end":21,"id":7,"ws":false},{"text":".","start":21,"end":22,"id":8,"ws":true},"#,
    r#"{"text":"She","start":23,"end":26,"id":9,"ws":true},{"text":"left","start":27,"end":31,"id":10,"ws":true},"#,
    r#"{"text":"México","start":32,"end":39,"id":11,"ws":false},{"text":".","start":39,"end":40,"id":12,"ws":false}],"#,
    r#""spans":[{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE","text":"“北京 👍,”"},"#,
    r#"{"start":1,"end":3,"token_start":1,"token_end":1,"label":"GPE","text":"北京"},{"start":8,"end":16,"token_start":5,"token_end":6,"label":"SPEAKER","text":"Ana Díaz"},"#,
    r#"{"start":17,"end":21,"token_start":7,"token_end":7,"label":"CUE","text":"said"},"#,
    r#"{"start":23,"end":26,"token_start":9,"token_end":9,"label":"SPEAKER","text":"She"}],"#,
    r#""relations":[],"answer":"ignore","#,
    r#""suggestions":[{"start":8,"end":16,"token_start":5,"token_end":6,"label":"PERSON","text":"Ana Díaz","score":0.5,"engine":"rules","rule":"title-case"}],"#,
    r#""suggested_relations":[{"head":4,"child":6,"head_span":{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE"},"#,
    r#""child_span":{"start":8,"end":16,"token_start":5,"token_end":6,"label":"SPEAKER"},"#,
    r#""label":"SPEAKER"},{"head":4,"child":7,"head_span":{"start":0,"end":7,"token_start":0,"token_end":4,"label":"QUOTE"},"#,
    r#""child_span":{"start":17,"end":21,"token_start":7,"token_end":7,"label":"CUE"},"label":"CUE"}]}"#,
);

#[test]
fn byline_flavor_with_suggestions_matches_golden() {
    let (out, report) = written_with(&[rich()], Flavor::Byline, ExportOptions::WITH_SUGGESTIONS);
    assert_eq!(out, format!("{BYLINE_GOLDEN}\n"));
    assert_eq!(report.documents, 1);
    assert_eq!(report.spans, 7, "six exported spans and one rejected");
    assert!(report.lost.is_empty(), "{report}");
}

#[test]
fn byline_flavor_writes_gold_only_by_default() {
    let (out, report) = written(&[rich()], Flavor::Byline);
    let task: Value = serde_json::from_str(out.trim_end()).unwrap();
    let labels: Vec<&str> = (task["spans"].as_array().unwrap().iter())
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["QUOTE", "GPE", "SPEAKER", "CUE", "SPEAKER"]);
    assert!(
        task["spans"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["state"] == "accepted")
    );
    assert_eq!(task.get("rejected_spans"), None);
    assert_eq!(
        task["quotes"],
        serde_json::json!([]),
        "the quote is pending"
    );
    assert_eq!(task["relations"], serde_json::json!([]));
    assert_eq!(task["answer"], "ignore", "not done");
    let lost: Vec<&str> = report.lost.keys().map(String::as_str).collect();
    assert_eq!(
        lost,
        [
            "pending quotes (not gold; --with-suggestions writes them where a format can)",
            "pending spans (not gold; --with-suggestions writes them where a format can)",
            "rejected spans (not gold: training exports leave them out)",
        ]
    );
}

#[test]
fn prodigy_flavor_matches_golden_and_counts_what_it_drops() {
    let (out, report) = written_with(&[rich()], Flavor::Prodigy, ExportOptions::WITH_SUGGESTIONS);
    let hash = serde_json::from_str::<Value>(out.trim_end()).unwrap()["_task_hash"].clone();
    assert_eq!(
        out,
        format!(
            "{}\n",
            PRODIGY_GOLDEN.replace("TASK_HASH", &hash.to_string())
        )
    );
    let (gold_only, _) = written(&[rich()], Flavor::Prodigy);
    let gold: Value = serde_json::from_str(gold_only.trim_end()).unwrap();
    assert_eq!(gold["_task_hash"], hash, "suggestions are not in the hash");
    assert_eq!(gold.get("suggestions"), None);
    let lost: BTreeMap<&str, usize> = report.lost.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        lost,
        BTreeMap::from([
            ("coreference links (refers_to)", 1),
            (
                "rejected spans (not gold: training exports leave them out)",
                1
            ),
        ])
    );
}

/// Every `{start, end, text}` in a task, with where it was found.
fn ranges(task: &Value) -> Vec<(String, usize, usize, Option<String>)> {
    let mut found = Vec::new();
    let mut visit = |path: String, v: &Value| {
        if let (Some(s), Some(e)) = (v["start"].as_u64(), v["end"].as_u64()) {
            let text = v["text"].as_str().map(str::to_owned);
            found.push((path, s as usize, e as usize, text));
        }
    };
    for key in ["tokens", "spans", "rejected_spans", "suggestions"] {
        for (i, v) in task[key].as_array().into_iter().flatten().enumerate() {
            visit(format!("{key}[{i}]"), v);
        }
    }
    for key in ["relations", "suggested_relations"] {
        for (i, r) in task[key].as_array().into_iter().flatten().enumerate() {
            visit(format!("{key}[{i}].head_span"), &r["head_span"]);
            visit(format!("{key}[{i}].child_span"), &r["child_span"]);
        }
    }
    for (i, q) in task["quotes"].as_array().into_iter().flatten().enumerate() {
        for (j, p) in q["content"].as_array().unwrap().iter().enumerate() {
            visit(format!("quotes[{i}].content[{j}]"), p);
        }
        visit(format!("quotes[{i}].speaker"), &q["speaker"]);
        visit(format!("quotes[{i}].cue"), &q["cue"]);
    }
    found
}

#[test]
fn every_written_offset_slices_its_text_in_code_points() {
    for flavor in [Flavor::Byline, Flavor::Prodigy] {
        let (out, _) = written_with(&[rich(), plain()], flavor, ExportOptions::WITH_SUGGESTIONS);
        for line in out.lines() {
            let task: Value = serde_json::from_str(line).unwrap();
            let text = task["text"].as_str().unwrap();
            let found = ranges(&task);
            assert!(found.len() > 20, "{flavor:?}: {}", found.len());
            for (path, start, end, written) in found {
                let sliced = py_slice(text, start, end);
                assert!(!sliced.is_empty(), "{path}");
                if let Some(written) = written {
                    assert_eq!(sliced, written, "{flavor:?} {path}");
                }
            }
        }
    }
}

#[test]
fn relations_point_at_the_last_token_of_each_span() {
    let (out, _) = written(&[plain()], Flavor::Prodigy);
    let task: Value = serde_json::from_str(out.trim_end()).unwrap();
    for rel in task["relations"].as_array().unwrap() {
        assert_eq!(rel["head"], rel["head_span"]["token_end"]);
        assert_eq!(rel["child"], rel["child_span"]["token_end"]);
        assert_eq!(rel["head_span"]["label"], QUOTE);
        let tokens = &task["tokens"];
        let last = &tokens[rel["child"].as_u64().unwrap() as usize];
        assert_eq!(last["end"], rel["child_span"]["end"]);
    }
}

#[test]
fn only_done_documents_are_accepted_and_hashes_follow_the_annotations() {
    let mut doc = plain();
    doc.apply(&Transaction::new("done").with(Edit::SetStatus(DocStatus::Done)))
        .unwrap();
    let (first, _) = written(&[doc.clone()], Flavor::Prodigy);
    doc.apply(&Transaction::new("skip").with(Edit::SetStatus(DocStatus::Skipped)))
        .unwrap();
    let (second, _) = written(&[doc], Flavor::Prodigy);
    let a: Value = serde_json::from_str(first.trim_end()).unwrap();
    let b: Value = serde_json::from_str(second.trim_end()).unwrap();
    assert_eq!(a["answer"], "accept");
    assert_eq!(b["answer"], "ignore");
    assert_eq!(a["_input_hash"], b["_input_hash"]);
    assert_eq!(
        a["_task_hash"], b["_task_hash"],
        "status is not an annotation"
    );
    let (rich_out, _) = written(&[rich()], Flavor::Prodigy);
    let c: Value = serde_json::from_str(rich_out.trim_end()).unwrap();
    assert_eq!(a["_input_hash"], c["_input_hash"], "same text");
    assert_eq!(c["answer"], "ignore", "in progress");
    assert_ne!(
        a["_task_hash"], c["_task_hash"],
        "its quote is not gold there"
    );
}

#[test]
fn writes_one_line_per_document_in_order_and_nothing_for_none() {
    let empty = Document::new(None, "");
    let (out, report) = written(&[plain(), empty, rich()], Flavor::Byline);
    let texts: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["text"].clone())
        .collect();
    assert_eq!(texts.len(), 3);
    assert_eq!(texts[1], "");
    assert_eq!(report.documents, 3);
    assert_eq!(written(&[], Flavor::Byline).0, "");
}
