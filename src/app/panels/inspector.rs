//! The inspector: everything about the selected span (label, state, engine,
//! rule, confidence, the mention it refers to) and, for a quote, its kind,
//! class, speaker and cue, with pickers to change them, and which segment it
//! is of an interrupted quote written one quote per segment.

use egui::{ComboBox, Grid, RichText, Ui};

use crate::app::theme;
use crate::editor::edits::{CUE, SPEAKER};
use crate::editor::{Command, Role, Selection, Workspace, truncate};
use crate::model::quote::QUOTATION_MARKS;
use crate::model::{
    AttributionClass, Document, Layer, Origin, Quote, QuoteKind, SpanId, SpanState,
};

/// Shows the inspector for the current selection.
pub fn ui(ui: &mut Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
    ui.heading("Inspector");
    let Some(open) = ws.current() else {
        ui.weak("No document open.");
        return;
    };
    let doc = &open.doc;
    match ws.selection {
        Selection::None => {
            ui.weak(
                "Click a span to inspect it. Drag over text to add one; Tab walks the suggestions.",
            );
        }
        Selection::Range(range) => {
            let text = range.slice(doc.text()).unwrap_or("");
            ui.label(format!("New selection “{}”", truncate(text, 80)));
            ui.weak("Press a number key or pick a label in the palette.");
        }
        Selection::Span(id) => span_ui(ui, ws, doc, id, cmds),
    }
}

fn span_ui(ui: &mut Ui, ws: &Workspace, doc: &Document, id: SpanId, cmds: &mut Vec<Command>) {
    let Some(span) = doc.span(id) else { return };
    ui.label(RichText::new(quoted(&truncate(span.text(doc.text()), 160))).size(14.0));
    Grid::new("span-facts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let name = ui.label("Label");
            ComboBox::from_id_salt("inspector-label")
                .selected_text(
                    RichText::new(&span.label).color(theme::label_color(&ws.labels, &span.label)),
                )
                .show_ui(ui, |ui| {
                    for def in &ws.labels.labels {
                        if ui
                            .selectable_label(def.name == span.label, &def.name)
                            .clicked()
                        {
                            cmds.push(Command::ApplyLabel(def.name.clone()));
                        }
                    }
                })
                .response
                .labelled_by(name.id);
            ui.end_row();
            ui.label("State");
            ui.label(span.state.as_str());
            ui.end_row();
            match &span.origin {
                Origin::Manual => {
                    ui.label("Origin");
                    ui.label("manual");
                    ui.end_row();
                }
                Origin::Suggested {
                    engine,
                    rule,
                    score,
                } => {
                    ui.label("Engine");
                    ui.label(engine.as_ref());
                    ui.end_row();
                    ui.label("Rule");
                    ui.label(rule.as_ref());
                    ui.end_row();
                    ui.label("Confidence");
                    ui.label(format!("{score:.2}"));
                    ui.end_row();
                }
            }
            if let Some(target) = span.refers_to.and_then(|t| doc.span(t)) {
                ui.label("Refers to");
                if ui
                    .link(quoted(&truncate(target.text(doc.text()), 40)))
                    .clicked()
                {
                    cmds.push(Command::Jump(target.id));
                }
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if span.state != SpanState::Accepted && ui.button("Accept (Enter)").clicked() {
            cmds.push(Command::Accept);
        }
        if ui.button("Reject (X)").clicked() {
            cmds.push(Command::Reject);
        }
    });
    if span.label == SPEAKER {
        ui.weak("S, then click an earlier mention: says who this mention is.");
    }
    for quote in doc.quotes_of_span(id) {
        ui.separator();
        quote_ui(ui, doc, quote, cmds);
    }
}

