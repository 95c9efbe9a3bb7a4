//! `byline convert` and the top-level flags, run in process: help with
//! examples, the version, the shared wire article as one JSON line whose
//! offsets all slice, stray files in folders named and skipped, and usage
//! errors that say what to do.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::support::{byline, check_json_offsets, py_slice};

/// `../shared/<rel>` when it exists (tests using it skip cleanly otherwise).
fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    path.exists().then_some(path)
}

/// A path as an argument (temporary and shared paths are UTF-8).
fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn help_shows_examples_and_version_prints_the_version() {
    let help = byline(["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.out.contains("Examples:"), "{}", help.out);
    assert!(help.out.contains("byline convert "), "{}", help.out);
    assert!(help.out.contains("code points"), "{}", help.out);
    let convert = byline(["convert", "--help"]);
    assert_eq!(convert.code, 0);
    assert!(convert.out.contains("Examples:"), "{}", convert.out);
    assert!(convert.out.contains(".conllu"), "{}", convert.out);
    let version = byline(["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.out.trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn the_wire_article_is_one_json_line_whose_offsets_all_slice() {
    let Some(article) = shared("seed/wire-article.txt") else {
        eprintln!("skipped: ../shared/seed/wire-article.txt is absent");
        return;
    };
    let run = byline(["convert", text(&article), "--to", "byline"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.out.lines().count(), 1, "one JSON line");
    let checked = check_json_offsets(&run.out);
    let task: Value = serde_json::from_str(&run.out).unwrap();
    let text = task["text"].as_str().unwrap();
    let tokens = task["tokens"].as_array().unwrap();
    assert_eq!(
        checked,
        tokens.len() + task["spans"].as_array().unwrap().len()
    );
    let covered: u64 = tokens
        .iter()
        .map(|t| t["end"].as_u64().unwrap() - t["start"].as_u64().unwrap())
        .sum();
    assert!(
        covered * 10 > text.chars().count() as u64 * 7,
        "tokens cover the words"
    );
    for start in task["meta"]["paragraphs"].as_array().unwrap() {
        let start = start.as_u64().unwrap() as usize;
        let before = py_slice(text, start.saturating_sub(1), start);
        assert!(start == 0 || before == "\n", "paragraph start {start}");
    }
    assert!(run.err.contains("1 documents"), "{}", run.err);
}

#[test]
fn stray_files_in_a_folder_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), "Zoë said “好 👍”.").unwrap();
    fs::create_dir(dir.path().join("more")).unwrap();
    fs::write(dir.path().join("more/other.md"), "# Über\n\nText.").unwrap();
    fs::write(dir.path().join("metadata.tsv"), "id\tsource\n").unwrap();
    fs::write(dir.path().join("more/photo.png"), b"\x89PNG").unwrap();
    let run = byline(["convert", text(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.out.lines().count(), 2);
    let warning = run
        .err
        .lines()
        .find(|l| l.contains("no known format"))
        .unwrap();
    assert!(
        warning.starts_with("byline: warning: skipped 2 file(s)"),
        "{warning}"
    );
    assert!(
        warning.contains("(metadata.tsv, more/photo.png)"),
        "{warning}"
    );
    assert!(
        warning.ends_with(&dir.path().display().to_string()),
        "{warning}"
    );
}

#[test]
fn a_long_list_of_stray_files_names_the_first_five() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), "Ana spoke.").unwrap();
    for i in 0..7 {
        fs::write(dir.path().join(format!("{i}.csv")), "x").unwrap();
    }
    let run = byline(["convert", text(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.err.contains(
            "skipped 7 file(s) of no known format (0.csv, 1.csv, 2.csv, 3.csv, 4.csv, 2 more)"
        ),
        "{}",
        run.err
    );
}

#[test]
fn a_stray_file_named_on_the_command_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("metadata.tsv");
    fs::write(&tsv, "id\tsource\n").unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, "Ana spoke.").unwrap();
    let run = byline(["convert", text(&tsv), text(&story)]);
    assert_eq!(run.code, 1);
    assert_eq!(run.out.lines().count(), 1, "the story is still converted");
    let line = run
        .err
        .lines()
        .find(|l| l.contains("unknown format"))
        .unwrap();
    assert!(line.ends_with(&tsv.display().to_string()), "{line}");
    assert!(
        run.err.contains("1 input(s) could not be read"),
        "{}",
        run.err
    );
}

#[test]
fn usage_errors_say_what_to_do_once() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, "Ana spoke.").unwrap();
    let run = byline(["convert", text(&story), "--to", "csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.err.contains("expected one of byline, prodigy, doccano"),
        "{}",
        run.err
    );
    assert!(run.out.is_empty());
    let run = byline(["convert", text(&story), "--to", "hf"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err.matches("give an output path with -o").count(),
        1,
        "{}",
        run.err
    );
    assert!(run.out.is_empty());
}
