//! Opening `samples/` — in `byline convert` and in the window — gives each
//! article once: the gold export in `samples/annotated/` and the article it
//! annotates have the same text (so the same id), and the annotated copy is
//! the one kept, with a notice naming the bare one left out. (`convert` keeps
//! the annotated copy wherever it comes; the window keeps the first copy read,
//! and folders are read in sorted order, `annotated/` before the articles.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::app_review::window;
use crate::cli::{Outcome, run};
use crate::editor::Command;
use crate::formats::input::dedupe::is_annotated;
use crate::formats::{ReadOptions, read_path};
use crate::model::Document;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The gold articles: the stems of `samples/annotated/*.markup`.
fn gold_stems() -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(samples().join("annotated"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".markup").map(str::to_owned)
        })
        .collect();
    stems.sort();
    stems
}

/// Checks that every text is there once and every gold article in its annotated copy.
fn assert_each_article_once(docs: &[Document], what: &str) {
    let ids: BTreeSet<_> = docs.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids.len(), docs.len(), "{what}: a text appears twice");
    for stem in gold_stems() {
        let txt = samples().join(format!("{stem}.txt"));
        let article = read_path(&txt, &ReadOptions::default()).unwrap().documents;
        let open = docs.iter().find(|d| d.id == article[0].id);
        let open = open.unwrap_or_else(|| panic!("{what}: {stem} missing"));
        assert!(is_annotated(open), "{what}: {stem} opened bare");
    }
    assert!(
        docs.iter().all(|d| !d.text().contains("|QUOTE")),
        "{what}: a markup file was read as an article"
    );
}

#[test]
fn convert_keeps_the_gold_copy_of_each_annotated_article() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("samples.jsonl");
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let args = ["byline", "convert", "--to", "byline", "-o"];
    let args = args
        .iter()
        .map(|a| a.to_string())
        .chain([out.display().to_string(), samples().display().to_string()]);
    assert_eq!(run(args, &mut stdout, &mut stderr), Outcome::Exit(0));
    let stderr = String::from_utf8(stderr).unwrap();
    let loaded = read_path(&out, &ReadOptions::default()).unwrap();
    assert_each_article_once(&loaded.documents, "convert");
    for stem in gold_stems() {
        let line = stderr
            .lines()
            .find(|l| l.ends_with(&format!("samples/{stem}.txt")))
            .unwrap_or_else(|| panic!("no notice for {stem}: {stderr}"));
        assert!(line.contains("which is annotated"), "{line}");
        assert!(line.contains(&format!("annotated/{stem}.jsonl")), "{line}");
    }
    // The hand-edited `.markup` sources are no article format: one line says
    // they were passed over, not one warning each.
    let passed_over: Vec<&str> = stderr.lines().filter(|l| l.contains(".markup")).collect();
    assert_eq!(passed_over.len(), 1, "{stderr}");
    let count = format!("skipped {} file(s) of no known format", gold_stems().len());
    assert!(passed_over[0].contains(&count), "{stderr}");
}

#[test]
fn the_window_opens_the_gold_copy_of_each_annotated_article() {
    let mut h = window(Vec::new());
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::OpenPaths(vec![samples()]));
    for _ in 0..3000 {
        h.step();
        if !h.state().editor().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().editor().busy(), "samples still loading");
    let ws = h.state().editor().workspace();
    // Without a project every document stays loaded.
    let docs: Vec<Document> = (0..ws.entries().len())
        .filter_map(|i| ws.loaded(i).map(|o| o.doc.clone()))
        .collect();
    assert_eq!(docs.len(), ws.entries().len());
    assert_each_article_once(&docs, "window");
    let notices = ws.notices.join("\n");
    for stem in gold_stems() {
        let bare = format!("samples/{stem}.txt");
        assert!(
            notices
                .lines()
                .any(|l| l.contains("not added again") && l.ends_with(&bare)),
            "{stem}: {notices}"
        );
    }
}
