//! The status bar: progress over all documents, pending suggestions, the last
//! action, loading progress, and a hint for what the keys do right now.

use std::path::Path;

use egui::{RichText, Ui};

use crate::editor::{Mode, Role, Selection, Workspace};
use crate::model::DocStatus;

/// What the keyboard does in the current state, in a few words.
pub fn hint(ws: &Workspace) -> &'static str {
    match (ws.mode, ws.selection) {
        (
            Mode::LinkQuote {
                role: Role::Speaker,
                ..
            },
            _,
        ) => "Click the speaker (or drag over it) · Esc cancels",
        (
            Mode::LinkQuote {
                role: Role::Cue, ..
            },
            _,
        ) => "Click the cue (or drag over it) · Esc cancels",
        (Mode::LinkMention { .. }, _) => {
            "Click the earlier mention this one refers to · Esc cancels"
        }
        (Mode::Normal, Selection::Range(_)) => "1–9, 0 label the selection · Esc clears",
        (Mode::Normal, Selection::Span(_)) => {
            "Enter accept · X reject · 1–9 relabel · Tab next · S speaker · ? keys"
        }
        (Mode::Normal, Selection::None) => {
            "Tab next suggestion · drag to add · D done · ? all keys"
        }
    }
}

/// Shows the status bar; `loading` is the reading/suggesting progress, if
/// any, and `project` the project file every change is saved to.
pub fn ui(ui: &mut Ui, ws: &Workspace, loading: Option<(usize, usize)>, project: Option<&Path>) {
    ui.horizontal(|ui| {
        if let Some(name) = project.and_then(Path::file_name) {
            ui.label(format!("🗄 {}", name.to_string_lossy()))
                .on_hover_text(format!(
                    "Every change is saved to {} as you make it",
                    project.map(|p| p.display().to_string()).unwrap_or_default()
                ));
            ui.separator();
        }
        let done = ws.count_status(DocStatus::Done);
        ui.label(format!("{done} of {} documents done", ws.entries().len()));
        ui.separator();
        let here = ws.current().map_or(0, |o| o.pending);
        let all = ws.pending_total();
        ui.label(format!("{here} pending here · {all} in all"));
        if let Some((finished, total)) = loading {
            ui.separator();
            ui.spinner();
            ui.label(format!("reading {finished}/{total}"));
        }
        if let Some(action) = &ws.last_action {
            ui.separator();
            ui.label(RichText::new(action).strong());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(hint(ws));
        });
    });
}
