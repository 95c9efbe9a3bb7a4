//! Getting articles into the window: native file and folder dialogs (run on
//! a thread so the UI never blocks), a path field for desktops where rfd has
//! no dialog to show (it then returns nothing, silently), files and folders
//! dropped on the window, and the background loads that read and suggest them.

mod loader;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, Id, Modal, TextEdit, Ui};

pub use self::loader::Engines;
use self::loader::Load;
use crate::app::state::Workspace;

/// What a dialog thread sends back.
enum Picked {
    /// The chosen files or folders.
    Paths(Vec<PathBuf>),
    /// Cancelled, or no dialog could be shown.
    Nothing,
}

/// The path field window.
#[derive(Default)]
struct PathField {
    text: String,
    note: String,
}

/// Dialogs, drops and background loads.
#[derive(Default)]
pub struct Opener {
    loads: Vec<Load>,
    picked: Option<Receiver<Picked>>,
    path_field: Option<PathField>,
    engines: Engines,
}

/// Paths opened when the app starts without any: the bundled samples.
pub fn default_paths() -> Vec<PathBuf> {
    let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
    if samples.is_dir() {
        vec![samples]
    } else {
        Vec::new()
    }
}

impl Opener {
    /// Sets the suggestion engines run on every document opened from now on.
    pub fn set_engines(&mut self, engines: Engines) {
        self.engines = engines;
    }

    /// Starts reading `paths` (files or folders) in the background.
    pub fn load(&mut self, paths: Vec<PathBuf>, ctx: &Context) {
        if paths.is_empty() {
            return;
        }
        let ctx = ctx.clone();
        self.loads
            .push(Load::start(paths, self.engines.clone(), move || {
                ctx.request_repaint()
            }));
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

    /// Takes in finished reads, dialog results and dropped files.
    pub fn poll(&mut self, ctx: &Context, ws: &mut Workspace) {
        for load in &mut self.loads {
            let delivered = load.poll();
            ws.add_documents(delivered.documents);
            for message in delivered.messages {
                ws.notify(message);
            }
        }
        self.loads.retain(|l| !l.finished());
        if let Some(rx) = &self.picked
            && let Ok(picked) = rx.try_recv()
        {
            self.picked = None;
            match picked {
                Picked::Paths(paths) => self.load(paths, ctx),
                Picked::Nothing => self.show_path_field(
                    "No file chosen. If no dialog appeared, this desktop has no file \
                     dialog service (install xdg-desktop-portal-gtk or zenity); type a path instead.",
                ),
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
    }

    /// Opens a native dialog on a thread; its answer arrives in a later [`Opener::poll`].
    pub fn pick(&mut self, folder: bool, ctx: &Context) {
        if self.picked.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(if folder {
                "Open a folder of articles"
            } else {
                "Open articles"
            });
            let paths = if folder {
                dialog.pick_folder().map(|p| vec![p])
            } else {
                dialog
                    .add_filter("Articles", &["txt", "md", "html", "htm", "jsonl", "json"])
                    .add_filter("All files", &["*"])
                    .pick_files()
            };
            let _ = tx.send(paths.map_or(Picked::Nothing, Picked::Paths));
            ctx.request_repaint();
        });
        self.picked = Some(rx);
    }

    /// Shows the path field with a note above it.
    pub fn show_path_field(&mut self, note: &str) {
        self.path_field = Some(PathField {
            text: String::new(),
            note: note.to_owned(),
        });
    }

    /// The open items of the File menu.
    pub fn file_menu(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let item = |ui: &mut Ui, text: &str, shortcut: &str| {
            let clicked = ui
                .add(egui::Button::new(text).shortcut_text(shortcut))
                .clicked();
            if clicked {
                ui.close();
            }
            clicked
        };
        if item(ui, "Open files…", &ctx.format_shortcut(&OPEN_FILES)) {
            self.pick(false, &ctx);
        }
        if item(ui, "Open folder…", &ctx.format_shortcut(&OPEN_FOLDER)) {
            self.pick(true, &ctx);
        }
        if item(ui, "Open path…", &ctx.format_shortcut(&OPEN_PATH)) {
            self.show_path_field("A file or folder to open:");
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
        if folder || files {
            self.pick(folder, ctx);
        }
        if path {
            self.show_path_field("A file or folder to open:");
        }
    }

    /// The path field window and the drop hint.
    pub fn windows(&mut self, ctx: &Context) {
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
        let mut open_now = false;
        let mut close = false;
        let modal = Modal::new(Id::unique("path-field")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading("Open path");
            let note = ui.label(&field.note);
            let edit = ui.add(
                TextEdit::singleline(&mut field.text)
                    .hint_text("/home/me/articles")
                    .desired_width(f32::INFINITY),
            );
            edit.clone().labelled_by(note.id);
            edit.request_focus();
            open_now = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                open_now |= ui.button("Open").clicked();
                close = ui.button("Cancel").clicked();
            });
        });
        if open_now && !field.text.trim().is_empty() {
            let path = PathBuf::from(field.text.trim());
            self.path_field = None;
            self.load(vec![path], ctx);
        } else if close || modal.should_close() {
            self.path_field = None;
        }
    }
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
