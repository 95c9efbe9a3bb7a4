//! Notices: files that could not be read, edits that were refused. Shown in
//! a small window at the bottom right until dismissed.

use egui::{Align2, Context, ScrollArea, Vec2, Window};

use crate::editor::Command;

/// Shows the notices, newest last; "Dismiss" pushes [`Command::DismissNotices`].
pub fn ui(ctx: &Context, notices: &[String], cmds: &mut Vec<Command>) {
    if notices.is_empty() {
        return;
    }
    Window::new(format!("Notices ({})", notices.len()))
        .anchor(Align2::RIGHT_BOTTOM, Vec2::new(-12.0, -40.0))
        .collapsible(true)
        .resizable(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                for notice in notices {
                    ui.label(notice);
                }
            });
            if ui.button("Dismiss").clicked() {
                cmds.push(Command::DismissNotices);
            }
        });
}
