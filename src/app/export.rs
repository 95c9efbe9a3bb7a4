//! The export dialog (File → Export…, Ctrl+E): pick a format and which
//! documents (all, or only those marked done), choose where to write with a
//! native save dialog (run on a thread) or by typing a path, then see what was
//! written and what the format could not hold. The Export button pushes
//! [`Command::ExportTo`]; the editor writes (see `editor::export`) and its
//! answer is shown here. A large export goes on in the background: the
//! dialog shows how far it got and can cancel it. Where the desktop has no
//! dialog service, "Choose…" says so and hands the keyboard to the path
//! field.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{Context, Id, Modal, ProgressBar, RadioButton, TextEdit, Ui};

use crate::app::dialogs::pick_destination;
use crate::editor::{Command, ExportFormat, Task, Work, Workspace};
use crate::model::DocStatus;

/// What the dialog says when the native dialog gave nothing.
pub const NO_DIALOG: &str = "No file was chosen. If no dialog appeared, this desktop has no \
    file dialog service (install xdg-desktop-portal-gtk or zenity): type the path in the field \
    above instead.";

/// State of the export dialog.
#[derive(Default)]
pub struct ExportDialog {
    open: bool,
    format: ExportFormat,
    only_done: bool,
    path: String,
    picking: Option<Receiver<Option<PathBuf>>>,
    outcome: Option<String>,
    /// Give the path field the keyboard next frame.
    focus_path: bool,
    /// True when native dialogs are not tried (tests).
    no_native: bool,
}

impl ExportDialog {
    /// Shows the dialog.
    pub fn open(&mut self) {
        self.open = true;
        self.outcome = None;
    }

    /// Never tries the native dialog: "Choose…" answers as on a desktop
    /// without a dialog service.
    pub fn disable_native(&mut self) {
        self.no_native = true;
    }

    /// Shows what an export wrote, or why it did not.
    pub fn show_outcome(&mut self, outcome: String) {
        self.outcome = Some(outcome);
    }

    /// True while the dialog is showing (it then has the keyboard).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the dialog; the Export button pushes [`Command::ExportTo`],
    /// Cancel (while `running`) [`Command::Cancel`].
    pub fn ui(
        &mut self,
        ctx: &Context,
        ws: &Workspace,
        running: Option<&Work>,
        cmds: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        if let Some(rx) = &self.picking
            && let Ok(picked) = rx.try_recv()
        {
            self.picking = None;
            self.chosen(picked);
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
                export_now = ui
                    .add_enabled(running.is_none(), egui::Button::new("Export"))
                    .clicked();
                close = ui.button("Close").clicked();
            });
            if let Some(work) = running {
                progress_ui(ui, work, cmds);
            } else if let Some(outcome) = &self.outcome {
                ui.separator();
                ui.label(outcome);
            }
        });
        if export_now {
            self.outcome = None;
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

    /// Takes the native dialog's answer: a path, or nothing (cancelled, or
    /// no dialog service), which sends the editor to the path field.
    fn chosen(&mut self, picked: Option<PathBuf>) {
        match picked {
            Some(path) => self.path = path.display().to_string(),
            None => {
                self.outcome = Some(NO_DIALOG.to_owned());
                self.focus_path = true;
            }
        }
    }

    fn destination_ui(&mut self, ui: &mut Ui) {
        let label = ui.label(if self.format == ExportFormat::Brat {
            "Save to folder"
        } else {
            "Save to file"
        });
        ui.horizontal(|ui| {
            let field = ui
                .add(TextEdit::singleline(&mut self.path).desired_width(380.0))
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_path) {
                field.request_focus();
            }
            if ui.button("Choose…").clicked() && self.picking.is_none() {
                if self.no_native {
                    self.chosen(None);
                } else {
                    self.picking = Some(pick_destination(self.format, ui.ctx()));
                }
            }
        });
    }
}

/// How far a background export got, with its Cancel button.
fn progress_ui(ui: &mut Ui, work: &Work, cmds: &mut Vec<Command>) {
    ui.separator();
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(work.describe());
    });
    ui.add(ProgressBar::new(work.fraction().unwrap_or(0.0)).show_percentage());
    if ui.button("Cancel export").clicked() {
        cmds.push(Command::Cancel(Task::Exporting));
    }
}
