//! Moving between documents: showing one from the list, the next or
//! previous one, the next one not done. A document that is not loaded is
//! read from the project (with its undo history) first, and afterwards the
//! workspace drops the least recently shown documents the project holds in
//! full (see `app::loaded`).

use crate::app::BylineApp;

impl BylineApp {
    /// Shows document `index`, reading it from the project when it is not
    /// loaded; a document that cannot be read stays listed, with a notice.
    pub(crate) fn show_document(&mut self, index: usize) {
        if !self.ensure_loaded(index) {
            return;
        }
        // Written now: the document drawn last may be dropped below.
        self.save_view();
        self.workspace.show(index);
        self.trim_loaded();
    }

    /// Shows the document after (or before) the current one.
    pub(crate) fn show_neighbour(&mut self, forward: bool) {
        match self.workspace.neighbour_document(forward) {
            Some(index) => self.show_document(index),
            None => {
                let end = if forward { "last" } else { "first" };
                self.workspace.last_action = Some(format!("This is the {end} document"));
            }
        }
    }

    /// Shows the next document neither done nor skipped.
    pub(crate) fn show_next_undone(&mut self) {
        match self.workspace.next_undone() {
            Some(next) => self.show_document(next),
            None => self.workspace.last_action = Some("All documents done".into()),
        }
    }

    /// Makes sure document `index` is loaded, reading it from the project
    /// when it is not; false (with a notice) when it cannot be read.
    pub(crate) fn ensure_loaded(&mut self, index: usize) -> bool {
        if self.workspace.loaded(index).is_some() {
            return true;
        }
        let Some(id) = (self.workspace.entries().get(index)).map(|e| e.summary.id.clone()) else {
            return false;
        };
        match self.session.load(&id) {
            Ok((doc, history)) => self.workspace.load(index, doc, history),
            Err(message) => {
                self.workspace.notify(message);
                false
            }
        }
    }

    /// Drops loaded documents beyond the workspace's limit whose every
    /// change the project holds.
    pub(crate) fn trim_loaded(&mut self) {
        let session = &self.session;
        self.workspace.trim(|id| !session.is_saved(id));
    }
}
