//! Articles added with `byline import` reach the editor with the project's
//! suggestions: the import suggests on each batch before storing it (the
//! Seville heat alert opens with its quotes and speakers), and
//! `--no-suggest` leaves it to the editor, which suggests once on a
//! document when it first shows it — in the background, outside the undo
//! history, never twice, and never on a document marked done.

use std::path::{Path, PathBuf};

use super::editor_commands::editor;
use crate::editor::{Command, Editor, Task};
use crate::model::{DocStatus, Document, Edit, SPEAKER, Transaction};
use crate::store::Project;
use crate::tests::support::byline;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Imports the samples into a new project in `dir`, with `extra` arguments.
fn import_samples(dir: &Path, extra: &[&str]) -> PathBuf {
    let project = dir.join("wire.byline");
    let mut args = vec!["import".to_owned(), "--project".to_owned()];
    args.push(project.display().to_string());
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    args.push(samples().display().to_string());
    let run = byline(args);
    assert!(run.code <= 1, "{}\n{}", run.out, run.err);
    assert!(run.out.contains("documents added"), "{}", run.out);
    project
}

/// Polls until nothing runs in the background.
fn settle(ed: &mut Editor) {
    for _ in 0..3000 {
        ed.poll();
        if !ed.busy() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the editor did not settle: {:?}", ed.workspace().notices);
}

/// An editor (with `engines` or none) on the project at `path`.
fn open(path: &Path, builtin: bool) -> Editor {
    let mut ed = editor(Vec::new());
    if builtin {
        ed.set_engines(crate::suggest::builtin());
    }
    ed.run(Command::OpenProject(path.to_path_buf()));
    settle(&mut ed);
    assert_eq!(ed.session().path(), Some(path));
    ed
}

/// Where the heat alert is listed.
fn heat_alert(ed: &Editor) -> usize {
    (ed.workspace().entries().iter())
        .position(|e| e.title().starts_with("Spain issues red alert"))
        .expect("the heat alert was imported")
}

fn shown(ed: &Editor) -> &Document {
    &ed.workspace().current().expect("a document").doc
}

/// The quotes of `doc` with the text of their speakers.
fn speakers(doc: &Document) -> Vec<String> {
    (doc.quotes_sorted().iter())
        .filter_map(|q| q.speaker.and_then(|s| doc.span(s)))
        .map(|s| s.text(doc.text()).to_owned())
        .collect()
}

#[test]
fn imported_samples_open_with_their_quotes_and_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let path = import_samples(dir.path(), &[]);
    let mut ed = open(&path, false);
    let at = heat_alert(&ed);
    ed.run(Command::ShowDocument(at));
    settle(&mut ed);
    let doc = shown(&ed);
    assert!(doc.suggested);
    let who = speakers(doc);
    assert!(who.len() >= 2, "{who:?}");
    assert!(
        who.iter().any(|s| s.contains("Lucía Díaz Montero")),
        "{who:?}"
    );
    assert!(doc.spans().any(|s| s.label == SPEAKER));
    assert!(doc.spans().any(|s| s.label == "GPE"), "and its places");
}

#[test]
fn articles_imported_without_suggestions_get_them_once_when_first_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = import_samples(dir.path(), &["--no-suggest"]);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    assert!(stored.iter().all(|d| !d.suggested));
    let done_id = (stored.iter())
        .find(|d| d.span_count() == 0 && !d.text().contains("Spain issues red alert"))
        .unwrap()
        .id
        .clone();
    {
        let mut project = Project::open(&path).unwrap();
        let mut done = project.load_document(&done_id).unwrap();
        let tx = Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done));
        let applied = done.apply(&tx).unwrap();
        project.apply(&done, &applied).unwrap();
    }

    let mut ed = open(&path, true);
    let at = heat_alert(&ed);
    ed.run(Command::ShowDocument(at));
    ed.poll();
    let work = ed.work();
    assert!(
        work.iter()
            .any(|w| w.task == Task::Suggesting && w.about.starts_with("Spain issues")),
        "{work:?}"
    );
    settle(&mut ed);
    let doc = shown(&ed).clone();
    assert!(doc.suggested);
    assert!(speakers(&doc).len() >= 2, "{:?}", speakers(&doc));
    let in_project = Project::open_to_read(&path)
        .unwrap()
        .load_document(&doc.id)
        .unwrap();
    assert_eq!(in_project, doc, "stored with its mark");

    ed.run(Command::Undo);
    assert_eq!(
        shown(&ed).span_count(),
        doc.span_count(),
        "not an undo step"
    );
    ed.run(Command::NextDocument);
    ed.run(Command::ShowDocument(at));
    ed.poll();
    assert!(!ed.busy(), "suggested once");
    assert_eq!(shown(&ed).span_count(), doc.span_count());

    let done_at = ed.workspace().find(&done_id).unwrap();
    ed.run(Command::ShowDocument(done_at));
    settle(&mut ed);
    assert_eq!(shown(&ed).status(), DocStatus::Done);
    assert_eq!(shown(&ed).span_count(), 0, "a done document gets nothing");
}
