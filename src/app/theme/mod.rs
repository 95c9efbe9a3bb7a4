//! Colours and type. Label colours come from the [`LabelSet`]
//! (`assets/labels.json`); every colour drawn from one is checked against
//! the theme it is drawn on (see [`contrast`]): text (chip labels, the
//! article over a span's fill) reaches WCAG's 4.5 : 1, outlines, bands and
//! dots 3 : 1, on the dark and the light theme alike — shades of a label
//! colour are taken where the colour itself falls short. Pending
//! suggestions are paler, with dashed outlines and open chips; accepted
//! spans are solid. [`choice`] is which theme the window uses.

pub mod choice;
pub mod contrast;
#[cfg(test)]
mod tests;

use egui::{Color32, FontFamily, FontId, Visuals};

pub use self::contrast::on;
use self::contrast::{MARK, TEXT, over, ratio, readable};
use crate::model::{DocStatus, LabelSet, SpanState};

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

/// What a theme paints under and in the article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The page behind the article and the panels.
    pub page: Color32,
    /// Body text.
    pub text: Color32,
    /// Boilerplate text ("See also", credits): fainter than the story,
    /// still readable.
    pub dimmed: Color32,
    /// True for a dark theme.
    pub dark: bool,
}

impl Palette {
    /// The palette of egui's `visuals` (a theme's panels).
    pub fn of(visuals: &Visuals) -> Self {
        Self {
            page: visuals.panel_fill,
            text: visuals.strong_text_color(),
            dimmed: readable(visuals.weak_text_color(), visuals.panel_fill, TEXT),
            dark: visuals.dark_mode,
        }
    }
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

/// The label's colour as text or an outline on the page: the colour
/// itself, or the nearest shade of it that reads there.
pub fn label_ink(labels: &LabelSet, name: &str, palette: &Palette) -> Color32 {
    readable(label_color(labels, name), palette.page, TEXT)
}

/// Colours for a span of `label` in `state` on `palette`; a boilerplate
/// paragraph's spans are fainter, their chips open.
pub fn span_colors(
    labels: &LabelSet,
    label: &str,
    state: SpanState,
    palette: &Palette,
    boilerplate: bool,
) -> SpanColors {
    let base = label_color(labels, label);
    let ink = label_ink(labels, label, palette);
    let pending = state == SpanState::Pending;
    let alpha = match (pending, palette.dark) {
        (false, false) => 0.32,
        (false, true) => 0.45,
        (true, false) => 0.12,
        (true, true) => 0.18,
    };
    let text = if boilerplate {
        palette.dimmed
    } else {
        palette.text
    };
    let alpha = if boilerplate { alpha / 2.0 } else { alpha };
    let open = pending || boilerplate;
    SpanColors {
        fill: readable_fill(base, alpha, palette.page, text),
        stroke: if boilerplate {
            ink.gamma_multiply(0.5)
        } else {
            ink
        },
        chip_fill: if open { Color32::TRANSPARENT } else { base },
        chip_text: if open { ink } else { on(base) },
        dashed: pending,
    }
}

/// `base` at `alpha`, made fainter where needed so `text` over it on `page`
/// still reads.
fn readable_fill(base: Color32, alpha: f32, page: Color32, text: Color32) -> Color32 {
    let mut alpha = alpha;
    loop {
        let fill = with_alpha(base, alpha);
        if alpha <= 0.0 || ratio(text, over(fill, page)) >= TEXT {
            return fill;
        }
        alpha = (alpha - 0.04).max(0.0);
    }
}

/// The highlight under found text: the current match stronger than the rest.
pub fn found_fill(palette: &Palette, current: bool) -> Color32 {
    let amber = Color32::from_rgb(255, 196, 0);
    let alpha = match (current, palette.dark) {
        (true, true) => 0.55,
        (true, false) => 0.75,
        (false, true) => 0.25,
        (false, false) => 0.35,
    };
    readable_fill(amber, alpha, palette.page, palette.text)
}

/// The dot of a review state (quotes in the ledger).
pub fn state_color(state: SpanState, palette: &Palette) -> Color32 {
    let hue = match state {
        SpanState::Pending => Color32::from_rgb(230, 170, 50),
        SpanState::Accepted => Color32::from_rgb(80, 180, 100),
        SpanState::Rejected => Color32::from_rgb(200, 80, 80),
    };
    readable(hue, palette.page, MARK)
}

/// The dot of a document status (the document list).
pub fn status_color(status: DocStatus, palette: &Palette) -> Color32 {
    let hue = match status {
        DocStatus::New => Color32::from_rgb(140, 140, 140),
        DocStatus::InProgress => Color32::from_rgb(230, 170, 50),
        DocStatus::Done => Color32::from_rgb(80, 180, 100),
        DocStatus::Skipped => Color32::from_rgb(110, 110, 160),
    };
    readable(hue, palette.page, MARK)
}

fn with_alpha(c: Color32, alpha: f32) -> Color32 {
    let [r, g, b, _] = c.to_array();
    Color32::from_rgba_unmultiplied(r, g, b, (alpha * 255.0).round() as u8)
}
