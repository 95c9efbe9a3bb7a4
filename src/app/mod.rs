//! The annotator window — the only code that knows egui. [`BylineApp`] is the
//! shell: it lays out the panels around the article, reads the keyboard,
//! collects the [`commands::Command`]s every widget pushes during a frame and
//! runs them at the end of it; its [`session::Session`] commits every change
//! to the project at once. [`run`] opens the window.

pub mod bench;
pub mod commands;
pub mod edits;
pub mod export;
mod export_batches;
pub mod fonts;
pub mod keys;
pub mod loaded;
mod navigate;
pub mod open;
pub mod panels;
mod project;
pub mod project_bench;
pub mod session;
mod shown;
pub mod state;
pub mod text_view;
pub mod theme;

use std::path::PathBuf;

use egui::{CentralPanel, Panel, Ui};

pub use self::session::startup::Launch;

use self::commands::Command;
use self::export::ExportDialog;
use self::open::Opener;
use self::panels::{
    banner, documents::DocumentList, inspector, ledger, menu, notices, palette, shortcuts, status,
};
use self::session::Session;
use self::session::opening::ProjectLoad;
use self::state::Workspace;
use self::text_view::TextView;
use crate::model::{DocId, Document, LabelSet};
use crate::store::Places;

/// The annotator: the workspace and the state of every panel.
pub struct BylineApp {
    workspace: Workspace,
    view: TextView,
    documents: DocumentList,
    opener: Opener,
    exporter: ExportDialog,
    show_shortcuts: bool,
    session: Session,
    /// Where the recent projects and trusted engines are kept (none in tests).
    places: Option<Places>,
    /// A project being opened, with the files to add once it is.
    opening: Option<(ProjectLoad, Vec<PathBuf>)>,
    /// Articles read while a project was opening, added once it is.
    waiting: Vec<Document>,
    /// The document whose view was last restored.
    shown: Option<DocId>,
    /// The view position last written.
    saved_view: Option<(DocId, usize)>,
    /// When the view first moved away from the position last written.
    view_moved_at: Option<f64>,
}

impl BylineApp {
    /// A window over `workspace`.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            view: TextView::default(),
            documents: DocumentList::default(),
            opener: Opener::default(),
            exporter: ExportDialog::default(),
            show_shortcuts: false,
            session: Session::in_memory(),
            places: None,
            opening: None,
            waiting: Vec::new(),
            shown: None,
            saved_view: None,
            view_moved_at: None,
        }
    }

    /// Sets this machine's folders: the recent projects and the external
    /// engines allowed to run (without them, none is).
    pub fn set_places(&mut self, places: Option<Places>) {
        self.places = places;
    }

    /// The project behind the window, for tests.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// True while a project is opening or articles are being read.
    pub fn busy(&self) -> bool {
        self.opening.is_some() || self.opener.progress().is_some()
    }

    /// Where the reader is in the shown document, as drawn last frame.
    pub fn view_position(&self) -> Option<crate::store::ViewPosition> {
        self.view.position().map(|(_, position)| position)
    }

    /// The documents and selection, for tests and the benchmark.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace, mutably: tests and the benchmark set a scene up with it.
    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.workspace
    }

    /// The reading/suggesting worker and the open dialogs.
    pub fn opener_mut(&mut self) -> &mut Opener {
        &mut self.opener
    }

    /// Where the character at byte `offset` of the current document was drawn
    /// in the last frame, if it was visible.
    pub fn glyph_rect(&self, offset: usize) -> Option<egui::Rect> {
        let text = self.workspace.current()?.doc.text();
        self.view.glyph_rect(text, offset)
    }

    /// Whether the shortcut sheet is showing.
    pub fn shortcuts_shown(&self) -> bool {
        self.show_shortcuts
    }

    /// Draws one frame into `ui` and then runs the commands it collected.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut cmds: Vec<Command> = Vec::new();
        self.poll_project(&ctx);
        self.take_opened(&ctx, &mut cmds);
        self.sync_shown();
        if !self.opener.modal_open() && !self.exporter.is_open() {
            cmds.extend(keys::read(&ctx, &self.workspace.labels));
            self.opener.read_keys(&ctx);
        }
        let ws = &self.workspace;
        let opener = &mut self.opener;
        let session = &self.session;
        Panel::top("menu").show(ui, |ui| {
            let mut file_cmds = Vec::new();
            menu::ui(ui, &mut cmds, |ui| {
                project::file_menu(ui, opener, session, &mut file_cmds);
                ui.separator();
                opener.file_menu(ui);
                ui.separator();
                menu::item(ui, "Export…", Command::Export, &mut file_cmds);
                ui.separator();
                menu::item(ui, "Quit", Command::Quit, &mut file_cmds);
            });
            cmds.extend(file_cmds);
        });
        let opening = self.opening.as_ref().map(|(load, _)| load.path());
        if banner::shown(session, opening) {
            Panel::top("banner").show(ui, |ui| banner::ui(ui, session, opening, &mut cmds));
        }
        Panel::bottom("status").show(ui, |ui| {
            status::ui(ui, ws, opener.progress(), session.path());
        });
        Panel::left("documents")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| self.documents.ui(ui, ws, &mut cmds));
        Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("inspector")
                    .max_height(ui.available_height() * 0.5)
                    .show(ui, |ui| inspector::ui(ui, ws, &mut cmds));
                ui.separator();
                ledger::ui(ui, ws, &mut cmds);
            });
        let view = &mut self.view;
        CentralPanel::default().show(ui, |ui| {
            if ws.current().is_some() {
                palette::ui(ui, ws, &mut cmds);
                ui.separator();
            }
            view.ui(ui, ws, &mut cmds);
        });
        shortcuts::ui(&ctx, &mut self.show_shortcuts, &ws.labels);
        self.opener.windows(&ctx, &mut cmds);
        self.exporter.ui(&ctx, &self.workspace, &self.session);
        notices::ui(&ctx, &mut self.workspace.notices);
        for cmd in cmds {
            if !self.run_project_command(&cmd, &ctx) {
                self.run_command(cmd);
            }
        }
        self.keep_view(&ctx);
    }
}

impl eframe::App for BylineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        BylineApp::ui(self, ui);
    }
}

impl Drop for BylineApp {
    /// The reader's place is written when the window closes.
    fn drop(&mut self) {
        self.save_view();
    }
}

/// Opens the annotator window as `launch` asks (see [`session::startup`]):
/// a project, then the files to add to it. Returns when the window is closed.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let places = Places::platform().map_err(|e| e.to_string());
    let plan = session::startup::plan(
        launch,
        places.as_ref().map_err(Clone::clone),
        open::sample_articles(),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Byline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Byline",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let mut app = BylineApp::new(Workspace::new(LabelSet::builtin()));
            app.opener.set_engines(crate::suggest::builtin());
            app.set_places(places.ok());
            for note in plan.notes {
                app.workspace.notify(note);
            }
            app.open_project(plan.project, plan.mode, plan.import, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the window: {err}"))
}
