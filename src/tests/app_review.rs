//! Reviewing an article in the real window, driven headlessly with
//! egui_kittest: keys and pointer events go through the whole app (panels,
//! article view, commands, history) and every assertion is on the model.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app::BylineApp;
use crate::editor::{Command, Editor, Selection, Workspace};
use crate::model::markup::ids_by_label;
use crate::model::{
    AttributionClass, DocStatus, Document, Edit, LabelSet, SpanId, SpanState, Transaction,
};
use crate::model::{QUOTE, SPEAKER};
use crate::tests::support::suggested;

/// An article with pending suggestions: a quote with speaker and cue, a
/// person mentioned before it, and words to annotate by hand.
pub const ARTICLE: &str = "[Søren Ødegård|PERSON] runs a café in [Zürich|GPE].\n\n\
    [“We will rebuild,”|QUOTE:1] [the official|SPEAKER:1] [said|CUE:1] on Monday. \
    Ana Díaz agreed.";

/// A window over the given documents, 1280×800, settled.
pub fn window(docs: Vec<Document>) -> Harness<'static, BylineApp> {
    let mut ws = Workspace::new(LabelSet::builtin());
    ws.add_documents(docs);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .with_context_setup(crate::app::fonts::install)
        .build_ui_state(
            |ui, app: &mut BylineApp| app.ui(ui),
            BylineApp::new(Editor::new(ws)),
        );
    harness.run();
    harness
}

/// The document shown.
pub fn doc<'h>(h: &'h Harness<'_, BylineApp>) -> &'h Document {
    &h.state()
        .editor()
        .workspace()
        .current()
        .expect("a document")
        .doc
}

/// Byte offset of `needle` in the shown document.
pub fn offset(h: &Harness<'_, BylineApp>, needle: &str) -> usize {
    doc(h).text().find(needle).expect("text present")
}

/// The centre of the glyph at byte `at`, as drawn.
pub fn glyph(h: &Harness<'_, BylineApp>, at: usize) -> Pos2 {
    h.state().glyph_rect(at).expect("glyph on screen").center()
}

/// A click on the first glyph of `needle` in the article.
pub fn click_on(h: &mut Harness<'_, BylineApp>, needle: &str) {
    let pos = glyph(h, offset(h, needle));
    click_at(h, pos);
}

/// A click (press and release) at `pos`.
pub fn click_at(h: &mut Harness<'_, BylineApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
}

