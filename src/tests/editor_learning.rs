//! The learned engine in the editor core, with no window: marking the
//! twentieth article done trains a model in the background and stores it
//! in the project, and the next article opened is suggested with it; with
//! nineteen nothing changes. A project opened with reviewed articles and no
//! model trains one, one opened with a current model takes it as it is, and
//! "next article" can favour the articles the model is least sure of.

use std::path::{Path, PathBuf};

use crate::editor::{Command, Editor};
use crate::model::{DocStatus, Document, Edit, Origin, Transaction};
use crate::store::Project;
use crate::suggest::learned::TRUST_AFTER;
use crate::tests::support::{CLUBS, match_reports as reports};

/// `doc` marked done.
fn done(mut doc: Document) -> Document {
    let tx = Transaction::new("Mark done").with(Edit::SetStatus(DocStatus::Done));
    doc.apply(&tx).unwrap();
    doc
}

/// A project at `dir/wire.byline` holding `docs`.
fn project_with(dir: &Path, docs: &[Document]) -> PathBuf {
    let path = dir.join("wire.byline");
    Project::create(&path).unwrap().add_documents(docs).unwrap();
    path
}

/// Polls like a window's frames until `until` holds, nothing is opening or
/// loading and no learning job runs.
fn settle(ed: &mut Editor, until: impl Fn(&Editor) -> bool) {
    for _ in 0..5000 {
        ed.poll();
        if until(ed) && !ed.busy() && !ed.learning().busy() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the editor did not settle: {:?}", ed.workspace().notices);
}

/// An editor with the built-in engines on the project at `path`.
fn opened(path: &Path) -> Editor {
    let mut ed = Editor::new(crate::editor::Workspace::default());
    ed.set_engines(crate::suggest::builtin());
    ed.run(Command::OpenProject(path.to_path_buf()));
    settle(&mut ed, |ed| ed.session().path().is_some());
    ed
}

/// Marks `n` articles done, one after the other, a frame between each.
fn mark_done(ed: &mut Editor, n: usize) {
    for _ in 0..n {
        ed.run(Command::DoneAndNext);
        ed.poll();
    }
}

/// Opens a new match report and returns its entity suggestions: text,
/// label and engine, sorted.
fn open_article(ed: &mut Editor, dir: &Path) -> Vec<(String, String, String)> {
    let text = "Portsmouth beat Leeds 4-1 on Saturday.\n\n\
                Fans of Plymouth left early as Portsmouth celebrated.";
    let file = dir.join("tonight.txt");
    std::fs::write(&file, text).unwrap();
    let before = ed.workspace().entries().len();
    ed.run(Command::OpenPaths(vec![file]));
    settle(ed, |ed| ed.workspace().entries().len() > before);
    let index = ed.workspace().find(&Document::new(None, text).id).unwrap();
    ed.run(Command::ShowDocument(index));
    let doc = &ed.workspace().current().unwrap().doc;
    let mut out: Vec<(String, String, String)> = doc
        .spans()
        .filter(|s| s.layer == crate::model::Layer::Entity)
        .map(|s| {
            let engine = match &s.origin {
                Origin::Suggested { engine, .. } => engine.to_string(),
                Origin::Manual => "manual".into(),
            };
            (s.text(doc.text()).to_owned(), s.label.clone(), engine)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_twentieth_article_done_trains_a_model_that_suggests_the_next_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), &reports(TRUST_AFTER + 2));
    let mut ed = opened(&path);
    mark_done(&mut ed, TRUST_AFTER);
    assert!(ed.learning().busy(), "training started in the background");
    settle(&mut ed, |ed| ed.learning().model().is_some());
    assert_eq!(ed.learning().model().unwrap().documents_seen(), TRUST_AFTER);

    let info = Project::open_to_read(&path).unwrap().model_info().unwrap();
    let info = info.expect("the model is stored in the project");
    assert_eq!(info.documents, TRUST_AFTER);
    let held_out = info.held_out.expect("its held-out score is stored");
    assert_eq!(held_out.folds, 5);
    assert!(held_out.learned.unwrap() > 0.5, "{held_out:?}");

    let spans = open_article(&mut ed, dir.path());
    let clubs: Vec<&(String, String, String)> = (spans.iter())
        .filter(|(text, _, _)| CLUBS.contains(&text.as_str()))
        .collect();
    assert!(
        clubs.iter().all(|(_, label, _)| label == "ORG"),
        "{spans:?}"
    );
    assert!(
        clubs.iter().any(|(_, _, engine)| engine == "learned"),
        "{spans:?}"
    );
    assert!(
        clubs.iter().all(|(_, _, engine)| engine != "rules"),
        "no club is the rules' place name any more: {spans:?}"
    );
}

#[test]
fn suggest_again_brings_the_learned_suggestions_to_an_article_suggested_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), &reports(TRUST_AFTER + 2));
    let mut ed = opened(&path);
    let spans = open_article(&mut ed, dir.path());
    assert!(spans.iter().all(|(_, _, e)| e != "learned"), "{spans:?}");
    let article = ed.workspace().current_index().unwrap();
    ed.run(Command::ShowDocument(0));
    mark_done(&mut ed, TRUST_AFTER);
    settle(&mut ed, |ed| ed.learning().model().is_some());
    ed.run(Command::ShowDocument(article));
    ed.run(Command::SuggestAgain);
    let doc = &ed.workspace().current().unwrap().doc;
    let learned = doc
        .spans()
        .filter(|s| matches!(&s.origin, Origin::Suggested { engine, .. } if engine == "learned"));
    assert!(learned.count() > 0);
    ed.run(Command::Undo);
    let doc = &ed.workspace().current().unwrap().doc;
    assert!(doc.spans().all(|s| {
        !matches!(&s.origin, Origin::Suggested { engine, .. } if engine == "learned")
    }));
}

