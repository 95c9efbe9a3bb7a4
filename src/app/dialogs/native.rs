//! The native file dialogs (rfd), each on its own thread so the window never
//! blocks; the answer arrives on a channel and the window repaints to take it.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;

use crate::editor::{ExportFormat, PROJECT_EXTENSION, Purpose};

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
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Vec::new()),
        }
    }
}

/// Opens a native save (or folder) dialog for an export in `format` on a
/// thread; the answer arrives on the channel.
pub fn pick_destination(format: ExportFormat, ctx: &Context) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let dialog = rfd::FileDialog::new().set_title("Export to");
        let picked = match format.extension() {
            None => dialog.pick_folder(),
            Some(ext) => dialog
                .add_filter(format.describe(), &[ext])
                .set_file_name(format!("export.{ext}"))
                .save_file(),
        };
        let _ = tx.send(picked);
        ctx.request_repaint();
    });
    rx
}
