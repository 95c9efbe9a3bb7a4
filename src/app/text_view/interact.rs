//! Pointer input on the article: which span is under the pointer (chips and
//! the shortest span first; clicking again cycles through overlapping spans),
//! which character boundary a drag is at, and the commands that follow from a
//! click, a range drag (snapped to tokens unless Alt is held) or an edge drag.

use egui::{CursorIcon, Pos2, Rect, Response, Ui, Vec2};

use super::model::Para;
use super::{Drag, TextView, geometry};
use crate::editor::{Command, Mode, Selection, Workspace, finish_range};
use crate::model::{ByteRange, Document, OffsetIndex, SpanId};

/// How far outside a span's text box a click still counts, vertically.
const HIT_SLOP: f32 = 4.0;
/// Grab size of the edge handles of the selected span.
pub(super) const HANDLE: Vec2 = Vec2::new(4.0, 22.0);

/// Char index within `para` of document byte `offset`.
pub(super) fn char_in_para(text: &str, para: &Para, offset: usize) -> Option<usize> {
    let para_text = text.get(para.range.start..para.range.end)?;
    let local = offset.clamp(para.range.start, para.range.end) - para.range.start;
    OffsetIndex::new(para_text).byte_to_char(local).ok()
}

/// Document byte of char index `at` within `para`.
fn byte_in_para(text: &str, para: &Para, at: usize) -> Option<usize> {
    let para_text = text.get(para.range.start..para.range.end)?;
    let index = OffsetIndex::new(para_text);
    index
        .char_to_byte(at.min(index.char_len()))
        .ok()
        .map(|b| para.range.start + b)
}

impl TextView {
    /// The span under `pos`; when the selected span is under it too, the next
    /// larger one, so repeated clicks walk through nested spans.
    fn hit(&self, pos: Pos2, selected: Option<SpanId>) -> Option<SpanId> {
        let mut under: Vec<(usize, SpanId)> = Vec::new();
        for &(i, origin) in &self.visible {
            let Some(Some(layout)) = self.layouts.get(i) else {
                continue;
            };
            let local = pos - origin.to_vec2();
            if let Some(chip) = layout.chips.iter().find(|c| c.rect.contains(local)) {
                return Some(chip.id);
            }
            for mark in &layout.marks {
                let inside = mark
                    .rects
                    .iter()
                    .any(|r| r.expand2(Vec2::new(0.0, HIT_SLOP)).contains(local));
                if inside && !under.iter().any(|(_, id)| *id == mark.id) {
                    under.push((mark.len, mark.id));
                }
            }
        }
        under.sort_unstable();
        let at = selected.and_then(|s| under.iter().position(|(_, id)| *id == s));
        match at {
            Some(k) => under.get(k + 1).or(under.first()).map(|(_, id)| *id),
            None => under.first().map(|(_, id)| *id),
        }
    }

    /// The character boundary nearest to `pos`, as a document byte offset.
    pub(super) fn caret(&self, text: &str, pos: Pos2) -> Option<usize> {
        let (i, origin) = self
            .visible
            .iter()
            .copied()
            .find(|&(i, origin)| pos.y < origin.y + self.heights[i] + super::PARA_GAP / 2.0)
            .or_else(|| self.visible.last().copied())?;
        let layout = self.layouts.get(i)?.as_ref()?;
        let para = self.model.paras.get(i)?;
        let at = geometry::caret_at(&layout.galley, pos - origin, layout.char_len);
        byte_in_para(text, para, at)
    }

    /// Screen rectangles of the grips at the selected span's two edges.
    pub(super) fn edge_handles(&self, span: SpanId) -> (Option<Rect>, Option<Rect>) {
        let mut rects: Vec<Rect> = Vec::new();
        for &(i, origin) in &self.visible {
            let Some(Some(layout)) = self.layouts.get(i) else {
                continue;
            };
            for mark in layout.marks.iter().filter(|m| m.id == span) {
                rects.extend(mark.rects.iter().map(|r| r.translate(origin.to_vec2())));
            }
        }
        let grip = |x: f32, y: f32| Rect::from_center_size(Pos2::new(x, y), HANDLE);
        (
            rects.first().map(|r| grip(r.left() - 2.0, r.center().y)),
            rects.last().map(|r| grip(r.right() + 2.0, r.center().y)),
        )
    }