#[test]
fn nineteen_articles_done_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), &reports(TRUST_AFTER + 2));
    let mut ed = opened(&path);
    mark_done(&mut ed, TRUST_AFTER - 1);
    settle(&mut ed, |_| true);
    assert!(ed.learning().model().is_none());
    let project = Project::open_to_read(&path).unwrap();
    assert_eq!(project.model_info().unwrap(), None);
    let spans = open_article(&mut ed, dir.path());
    assert!(spans.iter().any(|(_, _, e)| e == "rules"), "{spans:?}");
    assert!(spans.iter().all(|(_, _, e)| e != "learned"), "{spans:?}");
}

#[test]
fn a_project_opened_with_reviewed_articles_trains_once_and_keeps_a_current_model() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<Document> = reports(TRUST_AFTER + 1).into_iter().map(done).collect();
    let path = project_with(dir.path(), &docs);
    let mut ed = opened(&path);
    settle(&mut ed, |ed| ed.learning().model().is_some());
    drop(ed);
    let first = Project::open_to_read(&path)
        .unwrap()
        .model_info()
        .unwrap()
        .unwrap();
    assert_eq!(first.documents, TRUST_AFTER + 1);

    // Training times are kept to the second: wait one, so training again shows.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let mut ed = opened(&path);
    settle(&mut ed, |ed| ed.learning().model().is_some());
    let again = Project::open_to_read(&path)
        .unwrap()
        .model_info()
        .unwrap()
        .unwrap();
    assert_eq!(
        again, first,
        "the stored model covers the reviewed set: kept"
    );
    assert_eq!(
        ed.learning().model().unwrap().documents_seen(),
        TRUST_AFTER + 1
    );
}

#[test]
fn next_article_can_favour_the_articles_the_model_is_least_sure_of() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs: Vec<Document> = reports(TRUST_AFTER).into_iter().map(done).collect();
    let familiar = "Leeds beat Bristol 2-1 on Saturday.";
    let middling = "Fans of Portsmouth met Priya Nair in Sheffield.";
    let strange = "Quorvex Halbrecht Ultima signed Zentrix Obwalden in Marlowe Kettering.";
    for text in [familiar, middling, strange] {
        docs.push(Document::new(None, text));
    }
    let path = project_with(dir.path(), &docs);
    let mut ed = opened(&path);
    ed.run(Command::LeastSureFirst(true));
    settle(&mut ed, |ed| ed.learning().model().is_some());
    let shown = |ed: &Editor| ed.workspace().current().unwrap().doc.text().to_owned();
    ed.run(Command::NextDocument);
    assert_eq!(shown(&ed), strange, "N: the least sure first");
    ed.run(Command::DoneAndNext);
    ed.poll();
    let next = shown(&ed);
    assert!([familiar, middling].contains(&next.as_str()), "{next}");
    ed.run(Command::LeastSureFirst(false));
    assert!(
        !Project::open_to_read(&path)
            .unwrap()
            .least_sure_first()
            .unwrap()
    );
    ed.run(Command::LeastSureFirst(true));
    drop(ed);
    let ed = opened(&path);
    assert!(
        ed.learning().least_sure_first(),
        "the choice is kept in the project"
    );
}
