//! `byline suggest -` in process: one line out per line in, whatever the line
//! holds, with a small line limit so an over-long line costs nothing here;
//! and `--quote-classes`, which chooses what the built-in and external
//! engines suggest.

use serde_json::Value;

use super::stream::{StreamOptions, stream};
use crate::cli::inputs::SKIPPED_INPUT;
use crate::formats::ReadOptions;
use crate::suggest;
use crate::suggest::ClassSet;
use crate::suggest::engines::Engines;

const STRICT: StreamOptions = StreamOptions {
    read: ReadOptions { lossy: false },
    max_line_bytes: 200,
};

/// What a run gave: its exit code, each output line (`Null` for a blank
/// one), and stderr.
struct Run {
    code: u8,
    lines: Vec<Value>,
    err: String,
}

fn run(input: &[u8], options: &StreamOptions) -> Run {
    let engines = Engines::new(suggest::builtin());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = stream(&engines, &mut &input[..], &mut out, &mut err, options).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines = out
        .lines()
        .map(|l| {
            if l.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(l).unwrap()
            }
        })
        .collect();
    Run {
        code,
        lines,
        err: String::from_utf8(err).unwrap(),
    }
}

fn error_of(line: &Value) -> (&str, u64) {
    assert_eq!(line["source"], "stdin", "{line}");
    (
        line["error"].as_str().unwrap(),
        line["line"].as_u64().unwrap(),
    )
}

#[test]
fn streams_one_line_out_per_line_in_order() {
    let input = "{\"text\":\"“Nous reviendrons,” Zoë Müller said.\"}\nnot json\n\n{\"text\":\"北京 talks: Ana Díaz said the port would reopen.\"}\n";
    let run = run(input.as_bytes(), &STRICT);
    assert_eq!(run.code, SKIPPED_INPUT, "a bad line is skipped input");
    assert_eq!(run.lines.len(), 4, "{:?}", run.lines);
    assert!(run.lines[0]["text"].as_str().unwrap().contains("Zoë"));
    let (error, line) = error_of(&run.lines[1]);
    assert!(error.starts_with("not valid JSON"), "{error}");
    assert_eq!(line, 2);
    assert_eq!(run.lines[2], Value::Null, "a blank line comes out blank");
    assert!(run.lines[3]["text"].as_str().unwrap().contains("北京"));
    assert!(run.err.contains("line 2: not valid JSON"), "{}", run.err);
    assert_eq!(
        run.err.lines().count(),
        2,
        "the bad line and the count: {}",
        run.err
    );
    let quotes = run.lines[0]["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{}", run.lines[0]);
    assert_eq!(quotes[0]["speaker"]["text"], "Zoë Müller");
}

#[test]
fn invalid_utf8_spoils_its_line_only() {
    let input = b"{\"text\":\"Ana D\xc3\xadaz said yes.\"}\r\n{\"text\":\"caf\xff said no.\"}\n{\"text\":\"Third line.\"}";
    let run = run(input, &STRICT);
    assert_eq!(run.code, SKIPPED_INPUT);
    assert_eq!(run.lines.len(), 3, "{:?}", run.lines);
    assert_eq!(run.lines[0]["text"], "Ana Díaz said yes.");
    let (error, line) = error_of(&run.lines[1]);
    assert_eq!(
        error,
        "invalid UTF-8 at byte 12 (use --lossy to replace bad bytes)"
    );
    assert_eq!(line, 2);
    assert_eq!(run.lines[2]["text"], "Third line.");
    assert!(
        run.err
            .starts_with("byline: line 2: invalid UTF-8 at byte 12"),
        "{}",
        run.err
    );
}

#[test]
fn lossy_replaces_bad_bytes_in_a_line_and_warns_with_its_number() {
    let input = b"{\"text\":\"ok\"}\n{\"text\":\"caf\xff said no.\"}\n";
    let options = StreamOptions {
        read: ReadOptions { lossy: true },
        ..STRICT
    };
    let run = run(input, &options);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.lines.len(), 2);
    assert_eq!(run.lines[1]["text"], "caf\u{fffd} said no.");
    assert!(
        run.err
            .contains("line 2: invalid UTF-8 (first at byte 12): 1 byte(s) replaced"),
        "{}",
        run.err
    );
}

#[test]
fn a_line_over_the_limit_is_answered_and_the_stream_goes_on() {
    let long = format!("{{\"text\":\"{}\"}}", "word ".repeat(100));
    let input = format!("{{\"text\":\"First.\"}}\n{long}\r\n{{\"text\":\"Last.\"}}\n");
    let run = run(input.as_bytes(), &STRICT);
    assert_eq!(run.code, SKIPPED_INPUT);
    assert_eq!(run.lines.len(), 3, "{:?}", run.lines);
    let (error, line) = error_of(&run.lines[1]);
    assert_eq!(
        error,
        format!(
            "line too large ({} bytes; the limit is 200 bytes)",
            long.len()
        )
    );
    assert_eq!(line, 2);
    assert_eq!(run.lines[2]["text"], "Last.");
}

