//! Laying out one paragraph: the galley (with room reserved after each
//! entity, speaker and cue for its label chip, via section `leading_space`, so
//! galley char indices stay equal to paragraph char indices) and the rectangles
//! of every span drawn in it. Done once per paragraph key and wrap width.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use egui::epaint::text::{FontsView, LayoutJob, TextFormat};
use egui::{Align, Color32, Galley, Pos2, Rect, Vec2};

use super::geometry::{char_box, range_rects};
use super::model::{MarkKind, Para};
use crate::app::theme::{self, Palette, SpanColors};
use crate::model::{LabelSet, OffsetIndex, SpanId};

/// Horizontal padding inside a chip.
const CHIP_PAD: f32 = 3.0;
/// Space kept on each side of a chip.
const CHIP_GAP: f32 = 2.0;

/// One span's shape in one paragraph.
#[derive(Clone, Debug)]
pub struct Mark {
    /// The span.
    pub id: SpanId,
    /// How it is drawn.
    pub kind: MarkKind,
    /// Its colours.
    pub colors: SpanColors,
    /// One text box per row it covers, relative to the galley.
    pub rects: Vec<Rect>,
    /// How many boxed spans enclose it: nested boxes are drawn inset.
    pub depth: u8,
    /// Length in bytes: the shortest span under the pointer wins a click.
    pub len: usize,
}

/// A label chip drawn after a span.
#[derive(Clone, Debug)]
pub struct Chip {
    /// The span it labels.
    pub id: SpanId,
    /// Where it is drawn, relative to the galley.
    pub rect: Rect,
    /// The label text (placeholder colour, painted in `colors.chip_text`).
    pub text: Arc<Galley>,
    /// Its colours.
    pub colors: SpanColors,
}

/// A laid-out paragraph with its marks and chips.
#[derive(Clone, Debug)]
pub struct ParaLayout {
    /// The paragraph key it was built for.
    pub key: u64,
    /// The wrap width it was built for.
    pub width: f32,
    /// The text.
    pub galley: Arc<Galley>,
    /// Characters of the paragraph (the galley may hold one more, a chip pad).
    pub char_len: usize,
    /// Span shapes, in paint order.
    pub marks: Vec<Mark>,
    /// Label chips.
    pub chips: Vec<Chip>,
}

/// What a paragraph layout depends on besides the paragraph itself.
pub struct Style<'a> {
    /// Label colours.
    pub labels: &'a LabelSet,
    /// The theme's page and text colours.
    pub palette: Palette,
    /// Wrap width.
    pub width: f32,
}

/// Chip galleys by label, shared by all paragraphs.
pub type ChipCache = HashMap<String, Arc<Galley>>;

/// Lays out one paragraph of `text`.
pub fn layout_para(
    fonts: &mut FontsView<'_>,
    text: &str,
    para: &Para,
    style: &Style<'_>,
    chips_cache: &mut ChipCache,
) -> ParaLayout {
    let para_text = text.get(para.range.start..para.range.end).unwrap_or("");
    let index = OffsetIndex::new(para_text);
    let local = |offset: usize| offset.clamp(para.range.start, para.range.end) - para.range.start;

    let mut chip_at: BTreeMap<usize, Vec<(SpanId, Arc<Galley>, SpanColors)>> = BTreeMap::new();
    for span in para.spans.iter().filter(|s| s.kind.has_chip()) {
        if span.range.end <= para.range.start || span.range.end > para.range.end {
            continue;
        }
        let galley = chips_cache
            .entry(span.label.clone())
            .or_insert_with(|| {
                fonts.layout_no_wrap(span.label.clone(), theme::chip_font(), Color32::PLACEHOLDER)
            })
            .clone();
        let colors = colors_of(style, &span.label, span.state, para.boilerplate);
        chip_at
            .entry(local(span.range.end))
            .or_default()
            .push((span.id, galley, colors));
    }
    let reserve = |chips: &[(SpanId, Arc<Galley>, SpanColors)]| -> f32 {
        chips
            .iter()
            .map(|(_, g, _)| g.size().x + 2.0 * (CHIP_PAD + CHIP_GAP))
            .sum()
    };

    let color = if para.boilerplate {
        style.palette.dimmed
    } else {
        style.palette.text
    };
    let format = TextFormat {
        font_id: theme::article_font(),
        color,
        line_height: Some(theme::ARTICLE_LINE),
        valign: Align::Center,
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = style.width;
    let mut start = 0;
    let mut lead = 0.0;
    for (&cut, chips) in chip_at.range(1..para_text.len()) {
        job.append(&para_text[start..cut], lead, format.clone());
        (start, lead) = (cut, reserve(chips));
    }
    job.append(&para_text[start..], lead, format.clone());
    if let Some(chips) = chip_at.get(&para_text.len()) {
        job.append(" ", reserve(chips), format);
    }
    let galley = fonts.layout_job(job);

    let char_len = index.char_len();
    let mut chips = Vec::new();
    for (&at, group) in &chip_at {
        let Some(anchor) = index
            .byte_to_char(at)
            .ok()
            .and_then(|c| char_box(&galley, c))
        else {
            continue;
        };
        let mut x = anchor.left() - reserve(group);
        for (id, text, colors) in group {
            let size = Vec2::new(text.size().x + 2.0 * CHIP_PAD, text.size().y + 1.0);
            let min = Pos2::new(x + CHIP_GAP, anchor.center().y - size.y / 2.0);
            chips.push(Chip {
                id: *id,
                rect: Rect::from_min_size(min, size),
                text: text.clone(),
                colors: *colors,
            });
            x += size.x + 2.0 * CHIP_GAP;
        }
    }

    let marks = para
        .spans
        .iter()
        .filter_map(|span| {
            let start = index.byte_to_char(local(span.range.start)).ok()?;
            let end = index.byte_to_char(local(span.range.end)).ok()?;
            let rects = range_rects(&galley, start, end);
            let depth = para
                .spans
                .iter()
                .filter(|o| {
                    o.kind != MarkKind::Quote
                        && o.id != span.id
                        && o.range.contains(&span.range)
                        && o.range != span.range
                })
                .count();
            (!rects.is_empty()).then(|| Mark {
                id: span.id,
                kind: span.kind,
                colors: colors_of(style, &span.label, span.state, para.boilerplate),
                rects,
                depth: u8::try_from(depth).unwrap_or(u8::MAX),
                len: span.range.len(),
            })
        })
        .collect();

    ParaLayout {
        key: para.key,
        width: style.width,
        galley,
        char_len,
        marks,
        chips,
    }
}

fn colors_of(
    style: &Style<'_>,
    label: &str,
    state: crate::model::SpanState,
    boilerplate: bool,
) -> SpanColors {
    theme::span_colors(style.labels, label, state, &style.palette, boilerplate)
}
