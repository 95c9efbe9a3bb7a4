//! The window's side of the project: opening one (in the background) and
//! taking it over, adding opened articles to it (a text opens once: copies
//! are reported, not doubled, and an annotated copy takes over a bare one),
//! the project items of the File menu, and saving the work as a new
//! project when the old file cannot be written.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Context, Ui};

use crate::app::BylineApp;
use crate::app::commands::Command;
use crate::app::edits;
use crate::app::open::{Opener, Purpose, menu_item};
use crate::app::session::opening::{OpenMode, Opened, ProjectLoad};
use crate::app::session::{Change, Session};
use crate::app::state::Workspace;
use crate::app::text_view::TextView;
use crate::formats::input::dedupe::is_annotated;
use crate::model::{DocId, Document};
use crate::store::{Places, trust_command};
use crate::suggest::external::{EngineCommand, ExternalEngine};

impl BylineApp {
    /// Starts opening the project at `path`; `import` is added to it once it
    /// is open. The current project stays until the new one is ready.
    pub fn open_project(
        &mut self,
        path: PathBuf,
        mode: OpenMode,
        import: Vec<PathBuf>,
        ctx: &Context,
    ) {
        let unsaved = self.session.unsaved();
        if unsaved > 0 {
            self.workspace.notify(format!(
                "{unsaved} change(s) are not saved yet; use Retry or Save project as… \
                 before opening another project: {}",
                path.display()
            ));
            return;
        }
        if self.session.path() == Some(path.as_path()) && mode != OpenMode::Create {
            self.workspace
                .notify(format!("Already open: {}", path.display()));
            return;
        }
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        self.opening = Some((ProjectLoad::start(path, mode, wake), import));
    }

    /// Takes over a project that finished opening, or reports why it did not.
    pub(crate) fn poll_project(&mut self, ctx: &Context) {
        let Some((load, _)) = &self.opening else {
            return;
        };
        let Some(result) = load.poll() else {
            return;
        };
        let Some((_, import)) = self.opening.take() else {
            return;
        };
        match result {
            Ok(opened) => self.install(opened, import, ctx),
            Err(message) => {
                self.workspace.notify(message.clone());
                if self.session.path().is_none() {
                    self.session.report(format!(
                        "No project is open ({message}). Edits stay in this window only; \
                         save them with Save project as…"
                    ));
                }
                let waiting = std::mem::take(&mut self.waiting);
                self.add_opened(waiting);
                self.opener.load(import, ctx);
            }
        }
    }

    /// Replaces the workspace with an opened project's documents.
    fn install(&mut self, opened: Opened, import: Vec<PathBuf>, ctx: &Context) {
        self.save_view();
        self.opener.cancel_loads();
        let title = opened
            .project
            .path()
            .file_name()
            .map(|n| format!("{} — Byline", n.to_string_lossy()))
            .unwrap_or_else(|| "Byline".into());
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        let labels = if opened.labels.labels.is_empty() {
            crate::model::LabelSet::builtin()
        } else {
            opened.labels
        };
        let mut notices = std::mem::take(&mut self.workspace.notices);
        let (external, note) = external_engine(&opened.project, &labels, self.places.as_ref());
        notices.extend(note);
        self.opener.set_external(external);
        self.session = Session::new(opened.project, opened.memory, self.places.clone());
        self.opener
            .set_memory(std::sync::Arc::clone(self.session.memory()));
        let keep = self.workspace.keep_loaded();
        self.workspace = Workspace::new(labels);
        self.workspace.set_keep_loaded(keep);
        self.workspace.notices = notices;
        self.workspace.add_summaries(opened.summaries);
        let first = opened.first.and_then(|id| self.workspace.find(&id));
        if let Some(index) = first {
            match opened.shown {
                Some((doc, history)) => {
                    self.workspace.load(index, doc, history);
                    self.workspace.show(index);
                }
                None => self.show_document(index),
            }
        }
        self.documents.forget();
        self.view = TextView::default();
        self.shown = None;
        self.saved_view = None;
        self.view_moved_at = None;
        let waiting = std::mem::take(&mut self.waiting);
        self.add_opened(waiting);
        self.opener.load(import, ctx);
    }

    /// Takes in what the opener read this frame: articles are added to the
    /// project (or wait for the one being opened), messages become notices.
    pub(crate) fn take_opened(&mut self, ctx: &Context, cmds: &mut Vec<Command>) {
        let polled = self.opener.poll(ctx);
        for message in polled.messages {
            self.workspace.notify(message);
        }
        cmds.extend(polled.commands);
        if self.opening.is_some() {
            self.waiting.extend(polled.documents);
        } else {
            self.add_opened(polled.documents);
        }
    }

