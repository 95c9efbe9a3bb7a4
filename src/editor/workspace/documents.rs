//! Which documents the editor holds in memory. The workspace keeps a light
//! summary of every document of the project (id, title, source, status,
//! counts — what the document list, the status bar and navigation need) and
//! loads the full document, with its undo history, only when the editor
//! shows it. Only a few stay loaded: the shown one and the most recently
//! shown others, up to [`KEEP_LOADED`](super::KEEP_LOADED); older ones are dropped once the store
//! holds everything about them (the caller says which it does not), so a
//! project of 10,000 articles costs about what a handful of articles cost.

use super::Workspace;
use super::entry::{Entry, OpenDoc};
use crate::editor::selection::{Mode, Selection};
use crate::model::{DocId, DocStatus, Document, History};
use crate::store::DocSummary;

impl Workspace {
    /// Every document, loaded or not, in project order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Where the document `id` is in [`Workspace::entries`].
    pub fn find(&self, id: &DocId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Document `index`, if it is loaded.
    pub fn loaded(&self, index: usize) -> Option<&OpenDoc> {
        self.entries.get(index)?.open()
    }

    /// Document `index` mutably, if it is loaded: for changes made outside
    /// transactions (metadata taken over), which the caller commits with
    /// [`Workspace::apply_unrecorded`].
    pub(crate) fn loaded_mut(&mut self, index: usize) -> Option<&mut OpenDoc> {
        self.entries.get_mut(index)?.open.as_deref_mut()
    }

    /// How many documents are loaded now.
    pub fn loaded_count(&self) -> usize {
        self.entries.iter().filter(|e| e.open.is_some()).count()
    }

    /// How many documents stay loaded at most (the shown one counts).
    pub fn keep_loaded(&self) -> usize {
        self.keep
    }

    /// Changes how many documents stay loaded (at least one: the shown one).
    pub fn set_keep_loaded(&mut self, keep: usize) {
        self.keep = keep.max(1);
    }

    /// Changes whenever a summary changes or documents are added.
    pub fn list_version(&self) -> u64 {
        self.list_version
    }

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// Adds documents in hand, loaded; a document already listed (same id)
    /// is skipped. Shows the first added one when nothing is shown yet.
    /// Returns how many were added.
    pub fn add_documents(&mut self, docs: impl IntoIterator<Item = Document>) -> usize {
        let mut first = None;
        for doc in docs {
            if self.by_id.contains_key(&doc.id) {
                continue;
            }
            let revision = self.tick();
            let index = self.push(DocSummary::of(&doc), revision);
            if let Some(entry) = self.entries.get_mut(index) {
                entry.open = Some(Box::new(OpenDoc::new(doc, History::new(), revision)));
            }
            first.get_or_insert(index);
        }
        if self.current.is_none()
            && let Some(index) = first
        {
            self.show(index);
        }
        first.map_or(0, |f| self.entries.len() - f)
    }

    /// Lists stored documents without loading them.
    pub fn add_summaries(&mut self, summaries: impl IntoIterator<Item = DocSummary>) {
        for summary in summaries {
            if !self.by_id.contains_key(&summary.id) {
                self.push(summary, 0);
            }
        }
    }

    fn push(&mut self, summary: DocSummary, used: u64) -> usize {
        let index = self.entries.len();
        self.by_id.insert(summary.id.clone(), index);
        self.entries.push(Entry {
            summary,
            open: None,
            used,
        });
        self.list_version += 1;
        index
    }

    /// Loads document `index` with its history (read from the store by the
    /// caller); false when `doc` is not the document listed there.
    pub fn load(&mut self, index: usize, doc: Document, history: History) -> bool {
        let revision = self.tick();
        let Some(entry) = self.entries.get_mut(index) else {
            return false;
        };
        if entry.summary.id != doc.id {
            return false;
        }
        entry.summary = DocSummary::of(&doc);
        entry.open = Some(Box::new(OpenDoc::new(doc, history, revision)));
        entry.used = revision;
        self.list_version += 1;
        true
    }

    /// Shows loaded document `index`; selection and link mode start afresh.
    /// False (nothing changes) when it is not loaded: load it first.
    pub fn show(&mut self, index: usize) -> bool {
        if self.loaded(index).is_none() {
            return false;
        }
        let now = self.tick();
        if let Some(entry) = self.entries.get_mut(index) {
            entry.used = now;
        }
        self.current = Some(index);
        self.selection = Selection::None;
        self.mode = Mode::Normal;
        true
    }

    /// Drops the least recently shown documents beyond the ones to keep,
    /// never the shown one nor one for which `pinned` holds (changes not yet
    /// in the store). Returns how many were dropped.
    pub fn trim(&mut self, pinned: impl Fn(&DocId) -> bool) -> usize {
        let loaded = self.loaded_count();
        if loaded <= self.keep {
            return 0;
        }
        let mut candidates: Vec<(u64, usize)> = (self.entries.iter().enumerate())
            .filter(|&(i, e)| e.open.is_some() && Some(i) != self.current)
            .filter(|(_, e)| !pinned(&e.summary.id))
            .map(|(i, e)| (e.used, i))
            .collect();
        candidates.sort_unstable();
        let excess = loaded - self.keep;
        let mut dropped = 0;
        for (_, index) in candidates.into_iter().take(excess) {
            if let Some(entry) = self.entries.get_mut(index) {
                entry.open = None;
                dropped += 1;
            }
        }
        dropped
    }

    /// Brings the summary of document `index` up to date after a change and
    /// gives it a new revision.
    pub(super) fn changed(&mut self, index: Option<usize>) {
        let revision = self.tick();
        let Some(entry) = index.and_then(|i| self.entries.get_mut(i)) else {
            return;
        };
        if let Some(open) = entry.open.as_deref_mut() {
            open.revision = revision;
            open.pending = open.doc.pending_count();
            entry.summary = DocSummary::of(&open.doc);
            self.list_version += 1;
        }
    }

    /// The next document after the current one that is neither done nor
    /// skipped, wrapping around the project.
    pub fn next_undone(&self) -> Option<usize> {
        let n = self.entries.len();
        let start = self.current.map_or(0, |i| i + 1);
        (0..n)
            .map(|k| (start + k) % n)
            .filter(|&i| Some(i) != self.current)
            .find(|&i| {
                self.entries.get(i).is_some_and(|e| {
                    !matches!(e.summary.status, DocStatus::Done | DocStatus::Skipped)
                })
            })
    }

    /// The document after (or before) the current one in project order;
    /// `None` at either end.
    pub fn neighbour_document(&self, forward: bool) -> Option<usize> {
        let here = self.current?;
        let there = if forward {
            here.checked_add(1)?
        } else {
            here.checked_sub(1)?
        };
        (there < self.entries.len()).then_some(there)
    }

    /// How many documents have `status`.
    pub fn count_status(&self, status: DocStatus) -> usize {
        (self.entries.iter())
            .filter(|e| e.summary.status == status)
            .count()
    }

    /// Pending suggestions over all documents.
    pub fn pending_total(&self) -> usize {
        self.entries.iter().map(|e| e.summary.pending).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, LabelSet, Transaction};
    use crate::tests::support::suggested;

    /// `n` documents with one pending suggestion each.
    fn docs(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| suggested(&format!("Story {i}: [Zoë Ødegård|PERSON] spoke.")))
            .collect()
    }

