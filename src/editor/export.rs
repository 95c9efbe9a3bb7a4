//! Exporting the editor's documents (all, or only those marked done) through
//! `formats::Exporter`, the same dispatch as `byline export`, batch by
//! batch in project order: each document the editor holds loaded as the
//! editor has it (it may carry changes the project has not taken yet), the
//! others as the project stores them, read one at a time so the export never
//! holds the whole project.

use std::collections::HashMap;
use std::path::Path;

use crate::editor::session::Session;
use crate::editor::workspace::Workspace;
use crate::formats::{BATCH, Destination, ExportFormat, Exporter};
use crate::model::{DocId, DocStatus, Document};
use crate::store::StoreError;

/// Writes the chosen documents in `format` to `path`; returns the summary
/// shown to the editor (what was written, or why nothing was).
pub fn export(
    ws: &Workspace,
    session: &Session,
    format: ExportFormat,
    only_done: bool,
    path: &Path,
) -> String {
    if path.as_os_str().is_empty() {
        return "Choose where to save first.".into();
    }
    if !any_wanted(ws, only_done) {
        return "No documents to export (none is marked done).".into();
    }
    let mut exporter = match Exporter::open(format, Destination::Path(path)) {
        Ok(exporter) => exporter,
        Err(err) => return format!("Export failed: {err}"),
    };
    let mut written = Ok(());
    let read = for_each_batch(ws, session, only_done, |batch| {
        written = exporter.write_batch(batch);
        written.is_ok()
    });
    if let Err(err) = read {
        return format!("Export failed: {err}");
    }
    match written.and_then(|()| exporter.finish()) {
        Ok(report) => format!("Wrote {}: {report}", path.display()),
        Err(err) => format!("Export failed: {err}"),
    }
}

/// Calls `write` with the documents to export (all, or those the window
/// lists as done), [`BATCH`] at a time, until it returns false.
fn for_each_batch(
    ws: &Workspace,
    session: &Session,
    only_done: bool,
    write: impl FnMut(&[Document]) -> bool,
) -> Result<(), StoreError> {
    let mut batches = Batches::new(ws, only_done, BATCH, write);
    let only = only_done.then_some(DocStatus::Done);
    session.for_each_stored(only, |doc| batches.stored(doc))?;
    batches.finish();
    Ok(())
}

/// True when the window lists a document to export.
fn any_wanted(ws: &Workspace, only_done: bool) -> bool {
    (ws.entries().iter()).any(|e| wanted(e.summary.status, only_done))
}

fn wanted(status: DocStatus, only_done: bool) -> bool {
    !only_done || status == DocStatus::Done
}

/// Walks the window's list in order while stored documents stream in
/// (in the same order, so each is passed on as it arrives; one arriving
/// early waits until its turn).
struct Batches<'w, F> {
    ws: &'w Workspace,
    only_done: bool,
    size: usize,
    write: F,
    /// The next entry of the window's list to pass on.
    next: usize,
    /// Stored documents read before their turn.
    early: HashMap<DocId, Document>,
    batch: Vec<Document>,
    going: bool,
}

impl<'w, F: FnMut(&[Document]) -> bool> Batches<'w, F> {
    fn new(ws: &'w Workspace, only_done: bool, size: usize, write: F) -> Self {
        Self {
            ws,
            only_done,
            size: size.max(1),
            write,
            next: 0,
            early: HashMap::new(),
            batch: Vec::with_capacity(size),
            going: true,
        }
    }

    /// Takes a stored document; false once `write` has asked to stop.
    fn stored(&mut self, doc: Document) -> bool {
        let index = self.ws.find(&doc.id);
        if let Some(i) = index
            && i >= self.next
            && self.ws.loaded(i).is_none()
        {
            self.early.insert(doc.id.clone(), doc);
        }
        self.advance(false);
        self.going
    }

    /// Passes on the listed documents in order, up to the first one whose
    /// stored copy has not arrived yet; at the `end`, one that never arrived
    /// (listed but not stored) is left out.
    fn advance(&mut self, end: bool) {
        let ws = self.ws;
        while self.going
            && let Some(entry) = ws.entries().get(self.next)
        {
            if wanted(entry.summary.status, self.only_done) {
                let doc = match ws.loaded(self.next) {
                    Some(open) => Some(open.doc.clone()),
                    None => match self.early.remove(&entry.summary.id) {
                        Some(doc) => Some(doc),
                        None if !end => return,
                        None => None,
                    },
                };
                if let Some(doc) = doc {
                    self.push(doc);
                }
            }
            self.next += 1;
        }
    }

