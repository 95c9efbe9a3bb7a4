//! What the editor is working on: the project's documents (a few loaded,
//! with their undo history; see [`documents`]), which one is shown, what is
//! selected in it, and the link mode. Every annotation change passes through
//! [`Workspace::apply`], [`Workspace::undo`] or [`Workspace::redo`]; nothing
//! else touches a document's spans.

mod documents;
mod entry;
mod ranking;

use std::collections::HashMap;

pub use self::entry::{Entry, KEEP_LOADED, OpenDoc};
use crate::editor::selection::{Mode, Selection};
use crate::model::{
    Applied, ByteRange, DocId, DocStatus, Edit, EditError, LabelSet, SpanId, SpanState, Transaction,
};

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

/// Every document of the project as a summary, a few of them loaded, and
/// the editor's place among them (see [`documents`] for which stay loaded).
#[derive(Debug)]
pub struct Workspace {
    /// Every document, in project order; only some are loaded.
    entries: Vec<Entry>,
    /// Where each document id is in `entries`.
    by_id: HashMap<DocId, usize>,
    /// Index of the document shown in the article view; always a loaded one.
    current: Option<usize>,
    /// How many documents stay loaded (the shown one counts).
    keep: usize,
    /// Ticks on every load, show and change: revisions and recency come from it.
    clock: u64,
    /// Ticks whenever a summary (status, pending count, title) changes or
    /// documents are added, so the document list knows when to refilter.
    list_version: u64,
    /// The labels the editor can apply.
    pub labels: LabelSet,
    /// The selection in the current document.
    pub selection: Selection,
    /// Link mode, if one is active.
    pub mode: Mode,
    /// Label of the last applied, undone or redone transaction, for the status bar.
    pub last_action: Option<String>,
    /// Messages for the editor (unreadable files, refused edits), newest last.
    pub notices: Vec<String>,
    /// The learned model's uncertainty per document, when "next article"
    /// favours the least sure (see `ranking`).
    ranking: Option<HashMap<DocId, f32>>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new(LabelSet::default())
    }
}

impl Workspace {
    /// An empty workspace with `labels`, keeping [`KEEP_LOADED`] documents loaded.
    pub fn new(labels: LabelSet) -> Self {
        Self {
            entries: Vec::new(),
            by_id: HashMap::new(),
            current: None,
            keep: KEEP_LOADED,
            clock: 0,
            list_version: 0,
            labels,
            selection: Selection::None,
            mode: Mode::Normal,
            last_action: None,
            notices: Vec::new(),
            ranking: None,
        }
    }

    /// The document shown, if any.
    pub fn current(&self) -> Option<&OpenDoc> {
        self.current.and_then(|i| self.loaded(i))
    }

    /// Index of the document shown, if any.
    pub fn current_index(&self) -> Option<usize> {
        self.current
    }

    /// The document shown, mutably — for the edit functions below only.
    fn current_mut(&mut self) -> Option<&mut OpenDoc> {
        self.current.and_then(|i| self.loaded_mut(i))
    }

    /// The selected span of the current document, if the selection is a span.
    pub fn selected_span(&self) -> Option<SpanId> {
        match self.selection {
            Selection::Span(id) => Some(id),
            _ => None,
        }
    }

    /// Applies a transaction to the current document through its history. The
    /// first edit of a new document also marks it in progress, in the same
    /// transaction, so one undo takes both back.
    pub fn apply(&mut self, mut tx: Transaction) -> Result<Option<Applied>, EditError> {
        let Some(open) = self.current_mut() else {
            return Ok(None);
        };
        if tx.is_empty() {
            return Ok(None);
        }
        let sets_status = tx.edits.iter().any(|e| matches!(e, Edit::SetStatus(_)));
        if open.doc.status() == DocStatus::New && !sets_status {
            tx.push(Edit::SetStatus(DocStatus::InProgress));
        }
        let applied = open.history.apply(&mut open.doc, &tx)?;
        self.changed(self.current);
        self.last_action = Some(tx.label);
        self.forget_missing_selection();
        Ok(Some(applied))
    }

    /// Applies a transaction that is not the editor's own edit (suggestions
    /// brought up to date, an annotated copy taken over) to document `index`,
    /// outside its undo history, so undo never takes it back.
    pub fn apply_unrecorded(
        &mut self,
        index: usize,
        tx: &Transaction,
    ) -> Result<Option<Applied>, EditError> {
        let Some(open) = self.loaded_mut(index) else {
            return Ok(None);
        };
        if tx.is_empty() {
            return Ok(None);
        }
        let applied = open.doc.apply(tx)?;
        self.changed(Some(index));
        if self.current == Some(index) {
            self.forget_missing_selection();
        }
        Ok(Some(applied))
    }

