//! `byline suggest -` end to end, as GNU parallel or a cluster engine's pipe
//! runs it: the built binary, JSONL on stdin, JSONL on stdout. More lines go
//! in than one streaming batch holds, so order across batches is checked too.
//!
//! This file is its own test target (`[[test]] suggest_stdin` in Cargo.toml),
//! not a module of the library's tests: only such a target is told where cargo
//! built the `byline` binary.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

#[path = "py_slice.rs"]
mod py;

/// Articles cycled through the input: curly quotes, CJK, emoji, and a
/// combining accent written as a JSON escape (`e\u0301`).
const ARTICLES: [&str; 3] = [
    r#""“Nous reviendrons,” Zoë Müller said on Monday.""#,
    r#""北京 talks: Ana Díaz said the port would reopen 🚢 next week.""#,
    r#""“We will rebuild,” Mayor Jose\u0301 Nuñez told reporters in Zürich.""#,
];
/// Input lines; more than `STREAM_BATCH` (256) so several batches run.
const LINES: usize = 600;
/// The 1-based number of the malformed line.
const BAD_LINE: usize = 300;

/// Python's `text[start:end]` with JSON offsets.
fn py_slice(text: &str, start: &Value, end: &Value) -> String {
    let at = |v: &Value| usize::try_from(v.as_u64().unwrap()).unwrap();
    py::py_slice(text, at(start), at(end))
}

/// The input, and the `meta.n` of each line that should come out, in order.
fn input() -> (String, Vec<usize>) {
    let mut input = String::new();
    let mut expected = Vec::new();
    for n in 1..=LINES {
        if n == BAD_LINE {
            input.push_str("{\"text\": \"cut off mid-record\n");
            continue;
        }
        let text = ARTICLES[n % ARTICLES.len()];
        input.push_str(&format!(r#"{{"text":{text},"meta":{{"n":{n}}}}}"#));
        // Every fourth line ends Windows-style.
        input.push_str(if n % 4 == 0 { "\r\n" } else { "\n" });
        expected.push(n);
    }
    (input, expected)
}

#[test]
fn suggest_stdin_writes_one_line_per_good_line_in_order_and_names_the_bad_one() {
    let (input, expected) = input();
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["suggest", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the byline binary starts");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert_eq!(output.status.code(), Some(3), "finished with skipped input");
    let messages: Vec<&str> = stderr.lines().collect();
    assert_eq!(messages.len(), 2, "the bad line and the count: {stderr}");
    assert!(
        messages[0].starts_with(&format!("byline: line {BAD_LINE}: not valid JSON")),
        "{stderr}"
    );
    assert_eq!(
        messages[1],
        "byline: 1 malformed line(s) or record(s) skipped"
    );

    let tasks: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let order: Vec<usize> = tasks
        .iter()
        .map(|t| t["meta"]["n"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(order, expected, "one line out per good line in, in order");

    let mut checked = 0;
    for task in &tasks {
        let text = task["text"].as_str().unwrap();
        let n = task["meta"]["n"].as_u64().unwrap() as usize;
        let article: String = serde_json::from_str(ARTICLES[n % ARTICLES.len()]).unwrap();
        assert_eq!(text, article, "line {n}: the text comes back unchanged");
        let spans = task["spans"].as_array().unwrap();
        assert!(
            spans.iter().any(|s| s["label"] == "QUOTE"),
            "line {n} gets quote suggestions: {task}"
        );
        assert!(
            spans.iter().all(|s| s["state"] == "pending"),
            "suggestions are pending: {task}"
        );
        let quote_parts = task["quotes"].as_array().unwrap().iter().flat_map(|q| {
            let content = q["content"].as_array().unwrap().iter();
            content.chain(
                [&q["speaker"], &q["cue"]]
                    .into_iter()
                    .filter(|v| !v.is_null()),
            )
        });
        for item in spans.iter().chain(quote_parts) {
            assert_eq!(
                py_slice(text, &item["start"], &item["end"]),
                item["text"].as_str().unwrap(),
                "line {n}: offsets are code points: {item}"
            );
            checked += 1;
        }
    }
    assert!(checked > 4 * tasks.len(), "{checked} offsets checked");
}
