//! `byline suggest`: pre-annotate articles in batch with the built-in engine and
//! write byline JSONL with every suggestion pending. With `-` it is a pure
//! stdin → stdout filter (one JSONL document in, one out, in order), so it runs
//! under GNU parallel or a cluster engine's pipe.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use rayon::prelude::*;

use super::inputs;
use crate::export::byline::{self, Flavor};
use crate::model::Document;
use crate::read::{self, ReadOptions};
use crate::suggest::pipeline::{suggest_all, suggest_document};
use crate::suggest::{self, Suggester};

/// Lines processed together in streaming mode: enough to keep every core busy,
/// few enough that output follows input closely.
const STREAM_BATCH: usize = 256;

/// Arguments of `byline suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Articles or folders to annotate; `-` reads JSONL documents from stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (byline JSONL); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the file.
    #[arg(long)]
    lossy: bool,
}

/// Runs the suggester; the exit code says what was left out (see
/// [`inputs::exit_code`]).
pub fn run(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let owned = suggest::builtin();
    let engines: Vec<&dyn Suggester> = owned.iter().map(Box::as_ref).collect();
    if args.inputs.len() == 1 && args.inputs[0].as_os_str() == "-" && args.output.is_none() {
        return stream(&engines, &mut std::io::stdin().lock(), out, err);
    }
    let options = ReadOptions { lossy: args.lossy };
    let mut loaded = inputs::load(&args.inputs, &options, err);
    let total = loaded.documents.len();
    let show_progress = total > 1 && std::io::stderr().is_terminal();
    let progress = |done: usize| {
        if show_progress && (done.is_multiple_of(64) || done == total) {
            eprint!("\rsuggesting: {done}/{total} documents");
        }
    };
    let results = suggest_all(&mut loaded.documents, &engines, &progress);
    if show_progress {
        eprintln!();
    }
    let mut failed = loaded.failed;
    for (doc, result) in loaded.documents.iter().zip(&results) {
        if let Err(e) = result {
            failed += 1;
            writeln!(err, "byline: suggestions refused ({e}): {}", source(doc))?;
        }
    }
    let report = match &args.output {
        Some(path) => crate::export::format::write(
            crate::export::format::ExportFormat::Byline,
            &loaded.documents,
            crate::export::format::Destination::Path(path),
        ),
        None => byline::write(&loaded.documents, &mut *out, Flavor::Byline),
    }
    .context("cannot write the suggestions")?;
    writeln!(err, "byline: {report}")?;
    Ok(inputs::exit_code(failed, loaded.skipped, err))
}

/// Streams JSONL documents from `input` to `out`, one line out per good line in,
/// in order; a bad line is reported with its number and skipped, and the
/// exit code says so (see [`inputs::exit_code`]).
pub fn stream(
    engines: &[&dyn Suggester],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let mut line_no = 0;
    let (mut failed, mut skipped) = (0, 0);
    let mut lines = input.lines();
    loop {
        let mut batch: Vec<(usize, String)> = Vec::with_capacity(STREAM_BATCH);
        for line in lines.by_ref().take(STREAM_BATCH) {
            line_no += 1;
            batch.push((line_no, line.context("cannot read stdin")?));
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<LineResult> = batch
            .par_iter()
            .map(|(n, line)| suggest_line(engines, *n, line))
            .collect();
        for result in results {
            for message in &result.messages {
                writeln!(err, "byline: {message}")?;
            }
            failed += usize::from(result.failed);
            skipped += usize::from(result.skipped);
            if let Some(doc) = result.doc {
                byline::write(std::slice::from_ref(&doc), &mut *out, Flavor::Byline)?;
            }
        }
        out.flush()?;
    }
    Ok(inputs::exit_code(failed, skipped, err))
}

/// What one stdin line gave: the annotated document, and messages for the user.
#[derive(Default)]
struct LineResult {
    doc: Option<Document>,
    messages: Vec<String>,
    /// The line is malformed: no document in it.
    skipped: bool,
    /// Suggestions could not be applied to its document.
    failed: bool,
}

fn suggest_line(engines: &[&dyn Suggester], line_no: usize, line: &str) -> LineResult {
    let mut result = LineResult::default();
    if line.trim().is_empty() {
        return result;
    }
    if let Err(e) = serde_json::from_str::<&serde_json::value::RawValue>(line) {
        result.messages.push(format!(
            "line {line_no}: not valid JSON ({e}); skipped: stdin"
        ));
        result.skipped = true;
        return result;
    }
    match read::jsonl::read(line, "stdin") {
        Ok(loaded) => {
            result.messages = loaded
                .warnings
                .iter()
                .map(|w| format!("line {line_no}: {}: stdin", w.message))
                .collect();
            result.doc = loaded.documents.into_iter().next();
        }
        Err(e) => result.messages.push(format!("line {line_no}: {e}")),
    }
    match result
        .doc
        .as_mut()
        .map(|doc| suggest_document(doc, engines))
    {
        Some(Ok(_)) => {}
        Some(Err(e)) => {
            result
                .messages
                .push(format!("line {line_no}: suggestions refused ({e}): stdin"));
            result.doc = None;
            result.failed = true;
        }
        None => result.skipped = true,
    }
    result
}

fn source(doc: &Document) -> String {
    doc.source.clone().unwrap_or_else(|| doc.id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_one_line_out_per_good_line_in_order() {
        let input = "{\"text\":\"“Nous reviendrons,” Zoë Müller said.\"}\nnot json\n\n{\"text\":\"北京 talks: Ana Díaz said the port would reopen.\"}\n";
        let owned = suggest::builtin();
        let engines: Vec<&dyn Suggester> = owned.iter().map(Box::as_ref).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = stream(&engines, &mut input.as_bytes(), &mut out, &mut err).unwrap();
        assert_eq!(code, inputs::SKIPPED_INPUT, "a bad line is skipped input");
        let out = String::from_utf8(out).unwrap();
        let texts: Vec<String> = out
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].to_string())
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(
            texts[0].contains("Zoë") && texts[1].contains("北京"),
            "{texts:?}"
        );
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("line 2: not valid JSON"), "{err}");
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        let quotes = first["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 1, "{first}");
        assert_eq!(quotes[0]["speaker"]["text"], "Zoë Müller");
    }
}
