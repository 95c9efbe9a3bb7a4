//! The external engine against tiny fixture engines: `sh -c` scripts that
//! print fixed JSONL lines (passed as arguments, so no quoting games), `cat`,
//! `sleep` and a command that does not exist. No Python needed.

use std::time::Duration;

use super::*;
use crate::model::{AttributionClass, Layer, Origin, QuoteKind, SpanState};
use crate::model::{CUE, QUOTE, SPEAKER};

const TEXT: &str = "“Nous reviendrons,” Zoë Müller said in 北京 🚢.";

/// Code point offsets of `part` in `text`, as an engine in Python would give them.
fn chars_of(text: &str, part: &str) -> (usize, usize) {
    let byte = text.find(part).unwrap();
    let start = text[..byte].chars().count();
    (start, start + part.chars().count())
}

/// An engine that reads all its input, then prints `lines`.
fn printing(lines: &[String]) -> ExternalEngine {
    let mut argv: Vec<String> = [
        "sh",
        "-c",
        "cat >/dev/null; printf '%s\\n' \"$@\"",
        "fixture",
    ]
    .map(String::from)
    .into();
    argv.extend(lines.iter().cloned());
    ExternalEngine::new(EngineCommand::from_argv(argv).unwrap())
}

fn doc(text: &str) -> Document {
    Document::new(Some("wire.jsonl".into()), text)
}

