//! The export dialog (File → Export…, Ctrl+E): pick a format and which
//! documents (all, or only those marked done), choose where to write with a
//! native save dialog (run on a thread) or by typing a path, then see what was
//! written and what the format could not hold. Writing goes through
//! `formats::Exporter`, the same dispatch as `byline export`, batch by
//! batch: documents come from the project (the window keeps only a few
//! loaded) a batch at a time, each one the window holds loaded taking the
//! place of its stored copy (see `app::export_batches`).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, Id, Modal, RadioButton, TextEdit, Ui};

use crate::app::export_batches::{any_wanted, for_each_batch};
use crate::app::session::Session;
use crate::app::state::Workspace;
use crate::formats::{Destination, ExportFormat, Exporter};
use crate::model::DocStatus;

/// State of the export dialog.
#[derive(Default)]
pub struct ExportDialog {
    open: bool,
    format: ExportFormat,
    only_done: bool,
    path: String,
    picking: Option<Receiver<Option<PathBuf>>>,
    outcome: Option<String>,
}

impl ExportDialog {
    /// Shows the dialog.
    pub fn open(&mut self) {
        self.open = true;
        self.outcome = None;
    }

    /// True while the dialog is showing (it then has the keyboard).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the dialog and runs the export when asked.
    pub fn ui(&mut self, ctx: &Context, ws: &Workspace, session: &Session) {
        if !self.open {
            return;
        }
        if let Some(rx) = &self.picking
            && let Ok(picked) = rx.try_recv()
        {
            self.picking = None;
            if let Some(path) = picked {
                self.path = path.display().to_string();
            }
        }
        let mut export_now = false;
        let mut close = false;
        let modal = Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Export documents");
            for format in ExportFormat::ALL {
                if ui
                    .add(RadioButton::new(self.format == format, format.describe()))
                    .clicked()
                {
                    self.format = format;
                }
            }
            ui.separator();
            let done = ws.count_status(DocStatus::Done);
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut self.only_done,
                    false,
                    format!("All documents ({})", ws.entries().len()),
                );
                ui.radio_value(&mut self.only_done, true, format!("Done only ({done})"));
            });
            ui.separator();
            self.destination_ui(ui);
            ui.horizontal(|ui| {
                export_now = ui.button("Export").clicked();
                close = ui.button("Close").clicked();
            });
            if let Some(outcome) = &self.outcome {
                ui.separator();
                ui.label(outcome);
            }
        });
        if export_now {
            self.outcome = Some(self.export(ws, session));
        }
        if close || modal.should_close() {
            self.open = false;
        }
    }

    fn destination_ui(&mut self, ui: &mut Ui) {
        let label = ui.label(if self.format == ExportFormat::Brat {
            "Save to folder"
        } else {
            "Save to file"
        });
        ui.horizontal(|ui| {
            ui.add(TextEdit::singleline(&mut self.path).desired_width(380.0))
                .labelled_by(label.id);
            if ui.button("Choose…").clicked() && self.picking.is_none() {
                self.picking = Some(pick_destination(self.format, ui.ctx()));
            }
        });
    }

    /// Writes the chosen documents batch by batch; returns the summary shown
    /// to the editor.
    fn export(&self, ws: &Workspace, session: &Session) -> String {
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() {
            return "Choose where to save first.".into();
        }
        if !any_wanted(ws, self.only_done) {
            return "No documents to export (none is marked done).".into();
        }
        let mut exporter = match Exporter::open(self.format, Destination::Path(&path)) {
            Ok(exporter) => exporter,
            Err(err) => return format!("Export failed: {err}"),
        };
        let mut written = Ok(());
        let read = for_each_batch(ws, session, self.only_done, |batch| {
            written = exporter.write_batch(batch);
            written.is_ok()
        });
        if let Err(err) = read {
            return format!("Export failed: {err}");
        }
        match written.and_then(|()| exporter.finish()) {
            Ok(report) => format!("Wrote {}: {report}", path.display()),
            Err(err) => format!("Export failed: {err}"),
        }
    }
}

/// Opens a native save (or folder) dialog on a thread; the answer arrives on the channel.
fn pick_destination(format: ExportFormat, ctx: &Context) -> Receiver<Option<PathBuf>> {
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
