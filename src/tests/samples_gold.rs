//! The gold annotations in byline JSONL: `samples/annotated/<name>.jsonl` is
//! golden output, built from `<name>.markup` and compared byte for byte with
//! the committed file. `BYLINE_BLESS=1 cargo test --lib tests::samples_gold`
//! rewrites the files instead (after a deliberate change to the markup or to
//! the writer).
//!
//! Each gold document is the markup's document (every span a manual, accepted
//! annotation) with what the text reader gives `samples/<name>.txt` around it:
//! the same id, its `meta` (title, byline, dateline, paragraph starts), the
//! source `samples/<name>.txt`, and the status done (hand-checked).

use std::fs;
use std::path::PathBuf;

use super::samples::{gold_files, read, samples_dir};
use crate::formats::byline::{self, Flavor};
use crate::formats::{ExportOptions, ReadOptions, read_path};
use crate::model::{DocStatus, Document, Edit, Transaction, markup};

fn gold_jsonl(stem: &str) -> PathBuf {
    samples_dir()
        .join("annotated")
        .join(format!("{stem}.jsonl"))
}

/// The article as the text reader gives it.
fn article(stem: &str) -> Document {
    let path = samples_dir().join(format!("{stem}.txt"));
    let mut loaded = read_path(&path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{stem}: the article does not read: {e}"));
    assert_eq!(loaded.documents.len(), 1, "{stem}: {:?}", loaded.warnings);
    loaded.documents.remove(0)
}

/// The gold document of one article, as described at the top of this file.
fn gold_document(stem: &str, markup_path: &std::path::Path) -> Document {
    let mut doc = markup::document(&read(markup_path))
        .unwrap_or_else(|e| panic!("{stem}: markup is not a valid document: {e}"));
    let article = article(stem);
    assert_eq!(doc.id, article.id, "{stem}: gold text is not the article's");
    doc.source = Some(format!("samples/{stem}.txt"));
    doc.meta = article.meta;
    let done = Transaction::new("gold").with(Edit::SetStatus(DocStatus::Done));
    doc.apply(&done)
        .unwrap_or_else(|e| panic!("{stem}: status: {e}"));
    doc
}

fn written(doc: &Document) -> String {
    let mut out = Vec::new();
    byline::write(
        std::slice::from_ref(doc),
        &mut out,
        Flavor::Byline,
        ExportOptions::GOLD,
    )
    .unwrap_or_else(|e| panic!("cannot write gold: {e}"));
    String::from_utf8(out).expect("the writer writes UTF-8")
}

fn blessing() -> bool {
    std::env::var_os("BYLINE_BLESS").is_some_and(|v| v == "1")
}

#[test]
fn gold_jsonl_is_the_markup_written_by_the_byline_writer() {
    let mut stale = Vec::new();
    for (stem, markup_path) in gold_files() {
        let expected = written(&gold_document(&stem, &markup_path));
        let path = gold_jsonl(&stem);
        if blessing() {
            fs::write(&path, &expected)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            continue;
        }
        let committed = fs::read_to_string(&path).unwrap_or_default();
        if committed != expected {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "gold JSONL out of date (rerun with BYLINE_BLESS=1 after checking the change): {stale:?}"
    );
}

#[test]
fn gold_jsonl_reads_back_to_the_gold_document() {
    for (stem, markup_path) in gold_files() {
        let expected = gold_document(&stem, &markup_path);
        let path = gold_jsonl(&stem);
        let loaded =
            read_path(&path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert!(loaded.warnings.is_empty(), "{stem}: {:?}", loaded.warnings);
        assert_eq!(loaded.documents, [expected], "{stem}");
    }
}

#[test]
fn every_gold_jsonl_has_its_markup() {
    let stems: Vec<String> = gold_files().into_iter().map(|(stem, _)| stem).collect();
    let dir = samples_dir().join("annotated");
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(stems.contains(&stem), "{}: no markup", path.display());
        }
    }
}
