//! Moving through a project larger than what the window keeps loaded: the
//! editor pages through thirty articles with room for three, and an article
//! dropped on the way comes back from the project with its edits, its status
//! and its undo history; the list and the status bar count every article.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::app_project::{project_window, project_with};
use super::app_review::{doc, span_over};
use crate::model::{DocStatus, Document, SpanState};
use crate::tests::support::suggested;

/// Article `n` of the project: its own headline, a person and a place to review.
fn article(n: usize) -> Document {
    suggested(&format!(
        "Story {n}: harbour talks resume\n\n\
         [Zoë Ødegård|PERSON] met the delegation in [Zürich|GPE] 😀."
    ))
}

#[test]
fn an_article_dropped_while_paging_comes_back_with_its_edits_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<Document> = (0..30).map(article).collect();
    let path = project_with(dir.path(), "thirty.byline", &docs);
    let mut h = project_window(&path);
    h.state_mut()
        .editor_mut()
        .workspace_mut()
        .set_keep_loaded(3);
    h.get_by_label_contains("0 of 30 documents done");

    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let zoe = span_over(&h, "Zoë Ødegård", "PERSON").unwrap();
    assert_eq!(doc(&h).span(zoe).unwrap().state, SpanState::Accepted);

    for _ in 0..9 {
        h.key_press(Key::N);
        h.run();
    }
    h.key_press(Key::D);
    h.run();
    h.get_by_label("Leave them pending and mark done").click();
    h.run();
    let ws = h.state().editor().workspace();
    assert_eq!(ws.current_index(), Some(10), "done, then the next undone");
    assert!(doc(&h).text().starts_with("Story 10:"));
    assert_eq!(ws.entries()[9].summary.status, DocStatus::Done);
    assert!(ws.loaded_count() <= 3, "{} loaded", ws.loaded_count());
    assert!(ws.loaded(0).is_none(), "the first article was dropped");
    assert_eq!(ws.entries()[0].summary.status, DocStatus::InProgress);
    h.get_by_label_contains("1 of 30 documents done");

    h.get_by_label("Story 0: harbour talks resume").click();
    h.run();
    assert!(doc(&h).text().starts_with("Story 0:"));
    assert_eq!(doc(&h).span(zoe).unwrap().state, SpanState::Accepted);
    assert_eq!(doc(&h).status(), DocStatus::InProgress);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        doc(&h).span(zoe).unwrap().state,
        SpanState::Pending,
        "undo reaches the edit made before the article was dropped"
    );
    assert_eq!(doc(&h).status(), DocStatus::New);

    h.key_press(Key::P);
    h.run();
    assert!(
        doc(&h).text().starts_with("Story 0:"),
        "nothing before the first"
    );
    h.key_press(Key::N);
    h.run();
    assert!(doc(&h).text().starts_with("Story 1:"));
    assert!(h.state().editor().workspace().loaded_count() <= 3);
}
