//! Commands run on the editor core with no window at all: every user action
//! — keys, clicks, menu items, dialog answers — is a [`Command`], and what
//! the view must do afterwards comes back as an [`Effect`]; every assertion
//! is on the model.

use std::path::PathBuf;

use crate::editor::finish_range;
use crate::editor::{Command, Editor, Effect, Mode, Purpose, Role, Selection, Workspace};
use crate::model::{DocStatus, Document, LabelSet, SpanId, SpanState};
use crate::tests::support::suggested;

/// A quote with speaker and cue, a person before it, and words to annotate by hand.
const ARTICLE: &str = "[Søren Ødegård|PERSON] runs a café in [Zürich|GPE].\n\n\
    [“We will rebuild,”|QUOTE:1] [the official|SPEAKER:1] [said|CUE:1] on Monday. \
    Ana Díaz agreed.";

/// An editor over `docs`, without a project.
pub fn editor(docs: Vec<Document>) -> Editor {
    let mut ws = Workspace::new(LabelSet::builtin());
    ws.add_documents(docs);
    Editor::new(ws)
}

/// The document shown.
fn doc(ed: &Editor) -> &Document {
    &ed.workspace().current().expect("a document").doc
}

/// The id of the only span over `text` with `label`.
fn span_over(ed: &Editor, text: &str, label: &str) -> SpanId {
    let d = doc(ed);
    d.spans()
        .find(|s| s.label == label && s.text(d.text()) == text)
        .map(|s| s.id)
        .expect("span present")
}

#[test]
fn menu_items_and_view_commands_come_back_as_effects_even_with_nothing_open() {
    let mut ed = editor(Vec::new());
    assert_eq!(ed.run(Command::Export), Some(Effect::OpenExport));
    assert_eq!(
        ed.run(Command::ToggleShortcuts),
        Some(Effect::ToggleShortcuts)
    );
    for purpose in [Purpose::NewProject, Purpose::OpenProject, Purpose::Files] {
        assert_eq!(
            ed.run(Command::PickPath(purpose)),
            Some(Effect::PickPath(purpose))
        );
    }
    assert_eq!(
        ed.run(Command::AskPath(Purpose::AnyPath)),
        Some(Effect::AskPath(Purpose::AnyPath))
    );
    assert_eq!(ed.run(Command::Quit), Some(Effect::Quit));
    assert_eq!(ed.run(Command::Accept), None, "nothing to accept");
}

#[test]
fn tab_enter_and_undo_review_a_suggestion_and_scroll_to_the_next() {
    let mut ed = editor(vec![suggested(ARTICLE)]);
    let soren = span_over(&ed, "Søren Ødegård", "PERSON");
    let zurich = span_over(&ed, "Zürich", "GPE");
    let range = |ed: &Editor, id| doc(ed).span(id).unwrap().range;
    assert_eq!(
        ed.run(Command::NextPending),
        Some(Effect::Reveal(range(&ed, soren)))
    );
    assert_eq!(ed.workspace().selection, Selection::Span(soren));
    assert_eq!(
        ed.run(Command::Accept),
        Some(Effect::Reveal(range(&ed, zurich))),
        "accepting moves on to the next suggestion"
    );
    assert_eq!(doc(&ed).span(soren).unwrap().state, SpanState::Accepted);
    assert_eq!(doc(&ed).status(), DocStatus::InProgress);
    assert_eq!(ed.workspace().selection, Selection::Span(zurich));

    assert_eq!(ed.run(Command::Undo), None);
    assert_eq!(doc(&ed).span(soren).unwrap().state, SpanState::Pending);
    assert_eq!(doc(&ed).status(), DocStatus::New);
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("Undo Accept PERSON")
    );
    ed.run(Command::Redo);
    assert_eq!(doc(&ed).span(soren).unwrap().state, SpanState::Accepted);
}

