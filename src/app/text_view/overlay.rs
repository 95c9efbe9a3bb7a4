//! What the article draws on top of its paragraphs for the editor's current
//! focus: the range being dragged, the selected span with its edge grips, the
//! parts of the selected quote linked by curves, and hover tooltips.

use egui::{Pos2, Rect, Response, Ui};

use super::{TextView, geometry, interact, paint};
use crate::app::theme::{self, Palette};
use crate::editor::{Find, Mode, Selection, Workspace};
use crate::model::{ByteRange, CUE, Document, LabelSet, Origin, QUOTE, Quote, SPEAKER, SpanId};

impl TextView {
    /// Screen rectangles of a byte range over the visible paragraphs.
    fn range_on_screen(&self, text: &str, range: ByteRange) -> Vec<Rect> {
        let mut out = Vec::new();
        for &(i, origin) in &self.visible {
            let (Some(para), Some(Some(layout))) = (self.model.paras.get(i), self.layouts.get(i))
            else {
                continue;
            };
            if !para.range.overlaps(&range) {
                continue;
            }
            let a = interact::char_in_para(text, para, range.start);
            let b = interact::char_in_para(text, para, range.end);
            if let (Some(a), Some(b)) = (a, b) {
                let rects = geometry::range_rects(&layout.galley, a, b);
                out.extend(rects.into_iter().map(|r| r.translate(origin.to_vec2())));
            }
        }
        out
    }

    /// Where the character at document byte `offset` was drawn in the last
    /// frame, if its paragraph was visible: lets tests and the benchmark point
    /// at real glyphs.
    pub fn glyph_rect(&self, text: &str, offset: usize) -> Option<Rect> {
        let next = text.get(offset..)?.chars().next()?;
        self.range_on_screen(text, ByteRange::new(offset, offset + next.len_utf8()))
            .into_iter()
            .next()
    }

    /// Draws a strong outline around every visible part of a span.
    fn outline_span(&self, ui: &Ui, id: SpanId, color: egui::Color32) -> Vec<Rect> {
        let mut rects = Vec::new();
        for &(i, origin) in &self.visible {
            let Some(Some(layout)) = self.layouts.get(i) else {
                continue;
            };
            for mark in layout.marks.iter().filter(|m| m.id == id) {
                paint::highlight(ui.painter(), origin, mark, color);
                rects.extend(mark.rects.iter().map(|r| r.translate(origin.to_vec2())));
            }
        }
        rects
    }

    /// Paints what the find bar found under the text of the visible
    /// paragraphs, the current match stronger.
    pub(super) fn paint_found(&self, ui: &Ui, text: &str, find: &Find) {
        let matches = find.matches();
        if matches.is_empty() {
            return;
        }
        let palette = Palette::of(ui.visuals());
        let current = find.current();
        for &(i, origin) in &self.visible {
            let (Some(para), Some(Some(layout))) = (self.model.paras.get(i), self.layouts.get(i))
            else {
                continue;
            };
            let first = matches.partition_point(|m| m.end <= para.range.start);
            for m in matches[first..]
                .iter()
                .take_while(|m| m.start < para.range.end)
            {
                let a = interact::char_in_para(text, para, m.start);
                let b = interact::char_in_para(text, para, m.end);
                let (Some(a), Some(b)) = (a, b) else { continue };
                let rects: Vec<Rect> = geometry::range_rects(&layout.galley, a, b)
                    .into_iter()
                    .map(|r| r.translate(origin.to_vec2()))
                    .collect();
                let fill = theme::found_fill(&palette, current == Some(*m));
                paint::range(ui.painter(), &rects, fill);
            }
        }
    }

    /// Paints the range being dragged or waiting for a label, under the text.
    pub(super) fn paint_range(&self, ui: &Ui, ws: &Workspace) {
        let Some(open) = ws.current() else { return };
        let doc = &open.doc;
        let range = self.dragged_range(doc).or(match ws.selection {
            Selection::Range(r) => Some(r),
            _ => None,
        });
        if let Some(range) = range {
            let fill = ui.visuals().selection.bg_fill;
            paint::range(ui.painter(), &self.range_on_screen(doc.text(), range), fill);
        }
    }

    /// Paints the editor's focus over the paragraphs drawn this frame.
    pub(super) fn paint_overlays(&self, ui: &Ui, ws: &Workspace) {
        let Some(open) = ws.current() else { return };
        let doc = &open.doc;
        let quote = match ws.mode {
            Mode::LinkQuote { quote, .. } => doc.quote(quote),
            _ => ws
                .selected_span()
                .and_then(|id| doc.quotes_of_span(id).next()),
        };
        if let Some(quote) = quote {
            self.paint_quote(ui, doc, &ws.labels, quote);
        }
        if let Some(id) = ws.selected_span() {
            let strong = ui.visuals().strong_text_color();
            let rects = self.outline_span(ui, id, strong);
            let (start, end) = self.edge_handles(id);
            paint::handles(ui.painter(), start, end, strong);
            let referent = doc.span(id).and_then(|s| s.refers_to);
            if let (Some(from), Some(target)) = (rects.first(), referent) {
                let color = theme::label_ink(&ws.labels, SPEAKER, &Palette::of(ui.visuals()));
                let to = self.outline_span(ui, target, color);
                if let Some(to) = to.first() {
                    paint::link(ui.painter(), from.center_top(), to.center_top(), color);
                }
            }
        }
    }

    fn paint_quote(&self, ui: &Ui, doc: &Document, labels: &LabelSet, quote: &Quote) {
        let palette = Palette::of(ui.visuals());
        let mut content_end: Option<Pos2> = None;
        for &id in &quote.content {
            let color = theme::label_ink(labels, QUOTE, &palette);
            if let Some(last) = self.outline_span(ui, id, color).last() {
                content_end = Some(last.right_top());
            }
        }
        for (part, label) in [(quote.speaker, SPEAKER), (quote.cue, CUE)] {
            let Some(part) = part.filter(|p| doc.span(*p).is_some()) else {
                continue;
            };
            let color = theme::label_ink(labels, label, &palette);
            let rects = self.outline_span(ui, part, color);
            if let (Some(from), Some(to)) = (content_end, rects.first()) {
                paint::link(ui.painter(), from, to.center_top(), color);
            }
        }
    }
}

/// A tooltip describing the span under the pointer.
pub(super) fn tooltip(response: &Response, doc: &Document, labels: &LabelSet, id: SpanId) {
    let Some(span) = doc.span(id) else { return };
    let describe = |id: Option<SpanId>| {
        id.and_then(|s| doc.span(s))
            .map_or_else(|| "—".to_owned(), |s| format!("“{}”", s.text(doc.text())))
    };
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.strong(format!("{} · {}", span.label, span.state.as_str()));
        if let Some(def) = labels.get(&span.label) {
            ui.weak(&def.description);
        }
        if let Origin::Suggested {
            engine,
            rule,
            score,
        } = &span.origin
        {
            ui.label(format!("{engine} / {rule} · {score:.2}"));
        }
        for quote in doc.quotes_of_span(id) {
            ui.label(format!(
                "Quote ({}): speaker {}, cue {}",
                quote.kind.as_str(),
                describe(quote.speaker),
                describe(quote.cue)
            ));
        }
        if span.refers_to.is_some() {
            ui.label(format!("Refers to {}", describe(span.refers_to)));
        }
    });
}
