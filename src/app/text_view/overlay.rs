//! What the article draws on top of its paragraphs for the editor's current
//! focus: the range being dragged, the selected span with its edge grips, the
//! parts of the selected quote linked by lines that keep off the letters
//! (see `links`), and hover tooltips.

use egui::{Rect, Response, Ui};

use super::links::{self, Column};
use super::{TextView, geometry, interact, paint};
use crate::app::theme::{self, Palette};
use crate::editor::{Find, Mode, Selection, Workspace};
use crate::model::{ByteRange, CUE, Document, LabelSet, Origin, QUOTE, Quote, SPEAKER, SpanId};

/// The margin lane of the line from a mention to the one it refers to: apart
/// from a quote's lines to its speaker (0) and cue (1), drawn at the same time.
const REFERS_LANE: u8 = 2;

/// A line to draw once every outline is painted: between the text boxes of
/// two spans, in its lane.
struct Link {
    from: Vec<Rect>,
    to: Vec<Rect>,
    lane: u8,
    color: egui::Color32,
}

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

    /// The text column's edges, from a paragraph drawn this frame.
    fn column(&self) -> Option<Column> {
        self.visible.iter().find_map(|&(i, origin)| {
            let layout = self.layouts.get(i)?.as_ref()?;
            Some(Column {
                left: origin.x,
                right: origin.x + layout.width,
            })
        })
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

    /// Paints the editor's focus over the paragraphs drawn this frame: the
    /// outlines first, then the links between them, so no outline hides a link.
    pub(super) fn paint_overlays(&self, ui: &Ui, ws: &Workspace) {
        let Some(open) = ws.current() else { return };
        let doc = &open.doc;
        let quote = match ws.mode {
            Mode::LinkQuote { quote, .. } => doc.quote(quote),
            _ => ws
                .selected_span()
                .and_then(|id| doc.quotes_of_span(id).next()),
        };
        let mut links = match quote {
            Some(quote) => self.paint_quote(ui, doc, &ws.labels, quote),
            None => Vec::new(),
        };
        if let Some(id) = ws.selected_span() {
            let strong = ui.visuals().strong_text_color();
            let rects = self.outline_span(ui, id, strong);
            let (start, end) = self.edge_handles(id);
            paint::handles(ui.painter(), start, end, strong);
            if let Some(target) = doc.span(id).and_then(|s| s.refers_to) {
                let color = theme::label_ink(&ws.labels, SPEAKER, &Palette::of(ui.visuals()));
                let to = self.outline_span(ui, target, color);
                links.push(Link {
                    from: rects,
                    to,
                    lane: REFERS_LANE,
                    color,
                });
            }
        }
        let Some(column) = self.column() else { return };
        for link in links {
            if let Some(points) = links::path(&link.from, &link.to, column, link.lane) {
                paint::link(ui.painter(), points, link.color);
            }
        }
    }

    /// Outlines the parts of `quote`; returns its links to its speaker and cue.
    fn paint_quote(&self, ui: &Ui, doc: &Document, labels: &LabelSet, quote: &Quote) -> Vec<Link> {
        let palette = Palette::of(ui.visuals());
        let mut content = Vec::new();
        for &id in &quote.content {
            let color = theme::label_ink(labels, QUOTE, &palette);
            content.extend(self.outline_span(ui, id, color));
        }
        let mut links = Vec::new();
        for (lane, part, label) in [(0, quote.speaker, SPEAKER), (1, quote.cue, CUE)] {
            let Some(part) = part.filter(|p| doc.span(*p).is_some()) else {
                continue;
            };
            let color = theme::label_ink(labels, label, &palette);
            let to = self.outline_span(ui, part, color);
            links.push(Link {
                from: content.clone(),
                to,
                lane,
                color,
            });
        }
        links
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
