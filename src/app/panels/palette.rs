//! The label palette: one chip per label with its key. Clicking one labels
//! the selected span or the dragged range, like pressing its key.

use egui::{Button, RichText, Ui};

use crate::app::theme;
use crate::editor::{Command, Selection, Workspace};

/// Shows the palette as a wrapping row of label chips.
pub fn ui(ui: &mut Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
    let active = ws.selection != Selection::None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for def in &ws.labels.labels {
            let color = theme::label_color(&ws.labels, &def.name);
            let key = def.key.as_deref().unwrap_or(" ");
            let text = RichText::new(format!("{key} {}", def.name))
                .size(11.5)
                .color(theme::on(color));
            let response = ui
                .add_enabled(active, Button::new(text).fill(color).small())
                .on_hover_text(&def.description);
            if response.clicked() {
                cmds.push(Command::ApplyLabel(def.name.clone()));
            }
        }
    });
}
