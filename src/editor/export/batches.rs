//! The order an export writes in: the window's list, each document the
//! editor holds loaded as the editor has it (it may carry changes the
//! project has not taken yet), the others as the project stores them, read
//! one at a time so the export never holds the whole project. [`Batches`]
//! walks a [`List`] — the workspace itself, or a [`Listing`] copied from it
//! for an export running on its own thread.

use std::collections::HashMap;

use crate::editor::workspace::Workspace;
use crate::model::{DocId, DocStatus, Document};

/// The window's list as an export reads it.
pub trait List {
    /// The id and status of entry `index`.
    fn entry(&self, index: usize) -> Option<(&DocId, DocStatus)>;
    /// Where document `id` is listed.
    fn position(&self, id: &DocId) -> Option<usize>;
    /// Entry `index` as the window holds it, if loaded.
    fn loaded_doc(&self, index: usize) -> Option<&Document>;
}

impl List for Workspace {
    fn entry(&self, index: usize) -> Option<(&DocId, DocStatus)> {
        let e = self.entries().get(index)?;
        Some((&e.summary.id, e.summary.status))
    }

    fn position(&self, id: &DocId) -> Option<usize> {
        self.find(id)
    }

    fn loaded_doc(&self, index: usize) -> Option<&Document> {
        self.loaded(index).map(|o| &o.doc)
    }
}

/// A copy of the window's list for an export on another thread: ids and
/// statuses in order, and the loaded documents as they are now.
pub struct Listing {
    entries: Vec<(DocId, DocStatus)>,
    by_id: HashMap<DocId, usize>,
    loaded: HashMap<usize, Document>,
}

impl Listing {
    /// The list of `ws` as it is now.
    pub fn of(ws: &Workspace) -> Self {
        let entries: Vec<(DocId, DocStatus)> = (ws.entries().iter())
            .map(|e| (e.summary.id.clone(), e.summary.status))
            .collect();
        let by_id = (entries.iter().enumerate())
            .map(|(i, (id, _))| (id.clone(), i))
            .collect();
        let loaded = (0..entries.len())
            .filter_map(|i| ws.loaded(i).map(|o| (i, o.doc.clone())))
            .collect();
        Self {
            entries,
            by_id,
            loaded,
        }
    }
}

impl List for Listing {
    fn entry(&self, index: usize) -> Option<(&DocId, DocStatus)> {
        self.entries.get(index).map(|(id, s)| (id, *s))
    }

    fn position(&self, id: &DocId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn loaded_doc(&self, index: usize) -> Option<&Document> {
        self.loaded.get(&index)
    }
}

/// How many documents of `list` an export writes (all, or those done).
pub fn count_wanted(list: &impl List, only_done: bool) -> usize {
    (0..)
        .map_while(|i| list.entry(i))
        .filter(|(_, status)| wanted(*status, only_done))
        .count()
}

/// Whether a document with `status` is exported.
pub fn wanted(status: DocStatus, only_done: bool) -> bool {
    !only_done || status == DocStatus::Done
}

/// Walks the window's list in order while stored documents stream in
/// (in the same order, so each is passed on as it arrives; one arriving
/// early waits until its turn).
pub struct Batches<'w, L, F> {
    list: &'w L,
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

impl<'w, L: List, F: FnMut(&[Document]) -> bool> Batches<'w, L, F> {
    /// Batches of `size` of what `list` exports, handed to `write`.
    pub fn new(list: &'w L, only_done: bool, size: usize, write: F) -> Self {
        Self {
            list,
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
    pub fn stored(&mut self, doc: Document) -> bool {
        let index = self.list.position(&doc.id);
        if let Some(i) = index
            && i >= self.next
            && self.list.loaded_doc(i).is_none()
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
        let list = self.list;
        while self.going
            && let Some((id, status)) = list.entry(self.next)
        {
            if wanted(status, self.only_done) {
                let doc = match list.loaded_doc(self.next) {
                    Some(doc) => Some(doc.clone()),
                    None => match self.early.remove(id) {
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
    pub fn finish(mut self) {
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
        ws: &impl List,
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
            exported(&Listing::of(&ws), &stored, &[4, 2, 0, 3, 1], false),
            expected,
            "a copy of the list, for an export on its own thread"
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
        assert_eq!(count_wanted(&ws, true), 1);
        assert_eq!(count_wanted(&Listing::of(&ws), false), 5);

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
