//! A clickable list row of two lines, cut to fit: a title and a detail line
//! under it, with a coloured dot for the state. Used by the document list and
//! the quote ledger.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Pos2, Response, Sense, Ui, Vec2, WidgetInfo};

/// Draws the row and returns its response; `title` is its accessible name.
pub fn two_lines(
    ui: &mut Ui,
    height: f32,
    title: &str,
    detail: &str,
    dot: Color32,
    selected: bool,
) -> Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, title));
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let inner = rect.shrink2(Vec2::new(6.0, 3.0));
    ui.painter()
        .circle_filled(Pos2::new(inner.min.x + 4.0, inner.center().y), 4.0, dot);
    let inner = inner.with_min_x(inner.min.x + 14.0);
    let line = |text: &str, size: f32, color: Color32| {
        let mut job =
            LayoutJob::simple_singleline(text.to_owned(), FontId::proportional(size), color);
        job.wrap = TextWrapping::truncate_at_width(inner.width());
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let top = line(title, 13.0, visuals.text_color());
    let bottom = line(detail, 11.5, ui.visuals().weak_text_color());
    ui.painter()
        .galley(inner.min, top.clone(), visuals.text_color());
    let below = Pos2::new(inner.min.x, inner.min.y + top.size().y + 1.0);
    ui.painter().galley(below, bottom, visuals.text_color());
    response
}