/// A drag from the first glyph of `from` to the last glyph of `to`.
pub fn drag_over(h: &mut Harness<'_, BylineApp>, from: &str, to: &str) {
    let start = h.state().glyph_rect(offset(h, from)).expect("start glyph");
    let end_at = offset(h, to) + to.len() - to.chars().last().map_or(1, char::len_utf8);
    let end = h.state().glyph_rect(end_at).expect("end glyph");
    let (a, b) = (
        start.left_center() + egui::vec2(1.0, 0.0),
        end.right_center() - egui::vec2(1.0, 0.0),
    );
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    for k in 1..=4 {
        h.hover_at(a + (b - a) * (k as f32 / 4.0));
        h.run();
    }
    h.event(Event::PointerButton {
        pos: b,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

/// The id of the only span over `text` with `label`.
pub fn span_over(h: &Harness<'_, BylineApp>, text: &str, label: &str) -> Option<SpanId> {
    let d = doc(h);
    d.spans()
        .find(|s| s.label == label && s.text(d.text()) == text)
        .map(|s| s.id)
}

#[test]
fn opens_a_file_and_shows_it_in_the_list_and_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zürich.txt");
    std::fs::write(
        &path,
        "Café owners in Zürich\n\n“Ça va,” says Émile Ñúñez.\r\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let mut h = window(Vec::new());
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::OpenPaths(vec![path, missing]));
    for _ in 0..200 {
        h.step();
        if h.state().editor().loading().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
    let ws = h.state().editor().workspace();
    assert_eq!(ws.entries().len(), 1);
    assert_eq!(
        doc(&h).text(),
        "Café owners in Zürich\n\n“Ça va,” says Émile Ñúñez.\n"
    );
    assert!(
        ws.notices.iter().any(|n| n.contains("missing.txt")),
        "{:?}",
        ws.notices
    );
    h.get_by_label("Café owners in Zürich");
    assert!(
        h.state().glyph_rect(offset(&h, "Émile")).is_some(),
        "article drawn"
    );
}

#[test]
fn enter_accepts_the_suggestion_tab_selected_and_moves_on() {
    let mut h = window(vec![suggested(ARTICLE)]);
    h.key_press(Key::Tab);
    h.run();
    let first = span_over(&h, "Søren Ødegård", "PERSON").unwrap();
    assert_eq!(
        h.state().editor().workspace().selection,
        Selection::Span(first)
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(doc(&h).span(first).unwrap().state, SpanState::Accepted);
    let zurich = span_over(&h, "Zürich", "GPE").unwrap();
    assert_eq!(
        h.state().editor().workspace().selection,
        Selection::Span(zurich)
    );
    assert_eq!(doc(&h).status(), DocStatus::InProgress);
}

#[test]
fn the_inspector_shows_the_selected_quotes_class() {
    let mut article = suggested(ARTICLE);
    let mut quote = article.quotes().next().unwrap().clone();
    quote.class = AttributionClass::Writing;
    let tx = Transaction::new("class").with(Edit::ReplaceQuote(quote));
    article.apply(&tx).unwrap();
    let mut h = window(vec![article]);
    assert!(
        h.query_by_role_and_label(Role::ComboBox, "Class").is_none(),
        "nothing selected yet"
    );
    click_on(&mut h, "rebuild");
    h.run();
    let class = h.get_by_role_and_label(Role::ComboBox, "Class");
    assert_eq!(class.accesskit_node().value().as_deref(), Some("writing"));
}

#[test]
fn accepting_a_quote_with_a_clicks_accepts_speaker_and_cue() {
    let mut h = window(vec![suggested(ARTICLE)]);
    click_on(&mut h, "rebuild");
    let quote = span_over(&h, "“We will rebuild,”", QUOTE).unwrap();
    assert_eq!(
        h.state().editor().workspace().selection,
        Selection::Span(quote)
    );
    h.key_press(Key::A);
    h.run();
    let q = doc(&h).quotes().next().unwrap();
    assert_eq!(q.state, SpanState::Accepted);
    for part in q.span_ids() {
        assert_eq!(doc(&h).span(part).unwrap().state, SpanState::Accepted);
    }
}

#[test]
fn dragging_over_words_and_pressing_a_number_makes_a_span() {
    let mut h = window(vec![suggested(ARTICLE)]);
    drag_over(&mut h, "na Dí", "Díaz");
    let Selection::Range(range) = h.state().editor().workspace().selection else {
        panic!(
            "expected a range, got {:?}",
            h.state().editor().workspace().selection
        );
    };
    assert_eq!(
        range.slice(doc(&h).text()),
        Some("Ana Díaz"),
        "snapped to tokens"
    );
    h.key_press(Key::Num1);
    h.run();
    let id = span_over(&h, "Ana Díaz", "PERSON").expect("new PERSON span");
    let span = doc(&h).span(id).unwrap();
    assert_eq!(span.state, SpanState::Accepted);
    assert_eq!(
        h.state().editor().workspace().selection,
        Selection::Span(id)
    );
}

#[test]
fn x_rejects_and_a_number_relabels() {
    let mut h = window(vec![suggested(ARTICLE)]);
    let zurich = span_over(&h, "Zürich", "GPE").unwrap();
    click_on(&mut h, "ürich");
    h.key_press(Key::X);
    h.run();
    assert_eq!(doc(&h).span(zurich).unwrap().state, SpanState::Rejected);
    let soren = span_over(&h, "Søren Ødegård", "PERSON").unwrap();
    click_on(&mut h, "Ødegård");
    h.key_press(Key::Num2);
    h.run();
    let span = doc(&h).span(soren).unwrap();
    assert_eq!(
        (span.label.as_str(), span.state),
        ("ORG", SpanState::Accepted)
    );
}

#[test]
fn s_then_a_click_links_the_quote_to_its_speaker() {
    let mut h = window(vec![suggested(ARTICLE)]);
    click_on(&mut h, "rebuild");
    h.key_press(Key::S);
    h.run();
    click_on(&mut h, "Ødegård");
    let q = doc(&h).quotes().next().unwrap();
    let speaker = doc(&h).span(q.speaker.unwrap()).unwrap();
    assert_eq!(
        (speaker.label.as_str(), speaker.text(doc(&h).text())),
        ("SPEAKER", "Søren Ødegård")
    );
    assert_eq!(q.speaker_entity.as_deref(), Some("Søren Ødegård"));
    let old = ids_by_label(doc(&h), SPEAKER);
    assert!(
        old.iter()
            .any(|id| doc(&h).span(*id).unwrap().state == SpanState::Rejected)
    );
}

#[test]
fn ctrl_z_undoes_and_ctrl_shift_z_redoes() {
    let mut h = window(vec![suggested(ARTICLE)]);
    let before = doc(&h).clone();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::X);
    h.run();
    let after = doc(&h).clone();
    assert_ne!(before, after);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc(&h), &before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(doc(&h), &after);
}

#[test]
fn d_marks_done_and_opens_the_next_undone_article() {
    let second =
        suggested("[Ana Díaz|PERSON] spoke in 北京, 東京 and 서울 😀 — e\u{301}te\u{301}.");
    let mut h = window(vec![suggested(ARTICLE), second]);
    h.key_press(Key::D);
    h.run();
    h.get_by_label("Leave them pending and mark done").click();
    h.run();
    let ws = h.state().editor().workspace();
    assert_eq!(ws.entries()[0].summary.status, DocStatus::Done);
    assert_eq!(ws.current_index(), Some(1));
    h.get_by_label_contains("1 of 2 documents done");
}

#[test]
fn question_mark_shows_the_shortcut_sheet() {
    let mut h = window(vec![suggested(ARTICLE)]);
    h.event(Event::Text("?".into()));
    h.run();
    assert!(h.state().shortcuts_shown());
    h.get_by_label("Keyboard shortcuts");
}

#[test]
fn file_menu_items_and_ctrl_l_go_through_the_command_queue() {
    let mut h = window(vec![suggested(ARTICLE)]);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export…").click();
    h.run();
    h.get_by_label("Export documents");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Export documents").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("A file or folder to open:");
}