#[test]
fn a_line_that_is_no_record_is_answered_with_why() {
    let input = "[1, 2]\n{\"meta\": {\"id\": 7}}\n\u{feff}{\"text\": \"not first\"}\n";
    let run = run(input.as_bytes(), &STRICT);
    assert_eq!(run.code, SKIPPED_INPUT);
    assert_eq!(run.lines.len(), 3);
    assert_eq!(error_of(&run.lines[0]), ("record is not a JSON object", 1));
    let (error, line) = error_of(&run.lines[1]);
    assert!(
        error.starts_with("record has no \"text\" string"),
        "{error}"
    );
    assert_eq!(line, 2);
    let (error, line) = error_of(&run.lines[2]);
    assert!(error.starts_with("not valid JSON"), "{error}");
    assert_eq!(line, 3, "a byte-order mark is only dropped on line 1");
    assert!(run.err.contains("3 malformed line(s)"), "{}", run.err);
}

#[test]
fn a_byte_order_mark_on_the_first_line_is_dropped() {
    let run = run("\u{feff}{\"text\": \"First.\"}\n".as_bytes(), &STRICT);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.lines[0]["text"], "First.");
}

#[test]
fn a_done_line_gets_no_suggestions() {
    let input =
        "{\"text\":\"“Nous reviendrons,” Zoë Müller said.\",\"meta\":{\"status\":\"done\"}}\n";
    let run = run(input.as_bytes(), &STRICT);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.lines.len(), 1);
    assert_eq!(run.lines[0]["spans"], serde_json::json!([]));
    assert_eq!(run.lines[0]["meta"]["status"], "done");
}

#[test]
fn quote_classes_choose_what_is_suggested_and_each_quote_says_its_class() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("vote.txt");
    let text = "Ortiz believes the vote will be close. “We will win,” Ana Díaz said.\n";
    std::fs::write(&article, text).unwrap();
    let classes = |extra: &[&str]| {
        let mut args = vec!["suggest", article.to_str().unwrap()];
        args.extend(extra);
        let run = crate::tests::support::byline(args);
        assert_eq!(run.code, 0, "{}", run.err);
        let line: serde_json::Value = serde_json::from_str(run.out.trim()).unwrap();
        let quotes = line["quotes"].as_array().unwrap().clone();
        quotes
            .iter()
            .map(|q| q["class"].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(classes(&[]), [r#""speech""#]);
    assert_eq!(
        classes(&["--quote-classes", "speech,belief"]),
        [r#""belief""#, r#""speech""#]
    );
    assert_eq!(classes(&["--quote-classes", "belief"]), [r#""belief""#]);
    let project = dir.path().join("p.byline");
    let mut created = crate::store::Project::create(&project).unwrap();
    created
        .set_quote_classes(ClassSet::parse("belief").unwrap())
        .unwrap();
    drop(created);
    let project = project.to_str().unwrap();
    assert_eq!(
        classes(&["--project", project]),
        [r#""belief""#],
        "the project's classes"
    );
    assert_eq!(
        classes(&["--project", project, "--quote-classes", "speech"]),
        [r#""speech""#],
        "the flag wins"
    );
    let bad = crate::tests::support::byline(["suggest", "x.txt", "--quote-classes", "gossip"]);
    assert_eq!(bad.code, 2, "{}", bad.err);
}

#[test]
fn an_external_engines_quotes_are_kept_in_the_classes_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("dam.txt");
    std::fs::write(&article, "Zoë Ortiz believes the dam will hold.\n").unwrap();
    let answer = dir.path().join("answer.jsonl");
    let spans = r#"[{"start":0,"end":9,"label":"SPEAKER"},{"start":10,"end":18,"label":"CUE"},{"start":19,"end":36,"label":"QUOTE","text":"the dam will hold"}]"#;
    let quotes = r#"[{"content":[2],"speaker":0,"cue":1,"kind":"indirect","class":"belief"}]"#;
    std::fs::write(
        &answer,
        format!("{{\"spans\":{spans},\"quotes\":{quotes}}}\n"),
    )
    .unwrap();
    let engine = format!("sh -c 'cat >/dev/null; cat \"{}\"'", answer.display());
    let suggested = |extra: &[&str]| {
        let mut args = vec!["suggest", article.to_str().unwrap()];
        args.extend(["--no-builtin", "--engine-cmd", &engine]);
        args.extend(extra);
        let run = crate::tests::support::byline(args);
        assert_eq!(run.code, 0, "{}", run.err);
        let line: Value = serde_json::from_str(run.out.trim()).unwrap();
        let quotes = line["quotes"].as_array().unwrap().len();
        (quotes, line["spans"].as_array().unwrap().len())
    };
    assert_eq!(suggested(&[]), (0, 0), "speech and writing by default");
    assert_eq!(suggested(&["--quote-classes", "speech,belief"]), (1, 3));
}
