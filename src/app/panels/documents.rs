//! The document list: title, status and pending count of every open
//! document, filtered by status and by a text search.

use egui::{Color32, ComboBox, ScrollArea, TextEdit, Ui};

use super::row;

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
pub fn status_color(status: DocStatus) -> Color32 {
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
                    if row::two_lines(ui, row_height, title, &detail, dot, selected).clicked() {
                        cmds.push(Command::ShowDocument(*i));
                    }
                }
            });
    }
}
