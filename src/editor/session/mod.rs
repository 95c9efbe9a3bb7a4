//! The project behind the editor. Every transaction the editor applies,
//! undoes or redoes is committed through the store at once (there is no Save
//! button), opened documents are added to the project, and the `memory`
//! engine learns from each change in the same step.
//!
//! Documents are loaded from the project one at a time, when the editor shows
//! them, with their stored undo history: every commit moves that history as
//! the in-memory one moved, so undo survives a restart, and a document the
//! workspace dropped (see `editor::workspace`) comes back with the same undo steps.
//! [`Session::is_saved`] says when dropping a document loses nothing.
//!
//! A store failure (disk full, project file deleted) never costs the work on
//! screen: the change stays applied in the window, is queued, and is written
//! (in order, after anything queued before it) when the editor retries, with
//! the next change, or when the work is saved as a new project. A project
//! another window writes is opened read-only; edits are then refused with a
//! message.

mod learned;
pub mod opening;
pub mod startup;

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::editor::workspace::Workspace;
use crate::model::memory::{Memory, observe_document};
use crate::model::{Applied, DocId, DocStatus, Document, History};
use crate::store::{
    Access, Duplicate, Places, Project, ReadOnlyReason, Step, StoreError, ViewPosition,
};
use crate::suggest::memory::MemoryEngine;

/// How an applied transaction came about, which decides how it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The editor's own edit (on the undo stack).
    Edit,
    /// An undo.
    Undo,
    /// A redo.
    Redo,
    /// Suggestions brought up to date when a document is shown (no undo step).
    Suggest,
}

/// A commit waiting to be written (the store refused it, or one before it).
#[derive(Debug)]
struct Queued {
    doc: DocId,
    applied: Applied,
    change: Change,
}

/// Documents an add left: the ones to open, and those already in the project.
#[derive(Debug, Default)]
pub struct Added {
    /// Documents to open in the window.
    pub documents: Vec<Document>,
    /// Documents not added because the project holds their text already.
    pub duplicates: Vec<Duplicate>,
}

/// The open project (if any), the memory engine and what is not saved yet.
pub struct Session {
    project: Option<Project>,
    memory: Arc<MemoryEngine>,
    places: Option<Places>,
    queue: VecDeque<Queued>,
    unadded: Vec<DocId>,
    problem: Option<String>,
}

impl Default for Session {
    fn default() -> Self {
        Self::in_memory()
    }
}

impl Session {
    /// No project: edits live in the window only (tests, or a project that
    /// failed to open).
    pub fn in_memory() -> Self {
        Self {
            project: None,
            memory: Arc::new(MemoryEngine::default()),
            places: None,
            queue: VecDeque::new(),
            unadded: Vec::new(),
            problem: None,
        }
    }

    /// A session on an opened project, with the memory it holds. `places`
    /// keeps the recent-projects list (none in tests).
    pub fn new(project: Project, memory: Memory, places: Option<Places>) -> Self {
        if let Some(places) = &places {
            // The list is a convenience; failing to write it stops nothing.
            let _ = places.remember(project.path());
        }
        Self {
            project: Some(project),
            memory: Arc::new(MemoryEngine::new(memory)),
            places,
            ..Self::in_memory()
        }
    }

    /// The project file, if a project is open.
    pub fn path(&self) -> Option<&Path> {
        self.project.as_ref().map(Project::path)
    }

    /// Where the recent-projects list lives, if it is kept.
    pub fn places(&self) -> Option<&Places> {
        self.places.as_ref()
    }

    /// Recently opened projects, most recent first.
    pub fn recent(&self) -> Vec<PathBuf> {
        self.places.as_ref().map(Places::recent).unwrap_or_default()
    }

