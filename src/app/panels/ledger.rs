//! The quote ledger: every quote of the article in text order, with its
//! speaker, cue, kind and state. Clicking one selects it and scrolls to it.

use egui::{RichText, ScrollArea, Ui};

use crate::app::commands::Command;
use crate::app::state::{Workspace, truncate};
use crate::model::{SpanId, SpanState};

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
    ScrollArea::vertical()
        .id_salt("ledger")
        .auto_shrink(false)
        .show(ui, |ui| {
            for quote in quotes {
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
                let header = format!("{who} · {} · {}", text(quote.cue), quote.state.as_str());
                let body = format!("{}\n{}", header, truncate(&content, 120));
                let mut rich = RichText::new(body).size(12.5);
                if quote.state == SpanState::Rejected {
                    rich = rich.strikethrough().weak();
                }
                let response = ui
                    .selectable_label(selected_quote == Some(quote.id), rich)
                    .on_hover_text(format!("{} quote: {content}", quote.kind.as_str()));
                if response.clicked() {
                    cmds.push(Command::Jump(first));
                }
                ui.add_space(2.0);
            }
        });
}
