//! The fast path of `typed` against the general path: for byline and Prodigy
//! exports, and for each of many damaged versions of them, both paths read
//! the same documents with the same warnings.

use serde_json::{Value, json};

use super::*;
use crate::formats::fixtures::{annotated, plain, rich};
use crate::formats::{ExportOptions, byline};

fn exported(flavor: byline::Flavor) -> Vec<Value> {
    let mut docs = annotated();
    docs.extend([rich(), plain()]);
    let mut out = Vec::new();
    byline::write(&docs, &mut out, flavor, ExportOptions::WITH_SUGGESTIONS).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Both paths on one input: same documents, same warnings (or same error).
fn same_on_both_paths(input: &str) {
    let fast = read_lines(input, "t.jsonl", true);
    let general = read_lines(input, "t.jsonl", false);
    match (fast, general) {
        (Ok(fast), Ok(general)) => {
            assert_eq!(fast.warnings, general.warnings, "{input}");
            assert_eq!(fast.documents, general.documents, "{input}");
        }
        (Err(fast), Err(general)) => assert_eq!(fast.to_string(), general.to_string()),
        (fast, general) => panic!("{input}: {:?} vs {:?}", fast.err(), general.err()),
    }
}

/// Damaged versions of one exported record, one damage each.
fn damaged(record: &Value) -> Vec<Value> {
    let edits: Vec<(&str, Value)> = vec![
        ("/spans/0/start", Value::Null),
        ("/spans/0/start", json!("3")),
        ("/spans/0/start", json!(-1)),
        ("/spans/0/end", json!(1.5)),
        ("/spans/0/end", json!(1_000_000)),
        ("/spans/1/end", json!(0)),
        ("/spans/0/label", json!("")),
        ("/spans/0/label", json!(7)),
        ("/spans/0/label", Value::Null),
        ("/spans/0/text", json!("not the text")),
        ("/spans/0/text", json!(3)),
        ("/spans/0/layer", json!("speech")),
        ("/spans/0/state", json!("maybe")),
        ("/spans/0/state", Value::Null),
        ("/spans/0/origin", json!({"kind": "suggested"})),
        ("/spans/1/id", json!(1)),
        ("/spans/1/id", json!(u64::MAX)),
        ("/spans/1/refers_to", json!(999)),
        ("/spans/1/refers_to", json!(-3)),
        ("/spans/1/token_start", json!("x")),
        ("/spans/1/extra", json!(1)),
        ("/spans/0", json!([1, 2, "PERSON"])),
        ("/spans", json!({"start": 0})),
        ("/spans", Value::Null),
        ("/rejected_spans/0/start", json!(2)),
        ("/relations/0/head_span", Value::Null),
        ("/relations/0/head_span", json!({"id": 999})),
        ("/relations/0/head_span/start", json!(5)),
        ("/relations/0/child_span/label", Value::Null),
        ("/relations/0/child_span/id", json!(-2)),
        ("/relations/0/label", json!("REFERS_TO")),
        ("/relations/0/label", json!("FRIEND")),
        ("/relations/0/label", Value::Null),
        ("/relations/0/from_id", json!(1)),
        ("/relations", json!("none")),
        ("/quotes/0/content", json!([])),
        ("/quotes/0/class", json!("gossip")),
        ("/quotes/0/class", Value::Null),
        ("/quotes/0/group", json!(3)),
        ("/quotes/0/group", json!(-3)),
        ("/quotes/0/group", json!(1_u64 << 60)),
        ("/quotes/0/group", Value::Null),
        ("/quotes/0/content/0", json!({"start": 0, "end": 2})),
        ("/quotes/0/content/0/id", json!(12_345)),
        ("/quotes/0/speaker", json!({"start": 1, "end": 100_000})),
        ("/quotes/0/speaker", Value::Null),
        ("/quotes/0/cue", json!({"id": 999})),
        ("/quotes/0/kind", json!("sarcastic")),
        ("/quotes/0/kind", Value::Null),
        ("/quotes/0/speaker_entity", json!(5)),
        ("/quotes/0/state", json!("maybe")),
        ("/quotes/0/id", json!(-1)),
        ("/quotes/0/id", json!(1)),
        ("/quotes", Value::Null),
        ("/answer", json!("reject")),
        ("/answer", json!("ignore")),
    ];
    edits
        .into_iter()
        .filter_map(|(path, value)| {
            let mut record = record.clone();
            let (parent, key) = path.rsplit_once('/')?;
            match record.pointer_mut(parent)? {
                Value::Object(map) => {
                    map.insert(key.to_owned(), value);
                }
                Value::Array(items) => *items.get_mut(key.parse::<usize>().ok()?)? = value,
                _ => return None,
            }
            Some(record)
        })
        .collect()
}

#[test]
fn exports_take_the_fast_path_and_read_the_same_on_both() {
    for flavor in [byline::Flavor::Byline, byline::Flavor::Prodigy] {
        let records = exported(flavor);
        let lines: Vec<String> = records.iter().map(Value::to_string).collect();
        for line in &lines {
            let (_, lists) = parse_record(line, true).unwrap();
            assert!(lists.spans.is_some(), "{line}");
            let byline = flavor == byline::Flavor::Byline;
            assert_eq!(lists.quotes.is_some(), byline, "{line}");
            assert!(lists.relations.is_some() || !line.contains("\"head_span\""));
        }
        same_on_both_paths(&lines.join("\n"));
    }
}

#[test]
fn damaged_exports_read_the_same_on_both_paths() {
    let mut tried = 0;
    for flavor in [byline::Flavor::Byline, byline::Flavor::Prodigy] {
        for record in exported(flavor).iter().take(2) {
            for bad in damaged(record) {
                same_on_both_paths(&bad.to_string());
                tried += 1;
            }
        }
    }
    assert!(tried > 150, "{tried}");
}

#[test]
fn odd_json_reads_the_same_on_both_paths() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let inputs = [
        r#"{"text": "Ana spoke.", "spans": [{"start": 0, "end": 3, "label": "PERSON", "label": "ORG"}]}"#.to_owned(),
        r#"{"text": "Ana spoke.", "spans": [{"start": 0, "end": 3, "label": "PERSON", "foo": 1e999}]}"#.to_owned(),
        format!(r#"{{"text": "Ana spoke.", "spans": [{{"start": 0, "end": 3, "label": "PERSON", "token_end": {deep}}}]}}"#),
        r#"{"text": "Say \"hi\"\n", "spans": [{"start": 4, "end": 8, "label": "QUOTE", "text": "\"hi\""}]}"#.to_owned(),
        r#"{"text": "Ana spoke.", "spans": [{"start": 0, "end": 3, "label": "PER\u0053ON"}], "quotes": [{"content": [{"start": 0, "end": 3}], "speaker_entity": "A\u006ea"}]}"#.to_owned(),
    ];
    for input in inputs {
        same_on_both_paths(&input);
    }
}
