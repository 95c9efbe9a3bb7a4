//! Every bad input of the Foundation issue through `byline convert`, each
//! beside a good article: the message names the file (and the line), the good
//! article is still converted, and the exit code is 1 exactly when an input
//! could not be read at all. A folder holding all of them at once converts
//! every good document and counts the failures.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::support::{Run, byline};
use crate::formats::MAX_FILE_BYTES;

const GOOD: &str = "Zoë Müller said “好 👍” in Zürich.";

/// A temporary folder holding the good article.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    dir
}

fn put(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Converts `bad` and the good article to byline JSONL on stdout.
fn convert_with_good(dir: &Path, bad: &Path, extra: &[&str]) -> Run {
    let good = dir.join("good.txt");
    let mut args = vec!["convert", arg(bad), arg(&good)];
    args.extend(extra);
    byline(args)
}

/// The texts of the documents written to stdout.
fn texts(run: &Run) -> Vec<String> {
    run.out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// The stderr line mentioning `what`, which must end with the file's path.
fn line_naming<'r>(run: &'r Run, what: &str, path: &Path) -> &'r str {
    let line = run.err.lines().find(|l| l.contains(what));
    let line = line.unwrap_or_else(|| panic!("no {what:?} in {}", run.err));
    assert!(line.ends_with(&path.display().to_string()), "{line}");
    line
}

#[test]
fn invalid_utf8_fails_strictly_and_converts_with_a_warning_when_lossy() {
    let dir = folder();
    let bad = put(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 \xab ok \xbb said Zo\xeb.",
    );
    let strict = convert_with_good(dir.path(), &bad, &[]);
    assert_eq!(strict.code, 1);
    line_naming(&strict, "invalid UTF-8 at byte 3 (use --lossy", &bad);
    assert_eq!(texts(&strict), [GOOD]);
    let lossy = convert_with_good(dir.path(), &bad, &["--lossy"]);
    assert_eq!(lossy.code, 0, "{}", lossy.err);
    let line = line_naming(&lossy, "replaced with U+FFFD", &bad);
    assert!(line.starts_with("byline: warning: "), "{line}");
    assert_eq!(
        texts(&lossy)[0],
        "Caf\u{fffd} \u{fffd} ok \u{fffd} said Zo\u{fffd}."
    );
}

#[test]
fn binary_files_are_refused_as_not_text() {
    let dir = folder();
    let nul = put(dir.path(), "nul.txt", b"Zo\xc3\xab\0said");
    let png = put(dir.path(), "photo.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    for bad in [nul, png] {
        let run = convert_with_good(dir.path(), &bad, &["--lossy"]);
        assert_eq!(run.code, 1, "{}", run.err);
        line_naming(&run, "not a text file", &bad);
        assert_eq!(texts(&run), [GOOD]);
    }
}

#[test]
fn empty_files_are_a_warning_not_a_failure() {
    let dir = folder();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.md", b"\xef\xbb\xbf \r\n\t\n"),
        ("none.jsonl", b"\n\n"),
    ] {
        let bad = put(dir.path(), name, bytes);
        let run = convert_with_good(dir.path(), &bad, &[]);
        assert_eq!(run.code, 0, "{}", run.err);
        let line = line_naming(&run, "empty file", &bad);
        assert!(line.starts_with("byline: warning: "), "{line}");
        assert_eq!(texts(&run), [GOOD]);
    }
}

#[test]
fn files_over_the_limit_are_refused_with_the_reason() {
    let dir = folder();
    let big = dir.path().join("big.txt");
    fs::File::create(&big)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let run = convert_with_good(dir.path(), &big, &[]);
    assert_eq!(run.code, 1);
    let line = line_naming(&run, "too large", &big);
    assert!(
        line.contains(&format!("{} bytes", MAX_FILE_BYTES + 1)),
        "{line}"
    );
    assert!(
        line.contains(&format!("the limit is {MAX_FILE_BYTES} bytes")),
        "{line}"
    );
    assert_eq!(texts(&run), [GOOD]);
}

