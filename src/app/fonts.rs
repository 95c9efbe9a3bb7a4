//! Fonts. egui's bundled fonts cover Latin (with accents and curly quotes),
//! Greek, Cyrillic and monochrome emoji, but no Chinese, Japanese or Korean.
//! At start-up we add the first CJK font found among the usual system
//! locations as a fallback, so wire copy with CJK names renders when the
//! desktop has such a font (Debian/Ubuntu: `fonts-noto-cjk`).

use std::sync::Arc;

use egui::{Context, FontData, FontDefinitions, FontFamily};

/// Common locations of CJK fonts on Linux desktops, best first.
const CJK_CANDIDATES: [&str; 6] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
];

/// Installs egui's fonts plus a CJK fallback when the system has one.
pub fn install(ctx: &Context) {
    let mut fonts = FontDefinitions::default();
    if let Some(bytes) = CJK_CANDIDATES.iter().find_map(|p| std::fs::read(p).ok()) {
        fonts
            .font_data
            .insert("cjk".to_owned(), Arc::new(FontData::from_owned(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push("cjk".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