    /// Undoes the last transaction of the current document.
    pub fn undo(&mut self) -> Option<Result<Applied, EditError>> {
        let open = self.current_mut()?;
        let label = open.history.undo_label().map(str::to_owned);
        let result = open.history.undo(&mut open.doc)?;
        self.changed(self.current);
        if let (Ok(_), Some(label)) = (&result, label) {
            self.last_action = Some(format!("Undo {label}"));
        }
        self.forget_missing_selection();
        Some(result)
    }

    /// Redoes the last undone transaction of the current document.
    pub fn redo(&mut self) -> Option<Result<Applied, EditError>> {
        let open = self.current_mut()?;
        let label = open.history.redo_label().map(str::to_owned);
        let result = open.history.redo(&mut open.doc)?;
        self.changed(self.current);
        if let (Ok(_), Some(label)) = (&result, label) {
            self.last_action = Some(format!("Redo {label}"));
        }
        self.forget_missing_selection();
        Some(result)
    }

    /// Drops a selection or link mode whose span or quote no longer exists.
    fn forget_missing_selection(&mut self) {
        let Some(open) = self.current() else {
            return;
        };
        let doc = &open.doc;
        let span_gone = |id: SpanId| doc.span(id).is_none();
        let selection_gone = matches!(self.selection, Selection::Span(id) if span_gone(id));
        let mode_gone = match self.mode {
            Mode::Normal => false,
            Mode::LinkQuote { quote, .. } => doc.quote(quote).is_none(),
            Mode::LinkMention { mention } => span_gone(mention),
        };
        if selection_gone {
            self.selection = Selection::None;
        }
        if mode_gone {
            self.mode = Mode::Normal;
        }
    }

    /// The next (or previous) pending span after the selection, in text order,
    /// wrapping around the article.
    pub fn neighbour_pending(&self, forward: bool) -> Option<SpanId> {
        let doc = &self.current()?.doc;
        let pending: Vec<(ByteRange, SpanId)> = doc
            .spans_sorted()
            .into_iter()
            .filter(|s| s.state == SpanState::Pending)
            .map(|s| (s.range, s.id))
            .collect();
        let here = match self.selection {
            Selection::Span(id) => doc.span(id).map(|s| (s.range, id)),
            Selection::Range(range) => Some((range, SpanId(0))),
            Selection::None => None,
        };
        let Some(here) = here else {
            return if forward {
                pending.first().map(|p| p.1)
            } else {
                pending.last().map(|p| p.1)
            };
        };
        let key = |p: &(ByteRange, SpanId)| (p.0.start, p.1);
        let here_key = key(&here);
        let found = if forward {
            pending
                .iter()
                .find(|p| key(p) > here_key)
                .or(pending.first())
        } else {
            pending
                .iter()
                .rev()
                .find(|p| key(p) < here_key)
                .or(pending.last())
        };
        found.map(|p| p.1)
    }

    /// Records a message for the editor. The same message twice in a row is shown once.
    pub fn notify(&mut self, message: impl Into<String>) {
        let message = message.into();
        if self.notices.last() != Some(&message) {
            self.notices.push(message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;
    use crate::model::{Layer, Span};

    fn workspace(markup_text: &str) -> Workspace {
        let mut ws = Workspace::new(LabelSet::builtin());
        ws.add_documents([markup::document(markup_text).unwrap()]);
        ws
    }

    #[test]
    fn first_edit_marks_the_document_in_progress_and_undo_restores_new() {
        let mut ws = workspace("[Ana Díaz|PERSON] spoke.");
        let doc = &ws.current().unwrap().doc;
        assert_eq!(doc.status(), DocStatus::New);
        let id = doc.ids().span();
        let span = Span::manual(id, ByteRange::new(0, 3), "PERSON", Layer::Entity);
        ws.apply(Transaction::new("Add").with(Edit::InsertSpan(span)))
            .unwrap();
        assert_eq!(ws.current().unwrap().doc.status(), DocStatus::InProgress);
        assert!(ws.current().unwrap().revision > 1);
        ws.undo().unwrap().unwrap();
        assert_eq!(ws.current().unwrap().doc.status(), DocStatus::New);
        assert_eq!(ws.last_action.as_deref(), Some("Undo Add"));
    }

    #[test]
    fn undo_drops_a_selection_whose_span_is_gone() {
        let mut ws = workspace("Ana spoke.");
        let id = ws.current().unwrap().doc.ids().span();
        let span = Span::manual(id, ByteRange::new(0, 3), "PERSON", Layer::Entity);
        ws.apply(Transaction::new("Add").with(Edit::InsertSpan(span)))
            .unwrap();
        ws.selection = Selection::Span(id);
        ws.undo().unwrap().unwrap();
        assert_eq!(ws.selection, Selection::None);
    }

    #[test]
    fn the_same_document_opens_once() {
        let mut ws = workspace("Ana spoke.");
        let again = markup::document("Ana spoke.").unwrap();
        assert_eq!(ws.add_documents([again]), 0);
        assert_eq!(ws.entries().len(), 1);
    }
}
