//! Every kind of bad input the JSON reader meets: it warns (naming line and
//! field), refuses only what is bad, and never panics or overflows the stack.

use serde_json::json;

use super::*;
use crate::model::markup::render;

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn a_malformed_line_is_skipped_and_counted_and_the_rest_load() {
    let input =
        "{\"text\": \"Ana spoke.\"}\n{\"text\": \"broken\n\n{\"text\": \"Bo too.\"}\n[1, 2]\n";
    let loaded = read(input, "feed.jsonl").unwrap();
    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.text()).collect();
    assert_eq!(texts, ["Ana spoke.", "Bo too."]);
    assert_eq!(
        messages(&loaded),
        [
            "line 2: not valid JSON (EOF while parsing a string at column 16); line skipped: feed.jsonl",
            "line 5: record is not a JSON object; line skipped: feed.jsonl",
            "2 of 4 lines skipped (see the warnings above); 2 documents loaded: feed.jsonl",
        ]
    );
}

#[test]
fn bad_spans_are_refused_by_field_and_the_document_kept() {
    let record = json!({
        "text": "Ana Díaz 👍 spoke.",
        "spans": [
            {"start": 0, "end": 8, "label": "PERSON"},
            {"start": 4, "end": 99, "label": "PERSON"},
            {"start": 8, "end": 4, "label": "PERSON"},
            {"start": 1.5, "end": 4, "label": "PERSON"},
            {"start": "0", "end": 3, "label": "PERSON"},
            {"start": -1, "end": 3, "label": "PERSON"},
            {"start": 0, "end": 3},
            {"start": 0, "end": 3, "label": "PERSON", "text": "Ana Díaz"},
            {"start": 0, "end": 3, "label": "PERSON", "state": "maybe"}
        ],
        "label": [[9, 10, "EMOJI"], [9, 10], [9, 1000, "X"]],
        "entities": [{"start_offset": 0, "end_offset": 3, "label": "PERSON"}]
    });
    let loaded = read(&format!("\n{record}"), "bad.jsonl").unwrap();
    let doc = &loaded.documents[0];
    assert_eq!(render(doc), "[[Ana|PERSON] Díaz|PERSON] [👍|EMOJI] spoke.");
    let warned = messages(&loaded);
    let expected = [
        "line 2: spans[1]: end 99 is past the end of the text (17 code points); span refused",
        "line 2: spans[2]: empty or reversed range 8..4; span refused",
        "line 2: spans[3]: start 1.5 is not a whole number ≥ 0; span refused",
        "line 2: spans[4]: start \"0\" is not a whole number ≥ 0; span refused",
        "line 2: spans[5]: start -1 is not a whole number ≥ 0; span refused",
        "line 2: spans[6]: label is missing or not a non-empty string; span refused",
        "line 2: spans[7]: text \"Ana Díaz\" differs from \"Ana\" at its offsets (offsets must be code points); span refused",
        "line 2: spans[8].state: \"maybe\" is not pending, accepted or rejected; read as accepted",
        "line 2: label[1]: [9,10] is not [start, end, \"LABEL\"]; span refused",
        "line 2: label[2]: end 1000 is past the end of the text (17 code points); span refused",
        "line 2: entities[0]: id is missing; span refused",
    ];
    let expected: Vec<String> = expected.iter().map(|m| format!("{m}: bad.jsonl")).collect();
    assert_eq!(warned, expected);
}

#[test]
fn records_without_text_are_skipped_with_a_warning() {
    let input = "{\"spans\": []}\n{\"text\": 42}\n{\"text\": \"ok\"}\n";
    let loaded = read(input, "t.jsonl").unwrap();
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.warnings[0].message.contains("no \"text\" string"));
    assert_eq!(loaded.warnings[1].line, Some(2));
}

#[test]
fn a_file_with_no_readable_record_fails_naming_the_first_problem() {
    let err = read("not json\nnor this\n", "x.jsonl").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1: none of 2 lines could be read; the first: not valid JSON (expected ident at column 2); line skipped: x.jsonl"
    );
    let err = read_json("[{\"text\": 1}", "x.json").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("line 1: not valid JSON: EOF while parsing"),
        "{err}"
    );
}

