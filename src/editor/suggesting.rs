//! Suggesting on a document the project's engines have not run on, when it
//! is first shown: one added by `byline import --no-suggest`, or kept from a
//! project made before Byline recorded which documents were suggested.
//! The engines (built-in, memory, external) run on a copy on a worker
//! thread, since an external engine may take seconds; when they finish,
//! what they found is applied to the document outside its undo history and
//! committed with the document marked suggested — unless the editor changed
//! it meanwhile, in which case they run again on what it is now. Done
//! documents get nothing. A cancelled run leaves the document unsuggested
//! until it is shown again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::editor::edits;
use crate::editor::open::Wake;
use crate::editor::session::{Change, Session};
use crate::editor::workspace::{Workspace, truncate};
use crate::model::{Applied, DocId, DocStatus, Document};
use crate::suggest::engines::Engines;

/// The engines running on one document.
struct Job {
    id: DocId,
    title: String,
    revision: u64,
    rx: Receiver<Result<(Document, Vec<String>), String>>,
    cancel: Arc<AtomicBool>,
}

/// The run under way, if any, and the document last cancelled.
#[derive(Default)]
pub struct FirstSuggest {
    job: Option<Job>,
    cancelled: Option<DocId>,
}

/// True when `doc` still needs the project's engines.
pub fn needs(doc: &Document) -> bool {
    !doc.suggested && doc.status() != DocStatus::Done
}

impl FirstSuggest {
    /// Starts the engines on the shown document when it needs them and
    /// nothing runs for it already (a run for another document is dropped).
    pub fn start(&mut self, ws: &Workspace, session: &Session, engines: &Engines, wake: &Wake) {
        let Some(open) = ws.current() else { return };
        let doc = &open.doc;
        if self.job.as_ref().is_some_and(|j| j.id == doc.id)
            || self.cancelled.as_ref() == Some(&doc.id)
            || !needs(doc)
            || session.refusal().is_some()
            || engines.runs_only_memory()
        {
            return;
        }
        self.cancel();
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let (engines, mut copy, wake) = (engines.clone(), doc.clone(), Arc::clone(wake));
        let stop = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let result = match engines.suggest(&mut copy) {
                Ok(_) => {
                    let warnings = engines.suggest_external(&mut [&mut copy]);
                    Ok((copy, warnings))
                }
                Err(err) => Err(err.to_string()),
            };
            if !stop.load(Ordering::Relaxed) {
                let _ = tx.send(result);
                wake();
            }
        });
        self.cancelled = None;
        self.job = Some(Job {
            id: doc.id.clone(),
            title: title_of(doc),
            revision: open.revision,
            rx,
            cancel,
        });
    }

    /// The title of the document the engines run on, while they run.
    pub fn running(&self) -> Option<&str> {
        self.job.as_ref().map(|j| j.title.as_str())
    }

    /// Stops waiting for the run under way; its document stays unsuggested
    /// until it is shown again.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
            self.cancelled = Some(job.id);
        }
    }

    /// Forgets everything: another project replaced the documents.
    pub fn forget(&mut self) {
        self.cancel();
        self.cancelled = None;
    }

    /// Takes in a finished run: applies and commits what the engines found
    /// when the document is as it was, or lets a new run start when not.
    pub fn poll(&mut self, ws: &mut Workspace, session: &mut Session) {
        let Some(job) = &self.job else { return };
        let result = match job.rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("the engines stopped unexpectedly".into()),
        };
        let Some(job) = self.job.take() else { return };
        let Some(index) = ws.find(&job.id) else {
            return;
        };
        let same = ws.loaded(index).is_some_and(|o| o.revision == job.revision);
        match result {
            Ok((suggested, warnings)) if same => {
                for warning in warnings {
                    ws.notify(format!("{warning}: {}", job.title));
                }
                adopt(ws, session, index, &suggested);
            }
            Ok(_) => {}
            Err(err) => {
                ws.notify(format!("Suggestions dropped ({err}): {}", job.title));
                self.cancelled = Some(job.id);
            }
        }
    }
}

/// Gives loaded document `index` what the engines added to its copy
/// `suggested`, and marks it suggested, in one commit.
fn adopt(ws: &mut Workspace, session: &mut Session, index: usize, suggested: &Document) {
    let Some(open) = ws.loaded(index) else { return };
    let tx = edits::take_suggestions(&open.doc, suggested);
    let applied = match ws.apply_unrecorded(index, &tx) {
        Ok(applied) => applied.unwrap_or_else(|| Applied {
            inverse: crate::model::Transaction::new("Suggest"),
            changes: crate::model::Changes::default(),
        }),
        Err(err) => {
            ws.notify(format!(
                "Suggestions dropped ({err}): {}",
                title_of(suggested)
            ));
            return;
        }
    };
    if let Some(open) = ws.loaded_mut(index) {
        open.doc.boilerplate.clone_from(&suggested.boilerplate);
        open.doc.suggested = true;
    }
    session.commit(ws, index, applied, Change::Suggest);
}

/// How a document is named in the status bar.
fn title_of(doc: &Document) -> String {
    truncate(doc.text().lines().next().unwrap_or(""), 48)
}
