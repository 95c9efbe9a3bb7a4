//! Undo and redo: a stack of inverse transactions per document. "Unsaved" has no
//! meaning here: every applied transaction is stored at once.

use super::document::Document;
use super::edit::{Applied, EditError, Transaction};

/// Undo/redo stacks for one document.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Transaction>,
    redo: Vec<Transaction>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// A history rebuilt from stored stacks (oldest first), so undo and redo
    /// survive a restart.
    pub fn from_stacks(undo: Vec<Transaction>, redo: Vec<Transaction>) -> Self {
        Self { undo, redo }
    }

    /// Applies a transaction and records its inverse; clears the redo stack.
    pub fn apply(&mut self, doc: &mut Document, tx: &Transaction) -> Result<Applied, EditError> {
        let applied = doc.apply(tx)?;
        self.undo.push(applied.inverse.clone());
        self.redo.clear();
        Ok(applied)
    }

    /// Undoes the last transaction; `None` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Option<Result<Applied, EditError>> {
        let tx = self.undo.pop()?;
        Some(doc.apply(&tx).inspect(|applied| {
            self.redo.push(applied.inverse.clone());
        }))
    }

    /// Redoes the last undone transaction; `None` when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> Option<Result<Applied, EditError>> {
        let tx = self.redo.pop()?;
        Some(doc.apply(&tx).inspect(|applied| {
            self.undo.push(applied.inverse.clone());
        }))
    }

    /// Label of the transaction `undo` would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|t| t.label.as_str())
    }

    /// Label of the transaction `redo` would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|t| t.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::Edit;
    use crate::model::offsets::ByteRange;
    use crate::model::span::{Layer, Span, SpanState};

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut doc = Document::new(None, "Ana Müller spoke.");
        let mut history = History::new();
        let id = doc.ids().span();
        let span = Span::manual(id, ByteRange::new(0, 11), "PERSON", Layer::Entity);
        history
            .apply(
                &mut doc,
                &Transaction::new("Add PERSON").with(Edit::InsertSpan(span.clone())),
            )
            .unwrap();
        let mut rejected = span.clone();
        rejected.state = SpanState::Rejected;
        history
            .apply(
                &mut doc,
                &Transaction::new("Reject").with(Edit::ReplaceSpan(rejected)),
            )
            .unwrap();
        assert_eq!(history.undo_label(), Some("Reject"));
        history.undo(&mut doc).unwrap().unwrap();
        assert_eq!(doc.span(id).unwrap().state, SpanState::Accepted);
        history.undo(&mut doc).unwrap().unwrap();
        assert!(doc.span(id).is_none());
        assert!(history.undo(&mut doc).is_none());
        history.redo(&mut doc).unwrap().unwrap();
        history.redo(&mut doc).unwrap().unwrap();
        assert_eq!(doc.span(id).unwrap().state, SpanState::Rejected);
        assert!(history.redo(&mut doc).is_none());
    }
}
