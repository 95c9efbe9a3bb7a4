//! Where the lines from a quote to its speaker and cue (and from a mention to
//! the one it refers to) run, so that they never hide a letter: only in the
//! gaps between rows and in the column's margins. A link between two spans
//! on one row runs in the gap under it; between neighbouring rows, in the gap
//! they share; farther, it leaves through the gap facing the other span, and
//! reaches it down or up the margin on the nearer side.

use egui::{Pos2, Rect};

use crate::app::theme::ARTICLE_LINE;

/// Where in the gap between two rows' text boxes a link runs, from the upper
/// box's bottom: past its quote band (2 to 5 points under it) and the
/// selection outlines, short of the lower row's fills (a row is
/// `ARTICLE_LINE` high and its text box about 19 points, centred, so some 11
/// points lie between two rows' boxes).
const DROP: f32 = 6.5;
/// How much lower each further lane runs in a gap, so that two links drawn
/// at once stay apart.
const LANE_DROP: f32 = 1.5;
/// Distance of the first lane from the text column, in its margin.
const GUTTER: f32 = 8.0;
/// Distance between lanes in the margin.
const LANE_GAP: f32 = 5.0;

/// The left and right edges of the text column on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// Where the rows start.
    pub left: f32,
    /// Where the widest row may end.
    pub right: f32,
}

/// The polyline from a span drawn in the text boxes `from` to one drawn in
/// `to` (one box per row, on screen); `lane` 0, 1, 2 keeps the links drawn
/// at the same time apart. It joins the two boxes nearest each other, from
/// the edge of the `from` one to the edge of the `to` one; its last but one
/// point, where the end dot goes, is under or over the `to` box. None when
/// either span is not on screen.
pub fn path(from: &[Rect], to: &[Rect], column: Column, lane: u8) -> Option<Vec<Pos2>> {
    let (source, target) = from
        .iter()
        .flat_map(|s| to.iter().map(move |t| (*s, *t)))
        .min_by(|a, b| distance(&a.0, &a.1).total_cmp(&distance(&b.0, &b.1)))?;
    let tx = within(target.center().x, &target);
    let sx = within(tx, &source);
    let down = target.center().y > source.center().y;
    if same_row(&source, &target) {
        let level = below(&source, lane).max(below(&target, lane));
        return Some(vec![
            Pos2::new(sx, source.bottom()),
            Pos2::new(sx, level),
            Pos2::new(tx, level),
            Pos2::new(tx, target.bottom()),
        ]);
    }
    // Each span's edge and gap that face the other span.
    let (s_edge, s_level) = if down {
        (source.bottom(), below(&source, lane))
    } else {
        (source.top(), above(&source, lane))
    };
    let (t_edge, t_level) = if down {
        (target.top(), above(&target, lane))
    } else {
        (target.bottom(), below(&target, lane))
    };
    let mut points = vec![Pos2::new(sx, s_edge), Pos2::new(sx, s_level)];
    if (s_level - t_level).abs() > 1.0 {
        let lanes = f32::from(lane) * LANE_GAP;
        let gutter = if (sx + tx) / 2.0 < (column.left + column.right) / 2.0 {
            column.left - GUTTER - lanes
        } else {
            column.right + GUTTER + lanes
        };
        points.extend([Pos2::new(gutter, s_level), Pos2::new(gutter, t_level)]);
    }
    points.extend([Pos2::new(tx, t_level), Pos2::new(tx, t_edge)]);
    Some(points)
}

/// The level of `lane` in the gap under the row of `rect`.
fn below(rect: &Rect, lane: u8) -> f32 {
    rect.bottom() + DROP + f32::from(lane) * LANE_DROP
}

/// The level of `lane` in the gap over the row of `rect`.
fn above(rect: &Rect, lane: u8) -> f32 {
    let gap = ARTICLE_LINE - rect.height();
    below(rect, lane) - rect.height() - gap
}

/// Rows apart first, then the horizontal gap: how near two boxes are.
fn distance(a: &Rect, b: &Rect) -> f32 {
    let rows = (a.center().y - b.center().y).abs();
    let gap = (a.left() - b.right()).max(b.left() - a.right()).max(0.0);
    rows * 1000.0 + gap
}

fn same_row(a: &Rect, b: &Rect) -> bool {
    (a.center().y - b.center().y).abs() < a.height().min(b.height()) / 2.0
}

