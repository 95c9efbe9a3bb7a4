//! Hugging Face rows written batch by batch, so an export need not hold every
//! document: tag numbers follow the labels in the order met, and the rows are
//! renumbered into the declared order at the end when that differs.

use std::io::{BufRead, Write};

use serde::Deserialize;

use super::{HfOptions, Row, SeenLabels, write_document};
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;

/// Hugging Face rows written batch by batch. A label outside the built-in
/// set is only known once met, so rows carry tag numbers in the order labels
/// were met; [`HfRows::finish`] says how to renumber them into the declared
/// (sorted) order, which [`renumber`] does — nothing to do in the usual case
/// of built-in labels only.
#[derive(Debug)]
pub struct HfRows<W> {
    rows: W,
    options: HfOptions,
    seen: SeenLabels,
    names: Vec<String>,
}

/// What [`HfRows::finish`] hands back.
#[derive(Debug)]
pub struct HfFinished<W> {
    /// The rows writer, everything written to it.
    pub rows: W,
    /// The tag names to write as `labels.json`.
    pub names: Vec<String>,
    /// When the rows need renumbering: the new number of each written one.
    pub renumber: Option<Vec<usize>>,
}

impl<W: Write> HfRows<W> {
    /// Rows of `options.layer` going to `rows`.
    pub fn new(rows: W, options: HfOptions) -> Self {
        let seen = SeenLabels::new(options.layer);
        let names = seen.names_as_met();
        Self {
            rows,
            options,
            seen,
            names,
        }
    }

    /// Writes the rows of each document, in order.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        let mut report = ExportReport::default();
        for doc in docs {
            if self.seen.add(doc) {
                self.names = self.seen.names_as_met();
            }
            write_document(doc, &self.names, self.options, &mut self.rows, &mut report)?;
        }
        Ok(report)
    }

    /// The declared tag names, and how to renumber the rows written if needed.
    pub fn finish(self) -> HfFinished<W> {
        let names = self.seen.sorted_names();
        let renumber = (names != self.names).then(|| {
            (self.names.iter())
                .map(|n| names.iter().position(|m| m == n).unwrap_or(0))
                .collect()
        });
        HfFinished {
            rows: self.rows,
            names,
            renumber,
        }
    }
}

/// A row as read back for renumbering.
#[derive(Deserialize)]
struct OwnedRow {
    id: String,
    tokens: Vec<String>,
    ner_tags: Vec<usize>,
}

/// Copies rows from `from` to `to`, each tag number `n` becoming `new[n]`;
/// the bytes are those the rows would have had with the new numbers.
pub fn renumber(from: impl BufRead, mut to: impl Write, new: &[usize]) -> Result<(), ExportError> {
    for line in from.lines() {
        let row: OwnedRow = serde_json::from_str(&line?)?;
        let row = Row {
            id: row.id,
            tokens: row.tokens.iter().map(String::as_str).collect(),
            ner_tags: (row.ner_tags.iter())
                .map(|&n| new.get(n).copied().unwrap_or(0))
                .collect(),
        };
        serde_json::to_writer(&mut to, &row)?;
        writeln!(to)?;
    }
    Ok(())
}
