//! What a writer did and how it can fail: the report of documents and spans
//! written and of what the format could not hold ([`ExportReport`]), and the
//! errors that stop an export ([`ExportError`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What a writer did, and what the format could not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Documents written.
    pub documents: usize,
    /// Spans written.
    pub spans: usize,
    /// Things left out, by reason ("overlapping entity spans (IOB2 holds one per token)") → count.
    pub lost: BTreeMap<String, usize>,
    /// What the user must know to load the output (a project setting).
    pub notes: BTreeSet<String>,
}

impl ExportReport {
    /// Counts one thing the format cannot hold. Writers call it per span, so
    /// the reason is copied only the first time it is counted.
    pub fn lose(&mut self, what: impl AsRef<str>) {
        self.lose_many(what.as_ref(), 1);
    }

    /// Counts `count` things left out for one reason (none: nothing said).
    pub fn lose_many(&mut self, what: &str, count: usize) {
        if count == 0 {
            return;
        }
        match self.lost.get_mut(what) {
            Some(n) => *n += count,
            None => {
                self.lost.insert(what.to_owned(), count);
            }
        }
    }

    /// Adds a note, once however often it is given.
    pub fn note(&mut self, note: &str) {
        if !self.notes.contains(note) {
            self.notes.insert(note.to_owned());
        }
    }

    /// Adds another report's counts to this one.
    pub fn merge(&mut self, other: ExportReport) {
        self.documents += other.documents;
        self.spans += other.spans;
        for (what, n) in other.lost {
            *self.lost.entry(what).or_insert(0) += n;
        }
        self.notes.extend(other.notes);
    }
}

impl fmt::Display for ExportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} documents, {} spans written",
            self.documents, self.spans
        )?;
        for (what, n) in &self.lost {
            write!(f, "; not written: {n} {what}")?;
        }
        for note in &self.notes {
            write!(f, "; note: {note}")?;
        }
        Ok(())
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// JSON serialization failed.
    #[error("cannot serialize: {0}")]
    Json(#[from] serde_json::Error),
    /// A span's range does not slice the document text: a bug, never written out.
    #[error("span {span} ({label}) does not fit the text of document {document}")]
    Misaligned {
        /// Document id or source.
        document: String,
        /// Span id.
        span: u64,
        /// Span label.
        label: String,
    },
}
