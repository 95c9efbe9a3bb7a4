//! `D` in the window on an article with suggestions pending: a question with
//! three answers, each clicked as a user would, each leaving the article done
//! with its suggestions accepted, rejected or still pending (not gold);
//! Cancel leaves the article as it was.

use egui::Key;
use egui_kittest::kittest::Queryable;

use super::app_review::{ARTICLE, window};
use crate::model::{DocStatus, SpanState};
use crate::tests::support::suggested;

const ANSWERS: [(&str, SpanState); 3] = [
    ("Accept all and mark done", SpanState::Accepted),
    ("Reject all and mark done", SpanState::Rejected),
    ("Leave them pending and mark done", SpanState::Pending),
];

#[test]
fn d_asks_and_each_answer_marks_the_article_done() {
    for (button, state) in ANSWERS {
        let mut h = window(vec![
            suggested(ARTICLE),
            suggested("[Ana Díaz|PERSON] spoke in 北京 😀."),
        ]);
        h.key_press(Key::D);
        h.run();
        h.get_by_label_contains("suggestions are still pending");
        h.get_by_label(button).click();
        h.run();
        let ws = h.state().editor().workspace();
        assert_eq!(ws.current_index(), Some(1), "{button}: the next article");
        let first = &ws.loaded(0).expect("loaded").doc;
        assert_eq!(first.status(), DocStatus::Done, "{button}");
        assert!(first.spans().all(|s| s.state == state), "{button}");
        assert!(first.quotes().all(|q| q.state == state), "{button}");
        assert!(
            h.query_by_label(button).is_none(),
            "{button}: the question is gone"
        );
    }
}

#[test]
fn cancel_leaves_the_article_as_it_was() {
    let mut h = window(vec![suggested(ARTICLE)]);
    h.key_press(Key::D);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    let ws = h.state().editor().workspace();
    assert_eq!(ws.current().expect("shown").doc.status(), DocStatus::New);
    assert!(h.query_by_label("Accept all and mark done").is_none());
}
