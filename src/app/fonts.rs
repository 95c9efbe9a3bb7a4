//! Fonts. egui's bundled fonts (with the `monochrome_emoji_fonts` feature)
//! cover Latin with precomposed accents, curly quotes, dashes and emoji, but
//! no combining accents (text in NFD form), arrows or CJK. Two small subsets
//! in `assets/fonts/` fill the gaps as fallbacks (see `assets/README.md`):
//! DejaVu Sans for Latin with combining marks (80 kB), Droid Sans Fallback for
//! common Chinese and Japanese (GB2312 level 1, JIS X 0208 level 1, kana, CJK
//! punctuation; 0.8 MB instead of 4 MB) and Baekmuk Dotum for the 2,350 KS X
//! 1001 Hangul syllables (0.6 MB). Rarer ideographs fall back to tofu.

use std::sync::Arc;

use egui::{Context, FontData, FontDefinitions, FontFamily};

/// Latin, combining marks, arrows and geometric shapes (DejaVu Sans subset).
const MARKS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-marks-subset.ttf");
/// Common Chinese and Japanese characters (Droid Sans Fallback subset).
const CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-CJK-subset.ttf");
/// Korean Hangul syllables (Baekmuk Dotum subset): Droid has none.
const HANGUL: &[u8] = include_bytes!("../../assets/fonts/BaekmukDotum-hangul-subset.ttf");

/// egui's default fonts followed by Byline's two fallbacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let fallbacks = [
        ("byline-marks", MARKS),
        ("byline-cjk", CJK),
        ("byline-hangul", HANGUL),
    ];
    for (name, bytes) in fallbacks {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    fonts
}

/// Installs [`definitions`] in a context.
pub fn install(ctx: &Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontId;

    #[test]
    fn wire_copy_in_many_scripts_has_glyphs() {
        let ctx = Context::default();
        install(&ctx);
        let sample = "“Ça va,” said Émile Ñúñez — Søren Ødegård’s café… 😀 北京 東京 서울 \
                      ひらがな カタカナ e\u{301}te\u{301} → ○ ✔";
        let mut missing = Vec::new();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            for c in sample.chars().filter(|c| !c.is_whitespace()) {
                if !ui.fonts_mut(|f| f.has_glyph(&FontId::proportional(16.0), c)) {
                    missing.push(c);
                }
            }
        });
        out.textures_delta.clear();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}
