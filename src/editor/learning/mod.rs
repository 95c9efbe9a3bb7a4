//! The `learned` engine in the editor: the project's model is trained on its
//! reviewed documents (status done) in the background and stored in the
//! project, and once it has seen [`TRUST_AFTER`] of them it takes the rules
//! engine's place for every document opened from then on (documents already
//! suggested keep their suggestions).
//!
//! When the editor polls, [`Learning`] notices a changed reviewed set (a
//! document marked done, or no longer done) and asks for a new model; when
//! a project opens it takes the stored model, and has it trained again if
//! the reviewed set moved on since. The work runs as a [`job`] on its own
//! thread; a newer request cancels the running job and starts once it has
//! stopped, so at most one trains at a time. Reports come back through the
//! same poll: a new model is stored and swapped into the engines, its
//! held-out score is stored beside it, and the model's uncertainty about
//! each document still to review ranks "next article" when the project
//! asks for the least sure first.

mod job;
pub mod reviewed;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use self::job::{Job, Report, Task};
use self::reviewed::fingerprint;
use crate::editor::open::{Loads, Wake};
use crate::editor::session::Session;
use crate::editor::workspace::Workspace;
use crate::model::{DocId, DocStatus};
use crate::suggest::learned::{Model, TRUST_AFTER};

/// The learned model of the project the editor has open, and the work on it.
#[derive(Default)]
pub struct Learning {
    /// The project this state belongs to.
    project: Option<PathBuf>,
    /// The model the engines use (when trusted).
    model: Option<Arc<Model>>,
    /// The reviewed set last asked for (or found on opening).
    asked: Option<String>,
    /// The workspace's list version when the reviewed set was last looked at.
    seen: Option<u64>,
    job: Option<Job>,
    /// A request came while a job ran: start one when it stops.
    again: bool,
    /// The model's uncertainty per document still to review.
    ranking: Option<HashMap<DocId, f32>>,
    /// "Next article" favours the least sure documents.
    least_sure_first: bool,
}

impl Learning {
    /// True while a job is training, ranking or measuring.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The model in use, if any.
    pub fn model(&self) -> Option<&Model> {
        self.model.as_deref()
    }

    /// True when "next article" favours the least sure documents.
    pub fn least_sure_first(&self) -> bool {
        self.least_sure_first
    }

    /// Takes in what the job reported, and starts work when the project or
    /// its reviewed set changed.
    pub fn poll(
        &mut self,
        ws: &mut Workspace,
        session: &mut Session,
        loads: &mut Loads,
        wake: &Wake,
    ) {
        if session.path() != self.project.as_deref() {
            self.switch(ws, session, loads, wake);
        }
        if let Some(job) = &self.job {
            let (reports, ended) = job.poll();
            for report in reports {
                self.take(report, ws, session, loads);
            }
            if ended {
                self.job = None;
                if std::mem::take(&mut self.again) {
                    self.start(Task::Retrain, wake);
                }
            }
        }
        self.watch(ws, session, loads, wake);
    }

    /// Sets whether "next article" favours the least sure documents, and
    /// keeps it in the project.
    pub fn set_least_sure_first(&mut self, on: bool, ws: &mut Workspace, session: &mut Session) {
        self.least_sure_first = on;
        if let Err(err) = session.set_least_sure_first(on) {
            ws.notify(format!("The article order was not saved: {err}"));
        }
        ws.set_ranking(self.ranking.clone().filter(|_| on));
        ws.last_action = Some(
            if on {
                "Next article: the one the model is least sure of"
            } else {
                "Next article: in project order"
            }
            .into(),
        );
    }

    /// Starts afresh on the project the session has now.
    fn switch(&mut self, ws: &mut Workspace, session: &Session, loads: &mut Loads, wake: &Wake) {
        if let Some(job) = &self.job {
            job.cancel();
        }
        let least_sure_first = session.least_sure_first();
        *self = Self {
            project: session.path().map(PathBuf::from),
            least_sure_first,
            asked: Some(reviewed_set(ws)),
            seen: Some(ws.list_version()),
            ..Self::default()
        };
        loads.set_learned(None);
        ws.set_ranking(None);
        if self.project.is_some() {
            let retrain = session.can_learn();
            self.start(Task::Open { retrain }, wake);
        }
    }

    /// Asks for a new model when the reviewed set changed.
    fn watch(&mut self, ws: &Workspace, session: &Session, loads: &mut Loads, wake: &Wake) {
        let version = ws.list_version();
        if self.seen == Some(version) || !session.can_learn() {
            return;
        }
        self.seen = Some(version);
        let reviewed = reviewed_set(ws);
        if self.asked.as_ref() == Some(&reviewed) {
            return;
        }
        self.asked = Some(reviewed);
        let enough = ws.count_status(DocStatus::Done) >= TRUST_AFTER;
        if !enough && self.model.is_none() && self.job.is_none() {
            return;
        }
        if !enough {
            loads.set_learned(None);
        }
        match &self.job {
            Some(job) => {
                job.cancel();
                self.again = true;
            }
            None => self.start(Task::Retrain, wake),
        }
    }

    fn start(&mut self, task: Task, wake: &Wake) {
        if let Some(path) = &self.project {
            self.job = Some(Job::start(path.clone(), task, wake));
        }
    }

    /// Acts on one report of the job.
    fn take(
        &mut self,
        report: Report,
        ws: &mut Workspace,
        session: &mut Session,
        loads: &mut Loads,
    ) {
        match report {
            Report::Stored(model) => self.install(Some(model), loads),
            Report::Trained {
                model,
                reviewed,
                seconds,
            } => {
                if let Err(err) = session.save_model(&model, &reviewed) {
                    ws.notify(format!("The learned model was not saved: {err}"));
                }
                ws.last_action = Some(format!(
                    "Suggestions now learn from {} reviewed articles (trained in {seconds:.1} s)",
                    model.documents_seen()
                ));
                self.install(Some(model), loads);
            }
            Report::TooFew => {
                if self.model.is_some()
                    && let Err(err) = session.clear_model()
                {
                    ws.notify(format!("The learned model was not removed: {err}"));
                }
                self.install(None, loads);
                self.ranking = None;
                ws.set_ranking(None);
            }
            Report::Ranked(ranking) => {
                ws.set_ranking(Some(ranking.clone()).filter(|_| self.least_sure_first));
                self.ranking = Some(ranking);
            }
            Report::Scored { reviewed, held_out } => {
                if let Err(err) = session.set_model_scores(&reviewed, &held_out) {
                    ws.notify(format!("The learned model's score was not saved: {err}"));
                }
            }
            Report::Failed(message) => ws.notify(message),
        }
    }

    /// Makes `model` the one the engines use from now on.
    fn install(&mut self, model: Option<Arc<Model>>, loads: &mut Loads) {
        loads.set_learned(model.clone());
        self.model = model;
    }
}

/// The workspace's reviewed set, by [`fingerprint`].
fn reviewed_set(ws: &Workspace) -> String {
    let done = ws.entries().iter().map(|e| &e.summary);
    fingerprint(done.filter(|s| s.status == DocStatus::Done).map(|s| &s.id))
}
