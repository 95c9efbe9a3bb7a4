//! `byline suggest -`: a stdin → stdout filter with exactly one line out per
//! line in, in order, so its output lines up with its input under GNU
//! parallel or a cluster engine's pipe. Each line is read as bytes (one over
//! the size limit is drained, never held), decoded on its own (strict UTF-8,
//! or lossy with a warning) and read as one record. A line that gives no
//! document gets an error object in its place, `{"error": …, "line": N,
//! "source": "stdin"}`, with the same line number on stderr, and the stream
//! goes on; a blank line comes out blank (it held no document: nothing is lost).
//! A document read as done (gold) gets no suggestions; every line is written
//! with every state kept, as `--with-suggestions` writes it.

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::{report, with_engine_warnings};
use crate::cli::inputs;
use crate::formats::byline::{self, Flavor};
use crate::formats::input::checks::decode_utf8;
use crate::formats::input::lines::{Line, next_line};
use crate::formats::{ExportOptions, ReadError, ReadOptions, Warning};
use crate::model::{DocStatus, Document};
use crate::suggest::engines::Engines;

/// Lines processed together: enough to keep every core busy, few enough that
/// output follows input closely.
const BATCH_LINES: usize = 256;
/// Bytes of text after which a batch is closed early, so a run of long lines
/// is not held all at once: a batch holds at most this plus one line.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// What documents and messages call the stream.
const SOURCE: &str = "stdin";

/// How the stream is read.
#[derive(Clone, Copy, Debug)]
pub struct StreamOptions {
    /// Decoding, as for files (`--lossy`).
    pub read: ReadOptions,
    /// The longest line read, in bytes (the per-document limit,
    /// [`crate::formats::MAX_FILE_BYTES`]); longer lines are drained and answered
    /// with an error object.
    pub max_line_bytes: u64,
}

/// Streams JSONL documents from `input` to `out`: one line out per line in,
/// in order (see the module doc). The exit code counts bad lines as skipped
/// records and refused suggestions as failures (see [`inputs::exit_code`]).
/// The external engine, if any, runs once per batch of lines.
pub fn stream(
    engines: &Engines,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    options: &StreamOptions,
) -> anyhow::Result<u8> {
    let mut line_no = 0;
    let (mut failed, mut skipped, mut engine_warnings) = (0, 0, 0);
    loop {
        let batch = read_batch(input, options, &mut line_no)?;
        if batch.is_empty() {
            break;
        }
        let mut results: Vec<LineResult> = batch
            .into_par_iter()
            .map(|line| suggest_line(engines, line))
            .collect();
        for result in &results {
            for message in &result.messages {
                writeln!(err, "byline: {message}")?;
            }
            match &result.outcome {
                Outcome::Bad(reason) => {
                    writeln!(
                        err,
                        "byline: {}",
                        Warning::at_line(SOURCE, result.line, reason)
                    )?;
                    skipped += 1;
                }
                Outcome::Refused(reason) => {
                    writeln!(
                        err,
                        "byline: {}",
                        Warning::at_line(SOURCE, result.line, reason)
                    )?;
                    failed += 1;
                }
                Outcome::Document(_) | Outcome::Blank => {}
            }
        }
        let mut docs: Vec<&mut Document> = results
            .iter_mut()
            .filter_map(|r| match &mut r.outcome {
                Outcome::Document(doc) if doc.status() != DocStatus::Done => Some(doc),
                _ => None,
            })
            .collect();
        engine_warnings += report(engines.suggest_external(&mut docs), err)?;
        for result in &results {
            write_line(result, &mut *out)?;
        }
        out.flush()?;
    }
    Ok(with_engine_warnings(
        inputs::exit_code(failed, skipped, err),
        engine_warnings,
        err,
    ))
}

/// One input line, decoded, or why it could not be.
struct Numbered {
    line: usize,
    text: Result<String, String>,
    /// Lossy replacements.
    warnings: Vec<Warning>,
}

