//! Getting articles and projects into the window: native file, folder and
//! project dialogs (run on a thread so the UI never blocks), a path field for
//! desktops where rfd has no dialog to show, files and folders dropped on the
//! window, and the background loads that read and suggest articles.

mod dialog;
mod engines;
mod loader;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Context, Id, Ui};

pub use self::dialog::Purpose;
use self::dialog::{PathField, Picking};
pub use self::engines::Engines;
use self::loader::Load;
use crate::app::commands::Command;
use crate::formats::InputFormat;
use crate::model::Document;
use crate::suggest::Suggester;
use crate::suggest::external::ExternalEngine;
use crate::suggest::memory::MemoryEngine;

/// What a frame's poll brought in.
#[derive(Default)]
pub struct Polled {
    /// Articles read and suggested, in input order.
    pub documents: Vec<Document>,
    /// Messages for the editor, each naming its file.
    pub messages: Vec<String>,
    /// Project commands answered through a dialog or the path field.
    pub commands: Vec<Command>,
}

/// Dialogs, drops and background loads.
#[derive(Default)]
pub struct Opener {
    loads: Vec<Load>,
    picking: Option<Picking>,
    path_field: Option<PathField>,
    engines: Engines,
    memory: Option<Arc<MemoryEngine>>,
}

/// The bundled sample articles (not their README or gold files), for a
/// first run.
pub fn sample_articles() -> Vec<PathBuf> {
    let samples = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
    let Ok(entries) = std::fs::read_dir(samples) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && InputFormat::of_path(p).is_some())
        .filter(|p| p.file_stem().is_none_or(|s| s != "README"))
        .collect();
    files.sort();
    files
}

impl Opener {
    /// Sets the built-in suggestion engines run on every document opened from now on.
    pub fn set_engines(&mut self, engines: Vec<Box<dyn Suggester>>) {
        self.engines = Engines::new(engines);
    }

    /// Sets the project's external engine (or none) for documents opened from now on.
    pub fn set_external(&mut self, external: Option<ExternalEngine>) {
        self.engines = self.engines.with_external(external);
    }

    /// Sets the project's memory, which refines and adds to every suggestion.
    pub fn set_memory(&mut self, memory: Arc<MemoryEngine>) {
        self.memory = Some(memory);
    }

    /// Starts reading `paths` (files or folders) in the background.
    pub fn load(&mut self, paths: Vec<PathBuf>, ctx: &Context) {
        if paths.is_empty() {
            return;
        }
        let engines = match &self.memory {
            Some(memory) => self.engines.with_memory(Arc::clone(memory)),
            None => self.engines.clone(),
        };
        let ctx = ctx.clone();
        self.loads
            .push(Load::start(paths, engines, move || ctx.request_repaint()));
    }

    /// Drops the loads still running (their project was closed).
    pub fn cancel_loads(&mut self) {
        self.loads.clear();
    }

