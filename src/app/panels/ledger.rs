//! The quote ledger: every quote of the article in text order, with its
//! speaker, cue, kind and state. Clicking one selects it and scrolls to it.

use egui::{ScrollArea, Ui};

use super::row;

use crate::app::theme::{self, Palette};
use crate::editor::{Command, Workspace, truncate};
use crate::model::SpanId;

/// Shows the ledger of the current document.
pub fn ui(ui: &mut Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
    let Some(open) = ws.current() else { return };
    let doc = &open.doc;
    let quotes = doc.quotes_sorted();
    ui.heading(format!("Quotes ({})", quotes.len()));
    let selected_quote = ws
        .selected_span()
        .and_then(|id| doc.quotes_of_span(id).next())
        .map(|q| q.id);
    let text = |id: Option<SpanId>| {
        id.and_then(|s| doc.span(s))
            .map_or_else(|| "—".to_owned(), |s| truncate(s.text(doc.text()), 40))
    };
    let row_height = 38.0;
    let palette = Palette::of(ui.visuals());
    ScrollArea::vertical()
        .id_salt("ledger")
        .auto_shrink(false)
        .show_rows(ui, row_height, quotes.len(), |ui, rows| {
            for quote in quotes.get(rows).unwrap_or_default() {
                let Some(&first) = quote.content.first() else {
                    continue;
                };
                let content = quote
                    .content
                    .iter()
                    .map(|&c| text(Some(c)))
                    .collect::<Vec<_>>()
                    .join(" … ");
                let who = quote
                    .speaker_entity
                    .clone()
                    .unwrap_or_else(|| text(quote.speaker));
                let detail = format!("{} · {}", quote.kind.as_str(), text(quote.cue));
                let title = format!("{who}: {content}");
                let selected = selected_quote == Some(quote.id);
                let response = row::two_lines(
                    ui,
                    row_height,
                    &title,
                    &detail,
                    theme::state_color(quote.state, &palette),
                    selected,
                )
                .on_hover_text(format!("{} quote: {content}", quote.kind.as_str()));
                if response.clicked() {
                    cmds.push(Command::Jump(first));
                }
            }
        });
}
