//! How the window shares its width between the document list (left), the
//! article and the inspector (right). The article keeps room for
//! [`MIN_CHARS`] characters a line: when the window is too narrow for all
//! three at their usual widths, the side panels shrink toward their
//! narrowest, then the document list folds away, then the inspector. Either
//! panel can also be shown or hidden by hand (View menu, F9 / F10); a panel
//! hidden by hand stays hidden, one shown by hand stays shown at its
//! narrowest even if the article gets less room, and showing one by hand
//! lets the other give way again (the one shown last wins).

use crate::editor::Side;

/// Characters a line of the article keeps at least, on any window.
pub const MIN_CHARS: f32 = 60.0;
/// Width the document list has when there is room.
pub const DOCUMENTS_WIDTH: f32 = 250.0;
/// Narrowest the document list gets before it folds away.
pub const DOCUMENTS_MIN: f32 = 170.0;
/// Width the inspector has when there is room.
pub const INSPECTOR_WIDTH: f32 = 320.0;
/// Narrowest the inspector gets before it folds away.
pub const INSPECTOR_MIN: f32 = 230.0;

/// Whether a side panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    /// Shown when the window has room for it.
    #[default]
    Auto,
    /// Shown by hand.
    Shown,
    /// Hidden by hand.
    Hidden,
}

/// The editor's choice for each side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SidePanels {
    /// The document list.
    pub documents: Visibility,
    /// The inspector and the quote ledger.
    pub inspector: Visibility,
}

/// The widths the side panels get this frame; `None` for a folded one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Widths {
    /// The document list.
    pub documents: Option<f32>,
    /// The inspector.
    pub inspector: Option<f32>,
}

impl SidePanels {
    /// Shows a panel that is folded now (at `width` of window, with the
    /// article needing `article`), or hides one that shows.
    pub fn toggle(&mut self, side: Side, window: f32, article: f32) {
        let showing = self.widths(window, article);
        let shown = match side {
            Side::Documents => showing.documents.is_some(),
            Side::Inspector => showing.inspector.is_some(),
        };
        let (now, other) = match side {
            Side::Documents => (&mut self.documents, &mut self.inspector),
            Side::Inspector => (&mut self.inspector, &mut self.documents),
        };
        if shown {
            *now = Visibility::Hidden;
        } else {
            *now = Visibility::Shown;
            // The panel shown last wins: the other gives way again when
            // the window is too narrow for both.
            if *other == Visibility::Shown {
                *other = Visibility::Auto;
            }
        }
    }

    /// The panels' widths in a window `window` wide where the article needs
    /// `article` (its [`MIN_CHARS`] characters and margins).
    pub fn widths(&self, window: f32, article: f32) -> Widths {
        let room = (window - article).max(0.0);
        let want = |v: Visibility| v != Visibility::Hidden;
        let forced = |v: Visibility| v == Visibility::Shown;
        let both = DOCUMENTS_MIN + INSPECTOR_MIN;
        let (mut docs, mut inspector) = (want(self.documents), want(self.inspector));
        if docs && inspector && room < both {
            // One has to go: the list, unless it was asked for and the inspector was not.
            if forced(self.documents) && !forced(self.inspector) {
                inspector = false;
            } else if !(forced(self.documents) && forced(self.inspector)) {
                docs = false;
            }
        }
        if docs && !inspector && room < DOCUMENTS_MIN && !forced(self.documents) {
            docs = false;
        }
        if inspector && !docs && room < INSPECTOR_MIN && !forced(self.inspector) {
            inspector = false;
        }
        let (docs_w, inspector_w) = match (docs, inspector) {
            (true, true) => share(room),
            (true, false) => (room.clamp(DOCUMENTS_MIN, DOCUMENTS_WIDTH), 0.0),
            (false, true) => (0.0, room.clamp(INSPECTOR_MIN, INSPECTOR_WIDTH)),
            (false, false) => (0.0, 0.0),
        };
        Widths {
            documents: docs.then_some(docs_w),
            inspector: inspector.then_some(inspector_w),
        }
    }
}

/// Both panels in `room`: their usual widths when they fit, else each
/// shrunk in proportion to what it can give, never below its narrowest.
fn share(room: f32) -> (f32, f32) {
    let full = DOCUMENTS_WIDTH + INSPECTOR_WIDTH;
    if room >= full {
        return (DOCUMENTS_WIDTH, INSPECTOR_WIDTH);
    }
    let slack = full - DOCUMENTS_MIN - INSPECTOR_MIN;
    let short = ((full - room) / slack).clamp(0.0, 1.0);
    (
        DOCUMENTS_WIDTH - (DOCUMENTS_WIDTH - DOCUMENTS_MIN) * short,
        INSPECTOR_WIDTH - (INSPECTOR_WIDTH - INSPECTOR_MIN) * short,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: f32 = 520.0;

    #[test]
    fn panels_shrink_then_fold_as_the_window_narrows() {
        let auto = SidePanels::default();
        let at = |w: f32| auto.widths(w, ARTICLE);
        assert_eq!(
            at(1280.0),
            Widths {
                documents: Some(DOCUMENTS_WIDTH),
                inspector: Some(INSPECTOR_WIDTH)
            }
        );
        let narrower = at(1000.0);
        let (d, i) = (narrower.documents.unwrap(), narrower.inspector.unwrap());
        assert!(d < DOCUMENTS_WIDTH && i < INSPECTOR_WIDTH);
        assert!((d + i + ARTICLE - 1000.0).abs() < 0.5, "{d} + {i}");
        let w900 = at(900.0);
        assert_eq!(w900.documents, None, "the list folds first");
        assert!(w900.inspector.unwrap() + ARTICLE <= 900.0);
        assert_eq!(at(800.0).documents, None);
        assert_eq!(at(700.0).inspector, None, "then the inspector");
    }

    #[test]
    fn the_panel_shown_last_wins_on_a_narrow_window() {
        let mut panels = SidePanels::default();
        panels.toggle(Side::Documents, 800.0, ARTICLE);
        panels.toggle(Side::Inspector, 800.0, ARTICLE);
        let w = panels.widths(800.0, ARTICLE);
        assert_eq!(w.documents, None, "the list gave way");
        assert!(w.inspector.is_some());
        panels.toggle(Side::Documents, 800.0, ARTICLE);
        let w = panels.widths(800.0, ARTICLE);
        assert!(w.documents.is_some());
        assert_eq!(w.inspector, None, "now the inspector gives way");
        assert!(
            panels.widths(1280.0, ARTICLE).inspector.is_some(),
            "back on a wide one"
        );
    }

    #[test]
    fn a_panel_toggled_by_hand_stays_as_asked() {
        let mut panels = SidePanels::default();
        panels.toggle(Side::Documents, 900.0, ARTICLE);
        assert_eq!(panels.documents, Visibility::Shown);
        let w = panels.widths(900.0, ARTICLE);
        assert_eq!(
            w.documents,
            Some(DOCUMENTS_MIN.max(900.0 - ARTICLE).min(DOCUMENTS_WIDTH))
        );
        assert_eq!(w.inspector, None, "the inspector made room");
        panels.toggle(Side::Inspector, 1280.0, ARTICLE);
        assert_eq!(panels.widths(1280.0, ARTICLE).inspector, None);
        panels.toggle(Side::Inspector, 1280.0, ARTICLE);
        assert!(panels.widths(1280.0, ARTICLE).inspector.is_some());
    }
}