/// Reads up to [`BATCH_LINES`] lines (fewer once [`BATCH_BYTES`] are held).
fn read_batch(
    input: &mut dyn BufRead,
    options: &StreamOptions,
    line_no: &mut usize,
) -> anyhow::Result<Vec<Numbered>> {
    let mut batch = Vec::with_capacity(BATCH_LINES);
    let mut held = 0;
    while batch.len() < BATCH_LINES && held < BATCH_BYTES {
        let line = match next_line(input, options.max_line_bytes) {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => anyhow::bail!("cannot read stdin after line {line_no}: {e}"),
        };
        *line_no += 1;
        let numbered = decode(line, *line_no, options);
        held += numbered.text.as_ref().map_or(0, String::len);
        batch.push(numbered);
    }
    Ok(batch)
}

/// Decodes one line on its own: the first may start with a byte-order mark.
fn decode(line: Line, line_no: usize, options: &StreamOptions) -> Numbered {
    let limit = options.max_line_bytes;
    let mut bytes = match line {
        Line::Bytes(bytes) => bytes,
        Line::TooLong(size) => {
            return Numbered {
                line: line_no,
                text: Err(format!(
                    "line too large ({size} bytes; the limit is {limit} bytes)"
                )),
                warnings: Vec::new(),
            };
        }
    };
    if line_no == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    let (text, warnings) = match decode_utf8(bytes, SOURCE, &options.read) {
        Ok(decoded) => (Ok(decoded.text), decoded.warnings),
        Err(ReadError::InvalidUtf8 { offset, .. }) => (
            Err(format!(
                "invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes)"
            )),
            Vec::new(),
        ),
        Err(e) => (Err(e.to_string()), Vec::new()),
    };
    let warnings = warnings
        .into_iter()
        .map(|w| Warning::at_line(w.source, line_no, w.message))
        .collect();
    Numbered {
        line: line_no,
        text,
        warnings,
    }
}

/// What one line gave, and messages about it for the user.
struct LineResult {
    line: usize,
    outcome: Outcome,
    /// Warnings that did not stop the line (lossy decoding, a refused span).
    messages: Vec<Warning>,
}

/// What one line comes out as.
enum Outcome {
    /// The annotated document.
    Document(Document),
    /// Only whitespace: comes out blank.
    Blank,
    /// No document could be read from the line: why.
    Bad(String),
    /// The document was read but suggestions could not be applied: why.
    Refused(String),
}

fn suggest_line(engines: &Engines, line: Numbered) -> LineResult {
    let mut messages = line.warnings;
    let outcome = match line.text {
        Err(reason) => Outcome::Bad(reason),
        Ok(text) if text.trim().is_empty() => Outcome::Blank,
        Ok(text) => match byline::read_record(&text, SOURCE, line.line) {
            Err(reason) => Outcome::Bad(reason),
            Ok((doc, warnings)) => {
                let mut warnings = warnings.into_iter();
                match doc {
                    // A done document (gold) keeps its annotations as they are.
                    Some(doc) if doc.status() == DocStatus::Done => {
                        messages.extend(warnings);
                        Outcome::Document(doc)
                    }
                    Some(mut doc) => {
                        messages.extend(warnings);
                        match engines.suggest(&mut doc) {
                            Ok(_) => Outcome::Document(doc),
                            Err(e) => Outcome::Refused(format!("suggestions refused ({e})")),
                        }
                    }
                    // The record's one warning says why it holds no document.
                    None => Outcome::Bad(
                        warnings
                            .next()
                            .map_or_else(|| "no document".to_owned(), |w| w.message),
                    ),
                }
            }
        },
    };
    LineResult {
        line: line.line,
        outcome,
        messages,
    }
}

/// The line written in place of a line that gave no document.
#[derive(Serialize)]
struct ErrorLine<'a> {
    error: &'a str,
    line: usize,
    source: &'a str,
}

fn write_line(result: &LineResult, out: &mut dyn Write) -> anyhow::Result<()> {
    match &result.outcome {
        Outcome::Document(doc) => {
            let lossless = ExportOptions::WITH_SUGGESTIONS;
            byline::write(
                std::slice::from_ref(doc),
                &mut *out,
                Flavor::Byline,
                lossless,
            )?;
        }
        Outcome::Blank => out.write_all(b"\n")?,
        Outcome::Bad(reason) | Outcome::Refused(reason) => {
            let error = ErrorLine {
                error: reason,
                line: result.line,
                source: SOURCE,
            };
            serde_json::to_writer(&mut *out, &error)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
