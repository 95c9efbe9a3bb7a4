//! The export formats by name, and where each writes: one dispatch shared by
//! `byline convert`, `byline export` and the window's export dialog. An
//! [`Exporter`] takes documents batch by batch, so a project export holds a
//! batch and not the project; [`write`] is an exporter given one batch.

use std::fmt;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::formats::{ExportError, ExportReport, brat, byline, conll, doccano, hf};
use crate::model::Document;

/// Every format Byline writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Byline JSONL: Prodigy tasks plus our lossless extension keys.
    #[default]
    Byline,
    /// Plain Prodigy/spaCy JSONL tasks.
    Prodigy,
    /// doccano sequence-labelling JSONL.
    Doccano,
    /// doccano relation-extraction JSONL (entities + quote links).
    DoccanoRelations,
    /// CoNLL IOB2, one tag column per layer.
    Conll,
    /// Hugging Face token classification JSONL plus `labels.json`.
    Hf,
    /// brat standoff: a folder of `.txt` + `.ann` and `annotation.conf`.
    Brat,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Byline,
        Self::Prodigy,
        Self::Doccano,
        Self::DoccanoRelations,
        Self::Conll,
        Self::Hf,
        Self::Brat,
    ];

    /// The name used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Byline => "byline",
            Self::Prodigy => "prodigy",
            Self::Doccano => "doccano",
            Self::DoccanoRelations => "doccano-rel",
            Self::Conll => "conll",
            Self::Hf => "hf",
            Self::Brat => "brat",
        }
    }

    /// A one-line description for menus and `--help`.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Byline => "Byline JSONL (Prodigy tasks + quotes; lossless)",
            Self::Prodigy => "Prodigy / spaCy JSONL tasks",
            Self::Doccano => "doccano sequence labelling JSONL",
            Self::DoccanoRelations => "doccano relation extraction JSONL",
            Self::Conll => "CoNLL IOB2 (entity and attribution columns)",
            Self::Hf => "Hugging Face token classification JSONL + labels.json",
            Self::Brat => "brat standoff folder (.txt + .ann)",
        }
    }

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                let names: Vec<_> = Self::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format {name:?}; expected one of {}",
                    names.join(", ")
                )
            })
    }

    /// The usual file extension of the output (`None` for folder formats).
    pub const fn extension(self) -> Option<&'static str> {
        match self {
            Self::Conll => Some("conll"),
            Self::Brat => None,
            _ => Some("jsonl"),
        }
    }

    /// True when the format writes more than one file and needs an output path.
    pub const fn needs_path(self) -> bool {
        matches!(self, Self::Hf | Self::Brat)
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an export goes.
pub enum Destination<'a> {
    /// A stream (stdout); single-file formats only.
    Stream(&'a mut dyn Write),
    /// A file, or a folder for brat; Hugging Face writes `labels.json` beside the file.
    Path(&'a Path),
}

/// Documents a project export reads and writes at a time (`byline export`, the
/// window's export): the export holds this many, not the whole project.
pub const BATCH: usize = 256;

/// Writes `docs` in `format` to `dest`: an [`Exporter`] given one batch.
pub fn write(
    format: ExportFormat,
    docs: &[Document],
    dest: Destination<'_>,
) -> Result<ExportReport, ExportError> {
    let mut exporter = Exporter::open(format, dest)?;
    exporter.write_batch(docs)?;
    exporter.finish()
}

/// An export written batch by batch, so a project need not be held in memory
/// at once: the output is byte for byte what [`write`] gives for all the
/// documents in one slice, however they are cut into batches.
pub struct Exporter<'a> {
    format: ExportFormat,
    sink: Sink<'a>,
    report: ExportReport,
}

/// Where an [`Exporter`] writes, with what each format carries between batches.
enum Sink<'a> {
    Stream(&'a mut dyn Write),
    File(BufWriter<File>, &'a Path),
    Hf {
        rows: hf::HfRows<BufWriter<File>>,
        path: &'a Path,
        labels: BufWriter<File>,
    },
    Brat(brat::Folder),
}

impl<'a> Exporter<'a> {
    /// Creates the output (file, files or folder); a multi-file format
    /// refuses a stream.
    pub fn open(format: ExportFormat, dest: Destination<'a>) -> Result<Self, ExportError> {
        let sink = match (format, dest) {
            (ExportFormat::Hf | ExportFormat::Brat, Destination::Stream(_)) => {
                return Err(ExportError::Io(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("{format} writes several files: give an output path with -o"),
                )));
            }
            (ExportFormat::Brat, Destination::Path(path)) => {
                Sink::Brat(brat::Folder::create(path)?)
            }
            (ExportFormat::Hf, Destination::Path(path)) => Sink::Hf {
                rows: hf::HfRows::new(create(path)?, hf::HfOptions::default()),
                path,
                labels: create(&hf_labels_path(path))?,
            },
            (_, Destination::Path(path)) => Sink::File(create(path)?, path),
            (_, Destination::Stream(out)) => Sink::Stream(out),
        };
        Ok(Self {
            format,
            sink,
            report: ExportReport::default(),
        })
    }

    /// Writes the next documents, in order.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<(), ExportError> {
        let written = match &mut self.sink {
            Sink::Stream(out) => write_lines(self.format, docs, &mut **out)?,
            Sink::File(out, _) => write_lines(self.format, docs, out)?,
            Sink::Hf { rows, .. } => rows.write_batch(docs)?,
            Sink::Brat(folder) => folder.write_batch(docs)?,
        };
        self.report.merge(written);
        Ok(())
    }

    /// Completes the output (Hugging Face `labels.json`, brat
    /// `annotation.conf`), flushes it to disk, and reports on the whole export.
    pub fn finish(self) -> Result<ExportReport, ExportError> {
        match self.sink {
            Sink::Stream(out) => out.flush()?,
            Sink::File(out, path) => finish(out, path)?,
            Sink::Hf {
                rows,
                path,
                mut labels,
            } => {
                let done = rows.finish();
                finish(done.rows, path)?;
                if let Some(new) = done.renumber {
                    renumber(path, &new)?;
                }
                let labels_path = hf_labels_path(path);
                hf::write_names(&done.names, &mut labels)?;
                finish(labels, &labels_path)?;
            }
            Sink::Brat(folder) => folder.finish()?,
        }
        Ok(self.report)
    }
}

