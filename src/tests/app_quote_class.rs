//! A quote's class picked in the inspector: the choice is an edit like any
//! other (in the model, in the project file at once, undone with Ctrl+Z),
//! and the quote keeps its review state. The classes suggested are chosen in
//! the Edit menu and kept in the project.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::app_project::{project_window, project_with};
use super::app_review::{ARTICLE, click_on, doc};
use crate::model::{AttributionClass, ClassSet, Quote, SpanState};
use crate::store::Project;
use crate::tests::support::suggested;

/// The first quote of the project's first document, as stored.
fn stored_quote(path: &std::path::Path) -> Quote {
    let docs = Project::open(path).unwrap().load_documents().unwrap();
    docs[0].quotes().next().unwrap().clone()
}

#[test]
fn picking_belief_changes_the_class_in_the_model_and_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "wire.byline", &[suggested(ARTICLE)]);
    let mut h = project_window(&path);
    click_on(&mut h, "rebuild");
    h.key_press(Key::A);
    h.run();
    let quote = doc(&h).quotes().next().unwrap().clone();
    assert_eq!(
        (quote.class, quote.state),
        (AttributionClass::Speech, SpanState::Accepted)
    );

    click_on(&mut h, "rebuild");
    h.get_by_role_and_label(Role::ComboBox, "Class").click();
    h.run();
    h.get_by_label("belief").click();
    h.run();
    let picked = doc(&h).quote(quote.id).unwrap();
    assert_eq!(picked.class, AttributionClass::Belief);
    assert_eq!(
        picked.state,
        SpanState::Accepted,
        "a reviewed quote stays reviewed"
    );
    assert_eq!(stored_quote(&path).class, AttributionClass::Belief);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        doc(&h).quote(quote.id).unwrap().class,
        AttributionClass::Speech
    );
    assert_eq!(stored_quote(&path).class, AttributionClass::Speech);
}

#[test]
fn the_edit_menu_chooses_the_classes_suggested_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "wire.byline", &[]);
    let mut h = project_window(&path);
    assert_eq!(h.state().editor().quote_classes(), ClassSet::default());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Quote classes").hover();
    h.run();
    h.get_by_label_contains("belief (").click();
    h.run();
    let wanted = ClassSet::default().toggled(AttributionClass::Belief);
    assert_eq!(h.state().editor().quote_classes(), wanted);
    let kept = Project::open_to_read(&path).unwrap().quote_classes();
    assert_eq!(kept.unwrap(), wanted);
    h.get_by_label_contains("speech, writing, belief, for suggestions made from now on");
}