    /// Turns this frame's pointer input on the article into commands.
    pub(super) fn interact(
        &mut self,
        ui: &Ui,
        response: &Response,
        ws: &Workspace,
        cmds: &mut Vec<Command>,
    ) {
        let Some(open) = ws.current() else { return };
        let doc = &open.doc;
        let linking = ws.mode != Mode::Normal;
        if linking && response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
        }
        if response.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            self.drag = self.start_drag(ws, origin, doc.text());
        }
        if let (Some(Drag::Select { .. } | Drag::Edge { .. }), Some(pos)) =
            (self.drag, response.interact_pointer_pos())
        {
            self.drag_to = self.caret(doc.text(), pos);
        }
        if response.drag_stopped() {
            let by_char = ui.input(|i| i.modifiers.alt);
            if let (Some(drag), Some(to)) = (self.drag.take(), self.drag_to.take()) {
                cmds.extend(drag_command(doc, drag, to, by_char, linking));
            }
        } else if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let hit = self.hit(pos, ws.selected_span());
            cmds.push(match (hit, linking) {
                (Some(id), true) => Command::LinkTo(id),
                (hit, _) => Command::Select(hit),
            });
        }
        if self.drag.is_none()
            && let Some(pos) = response.hover_pos()
            && let Some(id) = self.hit(pos, None)
        {
            super::overlay::tooltip(response, doc, &ws.labels, id);
        }
    }

    fn start_drag(&self, ws: &Workspace, origin: Pos2, text: &str) -> Option<Drag> {
        if let Selection::Span(span) = ws.selection {
            let (start, end) = self.edge_handles(span);
            let near = |r: Option<Rect>| r.is_some_and(|r| r.expand(3.0).contains(origin));
            if near(start) || near(end) {
                return Some(Drag::Edge {
                    span,
                    start_edge: near(start),
                });
            }
        }
        self.caret(text, origin)
            .map(|anchor| Drag::Select { anchor })
    }

    /// The range being dragged right now, for painting.
    pub(super) fn dragged_range(&self, doc: &Document) -> Option<ByteRange> {
        match (self.drag?, self.drag_to?) {
            (Drag::Select { anchor }, to) => {
                ByteRange::checked(doc.text(), anchor.min(to), anchor.max(to)).ok()
            }
            (Drag::Edge { span, start_edge }, to) => edge_range(doc, span, start_edge, to),
        }
    }
}

/// The span's range with one edge moved to `to`, if that leaves it non-empty.
fn edge_range(doc: &Document, span: SpanId, start_edge: bool, to: usize) -> Option<ByteRange> {
    let range = doc.span(span)?.range;
    let (a, b) = if start_edge {
        (to, range.end)
    } else {
        (range.start, to)
    };
    ByteRange::checked(doc.text(), a, b).ok()
}

fn drag_command(
    doc: &Document,
    drag: Drag,
    to: usize,
    by_char: bool,
    linking: bool,
) -> Option<Command> {
    match drag {
        Drag::Select { anchor } => {
            let range = finish_range(doc, anchor, to, by_char)?;
            Some(if linking {
                Command::LinkToRange(range)
            } else {
                Command::SelectRange(range)
            })
        }
        Drag::Edge { span, start_edge } => {
            let moved = edge_range(doc, span, start_edge, to)?;
            let snapped = finish_range(doc, moved.start, moved.end, by_char)?;
            let range = doc.span(span)?.range;
            let kept = if start_edge {
                ByteRange::new(snapped.start, range.end)
            } else {
                ByteRange::new(range.start, snapped.end)
            };
            Some(Command::SetRange(span, kept))
        }
    }
}