/// Writes documents in a one-file format.
fn write_lines(
    format: ExportFormat,
    docs: &[Document],
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    match format {
        ExportFormat::Byline => byline::write(docs, out, byline::Flavor::Byline),
        ExportFormat::Prodigy => byline::write(docs, out, byline::Flavor::Prodigy),
        ExportFormat::Doccano => doccano::write(docs, out, doccano::Mode::Sequence),
        ExportFormat::DoccanoRelations => doccano::write(docs, out, doccano::Mode::Relation),
        ExportFormat::Conll => conll::write(docs, out),
        // Never given here: `Exporter::open` gives them sinks of their own.
        ExportFormat::Hf | ExportFormat::Brat => Ok(ExportReport::default()),
    }
}

/// Renumbers the tags of the Hugging Face rows at `path` in place (through a
/// file beside it); a device such as `/dev/null` kept nothing to renumber.
fn renumber(path: &Path, new: &[usize]) -> Result<(), ExportError> {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".renumbering");
    let temp = path.with_file_name(name);
    let from = File::open(path).map_err(|e| with_path(e, path))?;
    let mut to = create(&temp)?;
    hf::renumber(BufReader::new(from), &mut to, new).map_err(|e| match e {
        ExportError::Io(e) => with_path(e, path),
        other => other,
    })?;
    finish(to, &temp)?;
    std::fs::rename(&temp, path).map_err(|e| with_path(e, path))
}

fn create(path: &Path) -> Result<BufWriter<File>, ExportError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    }
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| with_path(e, path))
}

/// Flushes the output and syncs it to disk when it is a regular file
/// (`/dev/null` and pipes cannot be synced, and need not be).
fn finish(out: BufWriter<File>, path: &Path) -> Result<(), ExportError> {
    let file = out
        .into_inner()
        .map_err(|e| with_path(e.into_error(), path))?;
    if file.metadata().is_ok_and(|m| m.is_file()) {
        file.sync_all().map_err(|e| with_path(e, path))?;
    }
    Ok(())
}

fn with_path(e: std::io::Error, path: &Path) -> ExportError {
    ExportError::Io(std::io::Error::new(
        e.kind(),
        format!("{e}: {}", path.display()),
    ))
}

/// The file a Hugging Face export writes its label names to.
pub fn hf_labels_path(rows: &Path) -> PathBuf {
    rows.with_file_name("labels.json")
}

#[cfg(test)]
mod tests;
