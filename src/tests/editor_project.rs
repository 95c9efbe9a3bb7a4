//! The editor core on a project, with no window: opening a project and
//! reading articles happen on worker threads that wake the caller, every
//! command's change is in the project file at once, the reader's place is
//! written once it settles and restored on the next visit, the work can be
//! saved as a new project, and a first run fills its project with the
//! samples embedded in the binary.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::editor_commands::editor;
use crate::editor::startup::Plan;
use crate::editor::{Command, Editor, Effect, OpenMode, ViewPosition};
use crate::model::{DocStatus, Document, SpanState};
use crate::store::Project;
use crate::tests::support::suggested;

/// A project at `dir/name` holding `docs`.
pub fn project_with(dir: &Path, name: &str, docs: &[Document]) -> PathBuf {
    let path = dir.join(name);
    Project::create(&path).unwrap().add_documents(docs).unwrap();
    path
}

/// Polls until `done` holds and nothing is opening or loading; the effects
/// the polls returned.
pub fn settle(ed: &mut Editor, done: impl Fn(&Editor) -> bool) -> Vec<Effect> {
    let mut effects = Vec::new();
    for _ in 0..2000 {
        effects.extend(ed.poll());
        if done(ed) && !ed.busy() {
            return effects;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the editor did not settle: {:?}", ed.workspace().notices);
}

/// An editor that opened the project at `path`, with the effects it gave.
pub fn opened(path: &Path) -> (Editor, Vec<Effect>) {
    let mut ed = editor(Vec::new());
    ed.run(Command::OpenProject(path.to_path_buf()));
    let effects = settle(&mut ed, |ed| ed.session().path().is_some());
    (ed, effects)
}

#[test]
fn articles_are_read_in_the_background_and_wake_the_caller() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zürich.txt");
    std::fs::write(
        &file,
        "Café owners in Zürich\n\n“Ça va,” says Émile Ñúñez.\n",
    )
    .unwrap();
    let woken = Arc::new(AtomicUsize::new(0));
    let mut ed = editor(Vec::new());
    let count = Arc::clone(&woken);
    ed.set_wake(Arc::new(move || {
        count.fetch_add(1, Ordering::SeqCst);
    }));
    let missing = dir.path().join("missing.txt");
    assert_eq!(ed.run(Command::OpenPaths(vec![file, missing])), None);
    assert!(ed.busy());
    settle(&mut ed, |ed| !ed.workspace().entries().is_empty());
    assert!(woken.load(Ordering::SeqCst) > 0);
    let ws = ed.workspace();
    assert_eq!(ws.entries().len(), 1);
    assert_eq!(ws.entries()[0].title(), "Café owners in Zürich");
    assert!(ws.notices.iter().any(|n| n.contains("missing.txt")));
}

#[test]
fn a_project_opens_in_the_background_and_every_command_is_stored_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        suggested("[Zoë Ødegård|PERSON] met the delegation in [Zürich|GPE] 😀."),
        suggested("[Ana Díaz|PERSON] spoke in 北京."),
    ];
    let path = project_with(dir.path(), "wire.byline", &docs);
    let (mut ed, effects) = opened(&path);
    assert_eq!(
        effects,
        [Effect::ProjectOpened {
            title: "wire.byline — Byline".into()
        }]
    );
    assert_eq!(ed.workspace().entries().len(), 2);
    ed.run(Command::NextPending);
    ed.run(Command::Accept);
    ed.run(Command::DoneAndNext);
    assert_eq!(ed.workspace().current_index(), Some(1));
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    assert_eq!(stored[0].status(), DocStatus::Done);
    let zoe = stored[0].spans().find(|s| s.label == "PERSON").unwrap();
    assert_eq!(zoe.state, SpanState::Accepted);

    ed.run(Command::OpenProject(path.clone()));
    settle(&mut ed, |_| true);
    assert!(
        (ed.workspace().notices.iter()).any(|n| n.starts_with("Already open")),
        "{:?}",
        ed.workspace().notices
    );
}

