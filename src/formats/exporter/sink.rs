//! Where an [`super::Exporter`] writes, with what each format carries from
//! one batch to the next: a stream or a staged file for the one-file formats,
//! doccano's records (whose meta keys are filled in at the end when a later
//! batch brought new ones), and the staged folder of the folder formats.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};

use super::{Destination, ExportFormat};
use crate::formats::output::atomic::{Staged, with_path};
use crate::formats::output::review::ExportOptions;
use crate::formats::{ExportError, ExportReport, brat, byline, conll, doccano, hf, labelstudio};
use crate::model::Document;

/// One export's output.
pub(super) enum Sink<'a> {
    /// byline, Prodigy and the CoNLL formats: documents are written as they come.
    Lines {
        format: LineFormat,
        options: ExportOptions,
        out: Out<'a>,
    },
    /// doccano: records whose meta keys may need filling in at the end.
    Doccano {
        records: doccano::Records,
        out: Out<'a>,
    },
    /// A folder written under a hidden name and renamed into place.
    Folder(Folder, Staged),
}

/// Where a one-file format writes.
pub(super) enum Out<'a> {
    /// Straight to a stream.
    Stream(&'a mut dyn Write),
    /// Into memory, then to the stream once complete (doccano's records may
    /// be rewritten at the end).
    Buffer(Vec<u8>, &'a mut dyn Write),
    /// A staged file.
    File(BufWriter<File>, Staged),
}

/// The formats that write each document as it comes.
#[derive(Clone, Copy)]
pub(super) enum LineFormat {
    Byline,
    Prodigy,
    Conll,
    ConllDoccano,
}

/// The folder formats.
pub(super) enum Folder {
    Hf(hf::Folder),
    Brat(brat::Folder),
    LabelStudio(labelstudio::Folder),
}

impl<'a> Sink<'a> {
    /// Opens the output of `format` at `dest`.
    pub fn open(
        format: ExportFormat,
        dest: Destination<'a>,
        options: ExportOptions,
    ) -> Result<Self, ExportError> {
        let path = match dest {
            Destination::Path(path) => path,
            Destination::Stream(_) if format.needs_path() => {
                return Err(ExportError::Io(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{format} writes a folder: give an output path with -o"),
                )));
            }
            Destination::Stream(out) => {
                let out = match format {
                    ExportFormat::Doccano | ExportFormat::DoccanoRelations => {
                        Out::Buffer(Vec::new(), out)
                    }
                    _ => Out::Stream(out),
                };
                return Ok(Self::one_file(format, options, out));
            }
        };
        let folder: Option<fn(&str) -> bool> = match format {
            ExportFormat::Hf => Some(hf::Folder::is_ours),
            ExportFormat::Brat => Some(brat::Folder::is_ours),
            ExportFormat::LabelStudio => Some(labelstudio::Folder::is_ours),
            _ => None,
        };
        if let Some(ours) = folder {
            let staged = Staged::folder(path, ours)?;
            let dir = staged.path();
            let folder = match format {
                ExportFormat::Hf => Folder::Hf(hf::Folder::create(dir, options)?),
                ExportFormat::Brat => Folder::Brat(brat::Folder::create(dir, options)?),
                _ => Folder::LabelStudio(labelstudio::Folder::create(dir, options)?),
            };
            return Ok(Self::Folder(folder, staged));
        }
        let (staged, file) = Staged::file(path)?;
        Ok(Self::one_file(
            format,
            options,
            Out::File(BufWriter::new(file), staged),
        ))
    }

    /// The sink of a one-file format (the folder formats never come here).
    fn one_file(format: ExportFormat, options: ExportOptions, out: Out<'a>) -> Self {
        let line = match format {
            ExportFormat::Doccano | ExportFormat::DoccanoRelations => {
                let mode = if format == ExportFormat::Doccano {
                    doccano::Mode::Sequence
                } else {
                    doccano::Mode::Relation
                };
                let records = doccano::Records::new(mode, options);
                return Self::Doccano { records, out };
            }
            ExportFormat::Prodigy => LineFormat::Prodigy,
            ExportFormat::Conll => LineFormat::Conll,
            ExportFormat::ConllDoccano => LineFormat::ConllDoccano,
            _ => LineFormat::Byline,
        };
        Self::Lines {
            format: line,
            options,
            out,
        }
    }

    /// Writes the next documents; an IO error names the output.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        let target = match self {
            Self::Lines { out, .. } | Self::Doccano { out, .. } => out.target(),
            Self::Folder(_, staged) => Some(staged.target().to_path_buf()),
        };
        self.write(docs).map_err(|e| match (e, target) {
            (ExportError::Io(e), Some(path))
                if !e.to_string().contains(&*path.to_string_lossy()) =>
            {
                with_path(e, &path)
            }
            (e, _) => e,
        })
    }

    fn write(&mut self, docs: &[Document]) -> Result<ExportReport, ExportError> {
        match self {
            Self::Lines {
                format,
                options,
                out,
            } => write_lines(*format, *options, docs, out.writer()),
            Self::Doccano { records, out } => records.write_batch(docs, out.writer()),
            Self::Folder(Folder::Hf(folder), _) => folder.write_batch(docs),
            Self::Folder(Folder::Brat(folder), _) => folder.write_batch(docs),
            Self::Folder(Folder::LabelStudio(folder), _) => folder.write_batch(docs),
        }
    }

    /// Completes the output and puts it in place.
    pub fn finish(self) -> Result<(), ExportError> {
        match self {
            Self::Lines { out, .. } => out.finish(),
            Self::Doccano { records, out } => match records.finish() {
                None => out.finish(),
                Some(fill) => out.rewrite(|from, to| doccano::fill_keys(from, to, &fill)),
            },
            Self::Folder(folder, staged) => {
                match folder {
                    Folder::Hf(folder) => folder.finish()?,
                    Folder::Brat(folder) => folder.finish()?,
                    Folder::LabelStudio(folder) => folder.finish()?,
                }
                staged.commit()
            }
        }
    }
}

