//! The window on a project, driven headlessly: every change is in the project
//! file the moment it is made (close the window, open it again, and the edits,
//! statuses, the reader's place and the undo history are back), a second
//! window on the same project is read-only and says so, a deleted project file
//! costs no work, and opened articles go into the project once, whatever their
//! format (a gold copy taking over the bare article).

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app_review::{ARTICLE, doc, offset, span_over, window};
use crate::app::BylineApp;
use crate::editor::{Command, Purpose};
use crate::model::{DocStatus, Document, Origin, SpanState};
use crate::store::{Project, ReadOnlyReason};
use crate::tests::support::suggested;

/// Steps the window until `done` holds and nothing is opening or loading.
pub fn settle(h: &mut Harness<'static, BylineApp>, done: impl Fn(&BylineApp) -> bool) {
    for _ in 0..1000 {
        h.step();
        if done(h.state()) && !h.state().editor().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    h.run();
}

/// A window that opened the project at `path` (as `byline --project` does).
pub fn project_window(path: &Path) -> Harness<'static, BylineApp> {
    let mut h = window(Vec::new());
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::OpenProject(path.to_path_buf()));
    settle(&mut h, |app| app.editor().session().path().is_some());
    assert_eq!(
        h.state().editor().session().path(),
        Some(path),
        "project opened"
    );
    h
}

/// Opens `paths` in the window, as File → Open does, and waits for them.
fn open_files(h: &mut Harness<'static, BylineApp>, paths: Vec<PathBuf>) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::OpenPaths(paths));
    settle(h, |_| true);
}

/// A project at `dir/name` holding `docs`.
pub fn project_with(dir: &Path, name: &str, docs: &[Document]) -> PathBuf {
    let path = dir.join(name);
    let mut project = Project::create(&path).unwrap();
    project.add_documents(docs).unwrap();
    path
}

/// A long article: many paragraphs, with suggestions only in the last one.
fn long_article() -> Document {
    let mut markup = String::from("Harbour talks resume\n\n");
    for n in 1..=60 {
        markup.push_str(&format!(
            "Paragraph {n}: the delegations met again in the old customs house, \
             and the talks ran late into the evening.\n\n"
        ));
    }
    markup.push_str("[Zoë Ødegård|PERSON] closed the meeting in [Zürich|GPE] 😀.");
    suggested(&markup)
}

fn notices(h: &Harness<'static, BylineApp>) -> String {
    h.state().editor().workspace().notices.join("\n")
}

#[test]
fn edits_statuses_and_the_readers_place_survive_closing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(
        dir.path(),
        "wire.byline",
        &[suggested(ARTICLE), long_article()],
    );
    let mut h = project_window(&path);
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::D);
    h.run();
    h.get_by_label("Leave them pending and mark done").click();
    h.run();
    assert_eq!(doc(&h).text().lines().next(), Some("Harbour talks resume"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let zurich = offset(&h, "Zürich");
    assert!(
        h.state().glyph_rect(zurich).is_some(),
        "scrolled to the end"
    );
    assert!(
        h.state().glyph_rect(0).is_none(),
        "the headline is off screen"
    );
    let place = h.state().view_position().unwrap();
    assert!(place.offset > 0);
    drop(h);

    let mut h = project_window(&path);
    let ws = h.state().editor().workspace();
    assert_eq!(ws.entries().len(), 2);
    assert_eq!(ws.entries()[0].summary.status, DocStatus::Done);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    let soren = stored[0]
        .spans()
        .find(|s| s.text(stored[0].text()) == "Søren Ødegård")
        .unwrap();
    assert_eq!(soren.state, SpanState::Accepted);
    assert_eq!(doc(&h).text().lines().next(), Some("Harbour talks resume"));
    let gpe = span_over(&h, "Zürich", "GPE").unwrap();
    assert_eq!(doc(&h).span(gpe).unwrap().state, SpanState::Accepted);
    assert_eq!(doc(&h).status(), DocStatus::InProgress);
    assert!(h.state().glyph_rect(zurich).is_some(), "back at the end");
    assert!(h.state().glyph_rect(0).is_none());
    assert_eq!(
        h.state().view_position().map(|p| p.offset),
        Some(place.offset)
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        doc(&h).span(gpe).unwrap().state,
        SpanState::Pending,
        "undo reaches back before the restart"
    );
}

#[test]
fn a_second_window_on_the_project_is_read_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "shared.byline", &[suggested(ARTICLE)]);
    let mut first = project_window(&path);
    let mut second = project_window(&path);
    assert_eq!(
        second.state().editor().session().read_only(),
        Some(ReadOnlyReason::OpenElsewhere)
    );
    second.get_by_label_contains(
        "Read-only: another Byline window or command has it open for writing",
    );
    second.key_press(Key::Tab);
    second.run();
    second.key_press(Key::Enter);
    second.run();
    assert_eq!(doc(&second).pending_count(), doc(&first).pending_count());
    assert_eq!(doc(&second).status(), DocStatus::New, "nothing changed");
    assert!(
        notices(&second).contains("Read-only"),
        "{}",
        notices(&second)
    );

    first.key_press(Key::Tab);
    first.run();
    first.key_press(Key::Enter);
    first.run();
    let soren = span_over(&first, "Søren Ødegård", "PERSON").unwrap();
    drop(second);
    drop(first);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    assert_eq!(stored[0].span(soren).unwrap().state, SpanState::Accepted);
}

