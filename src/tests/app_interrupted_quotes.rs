//! Interrupted quotes in the window: the Edit menu chooses how they are
//! suggested and the choice is kept in the project; the inspector says which
//! segment of an interrupted quote the selected quote is.

use egui_kittest::kittest::Queryable;

use super::app_project::{project_window, project_with};
use super::app_review::window;
use crate::editor::Command;
use crate::model::{Document, Interrupted};
use crate::store::Project;
use crate::suggest::engines::Engines;
use crate::suggest::rules::RulesConfig;

#[test]
fn the_edit_menu_keeps_the_choice_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "p.byline", &[]);
    let mut h = project_window(&path);
    assert_eq!(
        h.state().editor().interrupted_quotes(),
        Interrupted::OneRecord
    );
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Interrupted quotes").hover();
    h.run();
    h.get_by_label("One per segment").click();
    h.run();
    assert_eq!(
        h.state().editor().interrupted_quotes(),
        Interrupted::PerSegment
    );
    let kept = Project::open_to_read(&path).unwrap().interrupted_quotes();
    assert_eq!(kept.unwrap(), Interrupted::PerSegment);
    h.get_by_label_contains("for suggestions made from now on");
}

#[test]
fn the_inspector_says_which_segment_a_quote_is() {
    let mut doc = Document::new(
        None,
        "“We will stay,” said Zoë Ødegård. “Whatever happens.”",
    );
    let config = RulesConfig {
        interrupted: Interrupted::PerSegment,
        ..RulesConfig::default()
    };
    (Engines::new(crate::suggest::builtin_with(config)).suggest(&mut doc)).unwrap();
    let second = doc.quotes_sorted()[1].content[0];
    let mut h = window(vec![doc]);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Select(Some(second)));
    h.run();
    h.get_by_label("Segment");
    h.get_by_label("part 2 of 2");
}