#[test]
fn empty_files_warn() {
    for loaded in [
        read(" \n\n", "e.jsonl").unwrap(),
        read_json("", "e.json").unwrap(),
    ] {
        assert!(loaded.documents.is_empty());
        assert_eq!(loaded.warnings[0].message, "empty file: no records");
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let balanced = format!("{deep}{}", "]".repeat(100_000));
    let nested = format!("{{\"text\": \"no\", \"meta\": {balanced}}}");
    let lines = format!("{deep}\n{nested}\n{{\"text\": \"ok\"}}");
    let loaded = read(&lines, "deep.jsonl").unwrap();
    assert_eq!(loaded.documents.len(), 1);
    let warned = messages(&loaded);
    assert!(
        warned[0].starts_with("line 1: record is not a JSON object"),
        "{warned:?}"
    );
    let limit = "line 2: not valid JSON in \"meta\" (recursion limit exceeded)";
    assert!(warned[1].starts_with(limit), "{warned:?}");
    assert!(read_json(&deep, "deep.json").is_err());
    let in_array = format!("[{balanced}, {nested}, {{\"text\": \"ok\"}}]");
    let loaded = read_json(&in_array, "deep.json").unwrap();
    assert_eq!(loaded.documents.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .starts_with("record is not a JSON object")
    );
    assert!(
        loaded.warnings[1]
            .message
            .contains("recursion limit exceeded")
    );
}

#[test]
fn dangling_links_and_bad_quotes_are_dropped_with_reasons() {
    let record = json!({
        "text": "“Yes,” he said.",
        "spans": [
            {"start": 0, "end": 6, "label": "QUOTE", "id": 1},
            {"start": 7, "end": 9, "label": "SPEAKER", "id": 2, "refers_to": 9},
            {"start": 10, "end": 14, "label": "CUE", "id": 2}
        ],
        "quotes": [
            {"content": [{"start": 0, "end": 6, "id": 1}], "speaker": {"start": 7, "end": 99},
             "cue": {"start": 10, "end": 14}, "kind": "sarcastic"},
            {"content": [], "speaker": null, "cue": null}
        ],
        "relations": [{"from_id": 1, "to_id": 77, "type": "SPEAKER"}]
    });
    let loaded = read(&record.to_string(), "q.jsonl").unwrap();
    let doc = &loaded.documents[0];
    let quote = doc.quotes().next().unwrap();
    assert_eq!(quote.speaker, None);
    assert_eq!(
        doc.span(quote.cue.unwrap()).unwrap().text(doc.text()),
        "said"
    );
    assert_eq!(
        quote.kind,
        crate::model::QuoteKind::Direct,
        "a bad kind is inferred"
    );
    let warned: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        warned,
        [
            "spans[2]: id 2 is used twice; this span gets a new id and links to 2 go to the first",
            "spans[1].refers_to: no other span has id 9; link dropped",
            "quotes[0].speaker: end 99 is past the end of the text (15 code points); link dropped",
            "quotes[0].kind: kind \"sarcastic\": unknown variant `sarcastic`, expected one of `direct`, `indirect`, `partial`, `mixed`; kind inferred",
            "quotes[1]: no content span; quote refused",
        ]
    );
}

#[test]
fn bad_extension_keys_fall_back_and_huge_ids_do_not_overflow() {
    let max = u64::MAX;
    let record = json!({
        "text": "“Yes,” he said.",
        "spans": [
            {"start": 0, "end": 6, "label": "QUOTE", "id": max,
             "origin": {"kind": "suggested", "engine": "rules", "rule": "q", "score": null}},
            {"start": 7, "end": 9, "label": "SPEAKER", "id": max - 1, "layer": "speech",
             "refers_to": -3}
        ],
        "quotes": [{"id": max, "content": [{"id": max}], "speaker": {"id": max - 1}}]
    });
    let loaded = read(&record.to_string(), "ids.jsonl").unwrap();
    let doc = &loaded.documents[0];
    let quote = doc.quotes().next().unwrap();
    assert_eq!(
        doc.span(quote.content[0]).unwrap().origin,
        crate::model::Origin::Manual
    );
    let speaker = doc.span(quote.speaker.unwrap()).unwrap();
    assert_eq!(
        (speaker.text(doc.text()), speaker.layer),
        ("he", crate::model::Layer::Attribution)
    );
    assert!(doc.ids().span().0 < 10, "fresh ids stay small");
    let warned: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warned.len(), 3, "{warned:?}");
    assert!(warned[0].starts_with("spans[0].origin: {"), "{warned:?}");
    assert!(warned[0].ends_with("; read as manual"), "{warned:?}");
    assert_eq!(
        warned[1],
        "spans[1].layer: \"speech\" is not entity or attribution; read as attribution"
    );
    assert_eq!(
        warned[2],
        "spans[1].refers_to: -3 is not a whole number ≥ 0; read as no link"
    );
}
