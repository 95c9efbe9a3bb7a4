//! The banner under the menu: a project being opened, a project this window
//! may only read (another window writes it), or changes the project refused
//! (disk full, file deleted) — with the ways out.

use std::path::Path;

use egui::{Color32, Frame, RichText, Ui};

use crate::editor::{Command, Purpose, Session};

/// Whether there is anything to say.
pub fn shown(session: &Session, opening: Option<&Path>) -> bool {
    opening.is_some() || session.read_only().is_some() || session.problem().is_some()
}

/// Shows the banner; its buttons push commands.
pub fn ui(ui: &mut Ui, session: &Session, opening: Option<&Path>, cmds: &mut Vec<Command>) {
    if let Some(path) = opening {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Opening project {}…", path.display()));
        });
    }
    if let Some(reason) = session.read_only() {
        strip(ui, Color32::from_rgb(240, 190, 60), |ui| {
            ui.label(
                RichText::new(format!(
                    "Read-only: {reason}. You can read and export here; edits are refused. \
                     Close the other window and reopen the project to edit."
                ))
                .color(Color32::BLACK),
            );
        });
    }
    if let Some(problem) = session.problem() {
        strip(ui, Color32::from_rgb(200, 60, 50), |ui| {
            let unsaved = session.unsaved();
            let kept = if unsaved > 0 {
                format!(" {unsaved} unsaved change(s) are kept in this window.")
            } else {
                String::new()
            };
            ui.label(RichText::new(format!("Not saved: {problem}.{kept}")).color(Color32::WHITE));
            if unsaved > 0 && ui.button("Retry").clicked() {
                cmds.push(Command::RetrySave);
            }
            if ui.button("Save project as…").clicked() {
                cmds.push(Command::PickPath(Purpose::SaveProjectAs));
            }
        });
    }
}

/// A coloured strip across the window.
fn strip(ui: &mut Ui, fill: Color32, content: impl FnOnce(&mut Ui)) {
    Frame::new()
        .fill(fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(content);
        });
}
