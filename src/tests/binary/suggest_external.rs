//! `byline suggest --engine-cmd …` end to end: the built binary runs a fixture
//! engine (an `sh -c` script printing fixed JSONL lines, or `sleep`), on files
//! and on stdin.

use std::process::Output;

use serde_json::Value;

use super::spawn::{self, py_slice};

/// Two articles, non-ASCII on purpose.
const INPUT: &str = concat!(
    r#"{"text":"“Nous reviendrons,” Zoë Müller said in 北京 🚢."}"#,
    "\n",
    r#"{"text":"Ana Díaz spoke in Zürich."}"#,
    "\n"
);

/// A command line that reads its input and prints `lines`, quoted for `--engine-cmd`.
fn printing(lines: &[&str]) -> String {
    let script = "cat >/dev/null; printf '%s\\n' \"$@\"";
    let words = ["sh", "-c", script, "fixture"]
        .into_iter()
        .chain(lines.iter().copied());
    shlex::try_join(words).unwrap()
}

/// `byline ARGS` with `stdin` as its input.
fn byline(args: &[&str], stdin: &str) -> Output {
    spawn::byline(args, stdin.as_bytes().to_vec())
}

fn tasks(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn external_suggestions_land_on_files_in_code_points_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wire.jsonl");
    std::fs::write(&path, INPUT).unwrap();
    // “Zoë Müller” starts at code point 20; the byte offset would be 24.
    let engine = printing(&[
        r#"{"spans":[{"start":20,"end":30,"label":"PERSON","score":0.9,"rule":"ner"}]}"#,
        "Traceback (most recent call last):",
    ]);
    let output = byline(
        &[
            "suggest",
            path.to_str().unwrap(),
            "--engine-cmd",
            &engine,
            "--no-builtin",
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "engine warnings: {stderr}");
    assert!(
        stderr.contains("external engine `sh`: output line 2 (document ")
            && stderr.contains("not a JSON suggestion line"),
        "{stderr}"
    );
    let tasks = tasks(&output);
    assert_eq!(tasks.len(), 2, "every document is written");
    let first = &tasks[0];
    let spans = first["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 1, "only the engine's span: {first}");
    let text = first["text"].as_str().unwrap();
    assert_eq!(
        py_slice(text, &spans[0]["start"], &spans[0]["end"]),
        "Zoë Müller"
    );
    assert_eq!(spans[0]["state"], "pending");
    assert_eq!(spans[0]["origin"]["engine"], "external");
    assert_eq!(spans[0]["origin"]["rule"], "ner");
    assert!(tasks[1]["spans"].as_array().unwrap().is_empty());
}

#[test]
fn a_stuck_engine_on_stdin_times_out_and_the_builtin_suggestions_stay() {
    let output = byline(
        &[
            "suggest",
            "-",
            "--engine-cmd",
            "sleep 30",
            "--engine-timeout",
            "1",
        ],
        INPUT,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("external engine `sleep 30`: no complete answer within 1 s"),
        "{stderr}"
    );
    let tasks = tasks(&output);
    assert_eq!(tasks.len(), 2, "one line out per line in");
    let quotes = tasks[0]["quotes"].as_array().unwrap();
    assert_eq!(
        quotes.len(),
        1,
        "the built-in engine still ran: {}",
        tasks[0]
    );
    assert_eq!(quotes[0]["speaker"]["text"], "Zoë Müller");
}

#[test]
fn an_engine_that_answers_well_adds_to_the_builtin_suggestions_on_stdin() {
    let engine = printing(&[
        r#"{"spans":[{"start":39,"end":41,"label":"LOC","text":"北京"}]}"#,
        r#"{"spans":[]}"#,
    ]);
    let output = byline(&["suggest", "-", "--engine-cmd", &engine], INPUT);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let tasks = tasks(&output);
    let spans = tasks[0]["spans"].as_array().unwrap();
    let engines: Vec<&str> = spans
        .iter()
        .filter_map(|s| s["origin"]["engine"].as_str())
        .collect();
    assert!(
        engines.contains(&"rules") && engines.contains(&"external"),
        "{engines:?}"
    );
}
