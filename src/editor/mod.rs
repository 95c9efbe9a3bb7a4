//! The editor core, without a window: the project's documents (a few of them
//! loaded, with their undo history), the selection and link modes, the
//! [`Command`]s every user action becomes and the transactions they turn
//! into, moving between documents, the [`Session`] that commits every change
//! to the project at once, and the background work of opening projects and
//! articles. [`Editor`] ties them together: the window (`src/app/`) draws
//! its state, turns input into commands, hands each to [`Editor::run`], and
//! does what the returned [`Effect`] says. Nothing here knows egui, so all
//! of it is tested without one.

mod adding;
mod apply;
mod background;
mod command;
pub mod edits;
mod export;
pub mod find;
pub mod import;
pub mod learning;
mod lookup;
mod navigate;
mod open;
mod opened;
mod project;
mod purpose;
mod resuggest;
mod rules_settings;
mod selection;
pub mod session;
mod shown;
mod suggesting;
mod work;
pub mod workspace;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use self::command::{Command, Effect, Side, Theme};
pub use self::export::INLINE as EXPORT_INLINE;
pub use self::find::Find;
pub use self::lookup::TextSearch;
pub use self::open::Wake;
pub use self::purpose::Purpose;
pub use self::selection::{Mode, Role, Selection, finish_range};
pub use self::session::Session;
pub use self::session::opening::OpenMode;
pub use self::session::startup::{self, Launch};
pub use self::work::{Task, Work};
pub use self::workspace::{KEEP_LOADED, Workspace, truncate};
pub use crate::formats::ExportFormat;
pub use crate::store::{PROJECT_EXTENSION, Places, ViewPosition};

use self::export::ExportJob;
use self::learning::Learning;
use self::open::Loads;
use self::opened::Opens;
use self::session::opening::ProjectLoad;
use self::shown::Shown;
use self::suggesting::FirstSuggest;
use crate::model::{DocId, Document, LabelSet};
use crate::suggest::Suggester;
use crate::suggest::rules::RulesConfig;

/// The documents open, the project behind them and the work under way.
pub struct Editor {
    workspace: Workspace,
    session: Session,
    loads: Loads,
    /// A project being opened, with the files to add once it is.
    opening: Option<(ProjectLoad, Vec<PathBuf>)>,
    /// True when the bundled samples are to be added to the project being
    /// opened (a first run).
    samples_on_open: bool,
    /// Articles read while a project was opening (by load), added once it is.
    waiting: Vec<(u64, Vec<Document>)>,
    /// What each open under way brought so far.
    opens: Opens,
    /// The engines suggesting on a document shown for the first time.
    suggesting: FirstSuggest,
    /// A large export running in the background.
    export: Option<ExportJob>,
    /// Finding text in the shown article.
    find: Find,
    /// The document list's full-text search.
    search: TextSearch,
    /// Where the recent projects and trusted engines are kept (none in tests).
    places: Option<Places>,
    /// The document brought into view last, and the reader's place.
    shown: Shown,
    /// The project's learned model and the work on it.
    learning: Learning,
    wake: Wake,
}

