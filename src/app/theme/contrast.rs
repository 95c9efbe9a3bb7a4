//! Contrast as WCAG 2 measures it: the relative luminance of a colour and
//! the ratio between two (1 to 21). Text needs 4.5 against what is behind
//! it, other marks (outlines, bands, dots) 3. [`readable`] moves a colour
//! toward black or white, keeping its hue, until it reaches a ratio, so
//! every label colour of any label set stays legible on both themes.

use egui::Color32;

/// Contrast text needs against its background (WCAG AA, normal text).
pub const TEXT: f32 = 4.5;
/// Contrast outlines, bands and dots need against their background (WCAG AA, non-text).
pub const MARK: f32 = 3.0;

/// Relative luminance of an opaque colour, 0 (black) to 1 (white).
pub fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b, _] = c.to_array();
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// Contrast ratio of two opaque colours, 1 to 21, in either order.
pub fn ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` (possibly translucent) painted over the opaque `under`.
pub fn over(top: Color32, under: Color32) -> Color32 {
    let [r, g, b, a] = top.to_srgba_unmultiplied();
    let [ur, ug, ub, _] = under.to_array();
    let alpha = f32::from(a) / 255.0;
    let mix = |t: u8, u: u8| (f32::from(t) * alpha + f32::from(u) * (1.0 - alpha)).round() as u8;
    Color32::from_rgb(mix(r, ur), mix(g, ug), mix(b, ub))
}

/// Black or white, whichever contrasts more with `background` (always at
/// least 4.58 : 1).
pub fn on(background: Color32) -> Color32 {
    if ratio(Color32::BLACK, background) >= ratio(Color32::WHITE, background) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `color`, or the nearest shade of it toward black or white (whichever
/// contrasts with `background`) that reaches `wanted` against it.
pub fn readable(color: Color32, background: Color32, wanted: f32) -> Color32 {
    if ratio(color, background) >= wanted {
        return color;
    }
    let toward = on(background);
    let mut shade = color;
    for step in 1..=20 {
        shade = mix(color, toward, step as f32 / 20.0);
        if ratio(shade, background) >= wanted {
            break;
        }
    }
    shade
}

/// `a` moved `amount` (0 to 1) of the way to `b`.
pub fn mix(a: Color32, b: Color32, amount: f32) -> Color32 {
    let [ar, ag, ab, _] = a.to_array();
    let [br, bg, bb, _] = b.to_array();
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * amount).round() as u8;
    Color32::from_rgb(m(ar, br), m(ag, bg), m(ab, bb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_wcag_reference_values() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #777 on white is the classic 4.48 : 1.
        let grey = Color32::from_gray(0x77);
        assert!((ratio(grey, Color32::WHITE) - 4.48).abs() < 0.02);
    }

    #[test]
    fn readable_shades_reach_the_ratio_and_keep_good_colours() {
        let yellow = Color32::from_rgb(0xe8, 0xa3, 0x3d);
        let page = Color32::from_gray(248);
        let shade = readable(yellow, page, TEXT);
        assert!(ratio(shade, page) >= TEXT);
        assert!(shade.r() > shade.b(), "still an orange: {shade:?}");
        assert_eq!(readable(Color32::BLACK, page, TEXT), Color32::BLACK);
        for grey in [0, 90, 118, 128, 140, 200, 255] {
            let bg = Color32::from_gray(grey);
            assert!(ratio(on(bg), bg) >= 4.5, "{grey}");
        }
        let half = Color32::from_rgba_unmultiplied(255, 255, 255, 128);
        assert_eq!(over(half, Color32::BLACK), Color32::from_gray(128));
    }
}
