//! `byline suggest --project P`: the project's memory and trusted learned
//! model suggest on files, and the project is only read: nothing in it or
//! beside it changes (stdin, while a window writes it: `cli::project_engines`).

use std::path::{Path, PathBuf};

use crate::editor::learning::reviewed::retrain;
use crate::model::{DocStatus, Document, Edit, Transaction};
use crate::store::Project;
use crate::suggest::learned::TRUST_AFTER;
use crate::tests::support::{byline, match_reports};

/// A project of `n` reviewed match reports with its model trained.
pub fn trained_project(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("wire.byline");
    let docs: Vec<Document> = match_reports(n)
        .into_iter()
        .map(|mut d| {
            let tx = Transaction::new("Mark done").with(Edit::SetStatus(DocStatus::Done));
            d.apply(&tx).unwrap();
            d
        })
        .collect();
    let mut project = Project::create(&path).unwrap();
    project.add_documents(&docs).unwrap();
    retrain(&mut project).unwrap();
    path
}

/// Every file in `dir` (not in its folders) with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

pub const REPORT: &str = "Portsmouth beat Leeds 4-1 on Saturday.\n\nFans of Plymouth left early.\n";

#[test]
fn the_projects_learned_model_suggests_on_files_and_leaves_the_project_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = trained_project(dir.path(), TRUST_AFTER + 4);
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("tonight.txt"), REPORT).unwrap();
    let before = files(dir.path());
    let run = byline([
        "suggest",
        "--project",
        path.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.err.contains("learned model of 24 reviewed documents"),
        "{}",
        run.err
    );
    assert!(run.out.contains(r#""engine":"learned""#), "{}", run.out);
    assert_eq!(
        files(dir.path()),
        before,
        "nothing written in or beside the project"
    );

    let plain = byline(["suggest", input.to_str().unwrap()]);
    assert!(
        !plain.out.contains(r#""engine":"learned""#),
        "{}",
        plain.out
    );
}

#[test]
fn a_project_without_a_trusted_model_suggests_with_rules_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = trained_project(dir.path(), TRUST_AFTER - 1);
    let file = dir.path().join("tonight.txt");
    std::fs::write(&file, REPORT).unwrap();
    let run = byline([
        "suggest",
        "--project",
        path.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(!run.out.contains(r#""engine":"learned""#), "{}", run.out);
    assert!(run.out.contains(r#""engine":"memory""#), "{}", run.out);
    let missing = dir.path().join("missing.byline");
    let refused = byline([
        "suggest",
        "--project",
        missing.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1);
    assert!(refused.err.contains("missing.byline"), "{}", refused.err);
}
