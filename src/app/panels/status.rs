//! The status bar: progress over all documents, pending suggestions, the
//! background work (reading files, suggesting, exporting) with a way to
//! cancel it, the last action, and a hint for what the keys do right now.

use std::path::Path;

use egui::{Align, Color32, FontId, Label, Layout, ProgressBar, RichText, Ui};

use super::documents;
use crate::editor::{Command, Mode, Role, Selection, Task, Work, Workspace};
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

/// Shows the status bar: the project file, progress over all documents,
/// pending suggestions, the background work with its Cancel buttons, the
/// last action and, as far as room allows, the hint (the hint gives way
/// first, cut short, so the two never overlap and the last action is read
/// whole when it fits).
pub fn ui(
    ui: &mut Ui,
    ws: &Workspace,
    work: &[Work],
    project: Option<&Path>,
    cmds: &mut Vec<Command>,
) {
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
        ui.add(
            ProgressBar::new(documents::progress(ws))
                .desired_width(60.0)
                .corner_radius(documents::PROGRESS_RADIUS),
        );
        ui.label(format!("{done} of {} documents done", ws.entries().len()));
        let here = ws.current().map_or(0, |o| o.pending);
        let all = ws.pending_total();
        ui.label(format!("{here} pending here · {all} in all"));
        for w in work {
            ui.separator();
            work_ui(ui, w, cmds);
        }
        let rest = ui.available_width();
        let hint = hint(ws);
        let width = |ui: &mut Ui, text: &str| {
            ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), FontId::default(), Color32::WHITE))
                .size()
                .x
        };
        // What just happened comes first; the hint takes what is left.
        let action_width = ws
            .last_action
            .as_deref()
            .map_or(0.0, |a| width(ui, a) + 24.0);
        let hint_width = width(ui, hint).min((rest - action_width).max(0.0));
        if let Some(action) = &ws.last_action {
            ui.separator();
            let room = (ui.available_width() - hint_width - 16.0).max(0.0);
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(Label::new(RichText::new(action).strong()).truncate());
            });
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add(Label::new(RichText::new(hint).weak()).truncate());
        });
    });
}

/// One piece of background work: what it does, how far, and Cancel.
fn work_ui(ui: &mut Ui, work: &Work, cmds: &mut Vec<Command>) {
    ui.spinner();
    ui.label(work.describe());
    if let Some(fraction) = work.fraction() {
        ui.add(ProgressBar::new(fraction).desired_width(80.0));
    }
    let what = match work.task {
        Task::Reading => "Stop reading the files; what was read stays",
        Task::Suggesting => "Stop suggesting on this article",
        Task::Exporting => "Stop the export; the unfinished file is removed",
    };
    if ui.small_button("Cancel").on_hover_text(what).clicked() {
        cmds.push(Command::Cancel(work.task));
    }
}
