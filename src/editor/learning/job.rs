//! The learning work of one request, on its own thread with its own
//! read-only connection to the project, so it never holds up a frame: read
//! the stored model (when a project opens), read the reviewed documents,
//! train on them if the stored model does not already cover them, rank the
//! documents still to review by how unsure the model is of them, and
//! measure the model's held-out score. Each result is sent as it is ready
//! (the editor stores the model and swaps engines as they come) and the
//! window is woken. A newer request cancels the job: it stops at its next
//! step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::Instant;

use super::reviewed::{fingerprint, held_out, reviewed_documents, train};
use crate::editor::Wake;
use crate::model::{DocId, DocStatus, Document};
use crate::store::{HeldOut, Project, StoreError};
use crate::suggest::Suggester;
use crate::suggest::learned::{Model, TRUST_AFTER};
use crate::suggest::rules::RulesSuggester;

/// What a job is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// A project just opened: take its stored model, and train again only
    /// if the reviewed set moved on since (and `retrain` allows it).
    Open {
        /// False in a window that cannot store a model.
        retrain: bool,
    },
    /// The reviewed set changed: train on it.
    Retrain,
}

/// What a job reports, in the order it learns it.
#[derive(Debug)]
pub enum Report {
    /// The model stored in the project.
    Stored(Arc<Model>),
    /// A model trained now on the reviewed set `reviewed`.
    Trained {
        /// The model.
        model: Arc<Model>,
        /// Fingerprint of what it learned from.
        reviewed: String,
        /// Seconds the training took.
        seconds: f64,
    },
    /// Fewer reviewed documents than a model needs.
    TooFew,
    /// How unsure the model is of each document still to review.
    Ranked(HashMap<DocId, f32>),
    /// The held-out scores of the model trained on `reviewed`.
    Scored {
        /// Fingerprint of what the model learned from.
        reviewed: String,
        /// Its scores.
        held_out: HeldOut,
    },
    /// Something could not be done (a message for the editor).
    Failed(String),
}

/// One running job.
pub struct Job {
    rx: Receiver<Report>,
    cancel: Arc<AtomicBool>,
}

impl Job {
    /// Starts `task` on the project at `path`; `wake` is called after each report.
    pub fn start(path: PathBuf, task: Task, wake: &Wake) -> Self {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let work = Work {
            tx,
            cancel: Arc::clone(&cancel),
            wake: Arc::clone(wake),
        };
        std::thread::spawn(move || {
            if let Err(err) = work.run(&path, task) {
                work.send(Report::Failed(format!(
                    "The learned engine was not updated: {err}"
                )));
            }
        });
        Self { rx, cancel }
    }

    /// Asks the job to stop at its next step.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The reports sent since the last poll, and whether the job has ended.
    pub fn poll(&self) -> (Vec<Report>, bool) {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(report) => out.push(report),
                Err(TryRecvError::Empty) => return (out, false),
                Err(TryRecvError::Disconnected) => return (out, true),
            }
        }
    }
}

impl Drop for Job {
    /// Nobody will read what it finds: it stops at its next step.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The worker's side of a job.
struct Work {
    tx: Sender<Report>,
    cancel: Arc<AtomicBool>,
    wake: Wake,
}

impl Work {
    fn send(&self, report: Report) {
        let _ = self.tx.send(report);
        (self.wake)();
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn run(&self, path: &Path, task: Task) -> Result<(), StoreError> {
        let project = Project::open_to_read(path)?;
        let stored = match task {
            Task::Open { .. } => self.stored(&project)?,
            Task::Retrain => None,
        };
        let docs = reviewed_documents(&project)?;
        let reviewed = fingerprint(docs.iter().map(|d| &d.id));
        match (task, stored) {
            (Task::Open { .. }, Some((model, covers))) if covers == reviewed => {
                let unscored = project.model_info()?.is_some_and(|i| i.held_out.is_none());
                return self.follow_up(&project, &model, &docs, reviewed, unscored);
            }
            (Task::Open { retrain: false }, _) => return Ok(()),
            _ => {}
        }
        if docs.len() < TRUST_AFTER {
            self.send(Report::TooFew);
            return Ok(());
        }
        if self.cancelled() {
            return Ok(());
        }
        let started = Instant::now();
        let model = Arc::new(train(&docs));
        self.send(Report::Trained {
            model: Arc::clone(&model),
            reviewed: reviewed.clone(),
            seconds: started.elapsed().as_secs_f64(),
        });
        self.follow_up(&project, &model, &docs, reviewed, true)
    }

    /// Reports the project's stored model, if it reads; its fingerprint.
    fn stored(&self, project: &Project) -> Result<Option<(Arc<Model>, String)>, StoreError> {
        let Some(stored) = project.load_model()? else {
            return Ok(None);
        };
        match Model::from_stored(stored.format, &stored.bytes) {
            Ok(model) => {
                let model = Arc::new(model);
                self.send(Report::Stored(Arc::clone(&model)));
                Ok(Some((model, stored.info.reviewed)))
            }
            Err(err) => {
                self.send(Report::Failed(format!(
                    "The stored learned model was not read ({err}); it is trained again: {}",
                    project.path().display()
                )));
                Ok(None)
            }
        }
    }

    /// Ranks the documents still to review with `model`, then measures it
    /// on `docs` when `score` asks for it.
    fn follow_up(
        &self,
        project: &Project,
        model: &Model,
        docs: &[Document],
        reviewed: String,
        score: bool,
    ) -> Result<(), StoreError> {
        if model.documents_seen() < TRUST_AFTER {
            return Ok(());
        }
        let Some(ranking) = self.rank(project, model)? else {
            return Ok(());
        };
        self.send(Report::Ranked(ranking));
        if score
            && !self.cancelled()
            && let Some(held_out) = held_out(docs)
        {
            self.send(Report::Scored { reviewed, held_out });
        }
        Ok(())
    }

    /// How unsure `model` is of each document neither done nor skipped;
    /// `None` when the job was cancelled meanwhile.
    fn rank(
        &self,
        project: &Project,
        model: &Model,
    ) -> Result<Option<HashMap<DocId, f32>>, StoreError> {
        let rules = RulesSuggester::new();
        let mut ranking = HashMap::new();
        for status in [DocStatus::New, DocStatus::InProgress] {
            project.for_each_document(Some(status), |doc| {
                let unsure = model.predict(&doc, &rules.suggest(&doc)).uncertainty();
                ranking.insert(doc.id, unsure);
                !self.cancelled()
            })?;
        }
        Ok((!self.cancelled()).then_some(ranking))
    }
}
