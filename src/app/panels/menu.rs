//! The menu bar. Every item names its shortcut from the same table the
//! keyboard reads, and pushes the same command.

use egui::{Button, Ui};

use crate::app::commands::Command;
use crate::app::keys;

/// The shortcut text of a command, if the table binds one.
fn shortcut_of(ui: &Ui, command: &Command) -> String {
    keys::table()
        .into_iter()
        .find(|s| &s.command == command)
        .and_then(|s| s.keys.first().map(|k| ui.ctx().format_shortcut(k)))
        .unwrap_or_default()
}

/// A menu item that pushes `command` and shows its shortcut.
pub fn item(ui: &mut Ui, text: &str, command: Command, cmds: &mut Vec<Command>) {
    let shortcut = shortcut_of(ui, &command);
    if ui.add(Button::new(text).shortcut_text(shortcut)).clicked() {
        cmds.push(command);
        ui.close();
    }
}

/// Shows the menu bar; `extra_file` adds the File menu's open/export items.
pub fn ui(ui: &mut Ui, cmds: &mut Vec<Command>, extra_file: impl FnOnce(&mut Ui)) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", extra_file);
        ui.menu_button("Edit", |ui| {
            item(ui, "Undo", Command::Undo, cmds);
            item(ui, "Redo", Command::Redo, cmds);
            ui.separator();
            item(ui, "Accept", Command::Accept, cmds);
            item(ui, "Reject", Command::Reject, cmds);
            item(ui, "Accept all pending", Command::AcceptAll, cmds);
            item(ui, "Next quote kind", Command::CycleQuoteKind, cmds);
        });
        ui.menu_button("Go", |ui| {
            item(ui, "Next suggestion", Command::NextPending, cmds);
            item(ui, "Previous suggestion", Command::PrevPending, cmds);
            item(ui, "Done, next article", Command::DoneAndNext, cmds);
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(Button::new("Keyboard shortcuts").shortcut_text("?"))
                .clicked()
            {
                cmds.push(Command::ToggleShortcuts);
                ui.close();
            }
        });
    });
}
