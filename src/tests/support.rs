//! Helpers shared by the scenarios: documents whose spans are pending
//! suggestions, built from the compact markup through the real suggestion path
//! (`suggest::to_transaction`), and the command line run in process.

use std::collections::BTreeMap;
use std::ffi::OsString;

use serde_json::Value;

use crate::cli::{self, Outcome};

use crate::model::markup;
use crate::model::quote::has_quote_mark;
use crate::model::{CUE, QUOTE, SPEAKER};
use crate::model::{Document, LabelSet, Origin, QuoteKind};
use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggestions, to_transaction};

/// A document whose marked spans are all pending suggestions of engine `test`;
/// `:n` groups become suggested quotes.
pub fn suggested(markup_text: &str) -> Document {
    let (text, marked) = markup::parse(markup_text).expect("valid markup");
    let labels = LabelSet::builtin();
    let mut doc = Document::new(Some("test.txt".into()), &text);
    let mut suggestions = Suggestions::default();
    let mut groups: BTreeMap<u32, SuggestedQuote> = BTreeMap::new();
    for (i, m) in marked.iter().enumerate() {
        suggestions.spans.push(SuggestedSpan {
            range: m.range,
            label: m.label.clone(),
            layer: labels.layer_of(&m.label),
            origin: Origin::suggested("test", "markup", 0.9),
            refers_to: None,
        });
        let Some(group) = m.group else { continue };
        let quote = groups.entry(group).or_insert_with(|| SuggestedQuote {
            content: Vec::new(),
            speaker: None,
            cue: None,
            kind: QuoteKind::Indirect,
            speaker_entity: None,
            origin: Origin::suggested("test", "markup", 0.8),
            class: crate::suggest::AttributionClass::Speech,
            group: None,
        });
        match m.label.as_str() {
            QUOTE => {
                quote.content.push(i);
                if m.range.slice(&text).is_some_and(has_quote_mark) {
                    quote.kind = QuoteKind::Direct;
                }
            }
            SPEAKER => quote.speaker = Some(i),
            CUE => quote.cue = Some(i),
            _ => {}
        }
    }
    suggestions.quotes = groups.into_values().collect();
    let tx = to_transaction(&doc, &suggestions);
    doc.apply(&tx).expect("suggestions apply");
    doc
}

/// What one run of the command line gave.
pub struct Run {
    /// The exit code.
    pub code: u8,
    /// Everything written to stdout.
    pub out: String,
    /// Everything written to stderr.
    pub err: String,
}

/// Runs `byline ARGS…` in process with in-memory stdout and stderr.
pub fn byline<S: Into<OsString> + Clone>(args: impl IntoIterator<Item = S>) -> Run {
    let args = std::iter::once(OsString::from("byline")).chain(args.into_iter().map(Into::into));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = match cli::run(args, &mut out, &mut err) {
        Outcome::Exit(code) => code,
        Outcome::OpenApp(paths) => panic!("the command line wanted the window for {paths:?}"),
    };
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("the CLI writes UTF-8");
    Run {
        code,
        out: text(out),
        err: text(err),
    }
}

pub use super::py_slice::py_slice;

/// Checks one `{start, end, text}` object (any key names) against `text`.
fn check_slice(text: &str, item: &Value, start: &str, end: &str) -> usize {
    let at = |key: &str| {
        item[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key}: {item}")) as usize
    };
    let sliced = py_slice(text, at(start), at(end));
    if let Some(expected) = item.get("text").and_then(Value::as_str) {
        assert_eq!(sliced, expected, "{item}");
    }
    assert!(!sliced.is_empty(), "{item}");
    1
}

/// Checks every offset of a JSONL export (byline, Prodigy, doccano) and
/// returns how many it checked.
pub fn check_json_offsets(jsonl: &str) -> usize {
    let mut checked = 0;
    for line in jsonl.lines() {
        let task: Value = serde_json::from_str(line).unwrap();
        let text = task["text"].as_str().unwrap();
        let list = |key: &str| task[key].as_array().cloned().unwrap_or_default();
        for item in list("spans").iter().chain(&list("tokens")) {
            checked += check_slice(text, item, "start", "end");
        }
        for quote in list("quotes") {
            let parts = quote["content"].as_array().unwrap().iter();
            for part in parts.chain([&quote["speaker"], &quote["cue"]]) {
                if !part.is_null() {
                    checked += check_slice(text, part, "start", "end");
                }
            }
        }
        for relation in list("relations")
            .iter()
            .filter(|r| r.get("head_span").is_some())
        {
            for end in ["head", "child"] {
                let span = &relation[format!("{end}_span")];
                checked += check_slice(text, span, "start", "end");
                assert_eq!(relation[end], span["token_end"], "{relation}");
            }
        }
        for entity in list("entities") {
            checked += check_slice(text, &entity, "start_offset", "end_offset");
        }
        for label in list("label") {
            let (s, e) = (label[0].as_u64().unwrap(), label[1].as_u64().unwrap());
            assert!(
                !py_slice(text, s as usize, e as usize).is_empty(),
                "{label}"
            );
            checked += 1;
        }
    }
    checked
}

/// Clubs named after their cities, for the learned engine's scenarios.
pub const CLUBS: [&str; 6] = [
    "Leeds",
    "Bristol",
    "Portsmouth",
    "Sheffield",
    "Plymouth",
    "Nottingham",
];

/// Match reports whose editor took the clubs named after their cities for
/// ORG (accepted, as a gold file or a review gives them).
pub fn match_reports(n: usize) -> Vec<Document> {
    const COACHES: [&str; 4] = ["Ana Díaz", "Tom Hale", "Priya Nair", "Jonas Berg"];
    (0..n)
        .map(|i| {
            let home = CLUBS[i % CLUBS.len()];
            let away = CLUBS[(i + 1) % CLUBS.len()];
            let coach = COACHES[i % COACHES.len()];
            markup::document(&format!(
                "[{home}|ORG] beat [{away}|ORG] {i}-1 on Saturday.\n\n\
                 [{coach}|PERSON], who coaches [{home}|ORG], praised the defence.\n\n\
                 Fans of [{away}|ORG] left early as [{home}|ORG] celebrated."
            ))
            .expect("valid markup")
        })
        .collect()
}
