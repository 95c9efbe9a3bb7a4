//! A brat export folder: `<name>.txt` + `<name>.ann` per document, written
//! batch by batch, and the `annotation.conf` of every label used, written
//! once at the end. Names come from each document's source file name (made
//! unique across the whole export), or its id.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::conf::ConfLabels;
use super::write::write_document;
use crate::formats::output::atomic::with_path;
use crate::formats::output::review::ExportOptions;
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;

/// The file naming the labels of a folder.
const CONF: &str = "annotation.conf";

/// Writes the gold of every document into `dir`, plus `annotation.conf`.
pub fn write_folder(docs: &[Document], dir: &Path) -> Result<ExportReport, ExportError> {
    let mut folder = Folder::create(dir, ExportOptions::GOLD)?;
    let report = folder.write_batch(docs)?;
    folder.finish()?;
    Ok(report)
}

/// A brat folder being written: what it needs to carry from one batch to the
/// next (names used, labels seen) so batches give the same files as one call
/// with every document.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    options: ExportOptions,
    used: HashMap<String, usize>,
    labels: ConfLabels,
}

impl Folder {
    /// True for the names of an earlier export, which a new one replaces.
    pub fn is_ours(name: &str) -> bool {
        name == CONF || name.ends_with(".txt") || name.ends_with(".ann")
    }

    /// Creates `dir` (and its parents) if needed.
    pub fn create(dir: &Path, options: ExportOptions) -> Result<Self, ExportError> {
        fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            options,
            used: HashMap::new(),
            labels: ConfLabels::default(),
        })
    }

    /// Writes the `.txt` and `.ann` of each document, in order; reports on them.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        let mut report = ExportReport::default();
        for doc in docs {
            let name = unique_name(doc, &mut self.used);
            let txt_path = self.dir.join(format!("{name}.txt"));
            let ann_path = self.dir.join(format!("{name}.ann"));
            let txt = fs::File::create(&txt_path).map_err(|e| with_path(e, &txt_path))?;
            let ann = fs::File::create(&ann_path).map_err(|e| with_path(e, &ann_path))?;
            let (mut txt, mut ann) = (BufWriter::new(txt), BufWriter::new(ann));
            let written =
                write_document(doc, &mut txt, &mut ann, self.options).map_err(|e| match e {
                    ExportError::Io(e) => with_path(e, &ann_path),
                    other => other,
                })?;
            txt.flush().map_err(|e| with_path(e, &txt_path))?;
            ann.flush().map_err(|e| with_path(e, &ann_path))?;
            report.merge(written);
            self.labels.add(doc)?;
        }
        Ok(report)
    }

    /// Writes `annotation.conf` for every document written.
    pub fn finish(self) -> Result<(), ExportError> {
        let conf_path = self.dir.join(CONF);
        let conf = fs::File::create(&conf_path).map_err(|e| with_path(e, &conf_path))?;
        let mut conf = BufWriter::new(conf);
        self.labels.write(&mut conf).map_err(|e| match e {
            ExportError::Io(e) => with_path(e, &conf_path),
            other => other,
        })?;
        conf.flush().map_err(|e| with_path(e, &conf_path))
    }
}

/// A file stem for `doc`: its source's stem with unsafe characters replaced,
/// `-2`, `-3`… added on repeats.
fn unique_name(doc: &Document, used: &mut HashMap<String, usize>) -> String {
    let stem = doc
        .source
        .as_deref()
        .and_then(|s| Path::new(s).file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .unwrap_or_else(|| doc.id.to_string());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let count = used.entry(stem.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        stem
    } else {
        format!("{stem}-{count}")
    }
}
