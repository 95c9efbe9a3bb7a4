//! The find bar over the article (Ctrl+F): a field whose text is searched
//! for as it is typed, the match count, previous and next (Enter,
//! Shift+Enter, F3, Shift+F3), and "Label all" with a label picked from the
//! label set. The field keeps the keyboard while the bar is open, so the
//! letters typed never reach the single-key shortcuts; Escape closes it.

use egui::{ComboBox, Key, Modifiers, RichText, TextEdit, Ui};

use crate::app::theme;
use crate::editor::{Command, Find, Workspace};

/// The find bar's own state; what is found lives in the editor.
#[derive(Debug, Default)]
pub struct FindBar {
    open: bool,
    text: String,
    label: Option<String>,
    focus: bool,
}

impl FindBar {
    /// Opens the bar (or brings the keyboard back to it) with `query`.
    pub fn open(&mut self, query: &str) {
        if !self.open {
            query.clone_into(&mut self.text);
        }
        self.open = true;
        self.focus = true;
    }

    /// Closes the bar.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// True while the bar shows.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the bar, if open; typing, the buttons and its keys push commands.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, find: &Find, cmds: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let name = ui.label("Find in article");
            let field = ui.add(
                TextEdit::singleline(&mut self.text)
                    .hint_text("words to find")
                    .desired_width(180.0),
            );
            let field = field.labelled_by(name.id);
            if self.focus {
                field.request_focus();
                self.focus = false;
            }
            if field.changed() {
                cmds.push(Command::Find(self.text.clone()));
            }
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.matches_logically(Modifiers::SHIFT),
                    i.key_pressed(Key::Escape),
                )
            });
            if field.lost_focus() && enter {
                cmds.push(if shift {
                    Command::FindPrevious
                } else {
                    Command::FindNext
                });
                field.request_focus();
            }
            if escape && (field.lost_focus() || !field.has_focus()) {
                cmds.push(Command::CloseFind);
            }
            count_ui(ui, find);
            if ui.button("Previous").clicked() {
                cmds.push(Command::FindPrevious);
            }
            if ui.button("Next").clicked() {
                cmds.push(Command::FindNext);
            }
            ui.separator();
            self.label_ui(ui, ws, find, cmds);
            if ui.button("Close").clicked() {
                cmds.push(Command::CloseFind);
            }
        });
    }

    /// The label picker and "Label all".
    fn label_ui(&mut self, ui: &mut Ui, ws: &Workspace, find: &Find, cmds: &mut Vec<Command>) {
        let first = ws.labels.labels.first().map(|l| l.name.clone());
        let label = self.label.get_or_insert_with(|| first.unwrap_or_default());
        let color = theme::label_color(&ws.labels, label);
        let name = ui.label("as");
        ComboBox::from_id_salt("find-label")
            .selected_text(RichText::new(label.as_str()).color(color))
            .show_ui(ui, |ui| {
                for def in &ws.labels.labels {
                    ui.selectable_value(label, def.name.clone(), &def.name);
                }
            })
            .response
            .labelled_by(name.id);
        let any = !find.matches().is_empty();
        let button = ui
            .add_enabled(any, egui::Button::new("Label all"))
            .on_hover_text("Every whole-word match becomes a pending suggestion to review");
        if button.clicked() {
            cmds.push(Command::LabelAllFound(label.clone()));
        }
    }
}

/// "3 of 12", or that nothing matches.
fn count_ui(ui: &mut Ui, find: &Find) {
    let (at, of) = find.position();
    if find.query().is_empty() {
        return;
    }
    if of == 0 {
        ui.label(format!("No match for “{}”", find.query()));
    } else {
        ui.label(format!("{at} of {of}"));
    }
}
