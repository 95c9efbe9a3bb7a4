//! Painting a laid-out paragraph: entity backgrounds and speaker/cue outlines
//! under the text, quote bands and label chips over it; pending suggestions
//! paler and dashed. Also the overlays: the selected span, a quote's links to
//! its speaker and cue (along paths that `links` keeps off the letters), and
//! a range being dragged.

use egui::epaint::Shape;
use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

use super::layout::{Mark, ParaLayout};
use super::model::MarkKind;

/// Thickness of the band under quote content.
const BAND: f32 = 3.0;
/// Vertical inset per nesting level of boxed spans.
const NEST_INSET: f32 = 2.0;

/// Paints what goes under the text: entity fills, speaker and cue outlines.
pub fn under(painter: &Painter, origin: Pos2, layout: &ParaLayout) {
    for mark in &layout.marks {
        let inset = f32::from(mark.depth) * NEST_INSET;
        for rect in &mark.rects {
            let rect = rect
                .translate(origin.to_vec2())
                .expand2(Vec2::new(1.0, 2.0 - inset));
            match mark.kind {
                MarkKind::Entity => {
                    painter.rect_filled(rect, CornerRadius::same(3), mark.colors.fill);
                    if mark.colors.dashed {
                        outline(painter, rect, Stroke::new(1.0, mark.colors.stroke), true);
                    }
                }
                MarkKind::Speaker | MarkKind::Cue => {
                    let rect = rect.expand(1.0);
                    outline(
                        painter,
                        rect,
                        Stroke::new(1.5, mark.colors.stroke),
                        mark.colors.dashed,
                    );
                }
                MarkKind::Quote => {}
            }
        }
    }
}

/// Paints what goes over the text: quote bands and label chips.
pub fn over(painter: &Painter, origin: Pos2, layout: &ParaLayout) {
    for mark in layout.marks.iter().filter(|m| m.kind == MarkKind::Quote) {
        for rect in &mark.rects {
            let rect = rect.translate(origin.to_vec2());
            let y = rect.bottom() + 2.0 + BAND / 2.0;
            let stroke = Stroke::new(BAND, mark.colors.stroke);
            if mark.colors.dashed {
                painter.extend(Shape::dashed_line(
                    &[Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                    stroke,
                    6.0,
                    4.0,
                ));
            } else {
                painter.line_segment(
                    [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                    stroke,
                );
            }
        }
    }
    for chip in &layout.chips {
        let rect = chip.rect.translate(origin.to_vec2());
        painter.rect(
            rect,
            CornerRadius::same(3),
            chip.colors.chip_fill,
            Stroke::new(1.0, chip.colors.stroke),
            StrokeKind::Inside,
        );
        let text_pos = Pos2::new(
            rect.center().x - chip.text.size().x / 2.0,
            rect.center().y - chip.text.size().y / 2.0,
        );
        painter.galley(text_pos, chip.text.clone(), chip.colors.chip_text);
    }
}

/// A rectangle outline, solid or dashed.
pub fn outline(painter: &Painter, rect: Rect, stroke: Stroke, dashed: bool) {
    if !dashed {
        painter.rect_stroke(rect, CornerRadius::same(3), stroke, StrokeKind::Middle);
        return;
    }
    let points = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(Shape::dashed_line(&points, stroke, 4.0, 3.0));
}

/// Marks the selected span (or a part of the selected quote) with a strong outline.
pub fn highlight(painter: &Painter, origin: Pos2, mark: &Mark, color: Color32) {
    for rect in &mark.rects {
        let rect = rect
            .translate(origin.to_vec2())
            .expand2(Vec2::new(3.0, 4.0));
        painter.rect_stroke(
            rect,
            CornerRadius::same(4),
            Stroke::new(2.0, color),
            StrokeKind::Outside,
        );
    }
}

/// Small grips at both ends of the selected span, where its edges can be dragged.
pub fn handles(painter: &Painter, start: Option<Rect>, end: Option<Rect>, color: Color32) {
    for rect in [start, end].into_iter().flatten() {
        painter.rect_filled(rect, CornerRadius::same(2), color);
    }
}

/// A line from a quote to its speaker or cue (or a mention to the one it
/// refers to) along `points` (see `links::path`), with a dot at its end.
pub fn link(painter: &Painter, points: Vec<Pos2>, color: Color32) {
    let end = points.get(points.len().saturating_sub(2)).copied();
    painter.add(Shape::line(points, Stroke::new(1.5, color)));
    if let Some(end) = end {
        painter.circle_filled(end, 2.5, color);
    }
}

/// The range being dragged (or just dragged and waiting for a label).
pub fn range(painter: &Painter, rects: &[Rect], fill: Color32) {
    for rect in rects {
        painter.rect_filled(
            rect.expand2(Vec2::new(0.0, 2.0)),
            CornerRadius::same(2),
            fill,
        );
    }
}