    /// Files read so far and files in all, over every running load.
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.loads.is_empty() {
            return None;
        }
        Some(self.loads.iter().fold((0, 0), |(d, t), l| {
            let (ld, lt) = l.progress();
            (d + ld, t + lt)
        }))
    }

    /// True while the path field has the keyboard.
    pub fn modal_open(&self) -> bool {
        self.path_field.is_some()
    }

    /// Takes in finished reads, dialog answers and dropped files.
    pub fn poll(&mut self, ctx: &Context) -> Polled {
        let mut out = Polled::default();
        for load in &mut self.loads {
            let delivered = load.poll();
            out.documents.extend(delivered.documents);
            out.messages.extend(delivered.messages);
        }
        self.loads.retain(|l| !l.finished());
        if let Some(picking) = &self.picking
            && let Some(paths) = picking.poll()
        {
            let purpose = picking.purpose;
            self.picking = None;
            if paths.is_empty() {
                self.path_field = Some(PathField::after_empty_dialog(purpose));
            } else {
                self.answer(purpose, paths, ctx, &mut out.commands);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        self.load(dropped, ctx);
        if !self.loads.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        out
    }

    /// Acts on paths chosen for `purpose`: articles load, project paths
    /// become commands for the app.
    fn answer(
        &mut self,
        purpose: Purpose,
        mut paths: Vec<PathBuf>,
        ctx: &Context,
        commands: &mut Vec<Command>,
    ) {
        let project = || paths.first().cloned().map(|p| purpose.finish(p));
        match purpose {
            Purpose::Files | Purpose::Folder | Purpose::AnyPath => {
                self.load(std::mem::take(&mut paths), ctx);
            }
            Purpose::OpenProject => commands.extend(project().map(Command::OpenProject)),
            Purpose::NewProject => commands.extend(project().map(Command::NewProject)),
            Purpose::SaveProjectAs => commands.extend(project().map(Command::SaveProjectAs)),
        }
    }

    /// Opens a native dialog for `purpose`; its answer arrives in a later [`Opener::poll`].
    pub fn pick(&mut self, purpose: Purpose, ctx: &Context) {
        if self.picking.is_none() {
            self.picking = Some(Picking::start(purpose, ctx));
        }
    }

    /// Shows the path field for `purpose`.
    pub fn show_path_field(&mut self, purpose: Purpose) {
        self.path_field = Some(PathField::new(purpose, purpose.prompt()));
    }

    /// The article items of the File menu.
    pub fn file_menu(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if menu_item(ui, "Open files…", &ctx.format_shortcut(&OPEN_FILES)) {
            self.pick(Purpose::Files, &ctx);
        }
        if menu_item(ui, "Open folder…", &ctx.format_shortcut(&OPEN_FOLDER)) {
            self.pick(Purpose::Folder, &ctx);
        }
        if menu_item(ui, "Open path…", &ctx.format_shortcut(&OPEN_PATH)) {
            self.show_path_field(Purpose::AnyPath);
        }
    }

    /// Reads the open shortcuts.
    pub fn read_keys(&mut self, ctx: &Context) {
        let (folder, files, path) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN_FOLDER),
                i.consume_shortcut(&OPEN_FILES),
                i.consume_shortcut(&OPEN_PATH),
            )
        });
        if folder {
            self.pick(Purpose::Folder, ctx);
        } else if files {
            self.pick(Purpose::Files, ctx);
        }
        if path {
            self.show_path_field(Purpose::AnyPath);
        }
    }

    /// The path field window and the drop hint; a confirmed path is acted on.
    pub fn windows(&mut self, ctx: &Context, commands: &mut Vec<Command>) {
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                Id::unique("drop-hint"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(140));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files or folders to open them",
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
        let Some(field) = &mut self.path_field else {
            return;
        };
        let purpose = field.purpose;
        match field.ui(ctx) {
            None => {}
            Some(None) => self.path_field = None,
            Some(Some(path)) => {
                self.path_field = None;
                self.answer(purpose, vec![path], ctx, commands);
            }
        }
    }
}

/// A File menu item with its shortcut; true when clicked (the menu closes).
pub fn menu_item(ui: &mut Ui, text: &str, shortcut: &str) -> bool {
    let clicked = ui
        .add(egui::Button::new(text).shortcut_text(shortcut))
        .clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// Ctrl+O.
const OPEN_FILES: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
/// Ctrl+Shift+O.
const OPEN_FOLDER: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers {
        shift: true,
        ..egui::Modifiers::COMMAND
    },
    egui::Key::O,
);
/// Ctrl+L.
const OPEN_PATH: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::L);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_are_the_articles_not_their_readme_or_gold() {
        let samples = sample_articles();
        assert!(samples.len() > 10, "{samples:?}");
        for path in &samples {
            let name = path.file_name().unwrap().to_string_lossy();
            assert!(name != "README.md" && !name.contains(".markup."), "{name}");
        }
        assert!(
            samples
                .iter()
                .any(|p| p.ends_with("museum-restitution.html"))
        );
    }
}