    /// Adds opened documents to the project and the window. A text already
    /// open (same text, so same id) opens once: an annotated copy takes the
    /// place of a bare one nobody has edited yet (an article opened beside its
    /// gold export), any other copy is left out; a notice says which.
    fn add_opened(&mut self, docs: Vec<Document>) {
        if docs.is_empty() {
            return;
        }
        if let Some(reason) = self.session.read_only() {
            self.workspace.notify(format!(
                "Read-only: {reason}, so {} opened document(s) were not added. \
                 Open them in the window that has the project.",
                docs.len()
            ));
            return;
        }
        let mut fresh: Vec<Document> = Vec::with_capacity(docs.len());
        let mut in_batch: HashMap<DocId, usize> = HashMap::new();
        for doc in docs {
            if let Some(i) = self.workspace.find(&doc.id) {
                if is_annotated(&doc) && self.ensure_loaded(i) {
                    let bare = self.workspace.loaded(i).map(|o| &o.doc);
                    if bare.is_some_and(|bare| !is_annotated(bare)) {
                        self.take_annotated(i, doc);
                        continue;
                    }
                }
                let existing = (self.workspace.entries().get(i))
                    .map(|e| e.summary.source.as_deref().unwrap_or(e.title()).to_owned());
                self.left_out(&existing.unwrap_or_default(), &doc);
            } else if let Some(&k) = in_batch.get(&doc.id) {
                if !is_annotated(&fresh[k]) && is_annotated(&doc) {
                    let bare = std::mem::replace(&mut fresh[k], doc);
                    self.left_out(&name_of(&fresh[k]), &bare);
                } else {
                    self.left_out(&name_of(&fresh[k]), &doc);
                }
            } else {
                in_batch.insert(doc.id.clone(), fresh.len());
                fresh.push(doc);
            }
        }
        let added = self.session.add(fresh);
        for d in added.duplicates {
            let name = |s: &Option<String>| s.clone().unwrap_or_else(|| d.id.to_string());
            self.workspace.notify(format!(
                "Already in the project, not added again (same text as {}): {}",
                name(&d.existing),
                name(&d.source)
            ));
        }
        self.workspace.add_documents(added.documents);
        self.trim_loaded();
    }

    /// Says that `doc` was not opened because `existing` holds its text.
    fn left_out(&mut self, existing: &str, doc: &Document) {
        self.workspace.notify(format!(
            "Opened once, not added again (same text as {existing}): {}",
            name_of(doc)
        ));
    }

    /// Gives open document `index` (bare, untouched) the annotations of
    /// `annotated`, committed like any change.
    fn take_annotated(&mut self, index: usize, annotated: Document) {
        let Some(bare) = self.workspace.loaded_mut(index) else {
            return;
        };
        let tx = edits::take_annotations(&bare.doc, &annotated);
        bare.doc.meta.extend(annotated.meta.clone());
        match self.workspace.apply_unrecorded(index, &tx) {
            Ok(Some(applied)) => {
                self.session
                    .commit(&self.workspace, index, applied, Change::Suggest);
                self.workspace.notify(format!(
                    "Opened the annotated copy in place of the bare one: {}",
                    name_of(&annotated)
                ));
            }
            Ok(None) => {}
            Err(err) => self.workspace.notify(format!(
                "The annotated copy could not be taken over ({err}): {}",
                name_of(&annotated)
            )),
        }
    }

    /// Runs the project commands; false for any other command.
    pub(crate) fn run_project_command(&mut self, cmd: &Command, ctx: &Context) -> bool {
        match cmd {
            Command::OpenProject(path) => {
                self.open_project(path.clone(), OpenMode::Open, Vec::new(), ctx);
            }
            Command::NewProject(path) => {
                self.open_project(path.clone(), OpenMode::Create, Vec::new(), ctx);
            }
            Command::SaveProjectAs(path) => match self.session.save_as(path, &self.workspace) {
                Ok(()) => {
                    self.workspace.last_action = Some(format!("Saved as {}", path.display()));
                    self.saved_view = None;
                    self.save_view();
                }
                Err(err) => self.workspace.notify(format!("Not saved: {err}")),
            },
            Command::RetrySave => {
                if self.session.retry(&self.workspace) {
                    self.workspace.last_action = Some("All changes saved".into());
                }
            }
            Command::PickProject(purpose) => self.opener.pick(*purpose, ctx),
            Command::Quit => {
                self.save_view();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            _ => return false,
        }
        true
    }
}

/// How a document is named in notices: its file, else its title.
fn name_of(doc: &Document) -> String {
    doc.source
        .clone()
        .unwrap_or_else(|| crate::app::state::truncate(doc.text().lines().next().unwrap_or(""), 60))
}

/// The project items of the File menu.
pub fn file_menu(ui: &mut Ui, opener: &mut Opener, session: &Session, cmds: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    if menu_item(ui, "New project…", "") {
        opener.pick(Purpose::NewProject, &ctx);
    }
    if menu_item(ui, "Open project…", "") {
        opener.pick(Purpose::OpenProject, &ctx);
    }
    ui.menu_button("Recent projects", |ui| {
        let recent = session.recent();
        if recent.is_empty() {
            ui.weak("None yet");
        }
        for path in recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let item = ui
                .add(egui::Button::new(name))
                .on_hover_text(path.display().to_string());
            if item.clicked() {
                cmds.push(Command::OpenProject(path));
                ui.close();
            }
        }
    });
    if menu_item(ui, "Save project as…", "") {
        opener.pick(Purpose::SaveProjectAs, &ctx);
    }
}

/// The project's external engine (`byline engine --project P --cmd …`),
/// checking labels against the project's; a note when it cannot be used. A
/// project file can come from anyone, so its command runs only if this
/// machine's `places` trust it for this project (none in tests: nothing is).
fn external_engine(
    project: &crate::store::Project,
    labels: &crate::model::LabelSet,
    places: Option<&Places>,
) -> (Option<ExternalEngine>, Option<String>) {
    let line = match project.engine_command() {
        Ok(Some(line)) => line,
        Ok(None) => return (None, None),
        Err(e) => return (None, Some(format!("External engine not run: {e}"))),
    };
    if !places.is_some_and(|p| p.trusts_engine(project.path(), &line)) {
        return (
            None,
            Some(format!(
                "This project names an external engine (`{line}`) that was not set up on \
                 this machine, so it does not run. To allow it: {}",
                trust_command(project.path())
            )),
        );
    }
    match EngineCommand::parse(&line) {
        Ok(command) => (
            Some(ExternalEngine::new(command).with_labels(labels.clone())),
            None,
        ),
        Err(e) => (None, Some(format!("External engine not run: {e}"))),
    }
}
