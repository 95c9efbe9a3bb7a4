//! "Suggest again" on the shown article: its pending suggestions make way
//! for what the engines propose now (the learned model's, once it is
//! trusted), as one change the editor can undo. What the editor accepted or
//! rejected stays, and nothing is suggested over it again (see
//! `suggest::to_transaction`). Articles are otherwise suggested once, when
//! they are opened; a done article gets no new suggestions.

use std::collections::HashSet;

use crate::editor::session::{Change, Session};
use crate::editor::workspace::Workspace;
use crate::model::{DocStatus, Document, Edit, EditError, SpanState, Transaction};
use crate::suggest::engines::Engines;

/// The transaction that replaces the pending suggestions of `doc` with
/// those `engines` make now (the external engine is not run); `None` when
/// nothing would change.
pub fn resuggest(doc: &Document, engines: &Engines) -> Result<Option<Transaction>, EditError> {
    let mut tx = Transaction::new("Suggest again");
    for quote in doc.quotes().filter(|q| q.state == SpanState::Pending) {
        tx.push(Edit::DeleteQuote(quote.id));
    }
    for span in doc.spans().filter(|s| s.state == SpanState::Pending) {
        tx.push(Edit::DeleteSpan(span.id));
    }
    let mut fresh = doc.clone();
    fresh.apply(&tx)?;
    let spans: HashSet<_> = fresh.spans().map(|s| s.id).collect();
    let quotes: HashSet<_> = fresh.quotes().map(|q| q.id).collect();
    engines.suggest(&mut fresh)?;
    let mut added: Vec<_> = fresh.spans().filter(|s| !spans.contains(&s.id)).collect();
    added.sort_by_key(|s| s.id);
    for span in added {
        tx.push(Edit::InsertSpan(span.clone()));
    }
    let mut added: Vec<_> = fresh.quotes().filter(|q| !quotes.contains(&q.id)).collect();
    added.sort_by_key(|q| q.id);
    for quote in added {
        tx.push(Edit::InsertQuote(quote.clone()));
    }
    let same =
        fresh.spans_sorted() == doc.spans_sorted() && fresh.quotes_sorted() == doc.quotes_sorted();
    Ok((!same).then_some(tx))
}

/// Suggests again on the shown article and commits the change.
pub fn run(ws: &mut Workspace, session: &mut Session, engines: &Engines) {
    let Some(open) = ws.current() else {
        return;
    };
    if open.doc.status() == DocStatus::Done {
        ws.last_action = Some("A done article gets no new suggestions".into());
        return;
    }
    if let Some(message) = session.refusal() {
        ws.notify(message);
        return;
    }
    let applied = match resuggest(&open.doc, engines) {
        Ok(Some(tx)) => ws.apply(tx),
        Ok(None) => {
            ws.last_action = Some("Suggested again: nothing new".into());
            return;
        }
        Err(err) => Err(err),
    };
    match (applied, ws.current_index()) {
        (Ok(Some(applied)), Some(index)) => session.commit(ws, index, applied, Change::Edit),
        (Err(err), _) => ws.notify(format!("Suggestions not renewed: {err}")),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;
    use crate::tests::support::suggested;

    #[test]
    fn pending_suggestions_make_way_and_reviewed_ones_stay() {
        let mut doc = suggested(
            "[“We will rebuild,”|QUOTE:1] [Mayor Ana Díaz|SPEAKER:1] [said|CUE:1] in [Leeds|PERSON].",
        );
        let mut leeds = doc.spans_sorted()[3].clone();
        leeds.state = SpanState::Rejected;
        doc.apply(&Transaction::new("reject").with(Edit::ReplaceSpan(leeds.clone())))
            .unwrap();
        let engines = Engines::new(crate::suggest::builtin());
        let tx = resuggest(&doc, &engines).unwrap().unwrap();
        let before = doc.clone();
        let applied = doc.apply(&tx).unwrap();
        assert_eq!(doc.span(leeds.id), Some(&leeds), "the rejection stays");
        let engines_now: HashSet<String> = (doc.spans())
            .filter(|s| s.id != leeds.id)
            .map(|s| match &s.origin {
                Origin::Suggested { engine, .. } => engine.to_string(),
                Origin::Manual => "manual".into(),
            })
            .collect();
        assert_eq!(engines_now, HashSet::from(["rules".to_owned()]));
        assert_eq!(doc.quotes().count(), 1);
        assert_eq!(resuggest(&doc, &engines).unwrap(), None, "nothing new");
        doc.apply(&applied.inverse).unwrap();
        assert_eq!(doc, before, "one undo takes it back");
    }
}
