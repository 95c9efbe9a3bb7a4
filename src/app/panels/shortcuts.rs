//! The shortcut sheet (`?`): every key from the shortcut table and the label
//! set, and what the mouse does.

use egui::{Context, Grid, ScrollArea, Window};

use crate::app::keys;
use crate::model::LabelSet;

const MOUSE: [(&str, &str); 5] = [
    ("Click", "Select a span (click again: the span around it)"),
    ("Drag", "Select text for a new span (snaps to words)"),
    ("Alt + drag", "Select exact characters"),
    ("Drag a grip", "Move an edge of the selected span"),
    ("Ctrl+O / Ctrl+E", "Open files / export"),
];

/// Shows the sheet while `open` is true; its close button clears `open`.
pub fn ui(ctx: &Context, open: &mut bool, labels: &LabelSet) {
    Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| {
                    Grid::new("shortcuts")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for row in keys::table().into_iter().chain(keys::view_table()) {
                                let names: Vec<String> =
                                    row.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
                                ui.monospace(names.join(" / "));
                                ui.label(row.help);
                                ui.end_row();
                            }
                            for def in &labels.labels {
                                if let Some(key) = &def.key {
                                    ui.monospace(key);
                                    ui.label(format!(
                                        "Label as {} — {}",
                                        def.name, def.description
                                    ));
                                    ui.end_row();
                                }
                            }
                            ui.monospace("?");
                            ui.label("Show or hide this sheet");
                            ui.end_row();
                            for (what, help) in MOUSE {
                                ui.monospace(what);
                                ui.label(help);
                                ui.end_row();
                            }
                        });
                });
        });
}