    /// Why this window cannot write the project, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        match self.project.as_ref().map(Project::access) {
            Some(Access::ReadOnly(reason)) => Some(reason),
            _ => None,
        }
    }

    /// The message an edit gets in a read-only window; `None` when edits are allowed.
    pub fn refusal(&self) -> Option<String> {
        self.read_only().map(|reason| {
            format!(
                "Read-only: {reason}, so this change was not made. \
                 Close the other window and reopen the project to edit."
            )
        })
    }

    /// The memory engine, shared with the loaders that suggest on open.
    pub fn memory(&self) -> &Arc<MemoryEngine> {
        &self.memory
    }

    /// The last store failure, while changes are waiting to be written.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Shows `problem` until the next successful save or a new project.
    pub fn report(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// Changes and documents not yet written to the project.
    pub fn unsaved(&self) -> usize {
        self.queue.len() + self.unadded.len()
    }

    /// Reads document `id` and its undo/redo history from the project. An
    /// unreadable history is reported and the document opens without one.
    pub fn load(&mut self, id: &DocId) -> Result<(Document, History), String> {
        let Some(project) = self.project.as_ref() else {
            return Err(format!("no project to read the document from: {id}"));
        };
        let doc = project
            .load_document(id)
            .map_err(|err| format!("Document not opened: {err}"))?;
        let history = project.load_history(&doc).unwrap_or_else(|err| {
            self.problem = Some(format!("undo history not restored: {err}"));
            History::new()
        });
        Ok((doc, history))
    }

    /// True when the project holds everything about document `id` (nothing
    /// queued, not waiting to be added), so the window may drop it and load
    /// it again later. Without a project nothing is saved.
    pub fn is_saved(&self, id: &DocId) -> bool {
        self.project.is_some()
            && !self.unadded.contains(id)
            && !self.queue.iter().any(|q| &q.doc == id)
    }

    /// The documents whose text holds every word of `query`, from the
    /// project's full-text index; `None` without a project.
    pub fn search_text(&self, query: &str) -> Option<Result<Vec<DocId>, StoreError>> {
        self.project.as_ref().map(|p| p.search_text(query))
    }

    /// Calls `each` with every stored document (only those with status
    /// `only`, if given) in import order, one at a time; nothing without a project.
    pub fn for_each_stored(
        &self,
        only: Option<DocStatus>,
        each: impl FnMut(Document) -> bool,
    ) -> Result<(), StoreError> {
        match &self.project {
            Some(project) => project.for_each_document(only, each),
            None => Ok(()),
        }
    }

    /// Learns from `applied` (already applied to document `index` of `ws`)
    /// and commits it, after anything still queued. On a store failure the
    /// change stays in the window and waits in the queue; the problem is
    /// shown until a write succeeds.
    pub fn commit(&mut self, ws: &Workspace, index: usize, applied: Applied, change: Change) {
        let Some(open) = ws.loaded(index) else {
            return;
        };
        self.memory.learn(&applied, &open.doc);
        if self.project.is_none() || self.unadded.contains(&open.doc.id) {
            return;
        }
        self.queue.push_back(Queued {
            doc: open.doc.id.clone(),
            applied,
            change,
        });
        self.retry(ws);
    }

    /// Adds opened documents to the project; the store reports those it holds
    /// already. On a store failure they still open, queued to be added.
    pub fn add(&mut self, docs: Vec<Document>) -> Added {
        for doc in &docs {
            self.memory.learn_delta(&observe_document(doc));
        }
        let Some(project) = &mut self.project else {
            return Added {
                documents: docs,
                duplicates: Vec::new(),
            };
        };
        match project.add_documents(&docs) {
            Ok(report) => {
                let added: HashSet<&DocId> = report.added.iter().collect();
                let (documents, _): (Vec<Document>, Vec<Document>) =
                    docs.into_iter().partition(|d| added.contains(&d.id));
                Added {
                    documents,
                    duplicates: report.duplicates,
                }
            }
            Err(err) => {
                self.unadded.extend(docs.iter().map(|d| d.id.clone()));
                self.problem = Some(err.to_string());
                Added {
                    documents: docs,
                    duplicates: Vec::new(),
                }
            }
        }
    }

    /// Writes what is waiting, taking the documents' current state from
    /// `ws`. Returns true when nothing is left.
    pub fn retry(&mut self, ws: &Workspace) -> bool {
        let Some(project) = &mut self.project else {
            return true;
        };
        let find = |id: &DocId| ws.find(id).and_then(|i| ws.loaded(i)).map(|o| &o.doc);
        if !self.unadded.is_empty() {
            let docs: Vec<Document> = self.unadded.iter().filter_map(find).cloned().collect();
            if let Err(err) = project.add_documents(&docs) {
                self.problem = Some(err.to_string());
                return false;
            }
            // Their current state went in whole; changes queued on them are moot.
            let added = std::mem::take(&mut self.unadded);
            self.queue.retain(|q| !added.contains(&q.doc));
        }
        while let Some(next) = self.queue.front() {
            let Some(doc) = find(&next.doc) else {
                self.queue.pop_front();
                continue;
            };
            // The store writes the current state of every touched span and
            // quote, so replaying in order ends where the window is.
            let written = match next.change {
                Change::Edit => project.apply_step(doc, &next.applied, Step::Edit),
                Change::Undo => project.apply_step(doc, &next.applied, Step::Undo),
                Change::Redo => project.apply_step(doc, &next.applied, Step::Redo),
                Change::Suggest => project.apply(doc, &next.applied),
            };
            if let Err(err) = written {
                self.problem = Some(err.to_string());
                return false;
            }
            self.queue.pop_front();
        }
        self.problem = None;
        true
    }

    /// Writes the whole window to a new project at `path` and continues there:
    /// the way out when the project file was deleted or its disk is broken.
    /// With a project, its stored state is copied (documents, undo history,
    /// view positions) and what it refused is written to the copy; without
    /// one, the window's documents (all loaded then) make the new project.
    /// Changes the copy refuses stay queued, shown as the problem.
    pub fn save_as(&mut self, path: &Path, ws: &Workspace) -> Result<(), StoreError> {
        let project = match &self.project {
            Some(old) => {
                old.save_copy(path)?;
                Project::open(path)?
            }
            None => {
                let mut project = Project::create(path)?;
                project.set_labels(&ws.labels)?;
                let docs: Vec<Document> = (0..ws.entries().len())
                    .filter_map(|i| ws.loaded(i).map(|o| o.doc.clone()))
                    .collect();
                project.add_documents(&docs)?;
                self.queue.clear();
                self.unadded.clear();
                project
            }
        };
        if let Some(places) = &self.places {
            let _ = places.remember(path);
        }
        self.project = Some(project);
        self.problem = None;
        // What the copy refuses stays queued and shown, like any store failure.
        self.retry(ws);
        Ok(())
    }

    /// Remembers where the editor is in `doc` (and that it was viewed last).
    /// Nothing is written by a read-only window.
    pub fn save_view(&mut self, doc: &Document, view: ViewPosition) {
        if self.read_only().is_some() || self.unadded.contains(&doc.id) {
            return;
        }
        if let Some(project) = &mut self.project
            && let Err(err) = project.set_view(doc, view)
            && self.problem.is_none()
        {
            self.problem = Some(err.to_string());
        }
    }

    /// Where the editor last was in `doc`.
    pub fn view(&self, doc: &Document) -> Option<ViewPosition> {
        self.project.as_ref()?.view(doc).ok().flatten()
    }
}