#[test]
fn a_dragged_range_and_a_label_key_make_a_span_and_select_it() {
    let mut ed = editor(vec![suggested(ARTICLE)]);
    let text = doc(&ed).text();
    let (from, to) = (text.find("na Dí").unwrap(), text.find("íaz").unwrap());
    let range = finish_range(doc(&ed), from, to, false).unwrap();
    assert_eq!(range.slice(text), Some("Ana Díaz"), "snapped to tokens");
    ed.run(Command::ApplyLabel("PERSON".into()));
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("Select a span or drag over text first")
    );
    ed.run(Command::SelectRange(range));
    ed.run(Command::ApplyLabel("PERSON".into()));
    let id = span_over(&ed, "Ana Díaz", "PERSON");
    assert_eq!(doc(&ed).span(id).unwrap().state, SpanState::Accepted);
    assert_eq!(ed.workspace().selection, Selection::Span(id));
}

#[test]
fn s_then_a_clicked_span_links_the_quote_to_its_speaker() {
    let mut ed = editor(vec![suggested(ARTICLE)]);
    let quote = span_over(&ed, "“We will rebuild,”", "QUOTE");
    let soren = span_over(&ed, "Søren Ødegård", "PERSON");
    ed.run(Command::StartLink(Role::Speaker));
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("Select a quote first")
    );
    ed.run(Command::Select(Some(quote)));
    ed.run(Command::StartLink(Role::Speaker));
    assert!(matches!(
        ed.workspace().mode,
        Mode::LinkQuote {
            role: Role::Speaker,
            ..
        }
    ));
    ed.run(Command::LinkTo(soren));
    assert_eq!(ed.workspace().mode, Mode::Normal);
    let q = doc(&ed).quotes().next().unwrap();
    let speaker = doc(&ed).span(q.speaker.unwrap()).unwrap();
    assert_eq!(speaker.text(doc(&ed).text()), "Søren Ødegård");
    assert_eq!(q.speaker_entity.as_deref(), Some("Søren Ødegård"));
}

#[test]
fn d_marks_done_and_shows_the_next_undone_and_n_p_walk_the_list() {
    let second = suggested("[Ana Díaz|PERSON] spoke in 北京 😀.");
    let mut ed = editor(vec![suggested(ARTICLE), second]);
    ed.run(Command::DoneAndNext);
    let ws = ed.workspace();
    assert_eq!(ws.entries()[0].summary.status, DocStatus::Done);
    assert_eq!(ws.current_index(), Some(1));
    ed.run(Command::NextDocument);
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("This is the last document")
    );
    ed.run(Command::PrevDocument);
    assert_eq!(ed.workspace().current_index(), Some(0));
    ed.run(Command::ShowDocument(1));
    ed.run(Command::DoneAndNext);
    assert_eq!(
        ed.workspace().last_action.as_deref(),
        Some("All documents done")
    );
}

#[test]
fn notices_are_dismissed_by_a_command() {
    let mut ed = editor(Vec::new());
    ed.workspace_mut()
        .notify("cannot read: /tmp/Ødegård.txt".to_owned());
    assert_eq!(ed.run(Command::DismissNotices), None);
    assert!(ed.workspace().notices.is_empty());
}

#[test]
fn the_export_command_writes_the_documents_and_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zürich.jsonl");
    let mut ed = editor(vec![suggested(ARTICLE)]);
    let export = |only_done: bool, path: PathBuf| Command::ExportTo {
        format: Default::default(),
        only_done,
        path,
    };
    assert_eq!(
        ed.run(export(false, PathBuf::new())),
        Some(Effect::Exported("Choose where to save first.".into()))
    );
    assert_eq!(
        ed.run(export(true, path.clone())),
        Some(Effect::Exported(
            "No documents to export (none is marked done).".into()
        ))
    );
    let Some(Effect::Exported(said)) = ed.run(export(false, path.clone())) else {
        panic!("no export outcome");
    };
    assert!(
        said.starts_with(&format!("Wrote {}", path.display())),
        "{said}"
    );
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.contains("Søren Ødegård"));
}
