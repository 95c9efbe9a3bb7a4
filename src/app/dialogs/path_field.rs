//! The path field: a small modal window to type a path in, for desktops
//! where the native dialog has nothing to show (and after a cancel).

use std::path::PathBuf;

use egui::{Context, Id, Modal, TextEdit};

use crate::editor::Purpose;

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
            let edit = edit.labelled_by(note.id);
            // Enter takes the keyboard from a one-line field: it confirms.
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            confirm = enter && (edit.lost_focus() || edit.has_focus());
            if !confirm {
                edit.request_focus();
            }
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