impl Editor {
    /// An editor over `workspace`, with no project (edits stay in memory)
    /// and no suggestion engines.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            session: Session::in_memory(),
            loads: Loads::default(),
            opening: None,
            samples_on_open: false,
            waiting: Vec::new(),
            opens: Opens::default(),
            suggesting: FirstSuggest::default(),
            export: None,
            find: Find::default(),
            search: TextSearch::default(),
            places: None,
            shown: Shown::default(),
            learning: Learning::default(),
            wake: Arc::new(|| {}),
        }
    }

    /// The editor a window opens with (see [`startup`]): the built-in
    /// suggestion engines, this machine's `places`, the plan's notes, and its
    /// project opening in the background, calling `wake` when it is ready.
    pub fn launch(plan: startup::Plan, places: Option<Places>, wake: Wake) -> Self {
        let mut editor = Self::new(Workspace::new(LabelSet::builtin()));
        editor.set_wake(wake);
        (editor.loads).use_builtin(RulesConfig::default());
        editor.set_places(places);
        for note in plan.notes {
            editor.workspace.notify(note);
        }
        editor.open_project(plan.project, plan.mode, plan.import);
        editor.samples_on_open = plan.samples;
        editor
    }

    /// Sets what background work calls when it has something new (the
    /// window asks for a repaint), for work started from now on.
    pub fn set_wake(&mut self, wake: Wake) {
        self.wake = wake;
    }

    /// Sets this machine's folders: the recent projects and the external
    /// engines allowed to run (without them, none is).
    pub fn set_places(&mut self, places: Option<Places>) {
        self.places = places;
    }

    /// Sets the built-in suggestion engines run on every document opened from now on.
    pub fn set_engines(&mut self, engines: Vec<Box<dyn Suggester>>) {
        self.loads.set_engines(engines);
    }

    /// The documents, the selection and the messages.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace, mutably: tests and benchmarks set a scene up with it.
    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.workspace
    }

    /// The project behind the editor.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The project's learned model and whether it is being trained.
    pub fn learning(&self) -> &Learning {
        &self.learning
    }

    /// True while a project is opening, articles are being read, the
    /// engines suggest on the shown article or an export runs.
    pub fn busy(&self) -> bool {
        self.opening.is_some()
            || self.loads.progress().is_some()
            || self.suggesting.running().is_some()
            || self.export.is_some()
    }

    /// Files read so far and files in all, while articles are being read.
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.loads.progress()
    }

    /// The project file being opened, if one is.
    pub fn opening(&self) -> Option<&Path> {
        self.opening.as_ref().map(|(load, _)| load.path())
    }

    /// Starts opening the project at `path`; `import` is added to it once it
    /// is open. The current project stays until the new one is ready.
    pub fn open_project(&mut self, path: PathBuf, mode: OpenMode, import: Vec<PathBuf>) {
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
        let wake = Arc::clone(&self.wake);
        let load = ProjectLoad::start(path, mode, move || wake());
        self.opening = Some((load, import));
    }

    /// Runs one command; returns what the view must do afterwards, if anything.
    pub fn run(&mut self, cmd: Command) -> Option<Effect> {
        let (ws, session) = (&mut self.workspace, &mut self.session);
        match cmd {
            Command::ToggleShortcuts => return Some(Effect::ToggleShortcuts),
            Command::Export => return Some(Effect::OpenExport),
            Command::ExportTo {
                format,
                only_done,
                path,
            } => return self.export(format, only_done, &path),
            Command::PickPath(purpose) => return Some(Effect::PickPath(purpose)),
            Command::AskPath(purpose) => return Some(Effect::AskPath(purpose)),
            Command::OpenPaths(paths) => {
                self.loads.start(paths, &self.wake);
            }
            Command::OpenProject(path) => self.open_project(path, OpenMode::Open, Vec::new()),
            Command::NewProject(path) => self.open_project(path, OpenMode::Create, Vec::new()),
            Command::SaveProjectAs(path) => match session.save_as(&path, ws) {
                Ok(()) => {
                    ws.last_action = Some(format!("Saved as {}", path.display()));
                    self.shown.resave_place(ws, session);
                }
                Err(err) => ws.notify(format!("Not saved: {err}")),
            },
            Command::RetrySave => {
                if session.retry(ws) {
                    ws.last_action = Some("All changes saved".into());
                }
            }
            Command::DismissNotices => ws.notices.clear(),
            Command::Cancel(task) => self.cancel(task),
            Command::SetTheme(theme) => return Some(Effect::SetTheme(theme)),
            Command::ToggleTheme => return Some(Effect::ToggleTheme),
            Command::TogglePanel(side) => return Some(Effect::TogglePanel(side)),
            Command::OpenFind
            | Command::Find(_)
            | Command::FindNext
            | Command::FindPrevious
            | Command::LabelAllFound(_)
            | Command::CloseFind
            | Command::SearchDocuments(_) => return self.lookup(cmd),
            Command::LeastSureFirst(on) => self.learning.set_least_sure_first(on, ws, session),
            Command::SuggestAgain => resuggest::run(ws, session, &self.loads.engines()),
            Command::SetInterruptedQuotes(how) => self.set_interrupted_quotes(how),
            Command::SetQuoteClasses(classes) => self.set_quote_classes(classes),
            Command::Quit => {
                self.shown.save_place(ws, session);
                return Some(Effect::Quit);
            }
            cmd => return apply::run(ws, session, &mut self.shown, cmd),
        }
        None
    }

    /// Takes where the reader is, as the view drew it this frame.
    pub fn report_place(&mut self, place: Option<(&DocId, ViewPosition)>) {
        self.shown.report_place(place);
    }

    /// Writes the reader's place once it settled (`now` in seconds); returns
    /// how long to wait before calling again, while it has not.
    pub fn keep_place(&mut self, now: f64) -> Option<Duration> {
        (self.shown).keep_place(&self.workspace, &mut self.session, now)
    }
}

impl Drop for Editor {
    /// The reader's place is written when the editor closes.
    fn drop(&mut self) {
        self.shown.save_place(&self.workspace, &mut self.session);
    }
}
