//! A document coming into view (loaded with its undo history by
//! `app::navigate`): the reader's place in it is restored, its suggestions are brought up to date with what
//! the memory learned since, and while the editor reads, the place is written
//! back a moment after it stops moving (and when the window closes).

use egui::Context;

use crate::app::BylineApp;
use crate::app::session::Change;

impl BylineApp {
    /// Restores the view of a document just shown, and
    /// brings its suggestions up to date with what the memory learned since.
    pub(crate) fn sync_shown(&mut self) {
        let now = self.workspace.current().map(|o| o.doc.id.clone());
        if now == self.shown {
            return;
        }
        self.save_view();
        self.shown = now;
        let Some(index) = self.workspace.current_index() else {
            return;
        };
        let Some(open) = self.workspace.current() else {
            return;
        };
        if let Some(view) = self.session.view(&open.doc).filter(|v| v.offset > 0) {
            self.view.restore(view.offset);
        }
        if self.session.refusal().is_some() {
            return;
        }
        let refresh = self.session.memory().refresh(&open.doc);
        match self.workspace.apply_unrecorded(index, &refresh) {
            Ok(Some(applied)) => {
                self.session
                    .commit(&self.workspace, index, applied, Change::Suggest);
            }
            Ok(None) => {}
            Err(err) => self
                .workspace
                .notify(format!("Memory suggestions dropped: {err}")),
        }
    }

    /// Writes where the reader is in the document drawn last.
    pub(crate) fn save_view(&mut self) {
        self.view_moved_at = None;
        let Some((id, position)) = self.view.position() else {
            return;
        };
        if self.saved_view.as_ref() == Some(&(id.clone(), position.offset)) {
            return;
        }
        let Some(open) = self
            .workspace
            .find(id)
            .and_then(|i| self.workspace.loaded(i))
        else {
            return;
        };
        self.session.save_view(&open.doc, position);
        self.saved_view = Some((id.clone(), position.offset));
    }

    /// Writes the reader's place once it has moved and a moment has passed,
    /// so scrolling costs at most one small commit a second.
    pub(crate) fn keep_view(&mut self, ctx: &Context) {
        const SETTLE: f64 = 1.0;
        let Some((id, position)) = self.view.position() else {
            return;
        };
        if self.saved_view.as_ref() == Some(&(id.clone(), position.offset)) {
            self.view_moved_at = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.view_moved_at.get_or_insert(now);
        if now - since >= SETTLE {
            self.save_view();
        } else {
            let wait = SETTLE - (now - since);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }
}