impl Out<'_> {
    /// The file written, if any.
    fn target(&self) -> Option<std::path::PathBuf> {
        match self {
            Self::File(_, staged) => Some(staged.target().to_path_buf()),
            _ => None,
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Self::Stream(out) => &mut **out,
            Self::Buffer(buffer, _) => buffer,
            Self::File(out, _) => out,
        }
    }

    /// Flushes the output, syncs a file to disk and puts it in place.
    fn finish(self) -> Result<(), ExportError> {
        match self {
            Self::Stream(out) => Ok(out.flush()?),
            Self::Buffer(buffer, out) => {
                out.write_all(&buffer)?;
                Ok(out.flush()?)
            }
            Self::File(out, staged) => {
                sync(out, &staged)?;
                staged.commit()
            }
        }
    }

    /// Rewrites what was written through `copy`, then finishes.
    fn rewrite(
        self,
        copy: impl Fn(&mut dyn io::BufRead, &mut dyn Write) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        match self {
            Self::Stream(out) => Ok(out.flush()?),
            Self::Buffer(buffer, out) => {
                copy(&mut buffer.as_slice(), out)?;
                Ok(out.flush()?)
            }
            Self::File(out, staged) => {
                sync(out, &staged)?;
                let from = File::open(staged.path()).map_err(|e| with_path(e, staged.path()))?;
                let (again, to) = Staged::file(staged.path())?;
                let mut to = BufWriter::new(to);
                copy(&mut BufReader::new(from), &mut to)?;
                sync(to, &again)?;
                again.commit()?;
                staged.commit()
            }
        }
    }
}

/// Writes documents in a one-file format.
fn write_lines(
    format: LineFormat,
    options: ExportOptions,
    docs: &[Document],
    out: &mut dyn Write,
) -> Result<ExportReport, ExportError> {
    match format {
        LineFormat::Byline => byline::write(docs, out, byline::Flavor::Byline, options),
        LineFormat::Prodigy => byline::write(docs, out, byline::Flavor::Prodigy, options),
        LineFormat::Conll => conll::write(docs, out, conll::Columns::Spacy, options),
        LineFormat::ConllDoccano => conll::write(docs, out, conll::Columns::Doccano, options),
    }
}

/// Flushes a file and syncs it to disk when it is a regular file (`/dev/null`
/// and pipes cannot be synced, and need not be).
fn sync(out: BufWriter<File>, staged: &Staged) -> Result<(), ExportError> {
    let path = staged.target();
    let file = out
        .into_inner()
        .map_err(|e| with_path(e.into_error(), path))?;
    if file.metadata().is_ok_and(|m| m.is_file()) {
        file.sync_all().map_err(|e| with_path(e, path))?;
    }
    Ok(())
}