#[test]
fn a_deleted_project_file_costs_no_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "gone.byline", &[suggested(ARTICLE)]);
    let mut h = project_window(&path);
    std::fs::remove_file(&path).unwrap();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let soren = span_over(&h, "Søren Ødegård", "PERSON").unwrap();
    assert_eq!(doc(&h).span(soren).unwrap().state, SpanState::Accepted);
    assert_eq!(h.state().editor().session().unsaved(), 1);
    h.get_by_label_contains("Not saved: project file was deleted or moved");

    let rescue = dir.path().join("rescued");
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::AskPath(Purpose::SaveProjectAs));
    h.run();
    let field = h.get_by_label(Purpose::SaveProjectAs.prompt());
    field.focus();
    field.type_text(&rescue.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().editor().session().unsaved(), 0);
    assert!(h.query_by_label_contains("Not saved").is_none());
    drop(h);
    let saved = Project::open(&rescue.with_extension("byline")).unwrap();
    let stored = saved.load_documents().unwrap();
    assert_eq!(stored[0].span(soren).unwrap().state, SpanState::Accepted);
}

#[test]
fn articles_open_once_in_any_format_with_warnings_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "p.byline", &[]);
    let write = |name: &str, text: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        file
    };
    let story = "“Ça ira,” said Zoë Ødegård in Zürich.\n";
    let a = write("a.txt", story);
    let copy = write("copy.txt", story);
    let conll = write("b.conll", "Ana\tB-PERSON\nDíaz\tI-PERSON\nspoke\tO\n");
    let jsonl = write(
        "c.jsonl",
        "{\"text\": \"Wang Yi met 北京 officials.\"}\n{not json\n",
    );
    let html = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/museum-restitution.html"
    ));
    let mut h = project_window(&path);
    open_files(&mut h, vec![a.clone(), conll, jsonl.clone(), html]);
    open_files(&mut h, vec![a, copy]);

    let said = notices(&h);
    drop(h);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    let texts: Vec<&str> = stored.iter().map(|d| d.text()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert_eq!(texts[0], story);
    assert_eq!(texts[1], "Ana Díaz spoke");
    assert_eq!(texts[2], "Wang Yi met 北京 officials.");
    assert!(texts[3].contains("handed back 23 carved ancestor figures"));
    assert!(!texts[3].contains("dataLayer"), "scripts dropped");
    assert!(
        said.contains("line 2") && said.contains("c.jsonl"),
        "{said}"
    );
    assert_eq!(
        said.matches("not added again").count(),
        2,
        "the same file and its copy: {said}"
    );
    assert!(said.contains("copy.txt"), "{said}");
}

#[test]
fn what_the_editor_accepts_is_suggested_in_the_next_article_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "m.byline", &[suggested(ARTICLE)]);
    let mut h = project_window(&path);
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let next = dir.path().join("next.txt");
    std::fs::write(&next, "Later, Søren Ødegård sold the café.\n").unwrap();
    open_files(&mut h, vec![next]);
    let ws = h.state().editor().workspace();
    let later = &ws.loaded(ws.entries().len() - 1).unwrap().doc;
    let suggested: Vec<(&str, &str, &str)> = later
        .spans()
        .map(|s| {
            let engine = match &s.origin {
                Origin::Suggested { engine, .. } => engine.as_ref(),
                Origin::Manual => "",
            };
            (s.text(later.text()), s.label.as_str(), engine)
        })
        .collect();
    assert_eq!(suggested, [("Søren Ødegård", "PERSON", "memory")]);
}

#[test]
fn a_gold_copy_takes_over_the_bare_article_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "gold.byline", &[]);
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut h = project_window(&path);
    open_files(&mut h, vec![samples.join("flood.txt")]);
    let bare = doc(&h).clone();
    assert_eq!(bare.status(), DocStatus::New);
    open_files(&mut h, vec![samples.join("annotated/flood.jsonl")]);
    let ws = h.state().editor().workspace();
    assert_eq!(ws.entries().len(), 1, "one document for one text");
    let gold = &ws.loaded(0).unwrap().doc;
    assert_eq!(gold.id, bare.id);
    assert!(gold.spans().all(|s| s.state != SpanState::Pending));
    assert!(gold.quotes().count() > 3);
    assert!(notices(&h).contains("annotated copy in place of the bare one"));
    let gold = gold.clone();
    drop(h);
    let stored = Project::open(&path).unwrap().load_documents().unwrap();
    assert_eq!(stored[0].spans_sorted(), gold.spans_sorted());
    assert_eq!(stored[0].quotes_sorted(), gold.quotes_sorted());
}
