//! A Label Studio export folder being written: `tasks.json`, the JSON list
//! of tasks Label Studio imports, one task a line, batch by batch; then the
//! `labeling-config.xml` the project needs, declaring every label used.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::config::labeling_config;
use super::write::task;
use crate::formats::output::atomic::with_path;
use crate::formats::output::check_alignment;
use crate::formats::output::review::{ExportOptions, Kept};
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;

/// The tasks file's name.
pub const TASKS: &str = "tasks.json";
/// The labeling config's file name.
pub const CONFIG: &str = "labeling-config.xml";

/// A Label Studio folder being written.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    tasks: BufWriter<File>,
    kept: Kept,
    written: usize,
    labels: BTreeSet<String>,
}

impl Folder {
    /// True for the names of an earlier export, which a new one replaces.
    pub fn is_ours(name: &str) -> bool {
        name == TASKS || name == CONFIG
    }

    /// Starts writing into `dir` (an empty folder).
    pub fn create(dir: &Path, options: ExportOptions) -> Result<Self, ExportError> {
        let path = dir.join(TASKS);
        let file = File::create(&path).map_err(|e| with_path(e, &path))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            tasks: BufWriter::new(file),
            kept: Kept::of(options, true),
            written: 0,
            labels: BTreeSet::new(),
        })
    }

    /// Writes the task of each document, in order.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        let path = self.dir.join(TASKS);
        let mut report = ExportReport::default();
        for doc in docs {
            check_alignment(doc)?;
            let task = task(doc, self.kept, &mut self.labels, &mut report)?;
            let start: &[u8] = if self.written == 0 { b"[\n" } else { b",\n" };
            self.tasks
                .write_all(start)
                .map_err(|e| with_path(e, &path))?;
            serde_json::to_writer(&mut self.tasks, &task)?;
            self.written += 1;
        }
        Ok(report)
    }

    /// Closes the list and writes the labeling config.
    pub fn finish(mut self) -> Result<(), ExportError> {
        let path = self.dir.join(TASKS);
        let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
        self.tasks.write_all(end).map_err(|e| with_path(e, &path))?;
        self.tasks.flush().map_err(|e| with_path(e, &path))?;
        let config = self.dir.join(CONFIG);
        fs::write(&config, labeling_config(&self.labels)).map_err(|e| with_path(e, &config))
    }
}
