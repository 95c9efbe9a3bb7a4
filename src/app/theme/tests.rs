//! The palette checked as a whole: every label colour of the built-in set,
//! in every state, on the dark and the light theme, in the story and in
//! boilerplate, keeps its text readable (WCAG 4.5 : 1) and its marks
//! visible (3 : 1).

use egui::{Color32, Visuals};

use super::contrast::{MARK, TEXT, on, over, ratio};
use super::*;

/// Both egui themes.
fn palettes() -> [(&'static str, Palette); 2] {
    [
        ("dark", Palette::of(&Visuals::dark())),
        ("light", Palette::of(&Visuals::light())),
    ]
}

#[test]
fn every_label_in_every_state_reads_on_both_themes() {
    let labels = LabelSet::builtin();
    let states = [SpanState::Pending, SpanState::Accepted, SpanState::Rejected];
    let mut checked = 0;
    for (theme, palette) in palettes() {
        for def in &labels.labels {
            for state in states {
                for boilerplate in [false, true] {
                    let c = span_colors(&labels, &def.name, state, &palette, boilerplate);
                    let at = format!(
                        "{} {state:?} on {theme} (boilerplate: {boilerplate})",
                        def.name
                    );
                    let text = if boilerplate {
                        palette.dimmed
                    } else {
                        palette.text
                    };
                    let under_text = over(c.fill, palette.page);
                    assert!(ratio(text, under_text) >= TEXT, "article text over {at}");
                    let chip = over(c.chip_fill, palette.page);
                    assert!(ratio(c.chip_text, chip) >= TEXT, "chip text of {at}");
                    if !boilerplate {
                        assert!(ratio(c.stroke, palette.page) >= MARK, "outline of {at}");
                    }
                    checked += 1;
                }
            }
            let ink = label_ink(&labels, &def.name, &palette);
            assert!(
                ratio(ink, palette.page) >= TEXT,
                "{} as text on {theme}",
                def.name
            );
        }
        for state in states {
            let dot = state_color(state, &palette);
            assert!(ratio(dot, palette.page) >= MARK, "{state:?} dot on {theme}");
        }
        for status in DocStatus::ALL {
            let dot = status_color(status, &palette);
            assert!(
                ratio(dot, palette.page) >= MARK,
                "{status:?} dot on {theme}"
            );
        }
        for current in [false, true] {
            let found = over(found_fill(&palette, current), palette.page);
            assert!(ratio(palette.text, found) >= TEXT, "found text on {theme}");
        }
    }
    assert_eq!(checked, 2 * labels.labels.len() * 3 * 2);
}

#[test]
fn the_palette_chips_read_in_their_own_colours() {
    for def in &LabelSet::builtin().labels {
        let [r, g, b] = def.rgb();
        let fill = Color32::from_rgb(r, g, b);
        assert!(ratio(on(fill), fill) >= TEXT, "{}", def.name);
    }
}

#[test]
fn pending_spans_are_paler_and_dashed() {
    let labels = LabelSet::builtin();
    let light = Palette::of(&Visuals::light());
    let accepted = span_colors(&labels, "PERSON", SpanState::Accepted, &light, false);
    let pending = span_colors(&labels, "PERSON", SpanState::Pending, &light, false);
    assert!(pending.fill.a() < accepted.fill.a());
    assert!(pending.dashed && !accepted.dashed);
    assert_eq!(accepted.chip_fill, label_color(&labels, "PERSON"));
}

#[test]
fn chip_text_contrasts_with_its_background() {
    assert_eq!(on(Color32::from_rgb(250, 240, 200)), Color32::BLACK);
    assert_eq!(on(Color32::from_rgb(40, 60, 120)), Color32::WHITE);
    let dark = Palette::of(&Visuals::dark());
    let cue = span_colors(
        &LabelSet::builtin(),
        "CUE",
        SpanState::Accepted,
        &dark,
        false,
    );
    assert_ne!(cue.stroke, label_color(&LabelSet::builtin(), "CUE"));
}
