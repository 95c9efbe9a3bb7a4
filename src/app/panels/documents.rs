//! The document list: title, status and pending count of every open
//! document, filtered by status and by a text search.

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Color32, ComboBox, FontId, Pos2, Response, ScrollArea, Sense, TextEdit, Ui, Vec2, WidgetInfo,
};

use crate::app::commands::Command;
use crate::app::state::Workspace;
use crate::model::DocStatus;

/// Filter settings of the document list.
#[derive(Debug, Default)]
pub struct DocumentList {
    /// Show only documents with this status.
    pub status: Option<DocStatus>,
    /// Show only documents whose title or source contains this (any case).
    pub search: String,
}

/// The label shown for a status.
pub fn status_name(status: DocStatus) -> &'static str {
    match status {
        DocStatus::New => "new",
        DocStatus::InProgress => "in progress",
        DocStatus::Done => "done",
        DocStatus::Skipped => "skipped",
    }
}

/// The colour of a status dot.
fn status_color(status: DocStatus) -> Color32 {
    match status {
        DocStatus::New => Color32::from_rgb(140, 140, 140),
        DocStatus::InProgress => Color32::from_rgb(230, 170, 50),
        DocStatus::Done => Color32::from_rgb(80, 180, 100),
        DocStatus::Skipped => Color32::from_rgb(110, 110, 160),
    }
}

impl DocumentList {
    /// Shows the list; a click on a document pushes [`Command::ShowDocument`].
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
        ui.heading(format!("Documents ({})", ws.docs.len()));
        let search = ui.label("Search");
        ui.add(TextEdit::singleline(&mut self.search).hint_text("title or file"))
            .labelled_by(search.id);
        ComboBox::from_label("Status")
            .selected_text(self.status.map_or("all", status_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.status, None, "all");
                for status in DocStatus::ALL {
                    ui.selectable_value(&mut self.status, Some(status), status_name(status));
                }
            });
        ui.separator();
        let needle = self.search.to_lowercase();
        let shown: Vec<(usize, String)> = ws
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| self.status.is_none_or(|s| d.doc.status() == s))
            .map(|(i, d)| (i, d.title()))
            .filter(|(i, title)| {
                needle.is_empty()
                    || title.to_lowercase().contains(&needle)
                    || ws.docs[*i]
                        .doc
                        .source
                        .as_deref()
                        .is_some_and(|s| s.to_lowercase().contains(&needle))
            })
            .collect();
        let row_height = ui.spacing().interact_size.y * 2.0;
        ScrollArea::vertical()
            .id_salt("documents")
            .auto_shrink(false)
            .show_rows(ui, row_height, shown.len(), |ui, rows| {
                for (i, title) in shown.get(rows).unwrap_or_default() {
                    let open = &ws.docs[*i];
                    let status = open.doc.status();
                    let detail = format!("{} · {} pending", status_name(status), open.pending);
                    let selected = ws.current == Some(*i);
                    let dot = status_color(status);
                    if row(ui, row_height, title, &detail, dot, selected).clicked() {
                        cmds.push(Command::ShowDocument(*i));
                    }
                }
            });
    }
}

/// One clickable row: the title on the first line, the detail below, both cut to fit.
fn row(
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
    let bottom = line(detail, 11.0, ui.visuals().weak_text_color());
    ui.painter()
        .galley(inner.min, top.clone(), visuals.text_color());
    let below = Pos2::new(inner.min.x, inner.min.y + top.size().y + 1.0);
    ui.painter().galley(below, bottom, visuals.text_color());
    response
}
