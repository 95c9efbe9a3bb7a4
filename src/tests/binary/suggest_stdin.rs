//! `byline suggest -` end to end, as GNU parallel or a cluster engine's pipe
//! runs it: the built binary, JSONL on stdin, JSONL on stdout, one line out
//! per line in. More lines go in than one streaming batch holds, so order
//! across batches is checked too; among them a line that is not UTF-8, one
//! that is not JSON and one a byte over the size limit (drained, not held).

use byline::formats::MAX_FILE_BYTES;
use serde_json::Value;

use super::spawn::{byline, py_slice};

/// Articles cycled through the input: curly quotes, CJK, emoji, and a
/// combining accent written as a JSON escape (`e\u0301`).
const ARTICLES: [&str; 3] = [
    r#""“Nous reviendrons,” Zoë Müller said on Monday.""#,
    r#""北京 talks: Ana Díaz said the port would reopen 🚢 next week.""#,
    r#""“We will rebuild,” Mayor Jose\u0301 Nuñez told reporters in Zürich.""#,
];
/// Input lines; more than one streaming batch (256) so several batches run.
const LINES: usize = 600;
/// The 1-based number of the line with a byte that is not UTF-8.
const INVALID_LINE: usize = 150;
/// The 1-based number of the malformed line.
const BAD_LINE: usize = 300;
/// The 1-based number of the line one byte over the size limit.
const LONG_LINE: usize = 450;

/// The input: every line an article (with `meta.n`, its line number) but
/// the bad ones.
fn input() -> Vec<u8> {
    // Room for the long line and the rest, so the input is never copied.
    let mut input = Vec::with_capacity(usize::try_from(MAX_FILE_BYTES).unwrap() + LINES * 200);
    for n in 1..=LINES {
        match n {
            INVALID_LINE => input.extend_from_slice(b"{\"text\": \"caf\xe9 au lait\"}"),
            BAD_LINE => input.extend_from_slice(b"{\"text\": \"cut off mid-record"),
            LONG_LINE => {
                let start = input.len();
                input.extend_from_slice(b"{\"text\": \"");
                input.resize(start + usize::try_from(MAX_FILE_BYTES).unwrap() - 1, b'a');
                input.extend_from_slice(b"\"}");
                assert_eq!((input.len() - start) as u64, MAX_FILE_BYTES + 1);
            }
            _ => {
                let text = ARTICLES[n % ARTICLES.len()];
                let line = format!(r#"{{"text":{text},"meta":{{"n":{n}}}}}"#);
                input.extend_from_slice(line.as_bytes());
            }
        }
        // Every fourth line ends Windows-style.
        input.extend_from_slice(if n % 4 == 0 { b"\r\n" } else { b"\n" });
    }
    input
}

#[test]
fn suggest_stdin_writes_one_line_per_line_in_order_and_names_the_bad_ones() {
    let output = byline(&["suggest", "-"], input());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert_eq!(output.status.code(), Some(3), "finished with skipped input");
    let messages: Vec<&str> = stderr.lines().collect();
    assert_eq!(messages.len(), 4, "the bad lines and the count: {stderr}");
    let reasons = [
        (INVALID_LINE, "invalid UTF-8 at byte 13".to_owned()),
        (BAD_LINE, "not valid JSON".to_owned()),
        (
            LONG_LINE,
            format!("line too large ({} bytes", MAX_FILE_BYTES + 1),
        ),
    ];
    for (message, (n, reason)) in messages.iter().zip(&reasons) {
        assert!(
            message.starts_with(&format!("byline: line {n}: {reason}")),
            "{stderr}"
        );
    }
    assert_eq!(
        messages[3],
        "byline: 3 malformed line(s) or record(s) skipped"
    );

    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), LINES, "one line out per line in");
    for (n, reason) in &reasons {
        let error = &lines[n - 1];
        assert_eq!(error["line"], *n, "{error}");
        assert_eq!(error["source"], "stdin", "{error}");
        assert!(
            error["error"]
                .as_str()
                .unwrap()
                .starts_with(reason.as_str()),
            "{error}"
        );
    }
    let tasks: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_none()).collect();
    let order: Vec<usize> = tasks
        .iter()
        .map(|t| t["meta"]["n"].as_u64().unwrap() as usize)
        .collect();
    let expected: Vec<usize> = (1..=LINES)
        .filter(|n| ![INVALID_LINE, BAD_LINE, LONG_LINE].contains(n))
        .collect();
    assert_eq!(order, expected, "every good line, in order");

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