fn span_json(text: &str, part: &str, label: &str) -> String {
    let (start, end) = chars_of(text, part);
    format!(r#"{{"start":{start},"end":{end},"label":"{label}"}}"#)
}

#[test]
fn code_point_offsets_round_trip_on_non_ascii_text_and_quotes_link_spans() {
    let d = doc(TEXT);
    let (qs, qe) = chars_of(TEXT, "Nous reviendrons,");
    let line = format!(
        r#"{{"id":"{}","spans":[{},{},{{"start":{qs},"end":{qe},"label":"QUOTE","score":0.25,"rule":"quotes-v2","text":"Nous reviendrons,"}},{}],"quotes":[{{"content":[2],"speaker":0,"cue":1,"kind":"direct","class":"writing","score":0.75}}]}}"#,
        d.id,
        span_json(TEXT, "Zoë Müller", SPEAKER),
        span_json(TEXT, "said", CUE),
        span_json(TEXT, "北京", "GPE"),
    );
    let batch = printing(&[line]).run(&[&d]);
    assert_eq!(batch.warnings, Vec::<String>::new());
    let got = &batch.suggestions[0];
    let texts: Vec<&str> = got
        .spans
        .iter()
        .map(|s| &TEXT[s.range.start..s.range.end])
        .collect();
    assert_eq!(texts, ["Zoë Müller", "said", "Nous reviendrons,", "北京"]);
    assert_eq!(got.spans[3].layer, Layer::Entity);
    assert_eq!(got.spans[0].layer, Layer::Attribution);
    assert_eq!(
        got.spans[0].origin,
        Origin::suggested("external", "sh", 0.5)
    );
    assert_eq!(
        got.spans[2].origin,
        Origin::suggested("external", "quotes-v2", 0.25)
    );
    let quote = &got.quotes[0];
    assert_eq!(
        (quote.content.clone(), quote.speaker, quote.cue),
        (vec![2], Some(0), Some(1))
    );
    assert_eq!(quote.kind, QuoteKind::Direct);
    assert_eq!(quote.class, AttributionClass::Writing);
    assert_eq!(quote.origin, Origin::suggested("external", "sh", 0.75));
}

#[test]
fn suggest_adds_pending_spans_and_quotes_beside_existing_ones() {
    let mut docs = vec![doc(TEXT)];
    let line = format!(
        r#"{{"spans":[{},{}],"quotes":[{{"content":[1],"speaker":0}}]}}"#,
        span_json(TEXT, "Zoë Müller", SPEAKER),
        span_json(TEXT, "Nous reviendrons,", QUOTE),
    );
    let engine = printing(&[line]);
    assert_eq!(engine.suggest(&mut docs), Vec::<String>::new());
    let spans = docs[0].spans_sorted();
    assert_eq!(spans.len(), 2);
    assert!(spans.iter().all(|s| s.state == SpanState::Pending));
    assert_eq!(docs[0].quotes().count(), 1);
    assert_eq!(engine.suggest(&mut docs), Vec::<String>::new());
    assert_eq!(docs[0].span_count(), 2, "running again adds nothing");
}

#[test]
fn quotes_sharing_a_group_stay_linked_in_the_document() {
    let mut docs = vec![doc(TEXT)];
    let line = format!(
        r#"{{"spans":[{},{}],"quotes":[{{"content":[0],"group":3}},{{"content":[1],"group":3}}]}}"#,
        span_json(TEXT, "“Nous", QUOTE),
        span_json(TEXT, "reviendrons,”", QUOTE),
    );
    assert_eq!(printing(&[line]).suggest(&mut docs), Vec::<String>::new());
    let groups: Vec<_> = docs[0].quotes_sorted().iter().map(|q| q.group).collect();
    assert_eq!(groups.len(), 2);
    assert!(groups[0].is_some());
    assert_eq!(groups[0], groups[1]);
}

#[test]
fn a_bad_line_skips_its_document_only() {
    let docs = [doc("Ana Díaz spoke."), doc("Zoë spoke.")];
    let good = span_json("Zoë spoke.", "Zoë", "PERSON");
    let batch = printing(&["{not json".into(), format!(r#"{{"spans":[{good}]}}"#)])
        .run(&[&docs[0], &docs[1]]);
    assert!(batch.suggestions[0].spans.is_empty());
    assert_eq!(batch.suggestions[1].spans.len(), 1);
    assert_eq!(batch.warnings.len(), 1, "{:?}", batch.warnings);
    let w = &batch.warnings[0];
    assert!(
        w.starts_with("external engine `sh`: output line 1 (document "),
        "{w}"
    );
    assert!(
        w.contains("of wire.jsonl): not a JSON suggestion line"),
        "{w}"
    );
}

#[test]
fn bad_spans_and_quotes_are_skipped_one_by_one_with_their_field() {
    let text = "Zoë Müller said “no”.";
    let d = doc(text);
    let byte_offsets = r#"{"start":0,"end":11,"label":"PERSON","text":"Zoë Müller"}"#;
    let line = format!(
        r#"{{"spans":[{},{{"start":3,"end":900,"label":"PERSON"}},{byte_offsets},{},{{"start":4,"end":4,"label":"ORG"}}],"quotes":[{{"content":[1]}},{{"content":[3],"kind":"sarcastic"}},{{"content":[3],"speaker":0}},{{"content":[3],"class":"gossip"}},{{"content":[3]}}]}}"#,
        span_json(text, "Zoë Müller", "PERSONA"),
        span_json(text, "no", QUOTE),
    );
    let batch = printing(&[line]).run(&[&d]);
    assert_eq!(
        batch.suggestions[0].spans.len(),
        1,
        "only the QUOTE span is good"
    );
    let w = batch.warnings.join("\n");
    for expected in [
        "spans[0]: label \"PERSONA\" is not in the label set; span skipped",
        "spans[1]: 3..900 (code points): offset 900 is past the end",
        "spans[2]: text \"Zoë Müller\" is not the text at 0..11 (code points) \"Zoë Müller \"",
        "spans[4]: start 4 is not before end 4; span skipped",
        "quotes[0]: content 1 is a skipped span; quote skipped",
        "quotes[1]: kind \"sarcastic\" is none of direct, indirect, partial, mixed",
        "quotes[2]: speaker 0 is a skipped span; quote skipped",
        "quotes[3]: class \"gossip\" is none of speech, writing, belief, stance, evidence; quote skipped",
    ] {
        assert!(w.contains(expected), "missing {expected:?} in\n{w}");
    }
    assert_eq!(batch.warnings.len(), 8, "{w}");
    let kept = &batch.suggestions[0].quotes;
    assert_eq!(kept.len(), 1, "a quote without a class is kept");
    assert_eq!(kept[0].class, AttributionClass::Speech);
}

#[test]
fn wrong_id_and_wrong_line_count_are_warned() {
    let docs = [doc("One."), doc("Two."), doc("Three.")];
    let refs = [&docs[0], &docs[1], &docs[2]];
    let batch = printing(&[r#"{"id":"someone-else","spans":[]}"#.into()]).run(&refs);
    let w = batch.warnings.join("\n");
    assert!(w.contains("output line 1 (document "), "{w}");
    assert!(
        w.contains(r#"id "someone-else" is not the document's id"#),
        "{w}"
    );
    assert!(
        w.contains("1 output lines for 3 documents; no suggestions for "),
        "{w}"
    );

    let many: Vec<String> = (0..5).map(|_| "{}".to_owned()).collect();
    let batch = printing(&many).run(&refs);
    assert_eq!(
        batch.warnings,
        ["external engine `sh`: 5 output lines for 3 documents; the extra lines are ignored"]
    );
}

#[test]
fn a_child_echoing_a_large_batch_does_not_deadlock() {
    // `cat` answers while we still write: more than any pipe buffer both ways.
    let text = "Zoë Müller said “no” in 北京. ".repeat(40);
    let docs: Vec<Document> = (0..400).map(|i| doc(&format!("{i}: {text}"))).collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let engine = ExternalEngine::new(EngineCommand::parse("cat").unwrap());
    let batch = engine.run(&refs);
    assert_eq!(
        batch.warnings,
        Vec::<String>::new(),
        "ids echo back in order"
    );
    assert_eq!(batch.suggestions.len(), 400);
}

#[test]
fn a_slow_engine_is_stopped_at_the_timeout() {
    let engine = ExternalEngine::new(EngineCommand::parse("sleep 30").unwrap())
        .with_timeout(Duration::from_secs(1));
    let d = doc("Ana spoke.");
    let batch = engine.run(&[&d]);
    assert_eq!(
        batch.warnings,
        ["external engine `sleep 30`: no complete answer within 1 s; the command was stopped"]
    );
    assert!(batch.suggestions[0].spans.is_empty());
}

#[test]
fn a_missing_command_or_a_crash_is_a_warning_with_its_stderr() {
    let d = doc("Ana spoke.");
    let missing = ExternalEngine::new(EngineCommand::parse("byline-no-such-engine --x").unwrap());
    assert_eq!(
        missing.run(&[&d]).warnings,
        [
            "external engine `byline-no-such-engine`: command not found (is it installed and on PATH?)"
        ]
    );
    let crash = ExternalEngine::new(
        EngineCommand::parse(
            "sh -c 'cat >/dev/null; echo loading >&2; echo Traceback: boom >&2; exit 3'",
        )
        .unwrap(),
    );
    let warnings = crash.run(&[&d]).warnings;
    assert_eq!(
        warnings.len(),
        1,
        "no line-count warning on top: {warnings:?}"
    );
    assert!(
        warnings[0].contains("the command failed (exit status: 3)"),
        "{warnings:?}"
    );
    assert!(
        warnings[0].ends_with("its stderr ends: loading | Traceback: boom"),
        "{warnings:?}"
    );
}

#[test]
fn input_lines_carry_id_text_and_meta() {
    let mut d = doc("“Oui,” dit Zoë.\nNew paragraph.");
    d.meta.insert("outlet".into(), "AFP".into());
    let line = protocol::document_line(&d);
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(value["id"], d.id.0.as_str());
    assert_eq!(value["text"], d.text());
    assert_eq!(value["meta"]["outlet"], "AFP");
    assert!(
        line.ends_with('\n') && line.matches('\n').count() == 1,
        "one line: {line}"
    );
}

/// Waits (up to two seconds) for process `pid` to be gone or a zombie.
fn ended(pid: &str) -> bool {
    let stat = format!("/proc/{}/stat", pid.trim());
    for _ in 0..200 {
        match std::fs::read_to_string(&stat) {
            Err(_) => return true,
            Ok(s) if s.contains(") Z ") => return true,
            Ok(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    false
}

/// An engine given by a shell script (`$1`… are not used).
fn script(body: &str) -> ExternalEngine {
    let argv = ["sh", "-c", body].map(String::from).to_vec();
    ExternalEngine::new(EngineCommand::from_argv(argv).unwrap())
}

#[test]
fn a_flooding_engine_is_stopped_at_the_output_limit_without_keeping_the_flood() {
    // One endless line, then endless short lines: neither is kept in memory.
    let started = std::time::Instant::now();
    let batch = script("cat >/dev/null; head -c 50000000 /dev/zero | tr '\\0' x")
        .with_timeout(Duration::from_secs(20))
        .run(&[&doc(TEXT)]);
    assert!(started.elapsed() < Duration::from_secs(15), "{batch:?}");
    assert_eq!(batch.warnings.len(), 1, "{:?}", batch.warnings);
    assert!(
        batch.warnings[0].contains("bytes of output (the output limit); the command was stopped"),
        "{:?}",
        batch.warnings
    );
    // Endless good lines: the two answers are kept, the rest is not waited for.
    let started = std::time::Instant::now();
    let batch = script("cat >/dev/null; while :; do echo '{\"spans\": []}'; done")
        .with_timeout(Duration::from_secs(20))
        .run(&[&doc(TEXT), &doc("Ana said so.")]);
    assert!(started.elapsed() < Duration::from_secs(5), "{batch:?}");
    assert_eq!(batch.suggestions.len(), 2);
    assert!(
        batch
            .warnings
            .iter()
            .all(|w| w.contains("the extra lines are ignored") || w.contains("(the output limit)")),
        "{:?}",
        batch.warnings
    );
}

#[test]
fn a_line_over_the_line_limit_is_named_and_skipped_alone() {
    let d = doc(TEXT);
    let ok = r#"{"spans": []}"#;
    let body = format!("cat >/dev/null; head -c 1100000 /dev/zero | tr '\\0' x; echo; echo '{ok}'");
    let batch = script(&body).run(&[&d, &doc("Ana said so.")]);
    assert_eq!(batch.warnings.len(), 1, "{:?}", batch.warnings);
    assert!(
        batch.warnings[0].contains("output line 1")
            && batch.warnings[0].contains("1100000 bytes long, over the line limit of"),
        "{:?}",
        batch.warnings
    );
}

#[test]
fn a_batch_ends_when_every_answer_is_in_and_its_lingering_children_go_with_it() {
    let marker = tempfile::NamedTempFile::new().unwrap();
    let pid_file = marker.path().to_str().unwrap().to_owned();
    let body =
        format!("sleep 1000 & echo $! > {pid_file}; cat >/dev/null; echo '{{\"spans\": []}}'");
    let started = std::time::Instant::now();
    let batch = script(&body)
        .with_timeout(Duration::from_secs(30))
        .run(&[&doc(TEXT)]);
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert!(ended(&pid), "sleep {pid} outlived its batch");
}

#[test]
fn a_timed_out_engine_takes_its_children_with_it() {
    let marker = tempfile::NamedTempFile::new().unwrap();
    let pid_file = marker.path().to_str().unwrap().to_owned();
    let body = format!("sleep 1000 & echo $! > {pid_file}; sleep 1000");
    let batch = script(&body)
        .with_timeout(Duration::from_millis(500))
        .run(&[&doc(TEXT)]);
    assert!(
        batch.warnings[0].contains("no complete answer within"),
        "{:?}",
        batch.warnings
    );
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert!(ended(&pid), "sleep {pid} outlived its batch");
}
