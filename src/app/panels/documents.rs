//! The document list: title, status and pending count of every document of
//! the project, from the workspace's summaries (no document is loaded to
//! list it), filtered by status and by a text search. The filtered list is
//! kept until the filter or a summary changes, and only the rows in view are
//! drawn, so 10,000 documents cost a frame what twenty do.

use egui::{Color32, ComboBox, ScrollArea, TextEdit, Ui};

use super::row;

use crate::editor::{Command, Workspace};
use crate::model::DocStatus;

/// Filter settings of the document list.
#[derive(Debug, Default)]
pub struct DocumentList {
    /// Show only documents with this status.
    pub status: Option<DocStatus>,
    /// Show only documents whose title or source contains this (any case).
    pub search: String,
    /// The rows last shown and what they were filtered for.
    shown: Option<Filtered>,
}

/// The indices passing a filter, for one version of the summaries.
#[derive(Debug)]
struct Filtered {
    status: Option<DocStatus>,
    search: String,
    version: u64,
    indices: Vec<usize>,
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
        ui.heading(format!("Documents ({})", ws.entries().len()));
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
        self.refilter(ws);
        let shown = self.shown.as_ref().map_or(&[][..], |f| &f.indices[..]);
        let row_height = ui.spacing().interact_size.y * 2.0;
        ScrollArea::vertical()
            .id_salt("documents")
            .auto_shrink(false)
            .show_rows(ui, row_height, shown.len(), |ui, rows| {
                for &i in shown.get(rows).unwrap_or_default() {
                    let Some(entry) = ws.entries().get(i) else {
                        continue;
                    };
                    let status = entry.summary.status;
                    let detail = format!(
                        "{} · {} pending",
                        status_name(status),
                        entry.summary.pending
                    );
                    let selected = ws.current_index() == Some(i);
                    let dot = status_color(status);
                    let title = entry.title();
                    if row::two_lines(ui, row_height, title, &detail, dot, selected).clicked() {
                        cmds.push(Command::ShowDocument(i));
                    }
                }
            });
    }

    /// Forgets the filtered rows: the workspace was replaced (another project).
    pub fn forget(&mut self) {
        self.shown = None;
    }

    /// Filters the summaries again when the filter or a summary changed.
    fn refilter(&mut self, ws: &Workspace) {
        let fresh = self.shown.as_ref().is_some_and(|f| {
            f.status == self.status && f.search == self.search && f.version == ws.list_version()
        });
        if fresh {
            return;
        }
        let needle = self.search.to_lowercase();
        let matches = |text: &str| text.to_lowercase().contains(&needle);
        let indices = (ws.entries().iter().enumerate())
            .filter(|(_, e)| self.status.is_none_or(|s| e.summary.status == s))
            .filter(|(_, e)| {
                needle.is_empty()
                    || matches(e.title())
                    || e.summary.source.as_deref().is_some_and(matches)
            })
            .map(|(i, _)| i)
            .collect();
        self.shown = Some(Filtered {
            status: self.status,
            search: self.search.clone(),
            version: ws.list_version(),
            indices,
        });
    }
}