/// `x` kept a little inside `rect`, so the line meets the box under its text.
fn within(x: f32, rect: &Rect) -> f32 {
    let inset = (rect.width() / 2.0).min(4.0);
    x.clamp(rect.left() + inset, rect.right() - inset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::theme::ARTICLE_LINE;

    const COLUMN: Column = Column {
        left: 100.0,
        right: 700.0,
    };
    /// Height of a row's text box, as the article font sets it.
    const BOX: f32 = 19.0;

    /// The text box of `row` from `left` to `right`.
    fn word(row: u8, left: f32, right: f32) -> Rect {
        let top = f32::from(row) * ARTICLE_LINE + (ARTICLE_LINE - BOX) / 2.0;
        Rect::from_min_max(Pos2::new(left, top), Pos2::new(right, top + BOX))
    }

    /// True when a segment of `points` passes through the inside of a text
    /// box of any of the first rows, written edge to edge across the column.
    fn hides_letters(points: &[Pos2]) -> bool {
        let rows: Vec<Rect> = (0..6)
            .map(|r| word(r, COLUMN.left, COLUMN.right).shrink(0.5))
            .collect();
        points.windows(2).any(|seg| {
            let (a, b) = (seg[0], seg[1]);
            (0..=20u8).any(|i| {
                let p = a.lerp(b, f32::from(i) / 20.0);
                rows.iter().any(|r| r.contains(p))
            })
        })
    }

    #[test]
    fn a_link_on_one_row_runs_under_it_between_the_band_and_the_next_row() {
        let quote = [word(1, 120.0, 400.0)];
        let speaker = [word(1, 410.0, 480.0)];
        let points = path(&quote, &speaker, COLUMN, 0).unwrap();
        assert!(!hides_letters(&points), "{points:?}");
        let level = points[1].y;
        assert!(level > quote[0].bottom() + 5.0, "below the quote band");
        assert!(
            level < word(2, 0.0, 1.0).top() - 2.0,
            "above the next row's fills"
        );
        assert_eq!(points[0].x, 396.0, "leaves the quote at its end");
        assert_eq!(points.last().unwrap().x, speaker[0].center().x);
    }

    #[test]
    fn a_link_to_the_next_row_runs_in_the_gap_between_them() {
        let quote = [word(0, 300.0, 700.0), word(1, 100.0, 250.0)];
        let speaker = [word(2, 120.0, 200.0)];
        let points = path(&quote, &speaker, COLUMN, 0).unwrap();
        assert!(!hides_letters(&points), "{points:?}");
        assert_eq!(points.len(), 4, "no detour by the margin: {points:?}");
        assert_eq!(
            points[0].y,
            quote[1].bottom(),
            "from the quote's nearer row"
        );
        assert_eq!(points[3].y, speaker[0].top());
        let back = path(&speaker, &quote, COLUMN, 0).unwrap();
        assert!(!hides_letters(&back) && back.len() == 4, "{back:?}");
        assert_eq!(back[1].y, points[1].y, "the same gap, upwards");
    }

    #[test]
    fn a_link_to_a_farther_row_goes_through_the_nearer_margin() {
        let quote = [word(0, 300.0, 700.0), word(1, 100.0, 250.0)];
        let cue = [word(4, 120.0, 160.0)];
        let points = path(&quote, &cue, COLUMN, 1).unwrap();
        assert!(!hides_letters(&points), "{points:?}");
        let gutter = points[2].x;
        assert!(gutter < COLUMN.left, "the left margin: {gutter}");
        assert_eq!(points[3].x, gutter);
        assert!(
            points[4].y < cue[0].top(),
            "comes down to the cue's row from above"
        );

        let late = [word(4, 600.0, 690.0)];
        let points = path(&quote, &late, COLUMN, 0).unwrap();
        assert!(!hides_letters(&points), "{points:?}");
        assert!(points[2].x > COLUMN.right, "the right margin");
        let up = path(&late, &quote, COLUMN, 0).unwrap();
        assert!(!hides_letters(&up), "{up:?}");
        assert!(up[1].y < late[0].top() && up[4].y > quote[1].bottom());
    }

    #[test]
    fn lanes_keep_two_links_apart_and_an_unseen_span_gets_none() {
        let quote = [word(3, 120.0, 300.0)];
        let speaker = [word(0, 400.0, 460.0)];
        let a = path(&quote, &speaker, COLUMN, 0).unwrap();
        let b = path(&quote, &speaker, COLUMN, 1).unwrap();
        assert!(a[2].x != b[2].x && a[1].y != b[1].y);
        assert!(!hides_letters(&a) && !hides_letters(&b));
        assert_eq!(path(&quote, &[], COLUMN, 0), None);
        assert_eq!(path(&[], &speaker, COLUMN, 0), None);
    }
}
