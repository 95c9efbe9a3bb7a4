//! Asking the editor for a path: a native dialog on its own thread (rfd blocks
//! the thread it runs on), and a path field for desktops where rfd has no
//! dialog to show — it then returns nothing, silently, which is also what a
//! cancel looks like, so the field is offered after either.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, Id, Modal, TextEdit};

use crate::store::PROJECT_EXTENSION;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Articles to add.
    Files,
    /// A folder of articles to add.
    Folder,
    /// A file or folder typed in the path field.
    AnyPath,
    /// A project to open.
    OpenProject,
    /// Where to create a new project.
    NewProject,
    /// Where to write the window's work as a new project.
    SaveProjectAs,
}

impl Purpose {
    fn title(self) -> &'static str {
        match self {
            Self::Files => "Open articles",
            Self::Folder => "Open a folder of articles",
            Self::AnyPath => "Open path",
            Self::OpenProject => "Open project",
            Self::NewProject => "New project",
            Self::SaveProjectAs => "Save project as",
        }
    }

    /// The note above the path field.
    pub fn prompt(self) -> &'static str {
        match self {
            Self::Files | Self::Folder | Self::AnyPath => "A file or folder to open:",
            Self::OpenProject => "A project file (.byline) to open:",
            Self::NewProject => "Where to create the new project (.byline):",
            Self::SaveProjectAs => "Where to save this window's work as a new project (.byline):",
        }
    }

    /// The confirm button of the path field.
    fn confirm(self) -> &'static str {
        match self {
            Self::NewProject => "Create",
            Self::SaveProjectAs => "Save",
            _ => "Open",
        }
    }

    /// Whether the answer names a project file (which gets its extension).
    fn is_project(self) -> bool {
        matches!(
            self,
            Self::OpenProject | Self::NewProject | Self::SaveProjectAs
        )
    }

    /// The path as the purpose needs it: a new project file gets `.byline`.
    pub fn finish(self, path: PathBuf) -> PathBuf {
        let creates = matches!(self, Self::NewProject | Self::SaveProjectAs);
        if creates && path.extension().is_none() {
            path.with_extension(PROJECT_EXTENSION)
        } else {
            path
        }
    }
}

/// A native dialog running on its thread.
pub struct Picking {
    /// What it was opened for.
    pub purpose: Purpose,
    rx: Receiver<Option<Vec<PathBuf>>>,
}

impl Picking {
    /// Opens the native dialog for `purpose`; the answer arrives in [`Picking::poll`].
    pub fn start(purpose: Purpose, ctx: &Context) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(purpose.title());
            let projects = |d: rfd::FileDialog| {
                d.add_filter("Byline projects", &[PROJECT_EXTENSION])
                    .add_filter("All files", &["*"])
            };
            let picked = match purpose {
                Purpose::Folder => dialog.pick_folder().map(|p| vec![p]),
                Purpose::Files | Purpose::AnyPath => dialog
                    .add_filter(
                        "Articles",
                        &[
                            "txt", "md", "html", "htm", "jsonl", "json", "ann", "conll", "conllu",
                        ],
                    )
                    .add_filter("All files", &["*"])
                    .pick_files(),
                Purpose::OpenProject => projects(dialog).pick_file().map(|p| vec![p]),
                Purpose::NewProject | Purpose::SaveProjectAs => projects(dialog)
                    .set_file_name(format!("articles.{PROJECT_EXTENSION}"))
                    .save_file()
                    .map(|p| vec![p]),
            };
            let _ = tx.send(picked);
            ctx.request_repaint();
        });
        Self { purpose, rx }
    }

    /// `Some(paths)` once the dialog closed (empty: cancelled or no dialog).
    pub fn poll(&self) -> Option<Vec<PathBuf>> {
        match self.rx.try_recv() {
            Ok(picked) => Some(picked.unwrap_or_default()),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Vec::new()),
        }
    }
}

/// The path field window.
pub struct PathField {
    /// What the typed path is for.
    pub purpose: Purpose,
    text: String,
    note: String,
}

impl PathField {
    /// A field for `purpose`, with `note` above it.
    pub fn new(purpose: Purpose, note: &str) -> Self {
        Self {
            purpose,
            text: String::new(),
            note: note.to_owned(),
        }
    }

    /// A field after a dialog gave nothing: says why the field is shown.
    pub fn after_empty_dialog(purpose: Purpose) -> Self {
        let note = format!(
            "Nothing chosen. If no dialog appeared, this desktop has no file dialog \
             service (install xdg-desktop-portal-gtk or zenity); type the path instead.\n{}",
            purpose.prompt()
        );
        Self::new(purpose, &note)
    }

    /// Draws the field. `Some(Some(path))` when the editor confirmed a path,
    /// `Some(None)` when they cancelled, `None` while it stays open.
    pub fn ui(&mut self, ctx: &Context) -> Option<Option<PathBuf>> {
        let mut confirm = false;
        let mut cancel = false;
        let modal = Modal::new(Id::unique("path-field")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(self.purpose.title());
            let note = ui.label(&self.note);
            let hint = if self.purpose.is_project() {
                "/home/me/articles.byline"
            } else {
                "/home/me/articles"
            };
            let edit = ui.add(
                TextEdit::singleline(&mut self.text)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            );
            edit.clone().labelled_by(note.id);
            edit.request_focus();
            confirm = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                confirm |= ui.button(self.purpose.confirm()).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        let typed = self.text.trim();
        if confirm && !typed.is_empty() {
            Some(Some(self.purpose.finish(PathBuf::from(typed))))
        } else if cancel || modal.should_close() {
            Some(None)
        } else {
            None
        }
    }
}
