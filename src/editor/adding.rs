//! Adding opened articles to the project and the workspace. A text opens
//! once (same text, so same id): an annotated copy takes the place of a bare
//! one nobody has edited yet (an article opened beside its gold export), any
//! other copy is left out, and a notice says which.

use std::collections::HashMap;

use crate::editor::edits;
use crate::editor::navigate::{ensure_loaded, trim_loaded};
use crate::editor::session::{Change, Session};
use crate::editor::workspace::{Workspace, truncate};
use crate::formats::input::dedupe::is_annotated;
use crate::model::{DocId, Document};

/// What adding a batch of opened documents did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddOutcome {
    /// Where the first document of the batch is listed now (added, or
    /// already there).
    pub first: Option<usize>,
    /// Documents added.
    pub added: usize,
    /// Documents the project (or the batch) held already.
    pub already: usize,
}

/// Adds opened documents to the project and the workspace; a read-only
/// project takes none (with a notice). Says where the first one is and how
/// many were added.
pub fn add_opened(ws: &mut Workspace, session: &mut Session, docs: Vec<Document>) -> AddOutcome {
    let Some(first_id) = docs.first().map(|d| d.id.clone()) else {
        return AddOutcome::default();
    };
    if let Some(reason) = session.read_only() {
        ws.notify(format!(
            "Read-only: {reason}, so {} opened document(s) were not added. \
             Open them in the window that has the project.",
            docs.len()
        ));
        return AddOutcome::default();
    }
    let count = docs.len();
    let mut fresh: Vec<Document> = Vec::with_capacity(docs.len());
    let mut in_batch: HashMap<DocId, usize> = HashMap::new();
    for doc in docs {
        if let Some(i) = ws.find(&doc.id) {
            if is_annotated(&doc) && ensure_loaded(ws, session, i) {
                let bare = ws.loaded(i).map(|o| &o.doc);
                if bare.is_some_and(|bare| !is_annotated(bare)) {
                    take_annotated(ws, session, i, doc);
                    continue;
                }
            }
            let existing = (ws.entries().get(i))
                .map(|e| e.summary.source.as_deref().unwrap_or(e.title()).to_owned());
            left_out(ws, &existing.unwrap_or_default(), &doc);
        } else if let Some(&k) = in_batch.get(&doc.id) {
            if !is_annotated(&fresh[k]) && is_annotated(&doc) {
                let bare = std::mem::replace(&mut fresh[k], doc);
                left_out(ws, &name_of(&fresh[k]), &bare);
            } else {
                left_out(ws, &name_of(&fresh[k]), &doc);
            }
        } else {
            in_batch.insert(doc.id.clone(), fresh.len());
            fresh.push(doc);
        }
    }
    let added = session.add(fresh);
    for d in added.duplicates {
        let name = |s: &Option<String>| s.clone().unwrap_or_else(|| d.id.to_string());
        let (existing, source) = (name(&d.existing), name(&d.source));
        ws.notify(not_added("Already in the project", &existing, &source));
    }
    let added = ws.add_documents(added.documents);
    trim_loaded(ws, session);
    AddOutcome {
        first: ws.find(&first_id),
        added,
        already: count - added,
    }
}

/// "`said`, not added again: `name`", naming `existing` too when it is
/// another file with the same text.
fn not_added(said: &str, existing: &str, name: &str) -> String {
    if existing == name {
        format!("{said}, not added again: {name}")
    } else {
        format!("{said}, not added again (same text as {existing}): {name}")
    }
}

/// Says that `doc` was not opened because `existing` holds its text.
fn left_out(ws: &mut Workspace, existing: &str, doc: &Document) {
    let name = name_of(doc);
    ws.notify(not_added("Opened once", existing, &name));
}

/// Gives open document `index` (bare, untouched) the annotations of
/// `annotated`, committed like any change.
fn take_annotated(ws: &mut Workspace, session: &mut Session, index: usize, annotated: Document) {
    let Some(bare) = ws.loaded_mut(index) else {
        return;
    };
    let tx = edits::take_annotations(&bare.doc, &annotated);
    bare.doc.meta.extend(annotated.meta.clone());
    match ws.apply_unrecorded(index, &tx) {
        Ok(Some(applied)) => {
            session.commit(ws, index, applied, Change::Suggest);
            ws.notify(format!(
                "Opened the annotated copy in place of the bare one: {}",
                name_of(&annotated)
            ));
        }
        Ok(None) => {}
        Err(err) => ws.notify(format!(
            "The annotated copy could not be taken over ({err}): {}",
            name_of(&annotated)
        )),
    }
}

/// How a document is named in notices: its file, else its title.
fn name_of(doc: &Document) -> String {
    doc.source
        .clone()
        .unwrap_or_else(|| truncate(doc.text().lines().next().unwrap_or(""), 60))
}
