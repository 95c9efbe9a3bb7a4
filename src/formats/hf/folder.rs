//! A Hugging Face export folder being written: the rows file, batch by
//! batch, then (at the end) its rows renumbered if a later batch brought
//! labels out of order, and the dataset card.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::card::{ROWS, card};
use super::stream::{HfRows, renumber};
use crate::formats::output::atomic::with_path;
use crate::formats::output::review::ExportOptions;
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;

/// The card's file name.
const CARD: &str = "README.md";

/// A Hugging Face dataset folder being written.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    rows: HfRows<BufWriter<File>>,
}

impl Folder {
    /// True for the names of an earlier export, which a new one replaces.
    pub fn is_ours(name: &str) -> bool {
        name == ROWS || name == CARD
    }

    /// Starts writing into `dir` (an empty folder).
    pub fn create(dir: &Path, options: ExportOptions) -> Result<Self, ExportError> {
        let path = dir.join(ROWS);
        let file = File::create(&path).map_err(|e| with_path(e, &path))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            rows: HfRows::new(BufWriter::new(file), options),
        })
    }

    /// Writes the rows of each document, in order.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        let path = self.dir.join(ROWS);
        self.rows.write_batch(docs).map_err(|e| io_at(e, &path))
    }

    /// Renumbers the rows if needed and writes the card.
    pub fn finish(self) -> Result<(), ExportError> {
        let path = self.dir.join(ROWS);
        let done = self.rows.finish();
        done.rows
            .into_inner()
            .map_err(|e| with_path(e.into_error(), &path))?;
        if let Some(new) = done.renumber {
            let temp = self.dir.join(".renumbering");
            let from = File::open(&path).map_err(|e| with_path(e, &path))?;
            let to = File::create(&temp).map_err(|e| with_path(e, &temp))?;
            let mut to = BufWriter::new(to);
            renumber(BufReader::new(from), &mut to, &new).map_err(|e| io_at(e, &path))?;
            to.flush().map_err(|e| with_path(e, &temp))?;
            fs::rename(&temp, &path).map_err(|e| with_path(e, &path))?;
        }
        let card_path = self.dir.join(CARD);
        fs::write(&card_path, card(&done.names)).map_err(|e| with_path(e, &card_path))
    }
}

/// An IO error of a writer named with the file it happened on.
fn io_at(e: ExportError, path: &Path) -> ExportError {
    match e {
        ExportError::Io(e) => with_path(e, path),
        other => other,
    }
}