#[test]
fn a_malformed_jsonl_line_is_named_and_the_others_converted() {
    let dir = folder();
    let lines = concat!(
        "{\"text\": \"Ana Díaz spoke.\", \"spans\": [{\"start\": 0, \"end\": 8, \"label\": \"PERSON\"}]}\n",
        "{\"text\": \"broken\n",
        "\n",
        "[\"not\", \"an object\"]\n",
        "{\"text\": \"北京 👍 replied.\"}\n",
    );
    let bad = put(dir.path(), "tasks.jsonl", lines.as_bytes());
    let run = convert_with_good(dir.path(), &bad, &[]);
    assert_eq!(run.code, 3, "finished with skipped input: {}", run.err);
    line_naming(&run, "line 2: not valid JSON", &bad);
    line_naming(&run, "line 4: record is not a JSON object", &bad);
    line_naming(&run, "2 of 4 lines skipped", &bad);
    assert_eq!(texts(&run), ["Ana Díaz spoke.", "北京 👍 replied.", GOOD]);
    let first: Value = serde_json::from_str(run.out.lines().next().unwrap()).unwrap();
    assert_eq!(first["spans"][0]["text"], "Ana Díaz");
    let only_bad = put(dir.path(), "all-bad.jsonl", b"{oops\n{\"no\": \"text\"}\n");
    let run = convert_with_good(dir.path(), &only_bad, &[]);
    assert_eq!(run.code, 1, "no line could be read: the input failed");
    line_naming(&run, "none of 2 lines could be read", &only_bad);
    assert_eq!(texts(&run), [GOOD]);
}

#[test]
fn annotations_outside_the_text_are_refused_and_the_document_kept() {
    let dir = folder();
    let record = concat!(
        "{\"text\": \"Zoë 👍 said.\", \"spans\": [",
        "{\"start\": 0, \"end\": 3, \"label\": \"PERSON\"},",
        "{\"start\": 6, \"end\": 99, \"label\": \"CUE\"},",
        "{\"start\": 7, \"end\": 4, \"label\": \"CUE\"}]}\n"
    );
    let bad = put(dir.path(), "offsets.jsonl", record.as_bytes());
    let run = convert_with_good(dir.path(), &bad, &[]);
    assert_eq!(run.code, 0, "{}", run.err);
    let line = line_naming(&run, "past the end of the text", &bad);
    assert!(line.contains("line 1: spans[1]"), "{line}");
    assert_eq!(run.err.matches("span refused").count(), 2, "{}", run.err);
    let doc: Value = serde_json::from_str(run.out.lines().next().unwrap()).unwrap();
    assert_eq!(doc["spans"].as_array().unwrap().len(), 1);
    assert_eq!(doc["spans"][0]["text"], "Zoë");
    let ann_txt = put(dir.path(), "story.txt", "Zoë 👍 said.".as_bytes());
    let ann = put(
        dir.path(),
        "story.ann",
        "T1\tPERSON 0 3\tZoë\nT2\tCUE 6 40\tsaid.\n".as_bytes(),
    );
    let run = convert_with_good(dir.path(), &ann, &[]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.err
            .lines()
            .any(|l| l.contains("line 2") && l.ends_with(arg(&ann))),
        "{}",
        run.err
    );
    assert_eq!(texts(&run)[0], fs::read_to_string(ann_txt).unwrap());
}

#[test]
fn deeply_nested_json_is_refused_without_a_crash() {
    let dir = folder();
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let line = format!("{{\"text\": \"Zoë\", \"meta\": {{\"x\": {nested}}}}}\n");
    let jsonl = put(dir.path(), "deep.jsonl", line.as_bytes());
    let json = put(dir.path(), "deep.json", nested.as_bytes());
    for bad in [jsonl, json] {
        let run = convert_with_good(dir.path(), &bad, &[]);
        assert_eq!(run.code, 1, "{}", run.err);
        line_naming(&run, "line 1: ", &bad);
        assert_eq!(texts(&run), [GOOD]);
    }
}

#[test]
fn a_folder_of_every_bad_input_converts_every_good_document() {
    let dir = folder();
    put(dir.path(), "latin1.txt", b"Caf\xe9");
    put(dir.path(), "nul.txt", b"a\0b");
    put(dir.path(), "empty.txt", b"");
    fs::File::create(dir.path().join("big.txt"))
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    put(
        dir.path(),
        "mixed.jsonl",
        "{\"text\": \"Ana 北京.\"}\n{oops\n".as_bytes(),
    );
    put(dir.path(), "metadata.tsv", b"id\tsource\n");
    let run = byline(["convert", arg(dir.path())]);
    assert_eq!(run.code, 1);
    assert_eq!(texts(&run), [GOOD, "Ana 北京."]);
    assert!(
        run.err.contains("3 input(s) could not be read"),
        "{}",
        run.err
    );
    for name in [
        "latin1.txt",
        "nul.txt",
        "big.txt",
        "empty.txt",
        "mixed.jsonl",
    ] {
        let path = dir.path().join(name);
        assert!(
            run.err.lines().any(|l| l.ends_with(arg(&path))),
            "{name}: {}",
            run.err
        );
    }
    assert!(run.err.contains("(metadata.tsv)"), "{}", run.err);
}
