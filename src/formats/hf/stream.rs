//! Hugging Face rows written batch by batch, so an export need not hold every
//! document: tag numbers follow the labels in the order met, and the rows are
//! renumbered into the declared order at the end when that differs.

use std::io::{BufRead, Write};

use serde::Deserialize;

use super::{LAYERS, Row, SeenLabels, TagNames, write_document};
use crate::formats::output::review::ExportOptions;
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
    options: ExportOptions,
    seen: [SeenLabels; 2],
    names: TagNames,
}

/// What [`HfRows::finish`] hands back.
#[derive(Debug)]
pub struct HfFinished<W> {
    /// The rows writer, everything written to it.
    pub rows: W,
    /// The tag names the card declares.
    pub names: TagNames,
    /// When the rows need renumbering: the new number of each written one,
    /// for `ner_tags` and `attribution_tags`.
    pub renumber: Option<[Vec<usize>; 2]>,
}

impl<W: Write> HfRows<W> {
    /// Rows going to `rows`.
    pub fn new(rows: W, options: ExportOptions) -> Self {
        let seen = LAYERS.map(SeenLabels::new);
        let names = TagNames {
            ner: seen[0].names_as_met(),
            attribution: seen[1].names_as_met(),
        };
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
            let gold = doc.gold();
            if self.seen[0].add(&gold) {
                self.names.ner = self.seen[0].names_as_met();
            }
            if self.seen[1].add(&gold) {
                self.names.attribution = self.seen[1].names_as_met();
            }
            write_document(doc, &self.names, self.options, &mut self.rows, &mut report)?;
        }
        Ok(report)
    }

    /// The declared tag names, and how to renumber the rows written if needed.
    pub fn finish(self) -> HfFinished<W> {
        let names = TagNames {
            ner: self.seen[0].sorted_names(),
            attribution: self.seen[1].sorted_names(),
        };
        let map = |met: &[String], declared: &[String]| -> Vec<usize> {
            (met.iter())
                .map(|n| declared.iter().position(|m| m == n).unwrap_or(0))
                .collect()
        };
        let renumber = (names != self.names).then(|| {
            [
                map(&self.names.ner, &names.ner),
                map(&self.names.attribution, &names.attribution),
            ]
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
    attribution_tags: Vec<usize>,
}

/// Copies rows from `from` to `to`, each tag number `n` of a column becoming
/// `new[column][n]`; the bytes are those the rows would have had with the
/// new numbers. Returns the number of rows.
pub fn renumber(
    from: impl BufRead,
    mut to: impl Write,
    new: &[Vec<usize>; 2],
) -> Result<usize, ExportError> {
    let mut count = 0;
    for line in from.lines() {
        let row: OwnedRow = serde_json::from_str(&line?)?;
        let map = |tags: &[usize], new: &[usize]| -> Vec<usize> {
            tags.iter()
                .map(|&n| new.get(n).copied().unwrap_or(0))
                .collect()
        };
        let row = Row {
            id: row.id,
            tokens: row.tokens.iter().map(String::as_str).collect(),
            ner_tags: map(&row.ner_tags, &new[0]),
            attribution_tags: map(&row.attribution_tags, &new[1]),
        };
        serde_json::to_writer(&mut to, &row)?;
        writeln!(to)?;
        count += 1;
    }
    Ok(count)
}
