//! The whole review in the window, ending in an export: accept every
//! suggestion by keyboard, fix a speaker, undo a slip, link a mention to its
//! referent, export byline JSONL through the dialog, and check that the file
//! holds exactly what the document on screen holds.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::app_review::{click_on, doc, span_over, window};
use crate::model::SPEAKER;
use crate::model::{OffsetIndex, SpanState};
use crate::tests::support::suggested;

const WIRE: &str = "[A senior State Department official|SPEAKER] briefed reporters in [Tokyo|GPE].\n\n\
    [“We need channels of communication,”|QUOTE:1] [the official|SPEAKER:1] [said|CUE:1]. \
    [Antony Blinken|PERSON] agreed.";

#[test]
fn review_by_keyboard_then_export_what_is_on_screen() {
    let mut h = window(vec![suggested(WIRE)]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::A);
    h.run();
    assert_eq!(doc(&h).pending_count(), 0);

    click_on(&mut h, "Antony");
    h.key_press(Key::X);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let blinken = span_over(&h, "Antony Blinken", "PERSON").unwrap();
    assert_eq!(
        doc(&h).span(blinken).unwrap().state,
        SpanState::Accepted,
        "undone"
    );

    click_on(&mut h, "the official");
    h.key_press(Key::S);
    h.run();
    click_on(&mut h, "senior");
    let mention = span_over(&h, "the official", SPEAKER).unwrap();
    let first = span_over(&h, "A senior State Department official", SPEAKER).unwrap();
    assert_eq!(doc(&h).span(mention).unwrap().refers_to, Some(first));
    let quote = doc(&h).quotes().next().unwrap();
    assert_eq!(
        quote.speaker_entity.as_deref(),
        Some("senior State Department official"),
        "the name the rules would give, not a second one with its article"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.jsonl");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Save to file").focus();
    h.run();
    h.get_by_label("Save to file")
        .type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label_contains("Wrote");

    let written = std::fs::read_to_string(&out).unwrap();
    let task: serde_json::Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    let d = doc(&h);
    assert_eq!(task["text"], d.text());
    let index = OffsetIndex::new(d.text());
    let mut on_screen: Vec<(usize, usize, String)> = d
        .spans_sorted()
        .into_iter()
        .filter(|s| s.state != SpanState::Rejected)
        .map(|s| {
            let c = index.to_chars(s.range).unwrap();
            (c.start, c.end, s.label.clone())
        })
        .collect();
    let mut exported: Vec<(usize, usize, String)> = task["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let n = |k: &str| s[k].as_u64().unwrap() as usize;
            (
                n("start"),
                n("end"),
                s["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    on_screen.sort();
    exported.sort();
    assert_eq!(exported, on_screen);
}