    #[test]
    fn only_the_most_recently_shown_stay_loaded_and_the_shown_one_always() {
        let mut ws = Workspace::new(LabelSet::builtin());
        ws.set_keep_loaded(3);
        assert_eq!(ws.add_documents(docs(6)), 6);
        assert_eq!(ws.current_index(), Some(0));
        for i in [4, 2, 5] {
            assert!(ws.show(i));
        }
        assert_eq!(ws.trim(|_| false), 3);
        let loaded: Vec<usize> = (0..6).filter(|&i| ws.loaded(i).is_some()).collect();
        assert_eq!(loaded, [2, 4, 5]);
        assert!(!ws.show(0), "a dropped document must be loaded again first");
        assert_eq!(ws.current_index(), Some(5));
        assert_eq!(ws.entries()[0].title(), "Story 0: Zoë Ødegård spoke.");
    }

    #[test]
    fn pinned_documents_are_not_dropped() {
        let mut ws = Workspace::new(LabelSet::builtin());
        ws.set_keep_loaded(1);
        let all = docs(3);
        let keep = all[1].id.clone();
        ws.add_documents(all);
        assert_eq!(ws.trim(|id| *id == keep), 1);
        assert!(ws.loaded(0).is_some() && ws.loaded(1).is_some());
        assert!(ws.loaded(2).is_none());
    }

    #[test]
    fn summaries_follow_edits_and_reloads_get_a_fresh_revision() {
        let mut ws = Workspace::new(LabelSet::builtin());
        let all = docs(2);
        let second = all[1].clone();
        ws.add_documents(all);
        let revision = ws.current().unwrap().revision;
        ws.apply(Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)))
            .unwrap();
        assert_eq!(ws.entries()[0].summary.status, DocStatus::Done);
        assert_eq!(ws.count_status(DocStatus::Done), 1);
        assert_eq!(ws.next_undone(), Some(1));
        assert!(ws.current().unwrap().revision > revision);
        ws.set_keep_loaded(1);
        assert_eq!(ws.trim(|_| false), 1);
        assert!(ws.load(1, second, History::new()));
        assert!(ws.loaded(1).unwrap().revision > ws.current().unwrap().revision);
        assert!(
            !ws.load(1, docs(3).remove(2), History::new()),
            "wrong document"
        );
        assert_eq!(ws.neighbour_document(true), Some(1));
        assert_eq!(ws.neighbour_document(false), None);
        assert_eq!(ws.pending_total(), 2);
    }
}