#[test]
fn the_readers_place_is_written_once_it_settles_and_restored_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let article = suggested("Headline\n\n[Zoë Ødegård|PERSON] spoke in [Zürich|GPE] 😀.");
    let path = project_with(dir.path(), "place.byline", std::slice::from_ref(&article));
    let (mut ed, _) = opened(&path);
    let offset = article.text().find("Zürich").unwrap();
    let place = ViewPosition {
        offset,
        scroll: 42.0,
    };
    ed.report_place(Some((&article.id, place)));
    let wait = ed.keep_place(10.0).expect("waits for the place to settle");
    assert!(wait.as_secs_f64() > 0.9, "{wait:?}");
    assert_eq!(
        ed.keep_place(10.5).map(|w| w.as_secs_f64() < 0.6),
        Some(true)
    );
    assert_eq!(ed.keep_place(11.0), None, "written");
    let stored = Project::open(&path).unwrap();
    let view = stored.view(&article).unwrap().unwrap();
    assert_eq!(view.offset, offset);
    drop(stored);
    drop(ed);

    let (_, effects) = opened(&path);
    assert!(
        effects.contains(&Effect::Restore(offset)),
        "back where the reader was: {effects:?}"
    );
}

#[test]
fn work_without_a_project_is_saved_as_a_new_one_and_continues_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut ed = editor(vec![suggested("[Søren Ødegård|PERSON] runs a café.")]);
    ed.run(Command::NextPending);
    ed.run(Command::Accept);
    let rescue = dir.path().join("rescued.byline");
    assert_eq!(ed.run(Command::SaveProjectAs(rescue.clone())), None);
    assert_eq!(
        ed.workspace().last_action,
        Some(format!("Saved as {}", rescue.display()))
    );
    assert_eq!(ed.session().path(), Some(rescue.as_path()));
    let accepted = Project::open(&rescue).unwrap().load_documents().unwrap();
    let soren = accepted[0].spans().next().unwrap();
    assert_eq!(
        soren.state,
        SpanState::Accepted,
        "the work went into the copy"
    );
    ed.run(Command::Reject);
    ed.run(Command::RetrySave);
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("All changes saved")
    );
    let stored = Project::open(&rescue).unwrap().load_documents().unwrap();
    let soren = stored[0].spans().next().unwrap();
    assert_eq!(soren.state, SpanState::Rejected, "changed after the save");
}

#[test]
fn the_start_plan_creates_its_project_adds_its_files_and_keeps_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ødegård.txt");
    let text = "“We will rebuild,” Mayor Ana Lúcia Ferreira said on Tuesday.\n";
    std::fs::write(&article, text).unwrap();
    let note = "one project opens at a time; not opened: y.byline".to_owned();
    let plan = Plan {
        project: dir.path().join("new.byline"),
        mode: OpenMode::OpenOrCreate,
        import: vec![article],
        samples: false,
        notes: vec![note.clone()],
    };
    let woken = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&woken);
    let wake = Arc::new(move || {
        count.fetch_add(1, Ordering::SeqCst);
    });
    let mut ed = Editor::launch(plan, None, wake);
    settle(&mut ed, |ed| !ed.workspace().entries().is_empty());
    assert!(woken.load(Ordering::SeqCst) > 0);
    assert_eq!(
        ed.session().path(),
        Some(dir.path().join("new.byline").as_path())
    );
    assert!(ed.workspace().notices.contains(&note));
    let shown = &ed.workspace().current().expect("the article shown").doc;
    assert_eq!(shown.text(), text);
    assert!(
        shown.pending_count() > 0,
        "suggested by the built-in engines"
    );
}

#[test]
fn a_first_run_fills_its_project_with_the_embedded_samples() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("default.byline");
    let plan = Plan {
        project: path.clone(),
        mode: OpenMode::OpenOrCreate,
        import: Vec::new(),
        samples: true,
        notes: Vec::new(),
    };
    let samples = crate::formats::samples::articles().unwrap();
    let mut ed = Editor::launch(plan, None, Arc::new(|| {}));
    settle(&mut ed, |ed| {
        ed.workspace().entries().len() == samples.len()
    });
    assert!(
        ed.workspace().notices.is_empty(),
        "{:?}",
        ed.workspace().notices
    );
    drop(ed);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    let mut texts: Vec<&str> = stored.iter().map(Document::text).collect();
    let mut expected: Vec<&str> = samples.iter().map(Document::text).collect();
    texts.sort_unstable();
    expected.sort_unstable();
    assert_eq!(texts, expected);
    assert!(stored.iter().any(|d| d.pending_count() > 0), "suggested");
}
