//! Moving between documents: showing one from the list, the next or
//! previous one, the next one not done — or, when the workspace holds the
//! learned model's ranking, the least sure one still to review for both
//! "next" moves. A document that is not loaded is
//! read from the project (with its undo history) first, and afterwards the
//! workspace drops the least recently shown documents the project holds in
//! full (see `editor::workspace::documents`).

use crate::editor::session::Session;
use crate::editor::shown::Shown;
use crate::editor::workspace::Workspace;

/// Shows document `index`, reading it from the project when it is not
/// loaded; a document that cannot be read stays listed, with a notice.
pub fn show_document(ws: &mut Workspace, session: &mut Session, shown: &mut Shown, index: usize) {
    if !ensure_loaded(ws, session, index) {
        return;
    }
    // Written now: the document drawn last may be dropped below.
    shown.save_place(ws, session);
    ws.show(index);
    trim_loaded(ws, session);
}

/// Shows the document after (or before) the current one.
pub fn show_neighbour(ws: &mut Workspace, session: &mut Session, shown: &mut Shown, forward: bool) {
    let least_sure = if forward { ws.least_sure() } else { None };
    match least_sure.or_else(|| ws.neighbour_document(forward)) {
        Some(index) => show_document(ws, session, shown, index),
        None => {
            let end = if forward { "last" } else { "first" };
            ws.last_action = Some(format!("This is the {end} document"));
        }
    }
}

/// Shows the next document neither done nor skipped.
pub fn show_next_undone(ws: &mut Workspace, session: &mut Session, shown: &mut Shown) {
    match ws.least_sure().or_else(|| ws.next_undone()) {
        Some(next) => show_document(ws, session, shown, next),
        None => ws.last_action = Some("All documents done".into()),
    }
}

/// Makes sure document `index` is loaded, reading it from the project
/// when it is not; false (with a notice) when it cannot be read.
pub fn ensure_loaded(ws: &mut Workspace, session: &mut Session, index: usize) -> bool {
    if ws.loaded(index).is_some() {
        return true;
    }
    let Some(id) = (ws.entries().get(index)).map(|e| e.summary.id.clone()) else {
        return false;
    };
    match session.load(&id) {
        Ok((doc, history)) => ws.load(index, doc, history),
        Err(message) => {
            ws.notify(message);
            false
        }
    }
}

/// Drops loaded documents beyond the workspace's limit whose every
/// change the project holds.
pub fn trim_loaded(ws: &mut Workspace, session: &Session) {
    ws.trim(|id| !session.is_saved(id));
}
