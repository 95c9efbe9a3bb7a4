//! One document of the project as the workspace holds it: its summary
//! always, and while it is loaded the document itself with its undo history.

use crate::model::{Document, History};
use crate::store::DocSummary;

/// Documents kept loaded by default: the shown one and a few recently shown
/// ones, so going back and forth between neighbours reads nothing.
pub const KEEP_LOADED: usize = 8;

/// One loaded document, its undo history and a counter that changes with every edit.
#[derive(Debug)]
pub struct OpenDoc {
    /// The document itself.
    pub doc: Document,
    /// Its undo and redo stacks.
    pub history: History,
    /// Changes with every applied, undone or redone transaction and with every
    /// load (unique within the workspace, so a document dropped and loaded
    /// again never matches a cache built before); caches key on it.
    pub revision: u64,
    /// Pending suggestions, recounted after each change so the list stays cheap.
    pub pending: usize,
}

impl OpenDoc {
    /// Wraps a document with its history at `revision`.
    pub fn new(doc: Document, history: History, revision: u64) -> Self {
        let pending = doc.pending_count();
        Self {
            doc,
            history,
            revision,
            pending,
        }
    }
}

/// One document of the project: its summary, and the document itself while loaded.
#[derive(Debug)]
pub struct Entry {
    /// What the list shows; kept up to date with every change.
    pub summary: DocSummary,
    /// The document, while it is loaded.
    pub(super) open: Option<Box<OpenDoc>>,
    /// When it was last shown or loaded (the workspace clock), for dropping the oldest.
    pub(super) used: u64,
}

impl Entry {
    /// The loaded document, if it is loaded.
    pub fn open(&self) -> Option<&OpenDoc> {
        self.open.as_deref()
    }

    /// The title to list: the stored title, else the file, else the id.
    pub fn title(&self) -> &str {
        let s = &self.summary;
        if s.title.is_empty() {
            s.source.as_deref().unwrap_or(&s.id.0)
        } else {
            &s.title
        }
    }
}
