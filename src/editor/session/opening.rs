//! Opening a project off the UI thread: the file is opened (or created), the
//! summaries of its documents, its labels, its memory and the document viewed
//! last (with its undo history; the first one on a first visit) are read on a
//! worker, and the editor takes the open project over when it is ready, so a
//! large project never freezes the window. Other documents are read when the
//! editor shows them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::memory::Memory;
use crate::model::{DocId, Document, History, LabelSet};
use crate::store::{DocSummary, Project, StoreError};

/// Whether the project file must exist, must not, or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Open an existing project.
    Open,
    /// Create a new project; refuse if a file is there.
    Create,
    /// Open the project, creating it when there is no file.
    OpenOrCreate,
}

/// A project read and ready for the editor.
pub struct Opened {
    /// The open project.
    pub project: Project,
    /// A summary of every document, in import order.
    pub summaries: Vec<DocSummary>,
    /// The document to show first: viewed last, else the first.
    pub first: Option<DocId>,
    /// That document read with its history; `None` when the history does not
    /// read (the editor then loads it itself, and reports why).
    pub shown: Option<(Document, History)>,
    /// The project's labels.
    pub labels: LabelSet,
    /// What the memory engine learned in this project.
    pub memory: Memory,
}

/// Opens and reads the project at `path` (on the calling thread).
pub fn open(path: &Path, mode: OpenMode) -> Result<Opened, StoreError> {
    let project = match mode {
        OpenMode::Open => Project::open(path)?,
        OpenMode::Create => Project::create(path)?,
        OpenMode::OpenOrCreate => Project::open_or_create(path)?,
    };
    let summaries = project.list_documents()?;
    let first = match project.last_document()? {
        Some(last) => Some(last),
        None => summaries.first().map(|s| s.id.clone()),
    };
    // A history that does not read is reported when the editor loads the
    // document itself; it does not stop the project from opening.
    let shown = match &first {
        Some(id) => {
            let doc = project.load_document(id)?;
            project
                .load_history(&doc)
                .ok()
                .map(|history| (doc, history))
        }
        None => None,
    };
    Ok(Opened {
        summaries,
        first,
        shown,
        labels: project.labels()?,
        memory: project.load_memory()?,
        project,
    })
}

/// A project being opened on a worker thread.
pub struct ProjectLoad {
    path: PathBuf,
    rx: Receiver<Result<Opened, String>>,
}

impl ProjectLoad {
    /// Starts opening `path`; `wake` is called when the result is ready.
    pub fn start(path: PathBuf, mode: OpenMode, wake: impl Fn() + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let at = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(open(&at, mode).map_err(|e| e.to_string()));
            wake();
        });
        Self { path, rx }
    }

    /// The project file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The result, once there is one; an error is a message naming the file.
    pub fn poll(&self) -> Option<Result<Opened, String>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(format!(
                "cannot open the project: the reader stopped unexpectedly: {}",
                self.path.display()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_opens_on_a_worker_with_its_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let mut project = Project::create(&path).unwrap();
        let doc = Document::new(Some("a.txt".into()), "“Ça va,” dit Zoë. 😀");
        project.add_documents(std::slice::from_ref(&doc)).unwrap();
        drop(project);
        let load = ProjectLoad::start(path.clone(), OpenMode::Open, || {});
        let opened = loop {
            if let Some(result) = load.poll() {
                break result.unwrap();
            }
            std::thread::yield_now();
        };
        assert_eq!(opened.summaries, vec![DocSummary::of(&doc)]);
        assert_eq!(
            opened.shown.map(|(d, _)| d),
            Some(doc),
            "the first, never viewed"
        );
        assert_eq!(opened.project.path(), path);
    }

    #[test]
    fn creating_over_an_existing_file_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.byline");
        std::fs::write(&path, "not a project").unwrap();
        let err = open(&path, OpenMode::Create).err().unwrap().to_string();
        assert!(err.ends_with("notes.byline"), "{err}");
        let err = open(&path, OpenMode::Open).err().unwrap().to_string();
        assert!(err.starts_with("not a Byline project"), "{err}");
    }
}
