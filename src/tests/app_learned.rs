//! The learned engine in the window: the inspector names the engine and
//! its confidence for a learned suggestion, and the Go menu chooses whether
//! "next article" favours the articles the model is least sure of.

use egui_kittest::kittest::Queryable;

use super::app_review::window;
use crate::editor::Command;
use crate::model::{ByteRange, Document, Edit, Layer, Origin, Span, Transaction};

#[test]
fn the_inspector_names_the_learned_engine_and_its_confidence() {
    let mut doc = Document::new(None, "Leeds beat Bristol 2-1 on Saturday.");
    let id = doc.ids().span();
    let origin = Origin::suggested_static("learned", "tagger", 0.73);
    let leeds = Span::suggested(id, ByteRange::new(0, 5), "ORG", Layer::Entity, origin);
    doc.apply(&Transaction::new("Suggest").with(Edit::InsertSpan(leeds)))
        .unwrap();
    let mut h = window(vec![doc]);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Select(Some(id)));
    h.run();
    h.get_by_label("Engine");
    h.get_by_label("learned");
    h.get_by_label("tagger");
    h.get_by_label("0.73");
}

#[test]
fn the_go_menu_chooses_the_least_sure_article_next() {
    let mut h = window(vec![Document::new(None, "Leeds beat Bristol.")]);
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Least sure article next").click();
    h.run();
    assert!(h.state().editor().learning().least_sure_first());
    h.get_by_label_contains("the one the model is least sure of");
}
