//! The export dialog (File → Export…, Ctrl+E): pick a format and which
//! documents (all, or only those marked done), choose where to write with a
//! native save dialog (run on a thread) or by typing a path, then see what was
//! written and what the format could not hold. The Export button pushes
//! [`Command::ExportTo`]; the editor writes (see `editor::export`) and its
//! answer is shown here.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{Context, Id, Modal, RadioButton, TextEdit, Ui};

use crate::app::dialogs::pick_destination;
use crate::editor::{Command, ExportFormat, Workspace};
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

    /// Shows what an export wrote, or why it did not.
    pub fn show_outcome(&mut self, outcome: String) {
        self.outcome = Some(outcome);
    }

    /// True while the dialog is showing (it then has the keyboard).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the dialog; the Export button pushes [`Command::ExportTo`].
    pub fn ui(&mut self, ctx: &Context, ws: &Workspace, cmds: &mut Vec<Command>) {
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
            cmds.push(Command::ExportTo {
                format: self.format,
                only_done: self.only_done,
                path: PathBuf::from(self.path.trim()),
            });
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
}
