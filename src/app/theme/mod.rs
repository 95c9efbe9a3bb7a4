//! Colours and type: label colours come from the [`LabelSet`] (`assets/labels.json`)
//! and are turned into fills, strokes and chips that read well on both the
//! light and the dark egui theme. Pending suggestions are paler and outlined
//! with a dashed line; accepted spans are solid.

use egui::{Color32, FontFamily, FontId, Visuals};

use crate::model::{LabelSet, SpanState};

/// Size of article text, in points.
pub const ARTICLE_SIZE: f32 = 16.0;
/// Row height of article text: room above for the selection outline and below
/// for the quote band.
pub const ARTICLE_LINE: f32 = 30.0;
/// Size of label chips.
pub const CHIP_SIZE: f32 = 9.5;
/// Widest column the article is set in, for comfortable reading.
pub const MAX_MEASURE: f32 = 760.0;

/// Font of the article text.
pub fn article_font() -> FontId {
    FontId::new(ARTICLE_SIZE, FontFamily::Proportional)
}

/// Font of label chips.
pub fn chip_font() -> FontId {
    FontId::new(CHIP_SIZE, FontFamily::Proportional)
}

/// How one span is painted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanColors {
    /// Background (entities) or band (quotes).
    pub fill: Color32,
    /// Outline (speaker, cue, pending entities) and chip border.
    pub stroke: Color32,
    /// Chip background.
    pub chip_fill: Color32,
    /// Chip text.
    pub chip_text: Color32,
    /// True for pending suggestions: outlines are dashed.
    pub dashed: bool,
}

/// The label's own colour; grey for labels the set does not know.
pub fn label_color(labels: &LabelSet, name: &str) -> Color32 {
    let [r, g, b] = labels.get(name).map_or([128, 128, 128], |l| l.rgb());
    Color32::from_rgb(r, g, b)
}

/// Colours for a span of `label` in `state` on the current theme.
pub fn span_colors(labels: &LabelSet, label: &str, state: SpanState, dark: bool) -> SpanColors {
    let base = label_color(labels, label);
    let strong = if dark { lighten(base, 0.25) } else { base };
    let pending = state == SpanState::Pending;
    let alpha = match (pending, dark) {
        (false, false) => 0.32,
        (false, true) => 0.45,
        (true, false) => 0.12,
        (true, true) => 0.18,
    };
    SpanColors {
        fill: with_alpha(base, alpha),
        stroke: strong,
        chip_fill: if pending { Color32::TRANSPARENT } else { base },
        chip_text: if pending { strong } else { on(base) },
        dashed: pending,
    }
}

/// Body text colour: the theme's strong text, never egui's default grey.
pub fn text_color(visuals: &Visuals) -> Color32 {
    visuals.strong_text_color()
}

/// Text colour of boilerplate paragraphs ("See also", credits).
pub fn dimmed_color(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Black or white, whichever reads better on `background`.
pub fn on(background: Color32) -> Color32 {
    let [r, g, b, _] = background.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

fn with_alpha(c: Color32, alpha: f32) -> Color32 {
    let [r, g, b, _] = c.to_array();
    Color32::from_rgba_unmultiplied(r, g, b, (alpha * 255.0).round() as u8)
}

fn lighten(c: Color32, amount: f32) -> Color32 {
    let [r, g, b, _] = c.to_array();
    let up = |v: u8| (f32::from(v) + (255.0 - f32::from(v)) * amount).round() as u8;
    Color32::from_rgb(up(r), up(g), up(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_spans_are_paler_and_dashed() {
        let labels = LabelSet::builtin();
        let accepted = span_colors(&labels, "PERSON", SpanState::Accepted, false);
        let pending = span_colors(&labels, "PERSON", SpanState::Pending, false);
        assert!(pending.fill.a() < accepted.fill.a());
        assert!(pending.dashed && !accepted.dashed);
        assert_eq!(accepted.chip_fill, label_color(&labels, "PERSON"));
    }

    #[test]
    fn chip_text_contrasts_with_its_background() {
        assert_eq!(on(Color32::from_rgb(250, 240, 200)), Color32::BLACK);
        assert_eq!(on(Color32::from_rgb(40, 60, 120)), Color32::WHITE);
        let dark = span_colors(&LabelSet::builtin(), "CUE", SpanState::Accepted, true);
        assert_ne!(dark.stroke, label_color(&LabelSet::builtin(), "CUE"));
    }
}
