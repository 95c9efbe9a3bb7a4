//! Outputs are replaced only by a complete export: a failed or unfinished
//! export leaves the earlier file or folder as it was and no partial files
//! beside it; a full device fails the run and leaves nothing behind.

use std::fs;
use std::path::Path;

use super::support::byline;
use crate::formats::exporter;
use crate::formats::{Destination, ExportFormat, Exporter};
use crate::model::markup;

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What is at `target`: a file's text, or a folder's files and texts.
fn snapshot(target: &Path) -> Vec<(String, String)> {
    if target.is_file() {
        return vec![(String::new(), fs::read_to_string(target).unwrap())];
    }
    (names(target).into_iter())
        .map(|n| {
            let text = fs::read_to_string(target.join(&n)).unwrap();
            (n, text)
        })
        .collect()
}

#[test]
fn an_unfinished_export_leaves_the_earlier_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let doc =
        markup::document("[“Ja,”|QUOTE:1] [Zoë Müller|SPEAKER:1] [sagte|CUE:1] in [北京|GPE].")
            .unwrap();
    let earlier = markup::document("[Ødegård|PERSON] left.").unwrap();
    for format in ExportFormat::ALL {
        let target = dir.path().join(format!("earlier-{format}"));
        exporter::write(
            format,
            std::slice::from_ref(&earlier),
            Destination::Path(&target),
        )
        .unwrap();
        let before = snapshot(&target);
        let mut exporter = Exporter::open(format, Destination::Path(&target)).unwrap();
        exporter.write_batch(std::slice::from_ref(&doc)).unwrap();
        drop(exporter);
        assert_eq!(snapshot(&target), before, "{format}");
    }
    let left: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "partial files left: {left:?}");
}

#[test]
fn a_refused_folder_export_keeps_the_folder_and_a_finished_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    fs::write(&input, "{\"text\": \"Zoë Ødegård flew to 北京 👋.\", \"spans\": [{\"start\": 0, \"end\": 11, \"label\": \"PERSON\"}]}\n").unwrap();
    let out = dir.path().join("hf");
    let convert = |to: &Path| {
        byline([
            "convert",
            input.to_str().unwrap(),
            "--to",
            "hf",
            "-o",
            to.to_str().unwrap(),
        ])
    };
    assert_eq!(convert(&out).code, 0);
    assert_eq!(names(&out), ["README.md", "train.jsonl"]);
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let refused = convert(&out);
    assert_eq!(refused.code, 1);
    assert!(refused.err.contains("notes.txt"), "{}", refused.err);
    assert_eq!(names(&out), ["README.md", "notes.txt", "train.jsonl"]);
    fs::remove_file(out.join("notes.txt")).unwrap();
    fs::write(out.join("train.jsonl"), "old rows\n").unwrap();
    assert_eq!(convert(&out).code, 0);
    assert_ne!(
        fs::read_to_string(out.join("train.jsonl")).unwrap(),
        "old rows\n"
    );
    assert_eq!(names(dir.path()), ["hf", "in.jsonl"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_fails_the_export_and_leaves_no_side_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    fs::write(&input, "{\"text\": \"Zoë left.\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PERSON\"}]}\n").unwrap();
    let before = names(Path::new("/dev"));
    for format in ["byline", "doccano", "conll", "hf", "labelstudio"] {
        let run = byline([
            "convert",
            input.to_str().unwrap(),
            "--to",
            format,
            "-o",
            "/dev/full",
        ]);
        assert_eq!(run.code, 1, "{format}: {}", run.err);
        assert!(run.err.contains("/dev/full"), "{format}: {}", run.err);
    }
    assert_eq!(
        names(Path::new("/dev")),
        before,
        "no labels.json, no partial files"
    );
    assert!(!Path::new("/dev/labels.json").exists());
}
