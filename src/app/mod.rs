//! The annotator window — the only code that knows egui. [`BylineApp`] is the
//! shell: it lays out the panels around the article, reads the keyboard,
//! collects the [`commands::Command`]s every widget pushes during a frame and
//! runs them at the end of it. [`run`] opens the window.

pub mod bench;
pub mod commands;
pub mod edits;
pub mod export;
pub mod fonts;
pub mod keys;
pub mod open;
pub mod panels;
pub mod state;
pub mod text_view;
pub mod theme;

use std::path::PathBuf;

use egui::{CentralPanel, Panel, Ui};

use self::commands::Command;
use self::export::ExportDialog;
use self::open::Opener;
use self::panels::{
    documents::DocumentList, inspector, ledger, menu, notices, palette, shortcuts, status,
};
use self::state::Workspace;
use self::text_view::TextView;
use crate::model::LabelSet;

/// The annotator: the workspace and the state of every panel.
pub struct BylineApp {
    workspace: Workspace,
    view: TextView,
    documents: DocumentList,
    opener: Opener,
    exporter: ExportDialog,
    show_shortcuts: bool,
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
        }
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
        self.opener.poll(&ctx, &mut self.workspace);
        let mut cmds: Vec<Command> = Vec::new();
        if !self.opener.modal_open() && !self.exporter.is_open() {
            cmds.extend(keys::read(&ctx, &self.workspace.labels));
            self.opener.read_keys(&ctx);
        }
        let ws = &self.workspace;
        let opener = &mut self.opener;
        Panel::top("menu").show(ui, |ui| {
            let mut file_cmds = Vec::new();
            menu::ui(ui, &mut cmds, |ui| {
                opener.file_menu(ui);
                ui.separator();
                menu::item(ui, "Export…", Command::Export, &mut file_cmds);
            });
            cmds.extend(file_cmds);
        });
        Panel::bottom("status").show(ui, |ui| status::ui(ui, ws, opener.progress()));
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
        self.opener.windows(&ctx);
        self.exporter.ui(&ctx, &self.workspace);
        notices::ui(&ctx, &mut self.workspace.notices);
        for cmd in cmds {
            self.run_command(cmd);
        }
    }
}

impl eframe::App for BylineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        BylineApp::ui(self, ui);
    }
}

/// Opens the annotator window on `paths` (files or folders); with none, on the
/// bundled samples when they are there. Returns when the window is closed.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let paths = if paths.is_empty() {
        open::default_paths()
    } else {
        paths
    };
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
            app.opener.load(paths, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the window: {err}"))
}