    fn push(&mut self, doc: Document) {
        self.batch.push(doc);
        if self.batch.len() >= self.size {
            self.going = (self.write)(&self.batch);
            self.batch.clear();
        }
    }

    /// Passes on the rest once every stored document has been read.
    fn finish(mut self) {
        self.advance(true);
        if self.going && !self.batch.is_empty() {
            (self.write)(&self.batch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, LabelSet, Transaction, markup};
    use crate::store::DocSummary;

    /// Five stored documents; the window lists them all and has the second
    /// and fourth loaded, the second with a change the project lacks.
    fn window() -> (Workspace, Vec<Document>) {
        let stored: Vec<Document> = [
            "“Ja,” [Zoë|PERSON] said.",
            "[北京|GPE] 👋",
            "[Ødegård|PERSON] won.",
            "Ça va 😀",
            "[Genève|GPE] voted.",
        ]
        .iter()
        .map(|m| markup::document(m).unwrap())
        .collect();
        let mut ws = Workspace::new(LabelSet::builtin());
        ws.add_summaries(stored.iter().map(DocSummary::of));
        for i in [1, 3] {
            let mut doc = stored[i].clone();
            doc.meta
                .insert("seen".into(), serde_json::json!("in the window"));
            assert!(ws.load(i, doc, Default::default()));
        }
        assert!(ws.show(1));
        ws.apply(Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)))
            .unwrap();
        (ws, stored)
    }

    /// What `Batches` writes when the stored documents arrive in `order`.
    fn exported(
        ws: &Workspace,
        stored: &[Document],
        order: &[usize],
        only_done: bool,
    ) -> Vec<Vec<String>> {
        let mut batches_seen = Vec::new();
        let mut batches = Batches::new(ws, only_done, 2, |batch: &[Document]| {
            batches_seen.push(
                batch
                    .iter()
                    .map(|d| {
                        let from = if d.meta.contains_key("seen") {
                            "window"
                        } else {
                            "store"
                        };
                        format!("{}:{from}:{}", d.text(), d.status().as_str())
                    })
                    .collect::<Vec<_>>(),
            );
            true
        });
        for &i in order {
            assert!(batches.stored(stored[i].clone()));
        }
        batches.finish();
        batches_seen
    }

    #[test]
    fn loaded_copies_take_the_place_of_stored_ones_in_list_order() {
        let (ws, stored) = window();
        let expected = vec![
            vec![
                "“Ja,” Zoë said.:store:new".to_owned(),
                "北京 👋:window:done".to_owned(),
            ],
            vec![
                "Ødegård won.:store:new".to_owned(),
                "Ça va 😀:window:new".to_owned(),
            ],
            vec!["Genève voted.:store:new".to_owned()],
        ];
        assert_eq!(exported(&ws, &stored, &[0, 1, 2, 3, 4], false), expected);
        assert_eq!(
            exported(&ws, &stored, &[4, 2, 0, 3, 1], false),
            expected,
            "out of order"
        );
        assert_eq!(
            exported(&ws, &stored, &[0, 2, 4], false),
            expected,
            "loaded ones not read"
        );
        assert_eq!(
            exported(&ws, &stored, &[0, 2], false),
            expected[..2],
            "a listed document the store lacks is left out"
        );
    }

    #[test]
    fn done_only_goes_by_the_window_status_and_stops_when_asked() {
        let (ws, stored) = window();
        let done = vec![vec!["北京 👋:window:done".to_owned()]];
        assert_eq!(
            exported(&ws, &stored, &[], true),
            done,
            "the store has none done"
        );
        assert!(any_wanted(&ws, true));

        let mut calls = 0;
        let mut batches = Batches::new(&ws, false, 1, |_: &[Document]| {
            calls += 1;
            false
        });
        assert!(!batches.stored(stored[0].clone()));
        batches.finish();
        assert_eq!(calls, 1);
    }
}
