//! Marking an article done when suggestions are still pending asks first:
//! `MarkDone` answers with the question, and each answer is a command —
//! accept all then done, reject all then done, or leave them pending (not
//! gold) then done — one undoable change each.

use super::editor_commands::editor;
use crate::editor::{Command, Effect};
use crate::model::{DocStatus, Document, SpanState};
use crate::tests::support::suggested;

const ARTICLE: &str =
    "[“Wir bauen auf,”|QUOTE:1] [Zoë Müller|SPEAKER:1] [sagte|CUE:1] in [北京|GPE] 👋.";
const NEXT: &str = "[Ana Díaz|PERSON] spoke.";

fn first(ed: &crate::editor::Editor) -> &Document {
    &ed.workspace().loaded(0).expect("still loaded").doc
}

fn states(doc: &Document) -> Vec<SpanState> {
    doc.spans()
        .map(|s| s.state)
        .chain(doc.quotes().map(|q| q.state))
        .collect()
}

#[test]
fn mark_done_asks_while_suggestions_are_pending_and_not_otherwise() {
    let mut ed = editor(vec![suggested(ARTICLE), suggested(NEXT)]);
    assert_eq!(
        ed.run(Command::MarkDone),
        Some(Effect::AskDone { pending: 5 })
    );
    assert_eq!(
        first(&ed).status(),
        DocStatus::New,
        "nothing changes before the answer"
    );
    ed.run(Command::AcceptAllAndDone);
    ed.run(Command::ShowDocument(0));
    assert_eq!(
        ed.run(Command::MarkDone),
        None,
        "nothing pending: done at once"
    );
}

#[test]
fn each_answer_marks_done_with_its_review_in_one_undoable_change() {
    let answers = [
        (Command::AcceptAllAndDone, SpanState::Accepted),
        (Command::RejectAllAndDone, SpanState::Rejected),
        (Command::DoneAndNext, SpanState::Pending),
    ];
    for (answer, state) in answers {
        let mut ed = editor(vec![suggested(ARTICLE), suggested(NEXT)]);
        let before = first(&ed).clone();
        ed.run(answer.clone());
        assert_eq!(
            ed.workspace().current_index(),
            Some(1),
            "{answer:?}: the next one"
        );
        let doc = first(&ed);
        assert_eq!(doc.status(), DocStatus::Done, "{answer:?}");
        assert!(
            states(doc).iter().all(|s| *s == state),
            "{answer:?}: {:?}",
            states(doc)
        );
        let gold = doc.gold();
        let expected = if state == SpanState::Accepted { 4 } else { 0 };
        assert_eq!(gold.span_count(), expected, "{answer:?}: gold");
        ed.run(Command::ShowDocument(0));
        ed.run(Command::Undo);
        assert_eq!(
            first(&ed),
            &before,
            "{answer:?}: one undo takes it all back"
        );
    }
}
