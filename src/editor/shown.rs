//! A document coming into view (loaded with its undo history by
//! `editor::navigate`): the reader's place in it is restored, its
//! suggestions are brought up to date with what the memory learned since,
//! and while the editor reads, the place the view reports is written back a
//! moment after it stops moving (and when the editor closes).

use std::time::Duration;

use crate::editor::command::Effect;
use crate::editor::session::{Change, Session};
use crate::editor::workspace::Workspace;
use crate::model::{DocId, DocStatus};
use crate::store::ViewPosition;

/// Seconds the place must stay put before it is written.
const SETTLE: f64 = 1.0;

/// The document last brought into view, and the reader's place in it.
#[derive(Debug, Default)]
pub struct Shown {
    /// The document whose place was last restored.
    doc: Option<DocId>,
    /// Where the reader is, as the view last reported it.
    place: Option<(DocId, ViewPosition)>,
    /// The place last written.
    saved: Option<(DocId, usize)>,
    /// When the place first moved away from the one last written.
    moved_at: Option<f64>,
}

impl Shown {
    /// Takes the place the view drew this frame (document and position).
    pub fn report_place(&mut self, place: Option<(&DocId, ViewPosition)>) {
        let same = match (&self.place, place) {
            (Some((id, at)), Some((now_id, now))) => id == now_id && *at == now,
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.place = place.map(|(id, at)| (id.clone(), at));
        }
    }

    /// Forgets every place: another project replaced the documents.
    pub fn forget(&mut self) {
        *self = Self::default();
    }

    /// Restores the place in a document just shown (as an effect for the
    /// view), and brings its suggestions up to date with what the memory
    /// learned since — unless it is done: done documents get no new suggestions.
    pub fn sync(&mut self, ws: &mut Workspace, session: &mut Session) -> Option<Effect> {
        let now = ws.current().map(|o| o.doc.id.clone());
        if now == self.doc {
            return None;
        }
        self.save_place(ws, session);
        self.doc = now;
        let index = ws.current_index()?;
        let open = ws.current()?;
        let restore = (session.view(&open.doc))
            .filter(|v| v.offset > 0)
            .map(|v| Effect::Restore(v.offset));
        if session.refusal().is_some() || open.doc.status() == DocStatus::Done {
            return restore;
        }
        let refresh = session.memory().refresh(&open.doc);
        match ws.apply_unrecorded(index, &refresh) {
            Ok(Some(applied)) => session.commit(ws, index, applied, Change::Suggest),
            Ok(None) => {}
            Err(err) => ws.notify(format!("Memory suggestions dropped: {err}")),
        }
        restore
    }

    /// Writes where the reader is in the document drawn last.
    pub fn save_place(&mut self, ws: &Workspace, session: &mut Session) {
        self.moved_at = None;
        let Some((id, position)) = &self.place else {
            return;
        };
        if self.is_saved(id, position.offset) {
            return;
        }
        let Some(open) = ws.find(id).and_then(|i| ws.loaded(i)) else {
            return;
        };
        session.save_view(&open.doc, *position);
        self.saved = Some((id.clone(), position.offset));
    }

    /// True when the place last written is `offset` in document `id`.
    fn is_saved(&self, id: &DocId, offset: usize) -> bool {
        (self.saved.as_ref()).is_some_and(|(saved, at)| saved == id && *at == offset)
    }

    /// Writes the place again even if it did not move: the project changed.
    pub fn resave_place(&mut self, ws: &Workspace, session: &mut Session) {
        self.saved = None;
        self.save_place(ws, session);
    }

    /// Writes the reader's place once it has moved and a moment has passed
    /// (`now` in seconds), so scrolling costs at most one small commit a
    /// second; returns how long to wait before asking again, if it waits.
    pub fn keep_place(
        &mut self,
        ws: &Workspace,
        session: &mut Session,
        now: f64,
    ) -> Option<Duration> {
        let (id, position) = self.place.as_ref()?;
        if self.is_saved(id, position.offset) {
            self.moved_at = None;
            return None;
        }
        let since = *self.moved_at.get_or_insert(now);
        if now - since >= SETTLE {
            self.save_place(ws, session);
            None
        } else {
            Some(Duration::from_secs_f64(SETTLE - (now - since)))
        }
    }
}
