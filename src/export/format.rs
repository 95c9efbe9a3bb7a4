//! The export formats by name, and where each writes: one dispatch shared by
//! `byline convert`, `byline export` and the window's export dialog.

use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{ExportError, ExportReport, brat, byline, conll, doccano, hf};
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

/// Writes `docs` in `format` to `dest`.
pub fn write(
    format: ExportFormat,
    docs: &[Document],
    dest: Destination<'_>,
) -> Result<ExportReport, ExportError> {
    match dest {
        Destination::Stream(out) => write_stream(format, docs, out),
        Destination::Path(path) => write_path(format, docs, path),
    }
}

fn write_stream(
    format: ExportFormat,
    docs: &[Document],
    out: &mut dyn Write,
) -> Result<ExportReport, ExportError> {
    match format {
        ExportFormat::Byline => byline::write(docs, out, byline::Flavor::Byline),
        ExportFormat::Prodigy => byline::write(docs, out, byline::Flavor::Prodigy),
        ExportFormat::Doccano => doccano::write(docs, out, doccano::Mode::Sequence),
        ExportFormat::DoccanoRelations => doccano::write(docs, out, doccano::Mode::Relation),
        ExportFormat::Conll => conll::write(docs, out),
        ExportFormat::Hf | ExportFormat::Brat => Err(ExportError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{format} writes several files: give an output path with -o"),
        ))),
    }
}

fn write_path(
    format: ExportFormat,
    docs: &[Document],
    path: &Path,
) -> Result<ExportReport, ExportError> {
    match format {
        ExportFormat::Brat => brat::write_folder(docs, path),
        ExportFormat::Hf => {
            let labels_path = hf_labels_path(path);
            let mut rows = create(path)?;
            let mut labels = create(&labels_path)?;
            let report = hf::write(docs, &mut rows, &mut labels, hf::HfOptions::default())?;
            finish(rows, path)?;
            finish(labels, &labels_path)?;
            Ok(report)
        }
        _ => {
            let mut out = create(path)?;
            let report = write_stream(format, docs, &mut out)?;
            finish(out, path)?;
            Ok(report)
        }
    }
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
mod tests {
    use super::*;
    use crate::model::markup;

    #[test]
    fn names_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.name()), Ok(format));
        }
        assert!(
            ExportFormat::parse("csv")
                .unwrap_err()
                .contains("byline, prodigy")
        );
    }

    #[cfg(unix)]
    #[test]
    fn writes_to_a_device_that_cannot_be_synced() {
        let doc = markup::document("[Zoë|PERSON] spoke.").unwrap();
        let dev_null = Path::new("/dev/null");
        let report = write(ExportFormat::Byline, &[doc], Destination::Path(dev_null)).unwrap();
        assert_eq!(report.documents, 1);
    }

    #[test]
    fn multi_file_formats_refuse_a_stream() {
        let doc = markup::document("[Zoë|PERSON] spoke.").unwrap();
        let mut out = Vec::new();
        let err = write(ExportFormat::Hf, &[doc], Destination::Stream(&mut out)).unwrap_err();
        assert!(err.to_string().contains("-o"), "{err}");
        assert!(out.is_empty());
    }

    #[test]
    fn every_format_writes_to_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let doc = markup::document("[“Ja,”|QUOTE:1] [Zoë Müller|SPEAKER:1] [said|CUE:1].").unwrap();
        for format in ExportFormat::ALL {
            let path = dir.path().join(format!("out-{}", format.name()));
            let report =
                write(format, std::slice::from_ref(&doc), Destination::Path(&path)).unwrap();
            assert_eq!(report.documents, 1, "{format}");
            assert!(path.exists(), "{format}");
        }
        assert!(hf_labels_path(&dir.path().join("out-hf")).exists());
    }
}
