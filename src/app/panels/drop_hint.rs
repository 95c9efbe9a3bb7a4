//! Files dragged over the window: a hint over everything while they hover,
//! and the command to open them once dropped.

use egui::{Align2, Color32, Context, FontId, Id, LayerId, Order};

use crate::editor::Command;

/// Draws the drop hint while files hover over the window; pushes
/// [`Command::OpenPaths`] for files dropped this frame.
pub fn ui(ctx: &Context, cmds: &mut Vec<Command>) {
    if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
        let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop-hint")));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, Color32::from_black_alpha(140));
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "Drop files or folders to open them",
            FontId::proportional(22.0),
            Color32::WHITE,
        );
    }
    let dropped: Vec<_> = ctx.input(|i| {
        (i.raw.dropped_files.iter())
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if !dropped.is_empty() {
        cmds.push(Command::OpenPaths(dropped));
    }
}
