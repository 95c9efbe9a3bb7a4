//! The article widget: the whole document, wrapped and scrollable, with its
//! spans drawn in place. Paragraphs are laid out one by one, only when visible,
//! and cached by paragraph key and width, so a 100,000-character article with
//! thousands of spans costs only its visible paragraphs per frame. Clicks and
//! drags become [`Command`]s; the widget never changes the document.

mod geometry;
mod interact;
mod layout;
mod links;
mod model;
mod overlay;
mod paint;

use egui::{Align, Pos2, Rect, ScrollArea, Sense, Ui, Vec2};

use self::layout::{ChipCache, ParaLayout, Style};
use self::model::ViewModel;
use crate::app::{side_panels, theme};
use crate::editor::{Command, Find, ViewPosition, Workspace};
use crate::model::{ByteRange, DocId};

/// Space between paragraphs.
const PARA_GAP: f32 = 12.0;
/// Side margin of the article column.
const MARGIN: f32 = 24.0;
/// Rough advance of one character, for the height of paragraphs not laid out yet.
const AVG_CHAR: f32 = 7.8;
/// Frames a reveal keeps correcting the scroll while estimated heights settle.
const REVEAL_FRAMES: u8 = 6;
/// What the article column needs besides its text: the central panel's
/// margins and the scroll bar.
const CHROME: f32 = 28.0;
/// Characters a wrapped line loses at its end, on average, to the word that
/// did not fit: the column is set this much wider than its minimum.
const WRAP_SLACK: f32 = 6.0;
/// Wire copy of ordinary letter frequencies, for the average character width.
const SAMPLE: &str = "“We will rebuild the harbour before the winter storms,” the mayor                       told reporters in Zürich on Monday, according to officials.";

/// An edge drag or a range drag in progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drag {
    /// Selecting text from this byte.
    Select { anchor: usize },
    /// Moving one edge of the selected span.
    Edge {
        span: crate::model::SpanId,
        start_edge: bool,
    },
}

/// The article view and everything it caches between frames.
#[derive(Default)]
pub struct TextView {
    model: ViewModel,
    doc: Option<DocId>,
    layouts: Vec<Option<ParaLayout>>,
    heights: Vec<f32>,
    chips: ChipCache,
    fonts_key: Option<(u32, bool)>,
    /// Paragraphs drawn this frame, with their origin on screen.
    visible: Vec<(usize, Pos2)>,
    drag: Option<Drag>,
    drag_to: Option<usize>,
    /// A range to scroll to, where to put it, and frames left to settle.
    reveal: Option<(ByteRange, Align, u8)>,
    /// Where the reader is: first character at the top of the view, and the scroll.
    position: Option<ViewPosition>,
    /// The width the column needs for [`side_panels::MIN_CHARS`] characters a
    /// line, at the scale it was measured for.
    needed: Option<(u32, f32)>,
}

impl TextView {
    /// Scrolls the article so `range` is in view (over the next frames).
    pub fn reveal(&mut self, range: ByteRange) {
        self.reveal = Some((range, Align::Center, REVEAL_FRAMES));
    }

    /// Scrolls the article so the line holding byte `offset` is at the top:
    /// where the editor left the document last time.
    pub fn restore(&mut self, offset: usize) {
        self.reveal = Some((ByteRange::new(offset, offset), Align::TOP, REVEAL_FRAMES));
    }

    /// Where the reader is in the document drawn last, to reopen it there.
    pub fn position(&self) -> Option<(&DocId, ViewPosition)> {
        Some((self.doc.as_ref()?, self.position?))
    }

