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
use crate::formats::input::numbered::{Numbered, NumberedLines};
use crate::formats::{ExportOptions, ReadOptions, Warning};
use crate::model::{DocStatus, Document};
use crate::suggest::engines::Engines;

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
    let mut lines = NumberedLines::new(input, SOURCE, options.read, options.max_line_bytes);
    let (mut failed, mut skipped, mut engine_warnings) = (0, 0, 0);
    loop {
        let batch = match lines.next_batch() {
            Ok(batch) => batch,
            Err(e) => anyhow::bail!("cannot read stdin after line {}: {e}", lines.line_no()),
        };
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