/// `text` in quotation marks, unless it brings its own (quote content
/// usually does: "“We will rebuild,”" is not shown as "““We will rebuild,””").
pub fn quoted(text: &str) -> String {
    let opens = text.starts_with(QUOTATION_MARKS);
    let closes = text
        .trim_end_matches(['.', ',', '…'])
        .ends_with(QUOTATION_MARKS);
    if opens || closes {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

/// Width of a quote's speaker and cue pickers when there is room.
const PICKER_WIDTH: f32 = 180.0;
/// Narrowest a picker gets.
const PICKER_MIN: f32 = 90.0;
/// Room the grid's label column and spacing take beside a picker.
const PICKER_LABEL: f32 = 80.0;

fn quote_ui(ui: &mut Ui, doc: &Document, quote: &Quote, cmds: &mut Vec<Command>) {
    ui.strong(format!("Quote · {}", quote.state.as_str()));
    // The pickers give way on a narrow inspector, so no row is wider than
    // the panel (a wider one would push the panel over the article).
    let picker = (ui.available_width() - PICKER_LABEL).clamp(PICKER_MIN, PICKER_WIDTH);
    Grid::new(("quote-facts", quote.id.0))
        .num_columns(2)
        .show(ui, |ui| {
            let name = ui.label("Kind");
            ComboBox::from_id_salt(("quote-kind", quote.id.0))
                .selected_text(quote.kind.as_str())
                .show_ui(ui, |ui| {
                    for kind in QuoteKind::ALL {
                        if ui
                            .selectable_label(kind == quote.kind, kind.as_str())
                            .clicked()
                        {
                            cmds.push(Command::SetQuoteKind(quote.id, kind));
                        }
                    }
                })
                .response
                .labelled_by(name.id);
            ui.end_row();
            let name = ui.label("Class");
            ComboBox::from_id_salt(("quote-class", quote.id.0))
                .selected_text(quote.class.as_str())
                .show_ui(ui, |ui| {
                    for class in AttributionClass::ALL {
                        if ui
                            .selectable_label(class == quote.class, class.as_str())
                            .clicked()
                        {
                            cmds.push(Command::SetQuoteClass(quote.id, class));
                        }
                    }
                })
                .response
                .on_hover_text(
                    "What the attribution reports: speech, writing, belief, stance or evidence",
                )
                .labelled_by(name.id);
            ui.end_row();
            for (role, part, name) in [
                (Role::Speaker, quote.speaker, "Speaker"),
                (Role::Cue, quote.cue, "Cue"),
            ] {
                let name = ui.label(name);
                pick_part(ui, doc, quote, (role, part), picker, cmds).labelled_by(name.id);
                ui.end_row();
            }
            if let Some(entity) = &quote.speaker_entity {
                ui.label("Who");
                ui.label(truncate(entity, 32));
                ui.end_row();
            }
            if let Some(segment) = doc.segment(quote) {
                let name = ui.label("Segment");
                ui.label(format!("part {} of {}", segment.part, segment.of))
                    .on_hover_text(
                        "One segment of an interrupted quote, written one quote per segment; \
                         accepting or rejecting it leaves the other segments as they are",
                    )
                    .labelled_by(name.id);
                ui.end_row();
            }
        });
    ui.horizontal_wrapped(|ui| {
        if ui.button("Link speaker (S)").clicked() {
            cmds.push(Command::StartLink(Role::Speaker));
        }
        if ui.button("Link cue (C)").clicked() {
            cmds.push(Command::StartLink(Role::Cue));
        }
    });
}

/// A picker listing the spans that could fill a quote's role.
fn pick_part(
    ui: &mut Ui,
    doc: &Document,
    quote: &Quote,
    (role, part): (Role, Option<SpanId>),
    width: f32,
    cmds: &mut Vec<Command>,
) -> egui::Response {
    let text = |id: SpanId| {
        doc.span(id)
            .map_or(String::new(), |s| truncate(s.text(doc.text()), 32))
    };
    let wanted = match role {
        Role::Speaker => SPEAKER,
        Role::Cue => CUE,
    };
    ComboBox::from_id_salt(("quote-part", quote.id.0, wanted))
        .selected_text(part.map_or("—".to_owned(), text))
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            let candidates = doc.spans_sorted().into_iter().filter(|s| {
                s.state != SpanState::Rejected
                    && (s.label == wanted
                        || (role == Role::Speaker
                            && s.layer == Layer::Entity
                            && matches!(s.label.as_str(), "PERSON" | "ORG" | "NORP")))
            });
            for span in candidates {
                let label = format!("{} · {}", text(span.id), span.label);
                if ui.selectable_label(part == Some(span.id), label).clicked() {
                    cmds.push(Command::Link(quote.id, role, span.id));
                }
            }
        })
        .response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_text_keeps_its_own_marks_and_other_text_gets_some() {
        assert_eq!(quoted("“We will rebuild,”"), "“We will rebuild,”");
        assert_eq!(quoted("«Ça va»"), "«Ça va»");
        assert_eq!(quoted("we will rebuild,”."), "we will rebuild,”.");
        assert_eq!(quoted("Zoë Ødegård"), "“Zoë Ødegård”");
    }
}
