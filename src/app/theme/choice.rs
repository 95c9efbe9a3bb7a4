//! Which theme the window uses: the desktop's (eframe tells egui whether
//! the system is dark or light; dark when it cannot tell), dark, or light.
//! egui keeps the choice in its options, which eframe saves with the
//! window's memory, so it survives a restart.

use egui::{Context, ThemePreference};

use crate::editor::Theme;

/// egui's name for `theme`.
fn preference(theme: Theme) -> ThemePreference {
    match theme {
        Theme::System => ThemePreference::System,
        Theme::Dark => ThemePreference::Dark,
        Theme::Light => ThemePreference::Light,
    }
}

/// The theme `ctx` uses now.
pub fn current(ctx: &Context) -> Theme {
    match ctx.options(|o| o.theme_preference) {
        ThemePreference::System => Theme::System,
        ThemePreference::Dark => Theme::Dark,
        ThemePreference::Light => Theme::Light,
    }
}

/// The explicit theme that changes what `ctx` shows now: light when the
/// window looks dark (whether chosen or the desktop's), else dark. A toggle
/// that stepped through "follow the system" first changed nothing on a dark
/// desktop.
pub fn toggled(ctx: &Context) -> Theme {
    match ctx.theme() {
        egui::Theme::Dark => Theme::Light,
        egui::Theme::Light => Theme::Dark,
    }
}

/// Makes `ctx` use `theme` from the next frame on.
pub fn set(ctx: &Context, theme: Theme) {
    ctx.set_theme(preference(theme));
}
