//! The question `D` asks when the article still has suggestions pending:
//! accept them all, reject them all, or leave them pending (not gold) —
//! each answer a command, the article then marked done. Escape or Cancel
//! leaves the article as it is.

use egui::{Context, Id, Modal};

use crate::editor::Command;

/// State of the mark-done question.
#[derive(Default)]
pub struct DoneDialog {
    /// Suggestions pending in the article, while the question shows.
    pending: Option<usize>,
}

impl DoneDialog {
    /// Asks about `pending` suggestions.
    pub fn open(&mut self, pending: usize) {
        self.pending = Some(pending);
    }

    /// True while the question shows (it then has the keyboard).
    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Draws the question; an answer pushes its command.
    pub fn ui(&mut self, ctx: &Context, cmds: &mut Vec<Command>) {
        let Some(pending) = self.pending else {
            return;
        };
        let mut answer = None;
        let mut cancel = false;
        let modal = Modal::new(Id::unique("mark-done")).show(ctx, |ui| {
            ui.heading("Mark the article done");
            ui.label(format!(
                "{pending} suggestions are still pending (spans and quotes together). \
                 Only reviewed annotations are exported as gold."
            ));
            ui.horizontal(|ui| {
                if ui.button("Accept all and mark done").clicked() {
                    answer = Some(Command::AcceptAllAndDone);
                }
                if ui.button("Reject all and mark done").clicked() {
                    answer = Some(Command::RejectAllAndDone);
                }
                if ui.button("Leave them pending and mark done").clicked() {
                    answer = Some(Command::DoneAndNext);
                }
                cancel = ui.button("Cancel").clicked();
            });
        });
        let answered = answer.is_some();
        cmds.extend(answer);
        if answered || cancel || modal.should_close() {
            self.pending = None;
        }
    }
}
