//! The editor's side of its background work, taken in once a frame by
//! [`Editor::poll`]: a project that finished opening, articles read (each
//! open showing its first article and saying what it added), the engines
//! suggesting on a document shown for the first time, and a large export;
//! what is under way as [`Work`] for the window to show, and cancelling it.

use std::path::PathBuf;
use std::sync::Arc;

use super::work::{Task, Work};
use super::{Editor, Effect, adding, navigate, project};
use crate::model::Document;

impl Editor {
    /// Takes in what the background work brought (a project opened, articles
    /// read, suggestions made, an export written) and brings a document just
    /// shown up to date; returns what the view must do. The window calls it
    /// at the start of every frame.
    pub fn poll(&mut self) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self.poll_project().into_iter().collect();
        let (ws, session) = (&mut self.workspace, &mut self.session);
        (self.learning).poll(ws, session, &mut self.loads, &self.wake);
        for delivered in self.loads.poll() {
            for message in delivered.messages {
                self.workspace.notify(message);
            }
            self.opens.tally(delivered.load).finished |= delivered.finished;
            if self.opening.is_some() {
                self.waiting.push((delivered.load, delivered.documents));
            } else {
                self.take_in(delivered.load, delivered.documents);
            }
        }
        if self.opening.is_none() {
            self.report_opens();
        }
        effects.extend(self.shown.sync(&mut self.workspace, &mut self.session));
        self.suggesting.poll(&mut self.workspace, &mut self.session);
        let engines = self.loads.engines();
        (self.suggesting).start(&self.workspace, &self.session, &engines, &self.wake);
        if self.find.follow(self.workspace.current().map(|o| &o.doc)) {
            effects.extend(self.find.current().map(Effect::Reveal));
        }
        effects.extend(self.poll_export());
        effects
    }

    /// The background work under way, for the window to show.
    pub fn work(&self) -> Vec<Work> {
        let mut out = Vec::new();
        if let Some((done, total)) = self.loads.progress() {
            out.push(Work {
                task: Task::Reading,
                done,
                total,
                about: String::new(),
            });
        }
        if let Some(title) = self.suggesting.running() {
            out.push(Work {
                task: Task::Suggesting,
                done: 0,
                total: 0,
                about: title.to_owned(),
            });
        }
        out.extend(self.export_work());
        out
    }

    /// Stops one kind of background work; what it finished stays.
    pub(super) fn cancel(&mut self, task: Task) {
        match task {
            Task::Reading => {
                self.loads.cancel();
                let said = self.opens.clear();
                self.workspace.last_action = Some(
                    said.last()
                        .cloned()
                        .unwrap_or_else(|| "Stopped reading files".into()),
                );
            }
            Task::Suggesting => {
                self.suggesting.cancel();
                self.workspace.last_action = Some("Suggestions stopped".into());
            }
            Task::Exporting => self.cancel_export(),
        }
    }

    /// Adds the articles load `load` delivered; the first one an open
    /// brings is shown.
    fn take_in(&mut self, load: u64, docs: Vec<Document>) {
        let (ws, session) = (&mut self.workspace, &mut self.session);
        let outcome = adding::add_opened(ws, session, docs);
        let tally = self.opens.tally(load);
        tally.added += outcome.added;
        tally.already += outcome.already;
        if let Some(first) = outcome.first.filter(|_| !tally.shown) {
            tally.shown = true;
            navigate::show_document(ws, session, &mut self.shown, first);
        }
    }

    /// Says what each finished open added.
    fn report_opens(&mut self) {
        if let Some(summary) = self.opens.take_finished().pop() {
            self.workspace.last_action = Some(summary);
        }
    }

    /// Takes over a project that finished opening, or reports why it did not.
    fn poll_project(&mut self) -> Option<Effect> {
        let result = self.opening.as_ref()?.0.poll()?;
        let (_, import) = self.opening.take()?;
        match result {
            Ok(opened) => {
                self.shown.save_place(&self.workspace, &mut self.session);
                self.loads.cancel();
                self.opens.finish_all();
                self.suggesting.forget();
                self.find.clear();
                self.search = super::TextSearch::default();
                let title = project::title(opened.project.path());
                let notices = std::mem::take(&mut self.workspace.notices);
                let keep = self.workspace.keep_loaded();
                let fresh = project::take_over(opened, notices, keep, self.places.as_ref());
                self.loads.set_rules(fresh.rules);
                self.loads.set_external(fresh.external);
                self.loads.set_learned(None);
                self.loads.set_memory(Arc::clone(fresh.session.memory()));
                (self.workspace, self.session) = (fresh.workspace, fresh.session);
                self.shown.forget();
                self.add_waiting(import);
                Some(Effect::ProjectOpened { title })
            }
            Err(message) => {
                self.workspace.notify(message.clone());
                if self.session.path().is_none() {
                    self.session.report(format!(
                        "No project is open ({message}). Edits stay in this window only; \
                         save them with Save project as…"
                    ));
                }
                self.add_waiting(import);
                None
            }
        }
    }

    /// Adds the articles read while a project was opening, then starts
    /// reading `import` (and the bundled samples on a first run).
    fn add_waiting(&mut self, import: Vec<PathBuf>) {
        for (load, docs) in std::mem::take(&mut self.waiting) {
            self.take_in(load, docs);
        }
        self.report_opens();
        self.loads.start(import, &self.wake);
        if std::mem::take(&mut self.samples_on_open) {
            self.loads.start_samples(&self.wake);
        }
    }
}
