//! Interrupted quotes as a project setting: `byline import --interrupted`
//! keeps it in the project; a per-segment project gets one quote per
//! segment, the segments sharing a group that survives the store, reopening,
//! a byline JSONL export and reading it back; a one-record project gets one
//! quote with two content parts; `byline suggest --project` follows the
//! project unless told otherwise; reviewing one segment leaves its partner
//! as it is.

use std::path::Path;

use crate::editor::Command;
use crate::formats::{self, ReadOptions};
use crate::model::{Document, Interrupted, Quote, SpanState};
use crate::store::Project;
use crate::suggest::engines::Engines;
use crate::suggest::rules::RulesConfig;
use crate::tests::editor_commands::editor;
use crate::tests::support::byline;

/// An interrupted quote with non-ASCII text before and inside it.
const ARTICLE: &str = "Zürich — “We will stay,” said Zoë Ødegård. “Whatever happens.”\n";

/// Imports the article into a new project at `dir/p.byline` with `extra`
/// arguments; returns the project path and its one document.
fn import(dir: &Path, extra: &[&str]) -> (std::path::PathBuf, Document) {
    let article = dir.join("zoe.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let project = dir.join("p.byline");
    let mut args = vec!["import", "--project", project.to_str().unwrap()];
    args.extend(extra);
    args.push(article.to_str().unwrap());
    let run = byline(args);
    assert_eq!(run.code, 0, "{}", run.err);
    let opened = Project::open(&project).unwrap();
    let id = opened.list_documents().unwrap()[0].id.clone();
    let doc = opened.load_document(&id).unwrap();
    (project, doc)
}

/// Each quote's content texts and whether it has a group, in text order.
fn shape(doc: &Document) -> Vec<(Vec<&str>, bool)> {
    let text = |q: &Quote| {
        (q.content.iter())
            .map(|&id| doc.span(id).unwrap().text(doc.text()))
            .collect()
    };
    (doc.quotes_sorted().into_iter())
        .map(|q| (text(q), q.group.is_some()))
        .collect()
}

#[test]
fn a_per_segment_project_links_the_segments_through_store_export_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    let (project, doc) = import(dir.path(), &["--interrupted", "per-segment"]);
    assert_eq!(
        shape(&doc),
        [
            (vec!["“We will stay,”"], true),
            (vec!["“Whatever happens.”"], true)
        ]
    );
    let quotes = doc.quotes_sorted();
    assert_eq!(quotes[0].group, quotes[1].group, "one interrupted quote");
    assert_eq!(quotes[0].speaker, quotes[1].speaker);
    let opened = Project::open_to_read(&project).unwrap();
    assert_eq!(
        opened.interrupted_quotes().unwrap(),
        Interrupted::PerSegment
    );
    drop(opened);

    let out = dir.path().join("out.jsonl");
    let (project_arg, out_arg) = (project.to_str().unwrap(), out.to_str().unwrap());
    let args = ["export", "--project", project_arg, "--to", "byline"];
    let export = byline(
        args.into_iter()
            .chain(["--with-suggestions", "-o", out_arg]),
    );
    assert_eq!(export.code, 0, "{}", export.err);
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.matches(r#""group":"#).count(), 2, "{written}");
    let read = formats::read_path(&out, &ReadOptions::default()).unwrap();
    let back = &read.documents[0];
    assert_eq!(back.spans_sorted(), doc.spans_sorted());
    assert_eq!(
        back.quotes_sorted(),
        doc.quotes_sorted(),
        "ids and groups kept"
    );

    let stats = byline(["stats", "--project", project_arg]);
    assert!(
        stats.out.contains("interrupted quotes per-segment"),
        "{}",
        stats.out
    );
}

#[test]
fn a_one_record_project_keeps_an_interrupted_quote_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (_, doc) = import(dir.path(), &[]);
    assert_eq!(
        shape(&doc),
        [(vec!["“We will stay,”", "“Whatever happens.”"], false)]
    );
}

#[test]
fn suggest_follows_the_projects_setting_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = import(
        dir.path(),
        &["--interrupted", "per-segment", "--no-suggest"],
    );
    let article = dir.path().join("zoe.txt");
    let groups = |extra: &[&str]| {
        let mut args = vec!["suggest", "--project", project.to_str().unwrap()];
        args.extend(extra);
        args.push(article.to_str().unwrap());
        let run = byline(args);
        assert_eq!(run.code, 0, "{}", run.err);
        run.out.matches(r#""group":"#).count()
    };
    assert_eq!(groups(&[]), 2);
    assert_eq!(groups(&["--interrupted", "one-record"]), 0);
    let bad = byline([
        "import",
        "--project",
        "x.byline",
        "--interrupted",
        "both",
        "a",
    ]);
    assert_eq!(bad.code, 2, "{}", bad.err);
}

#[test]
fn reviewing_one_segment_leaves_its_partner_as_it_is() {
    let mut doc = Document::new(None, ARTICLE);
    let config = RulesConfig {
        interrupted: Interrupted::PerSegment,
        ..RulesConfig::default()
    };
    (Engines::new(crate::suggest::builtin_with(config)).suggest(&mut doc)).unwrap();
    let mut ed = editor(vec![doc]);
    let current = |ed: &crate::editor::Editor| ed.workspace().current().unwrap().doc.clone();
    let first = current(&ed).quotes_sorted()[0].clone();
    let states = |ed: &crate::editor::Editor| {
        let doc = current(ed);
        (doc.quotes_sorted().into_iter())
            .map(|q| (q.state, q.group))
            .collect::<Vec<_>>()
    };
    let group = first.group;
    assert!(group.is_some());
    ed.run(Command::Select(Some(first.content[0])));
    ed.run(Command::Accept);
    let pending = [(SpanState::Accepted, group), (SpanState::Pending, group)];
    assert_eq!(states(&ed), pending, "the partner stays pending");
    ed.run(Command::Undo);
    assert_eq!(states(&ed), [(SpanState::Pending, group); 2]);
    ed.run(Command::Redo);
    assert_eq!(states(&ed), pending);
    ed.run(Command::Select(Some(first.content[0])));
    ed.run(Command::Reject);
    let doc = current(&ed);
    let partner = doc.quotes_sorted()[1].clone();
    assert_eq!(partner.group, group, "the partner keeps its group");
    assert_eq!(partner.state, SpanState::Pending);
}
