//! Edits: the one way annotations change. A [`Transaction`] is a list of
//! primitive [`Edit`]s; [`Document::apply`] validates and applies it as a whole
//! and returns its inverse (for undo) and what it touched (for the store).
//! Deleting a span also updates, in the same transaction, every quote and
//! mention that pointed at it.

mod links;

use std::collections::BTreeSet;

use links::Links;

use super::document::{DocStatus, Document};
use super::offsets::ByteRange;
use super::quote::{Quote, QuoteId};
use super::span::{Span, SpanId};

/// One primitive change. Each has an inverse computed when it is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a span with a fresh id.
    InsertSpan(Span),
    /// Removes a span, and detaches it from quotes and mentions.
    DeleteSpan(SpanId),
    /// Replaces the span with the same id (relabel, resize, accept, link…).
    ReplaceSpan(Span),
    /// Adds a quote with a fresh id.
    InsertQuote(Quote),
    /// Removes a quote (its spans stay).
    DeleteQuote(QuoteId),
    /// Replaces the quote with the same id.
    ReplaceQuote(Quote),
    /// Changes the document's review status.
    SetStatus(DocStatus),
}

/// A named group of edits applied, undone and stored as one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transaction {
    /// What the user did, for the status bar and the undo menu ("Accept PERSON").
    pub label: String,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
}

impl Transaction {
    /// An empty transaction.
    pub fn new(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            edits: Vec::new(),
        }
    }

    /// Appends an edit.
    pub fn push(&mut self, edit: Edit) -> &mut Self {
        self.edits.push(edit);
        self
    }

    /// Builder form of [`Transaction::push`].
    #[must_use]
    pub fn with(mut self, edit: Edit) -> Self {
        self.edits.push(edit);
        self
    }

    /// True when there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// What an applied transaction changed: ids whose current state must be saved
/// (a missing id means it was deleted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Spans inserted, replaced or deleted.
    pub spans: BTreeSet<SpanId>,
    /// Quotes inserted, replaced or deleted.
    pub quotes: BTreeSet<QuoteId>,
    /// True when the status changed.
    pub status: bool,
}

/// The result of applying a transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The transaction that undoes this one.
    pub inverse: Transaction,
    /// What was touched.
    pub changes: Changes,
}

/// Why a transaction was refused. Nothing of a refused transaction is applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A span or quote id is unknown.
    #[error("no span with id {0}")]
    UnknownSpan(u64),
    /// A quote id is unknown.
    #[error("no quote with id {0}")]
    UnknownQuote(u64),
    /// An inserted id is already taken.
    #[error("id {0} is already used")]
    DuplicateId(u64),
    /// The range is empty, outside the text or not on char boundaries.
    #[error("span {id} has an invalid range {range}: text is {len} bytes")]
    BadRange {
        /// Span id.
        id: u64,
        /// The refused range.
        range: ByteRange,
        /// Text length in bytes.
        len: usize,
    },
    /// A quote has no content span.
    #[error("quote {0} has no content")]
    EmptyQuote(u64),
}

impl Document {
    /// Validates and applies a transaction atomically: either every edit is
    /// applied, or none is and the error says why.
    pub fn apply(&mut self, tx: &Transaction) -> Result<Applied, EditError> {
        let mut inverse: Vec<Edit> = Vec::new();
        let mut changes = Changes::default();
        let mut links = None;
        for edit in &tx.edits {
            if let Err(err) = self.apply_one(edit, &mut inverse, &mut changes, &mut links) {
                for undo in inverse.into_iter().rev() {
                    let (mut none, mut ignored) = (Vec::new(), Changes::default());
                    let _ = self.apply_one(&undo, &mut none, &mut ignored, &mut None);
                }
                return Err(err);
            }
        }
        inverse.reverse();
        Ok(Applied {
            inverse: Transaction {
                label: tx.label.clone(),
                edits: inverse,
            },
            changes,
        })
    }

