//! The document list: title, status and pending count of every document of
//! the project, from the workspace's summaries (no document is loaded to
//! list it), with the project's progress on top, filtered by status and by
//! a search over titles, file names and the full text of every document
//! (the editor asks the project's full-text index). The filtered list is
//! kept until the filter, the search results or a summary changes, and only
//! the rows in view are drawn, so 10,000 documents cost a frame what twenty
//! do. The document shown is highlighted and scrolled into view whenever
//! it changes (an open, N/P, done-and-next).

use std::collections::HashSet;

use egui::{ComboBox, ProgressBar, ScrollArea, TextEdit, Ui};

use super::{field, row};

use crate::app::theme::{self, Palette};
use crate::editor::{Command, TextSearch, Workspace};
use crate::model::{DocId, DocStatus};

/// Filter settings of the document list.
#[derive(Debug, Default)]
pub struct DocumentList {
    /// Show only documents with this status.
    pub status: Option<DocStatus>,
    /// Show only documents whose title, file or text holds this.
    pub search: String,
    /// The rows last shown and what they were filtered for.
    shown: Option<Filtered>,
    /// The document shown when the list was last drawn.
    current: Option<usize>,
    /// How many documents the project had when the search was last sent.
    searched: usize,
    /// Where in the shown rows the document just shown is, until it is in view.
    reveal: Option<usize>,
    /// The scroll offset that brings it into view, for the next frame.
    scroll_to: Option<f32>,
}

/// The indices passing a filter, for one version of the summaries.
#[derive(Debug)]
struct Filtered {
    status: Option<DocStatus>,
    search: String,
    found_for: Option<String>,
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

/// "12 of 40 done · 230 pending", the project's progress in a few words.
pub fn progress_text(ws: &Workspace) -> String {
    let done = ws.count_status(DocStatus::Done);
    format!(
        "{done} of {} done · {} pending",
        ws.entries().len(),
        ws.pending_total()
    )
}

/// Corner radius of the progress bars: small, so that at 0 done the bar's
/// fill is a sliver, not a round dot over its text (egui's fill is never
/// narrower than twice its radius).
pub const PROGRESS_RADIUS: f32 = 2.0;

/// How far the project is, 0 to 1.
pub fn progress(ws: &Workspace) -> f32 {
    let total = ws.entries().len().max(1);
    ws.count_status(DocStatus::Done) as f32 / total as f32
}

impl DocumentList {
    /// Shows the list; a click on a document pushes [`Command::ShowDocument`],
    /// a changed search [`Command::SearchDocuments`].
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, found: &TextSearch, cmds: &mut Vec<Command>) {
        ui.heading(format!("Documents ({})", ws.entries().len()));
        ui.add(
            ProgressBar::new(progress(ws))
                .text(progress_text(ws))
                .corner_radius(PROGRESS_RADIUS),
        );
        let hint = "words in the text, title or file";
        field::labelled(
            ui,
            "Search",
            TextEdit::singleline(&mut self.search).hint_text(hint),
        );
        let added = self.searched != ws.entries().len() && !found.query.is_empty();
        if self.search.trim() != found.query || added {
            self.searched = ws.entries().len();
            cmds.push(Command::SearchDocuments(self.search.trim().to_owned()));
        }
        ComboBox::from_label("Status")
            .selected_text(self.status.map_or("all", status_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.status, None, "all");
                for status in DocStatus::ALL {
                    ui.selectable_value(&mut self.status, Some(status), status_name(status));
                }
            });
        self.refilter(ws, found);
        let shown = self.shown.as_ref().map_or(&[][..], |f| &f.indices[..]);
        count_ui(ui, &self.search, shown.len(), ws.entries().len());
        ui.separator();
        let row_height = ui.spacing().interact_size.y * 2.0;
        let mut area = ScrollArea::vertical()
            .id_salt("documents")
            .auto_shrink(false);
        if self.current != ws.current_index() {
            self.current = ws.current_index();
            self.reveal = self
                .current
                .and_then(|c| shown.iter().position(|&i| i == c));
        }
        if let Some(offset) = self.scroll_to.take() {
            area = area.vertical_scroll_offset(offset.max(0.0));
        }
        let palette = Palette::of(ui.visuals());
        let out = area.show_rows(ui, row_height, shown.len(), |ui, rows| {
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
                let dot = theme::status_color(status, &palette);
                let title = entry.title();
                if row::two_lines(ui, row_height, title, &detail, dot, selected).clicked() {
                    cmds.push(Command::ShowDocument(i));
                }
            }
        });
        let view = (out.state.clamped_offset().y, out.inner_rect.height());
        self.plan_reveal(row_height, view);
        if self.scroll_to.is_some() {
            ui.ctx().request_repaint();
        }
    }

    /// Plans the scroll (for the next frame) that just brings the row to
    /// reveal into the view (`top`, `height`), and forgets it once it is in.
    fn plan_reveal(&mut self, row_height: f32, (top, height): (f32, f32)) {
        let Some(at) = self.reveal else { return };
        let row_top = at as f32 * row_height;
        if row_top < top - 0.5 {
            self.scroll_to = Some(row_top);
        } else if row_top + row_height > top + height + 0.5 {
            self.scroll_to = Some(row_top + row_height - height);
        } else {
            self.reveal = None;
        }
    }

    /// Forgets the filtered rows: the workspace was replaced (another project).
    pub fn forget(&mut self) {
        self.shown = None;
        self.current = None;
        self.reveal = None;
    }

    /// Filters the summaries again when the filter, the search results or a
    /// summary changed.
    fn refilter(&mut self, ws: &Workspace, found: &TextSearch) {
        let found_for = found.hits.as_ref().map(|_| found.query.clone());
        let fresh = self.shown.as_ref().is_some_and(|f| {
            f.status == self.status
                && f.search == self.search
                && f.found_for == found_for
                && f.version == ws.list_version()
        });
        if fresh {
            return;
        }
        let needle = self.search.trim().to_lowercase();
        let in_text: Option<&HashSet<DocId>> = found
            .hits
            .as_ref()
            .filter(|_| found.query == self.search.trim());
        let matches = |text: &str| text.to_lowercase().contains(&needle);
        let indices = (ws.entries().iter().enumerate())
            .filter(|(_, e)| self.status.is_none_or(|s| e.summary.status == s))
            .filter(|(_, e)| {
                needle.is_empty()
                    || matches(e.title())
                    || e.summary.source.as_deref().is_some_and(matches)
                    || in_text.is_some_and(|ids| ids.contains(&e.summary.id))
            })
            .map(|(i, _)| i)
            .collect();
        self.shown = Some(Filtered {
            status: self.status,
            search: self.search.clone(),
            found_for,
            version: ws.list_version(),
            indices,
        });
    }
}

/// How many documents the search found, or that none holds it.
fn count_ui(ui: &mut Ui, search: &str, shown: usize, all: usize) {
    let search = search.trim();
    if search.is_empty() {
        return;
    }
    if shown == 0 {
        ui.label(format!("No document contains “{search}”"));
    } else {
        ui.label(format!("{shown} of {all} documents match “{search}”"));
    }
}
