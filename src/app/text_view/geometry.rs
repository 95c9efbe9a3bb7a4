//! Where characters sit in a laid-out paragraph. A galley has one glyph per
//! `char` and omits the `\n` that ends a row, so a row holds
//! `glyphs.len() + ends_with_newline` characters; everything here counts chars
//! (egui's `CharIndex`), and callers convert to bytes with `OffsetIndex`.

use egui::{Galley, Pos2, Rect, Vec2};

/// One row's slice of a char range: `rect` covers the text (not the whole row
/// height), relative to the galley origin.
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.glyphs.len();
        let (s, e) = (start.max(row_start), end.min(row_start + n));
        if s < e
            && let (Some(first), Some(last)) = (
                row.glyphs.get(s - row_start),
                row.glyphs.get(e - 1 - row_start),
            )
        {
            let top = row.pos.y + first.pos.y - first.font_ascent;
            out.push(Rect::from_min_max(
                Pos2::new(row.pos.x + first.pos.x, top),
                Pos2::new(row.pos.x + last.max_x(), top + first.font_height),
            ));
        }
        row_start += n + usize::from(row.ends_with_newline);
        if row_start >= end {
            break;
        }
    }
    out
}

/// Left edge and text box of char `index` (relative to the galley), for
/// placing things just before it.
pub fn char_box(galley: &Galley, index: usize) -> Option<Rect> {
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.glyphs.len();
        if index < row_start + n {
            let g = row.glyphs.get(index - row_start)?;
            let top = row.pos.y + g.pos.y - g.font_ascent;
            return Some(Rect::from_min_size(
                Pos2::new(row.pos.x + g.pos.x, top),
                Vec2::new(g.advance_width, g.font_height),
            ));
        }
        row_start += n + usize::from(row.ends_with_newline);
    }
    None
}

/// The caret (char boundary) nearest to `pos`, clamped to `char_len`.
pub fn caret_at(galley: &Galley, pos: Vec2, char_len: usize) -> usize {
    galley.cursor_from_pos(pos).index.0.min(char_len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, FontId, text::LayoutJob};

    fn galley(text: &str, width: f32) -> std::sync::Arc<Galley> {
        let ctx = egui::Context::default();
        let mut out = None;
        let mut frame = ctx.run_ui(egui::RawInput::default(), |ui| {
            let job = LayoutJob::simple(
                text.to_owned(),
                FontId::proportional(14.0),
                Color32::WHITE,
                width,
            );
            out = Some(ui.fonts_mut(|f| f.layout_job(job)));
        });
        frame.textures_delta.clear();
        out.unwrap()
    }

    #[test]
    fn rects_follow_wraps_and_newlines_with_multibyte_chars() {
        let text = "Jürgen “Öz” 😀 said\nthat 北京 rests";
        let g = galley(text, 60.0);
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let beijing = at("北京");
        let rects = range_rects(&g, beijing, beijing + 2);
        assert_eq!(rects.len(), 1);
        let caret = caret_at(
            &g,
            rects[0].left_center().to_vec2() + Vec2::new(1.0, 0.0),
            chars.len(),
        );
        assert_eq!(caret, beijing);
        let all = range_rects(&g, 0, chars.len());
        assert!(all.len() >= 3, "wrapped over several rows: {all:?}");
        let said = at("said");
        let b = char_box(&g, said).unwrap();
        assert!(rects[0].top() > b.top(), "second line is lower");
    }
}
