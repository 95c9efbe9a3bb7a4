//! The export formats by name, and where each writes: one dispatch shared by
//! `byline convert`, `byline export` and the window's export dialog. An
//! [`Exporter`] takes documents batch by batch, so a project export holds a
//! batch and not the project; [`write`] is an exporter given one batch.
//! Every writer writes gold only ([`crate::model::Document::gold`]), and
//! suggestions where asked for ([`ExportOptions`]) and its format has a place
//! for them. A file or folder output replaces an earlier one only once it is
//! complete ([`crate::formats::output::atomic`]).

mod sink;

use std::fmt;
use std::io::Write;
use std::path::Path;

use crate::formats::output::review::ExportOptions;
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;
use sink::Sink;

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
    /// CoNLL IOB2 as `spacy convert` reads it: token, `-`, attribution tag,
    /// entity tag; `-DOCSTART- -X- O O` between documents.
    Conll,
    /// CoNLL as doccano imports it: token and entity tag, one block per document.
    ConllDoccano,
    /// A Hugging Face dataset folder: `train.jsonl` and its card `README.md`.
    Hf,
    /// brat standoff: a folder of `.txt` + `.ann` and `annotation.conf`.
    Brat,
    /// A Label Studio folder: `tasks.json` and `labeling-config.xml`.
    LabelStudio,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 9] = [
        Self::Byline,
        Self::Prodigy,
        Self::Doccano,
        Self::DoccanoRelations,
        Self::Conll,
        Self::ConllDoccano,
        Self::Hf,
        Self::Brat,
        Self::LabelStudio,
    ];

    /// The name used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Byline => "byline",
            Self::Prodigy => "prodigy",
            Self::Doccano => "doccano",
            Self::DoccanoRelations => "doccano-rel",
            Self::Conll => "conll",
            Self::ConllDoccano => "conll-doccano",
            Self::Hf => "hf",
            Self::Brat => "brat",
            Self::LabelStudio => "labelstudio",
        }
    }

    /// A one-line description for menus and `--help`.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Byline => "Byline JSONL (Prodigy tasks + quotes; lossless)",
            Self::Prodigy => "Prodigy / spaCy JSONL tasks",
            Self::Doccano => "doccano sequence labelling JSONL (entities)",
            Self::DoccanoRelations => "doccano relation extraction JSONL",
            Self::Conll => "CoNLL IOB2 for spaCy (attribution and entity columns)",
            Self::ConllDoccano => "CoNLL for doccano (token and entity columns)",
            Self::Hf => "Hugging Face dataset folder (train.jsonl + card)",
            Self::Brat => "brat standoff folder (.txt + .ann)",
            Self::LabelStudio => "Label Studio folder (tasks + labeling config)",
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
            Self::Conll | Self::ConllDoccano => Some("conll"),
            Self::Hf | Self::Brat | Self::LabelStudio => None,
            _ => Some("jsonl"),
        }
    }

    /// True when the format writes a folder and needs an output path.
    pub const fn needs_path(self) -> bool {
        self.extension().is_none()
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an export goes.
pub enum Destination<'a> {
    /// A stream (stdout); one-file formats only.
    Stream(&'a mut dyn Write),
    /// A file, or a folder for the folder formats.
    Path(&'a Path),
}

/// Documents a project export reads and writes at a time (`byline export`, the
/// window's export): the export holds this many, not the whole project.
pub const BATCH: usize = 256;

/// Writes `docs` in `format` to `dest`, gold only: an [`Exporter`] given one batch.
pub fn write(
    format: ExportFormat,
    docs: &[Document],
    dest: Destination<'_>,
) -> Result<ExportReport, ExportError> {
    write_with(format, docs, dest, ExportOptions::GOLD)
}

/// [`write`] with options (suggestions too).
pub fn write_with(
    format: ExportFormat,
    docs: &[Document],
    dest: Destination<'_>,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    let mut exporter = Exporter::open_with(format, dest, options)?;
    exporter.write_batch(docs)?;
    exporter.finish()
}

/// An export written batch by batch, so a project need not be held in memory
/// at once: the output is byte for byte what [`write`] gives for all the
/// documents in one slice, however they are cut into batches. Nothing
/// replaces an earlier output until [`Exporter::finish`] succeeds.
pub struct Exporter<'a> {
    sink: Sink<'a>,
    report: ExportReport,
}

impl<'a> Exporter<'a> {
    /// Starts a gold-only export (file, files or folder); a folder format
    /// refuses a stream.
    pub fn open(format: ExportFormat, dest: Destination<'a>) -> Result<Self, ExportError> {
        Self::open_with(format, dest, ExportOptions::GOLD)
    }

    /// [`Exporter::open`] with options (suggestions too).
    pub fn open_with(
        format: ExportFormat,
        dest: Destination<'a>,
        options: ExportOptions,
    ) -> Result<Self, ExportError> {
        Ok(Self {
            sink: Sink::open(format, dest, options)?,
            report: ExportReport::default(),
        })
    }

    /// Writes the next documents, in order.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<(), ExportError> {
        let written = self.sink.write_batch(docs)?;
        self.report.merge(written);
        Ok(())
    }

    /// Completes the output (a dataset card, `annotation.conf`, …), puts it
    /// in place, and reports on the whole export.
    pub fn finish(self) -> Result<ExportReport, ExportError> {
        self.sink.finish()?;
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests;