    fn apply_one(
        &mut self,
        edit: &Edit,
        inverse: &mut Vec<Edit>,
        changes: &mut Changes,
        links: &mut Option<Links>,
    ) -> Result<(), EditError> {
        if let Some(links) = links.as_mut() {
            match edit {
                Edit::InsertSpan(span) | Edit::ReplaceSpan(span) => links.add_span(span),
                Edit::InsertQuote(quote) | Edit::ReplaceQuote(quote) => links.add_quote(quote),
                _ => {}
            }
        }
        match edit {
            Edit::InsertSpan(span) => {
                self.check_span(span)?;
                if self.spans.contains_key(&span.id) {
                    return Err(EditError::DuplicateId(span.id.0));
                }
                self.spans.insert(span.id, Box::new(span.clone()));
                inverse.push(Edit::DeleteSpan(span.id));
                changes.spans.insert(span.id);
            }
            Edit::ReplaceSpan(span) => {
                self.check_span(span)?;
                let Some(old) = self.spans.get_mut(&span.id) else {
                    return Err(EditError::UnknownSpan(span.id.0));
                };
                let old = std::mem::replace(&mut **old, span.clone());
                inverse.push(Edit::ReplaceSpan(old));
                changes.spans.insert(span.id);
            }
            Edit::DeleteSpan(id) => {
                if !self.spans.contains_key(id) {
                    return Err(EditError::UnknownSpan(id.0));
                }
                let found = links.get_or_insert_with(|| Links::of(self));
                let (quotes, mentions) = (found.quotes_of(*id), found.mentions_of(*id));
                self.detach_span(*id, (quotes, mentions), inverse, changes, links)?;
                if let Some(old) = self.spans.remove(id) {
                    inverse.push(Edit::InsertSpan(*old));
                }
                changes.spans.insert(*id);
            }
            Edit::InsertQuote(quote) => {
                self.check_quote(quote)?;
                if self.quotes.contains_key(&quote.id) {
                    return Err(EditError::DuplicateId(quote.id.0));
                }
                self.quotes.insert(quote.id, Box::new(quote.clone()));
                inverse.push(Edit::DeleteQuote(quote.id));
                changes.quotes.insert(quote.id);
            }
            Edit::ReplaceQuote(quote) => {
                self.check_quote(quote)?;
                let Some(old) = self.quotes.get_mut(&quote.id) else {
                    return Err(EditError::UnknownQuote(quote.id.0));
                };
                let old = std::mem::replace(&mut **old, quote.clone());
                inverse.push(Edit::ReplaceQuote(old));
                changes.quotes.insert(quote.id);
            }
            Edit::DeleteQuote(id) => {
                let old = self
                    .quotes
                    .remove(id)
                    .ok_or(EditError::UnknownQuote(id.0))?;
                inverse.push(Edit::InsertQuote(*old));
                changes.quotes.insert(*id);
            }
            Edit::SetStatus(status) => {
                inverse.push(Edit::SetStatus(self.status));
                self.status = *status;
                changes.status = true;
            }
        }
        Ok(())
    }

    /// Removes every pointer to `id` from quotes and mentions, recording
    /// inverses; `candidates` are the quotes and spans that may point at it.
    fn detach_span(
        &mut self,
        id: SpanId,
        (quote_ids, mention_ids): (Vec<QuoteId>, Vec<SpanId>),
        inverse: &mut Vec<Edit>,
        changes: &mut Changes,
        links: &mut Option<Links>,
    ) -> Result<(), EditError> {
        for quote_id in quote_ids {
            let Some(old) = self.quote(quote_id).filter(|q| q.mentions(id)).cloned() else {
                continue;
            };
            let mut new = old.clone();
            new.content.retain(|&s| s != id);
            new.speaker = new.speaker.filter(|&s| s != id);
            new.cue = new.cue.filter(|&s| s != id);
            let edit = if new.content.is_empty() {
                Edit::DeleteQuote(quote_id)
            } else {
                Edit::ReplaceQuote(new)
            };
            self.apply_one(&edit, inverse, changes, links)?;
        }
        for mention_id in mention_ids {
            let mention = self.span(mention_id).filter(|s| s.refers_to == Some(id));
            let Some(mut mention) = mention.cloned() else {
                continue;
            };
            mention.refers_to = None;
            self.apply_one(&Edit::ReplaceSpan(mention), inverse, changes, links)?;
        }
        Ok(())
    }

    pub(super) fn check_span(&self, span: &Span) -> Result<(), EditError> {
        if ByteRange::checked(self.text(), span.range.start, span.range.end).is_err() {
            return Err(EditError::BadRange {
                id: span.id.0,
                range: span.range,
                len: self.text().len(),
            });
        }
        match span.refers_to {
            Some(target) if target == span.id || !self.spans.contains_key(&target) => {
                Err(EditError::UnknownSpan(target.0))
            }
            _ => Ok(()),
        }
    }

    pub(super) fn check_quote(&self, quote: &Quote) -> Result<(), EditError> {
        if quote.content.is_empty() {
            return Err(EditError::EmptyQuote(quote.id.0));
        }
        match quote.span_ids().find(|id| !self.spans.contains_key(id)) {
            Some(missing) => Err(EditError::UnknownSpan(missing.0)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