    /// The width the article needs for [`side_panels::MIN_CHARS`] characters a
    /// line (and its margins), measured in the article font once per scale.
    pub fn needed_width(&mut self, ui: &Ui) -> f32 {
        let scale = ui.ctx().pixels_per_point().to_bits();
        if let Some((at, width)) = self.needed
            && at == scale
        {
            return width;
        }
        let sample = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                SAMPLE.to_owned(),
                theme::article_font(),
                egui::Color32::WHITE,
            )
        });
        let per_char = sample.size().x / SAMPLE.chars().count() as f32;
        let width = (side_panels::MIN_CHARS + WRAP_SLACK) * per_char + 2.0 * MARGIN + CHROME;
        self.needed = Some((scale, width));
        width
    }

    /// The width [`TextView::needed_width`] measured last (a fair guess before).
    pub fn last_needed_width(&self) -> f32 {
        self.needed.map_or(
            (side_panels::MIN_CHARS + WRAP_SLACK) * AVG_CHAR + 2.0 * MARGIN + CHROME,
            |(_, w)| w,
        )
    }

    /// Characters on the longest line drawn in the last frame.
    pub fn chars_per_line(&self) -> usize {
        (self.visible.iter())
            .filter_map(|&(i, _)| self.layouts.get(i)?.as_ref())
            .flat_map(|l| l.galley.rows.iter().map(|r| r.glyphs.len()))
            .max()
            .unwrap_or(0)
    }

    /// Number of paragraphs laid out and cached, for tests and the benchmark.
    pub fn laid_out(&self) -> usize {
        self.layouts.iter().filter(|l| l.is_some()).count()
    }

    /// Shows the current document of `ws` with what `find` found; clicks
    /// and drags push commands.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, find: &Find, cmds: &mut Vec<Command>) {
        let Some(open) = ws.current() else {
            ui.centered_and_justified(|ui| {
                ui.weak(
                    "Open articles with Open files… in the File menu (Ctrl+O), or drop them here.",
                );
            });
            return;
        };
        let fonts_key = (
            ui.ctx().pixels_per_point().to_bits(),
            ui.visuals().dark_mode,
        );
        let new_doc = self.doc.as_ref() != Some(&open.doc.id);
        if new_doc || self.fonts_key != Some(fonts_key) {
            self.layouts.clear();
            self.chips.clear();
            self.heights.clear();
            self.drag = None;
            self.position = None;
            self.doc = Some(open.doc.id.clone());
            self.fonts_key = Some(fonts_key);
        }
        self.model.update(&open.doc, open.revision);
        let n = self.model.paras.len();
        self.layouts.resize_with(n, || None);
        if self.heights.len() != n {
            self.heights = vec![0.0; n];
        }
        ScrollArea::vertical()
            .id_salt(("article", &open.doc.id.0))
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                self.content(ui, viewport, ws, find, cmds)
            });
    }

    fn content(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        ws: &Workspace,
        find: &Find,
        cmds: &mut Vec<Command>,
    ) {
        let Some(open) = ws.current() else { return };
        let full = ui.available_width();
        let width = (full - 2.0 * MARGIN).clamp(120.0, theme::MAX_MEASURE);
        let left = ((full - width) / 2.0).max(0.0);
        let style = Style {
            labels: &ws.labels,
            palette: theme::Palette::of(ui.visuals()),
            width,
        };
        let reveal_para = self
            .reveal
            .and_then(|(range, _, _)| self.model.para_at(range.start));
        let mut tops = Vec::new();
        for _ in 0..3 {
            tops = self.tops(width);
            let (first, last) = visible_range(&tops, &self.heights, viewport);
            let wanted = first.saturating_sub(1)..(last + 2).min(self.model.paras.len());
            let changed =
                self.ensure_laid_out(ui, wanted.chain(reveal_para), open.doc.text(), &style);
            if !changed {
                break;
            }
        }
        let total = tops.last().map_or(0.0, |t| *t) + self.heights.last().copied().unwrap_or(0.0);
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(full, total), Sense::click_and_drag());
        let (first, last) = visible_range(&tops, &self.heights, viewport);
        self.visible.clear();
        for i in first..=last.min(self.model.paras.len().saturating_sub(1)) {
            if let (Some(Some(_)), Some(top)) = (self.layouts.get(i), tops.get(i)) {
                self.visible.push((i, rect.min + Vec2::new(left, *top)));
            }
        }
        self.paint_found(ui, open.doc.text(), find);
        self.paint_range(ui, ws);
        for &(i, origin) in &self.visible {
            if let Some(Some(layout)) = self.layouts.get(i) {
                paint::under(ui.painter(), origin, layout);
                ui.painter()
                    .galley(origin, layout.galley.clone(), style.palette.text);
                paint::over(ui.painter(), origin, layout);
            }
        }
        self.paint_overlays(ui, ws);
        self.interact(ui, &response, ws, cmds);
        self.scroll_to_reveal(ui, open.doc.text(), rect, left, &tops);
        if self.reveal.is_none() {
            // Only once a reveal settled: until then the top is not where the reader is going.
            let top = rect.min.y + viewport.min.y;
            self.position = self
                .first_full_line(open.doc.text(), rect.min.x + left, top)
                .map(|offset| ViewPosition {
                    offset,
                    scroll: viewport.min.y,
                });
        }
    }

    /// The first character of the first line wholly below `top` (screen
    /// coordinates): restoring puts that line at the top, so a restored view
    /// shows at least what was shown.
    fn first_full_line(&self, text: &str, x: f32, top: f32) -> Option<usize> {
        let offset = self.caret(text, Pos2::new(x, top + 1.0))?;
        match self.glyph_rect(text, offset) {
            Some(glyph) if glyph.top() < top - 0.5 => {
                let next_row = glyph.top() + theme::ARTICLE_LINE * 1.5;
                self.caret(text, Pos2::new(x, next_row)).or(Some(offset))
            }
            _ => Some(offset),
        }
    }

    /// Top of every paragraph relative to the content, from known or estimated heights.
    fn tops(&mut self, width: f32) -> Vec<f32> {
        let mut y = 0.0;
        let mut tops = Vec::with_capacity(self.model.paras.len());
        for (i, para) in self.model.paras.iter().enumerate() {
            let laid = self.layouts.get(i).and_then(Option::as_ref);
            let height = match laid {
                Some(l) if l.width == width => l.galley.size().y,
                _ if self.heights[i] > 0.0 => self.heights[i],
                _ => {
                    let rows = (para.range.len() as f32 * AVG_CHAR / width).ceil().max(1.0);
                    rows * theme::ARTICLE_LINE
                }
            };
            self.heights[i] = height;
            tops.push(y);
            y += height + PARA_GAP;
        }
        tops
    }

    /// Lays out the given paragraphs where their cached layout is stale; true if any was.
    fn ensure_laid_out(
        &mut self,
        ui: &Ui,
        wanted: impl Iterator<Item = usize>,
        text: &str,
        style: &Style<'_>,
    ) -> bool {
        let mut changed = false;
        for i in wanted {
            let Some(para) = self.model.paras.get(i) else {
                continue;
            };
            let fresh = self.layouts[i]
                .as_ref()
                .is_some_and(|l| l.key == para.key && l.width == style.width);
            if fresh {
                continue;
            }
            let chips = &mut self.chips;
            let layout = ui.fonts_mut(|f| layout::layout_para(f, text, para, style, chips));
            self.heights[i] = layout.galley.size().y;
            self.layouts[i] = Some(layout);
            changed = true;
        }
        changed
    }

    fn scroll_to_reveal(&mut self, ui: &Ui, text: &str, rect: Rect, left: f32, tops: &[f32]) {
        let Some((range, align, frames)) = self.reveal else {
            return;
        };
        let target = self.model.para_at(range.start).and_then(|i| {
            let para = self.model.paras.get(i)?;
            let layout = self.layouts.get(i)?.as_ref()?;
            let at = interact::char_in_para(text, para, range.start)?;
            let boxed = geometry::char_box(&layout.galley, at)?;
            Some(boxed.translate(rect.min.to_vec2() + Vec2::new(left, *tops.get(i)?)))
        });
        let clip = ui.clip_rect();
        let settled = |target: Rect| match align {
            Align::TOP => (target.top() - clip.top()).abs() < 1.0,
            _ => clip.shrink(8.0).contains_rect(target),
        };
        match target {
            Some(target) if !settled(target) => {
                let margin = if align == Align::TOP { 0.0 } else { 40.0 };
                ui.scroll_to_rect(target.expand(margin), Some(align));
                self.reveal = (frames > 1).then_some((range, align, frames - 1));
                ui.ctx().request_repaint();
            }
            Some(_) | None => self.reveal = None,
        }
    }
}

/// First and last paragraph overlapping the viewport (content coordinates).
fn visible_range(tops: &[f32], heights: &[f32], viewport: Rect) -> (usize, usize) {
    let first = tops
        .iter()
        .zip(heights)
        .position(|(t, h)| t + h + PARA_GAP >= viewport.min.y)
        .unwrap_or(tops.len().saturating_sub(1));
    let last = tops
        .iter()
        .rposition(|t| *t <= viewport.max.y)
        .unwrap_or(0)
        .max(first);
    (first, last)
}
