//! `byline suggest`: pre-annotate articles in batch with the built-in engine
//! (and an external one given by `--engine-cmd`, and a project's memory and
//! learned model with `--project`) and write byline JSONL with every
//! suggestion pending (every state kept, as `--with-suggestions` writes it).
//! A document read as done (a gold file) keeps its annotations and gets no
//! suggestions. With `-` it is a pure stdin → stdout filter (one line out
//! per JSONL line in, in order; see [`stream`]), so it runs under GNU
//! parallel or a cluster engine's pipe.

mod stream;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use super::{inputs, project_engines};
use crate::formats::byline::{self, Flavor};
use crate::formats::{ExportOptions, MAX_FILE_BYTES, ReadOptions};
use crate::model::{DocStatus, Document};
use crate::store::Project;
use crate::suggest;
use crate::suggest::ClassSet;
use crate::suggest::engines::Engines;
use crate::suggest::external::{EngineCommand, ExternalEngine};
use crate::suggest::rules::{Interrupted, RulesConfig};
pub(crate) use stream::{StreamOptions, stream};

/// Documents handed to one run of the external engine when reading files: its
/// model loads once per batch, and `--engine-timeout` is per batch.
const EXTERNAL_BATCH: usize = 256;

/// Exit code of a run that wrote everything but where the external engine
/// failed or answered badly for some documents (each named on stderr). Codes
/// 1 and [`inputs::SKIPPED_INPUT`] win over it.
pub const ENGINE_WARNINGS: u8 = 4;

/// A document of the input, with its place in it.
type Placed = (usize, Document);

/// Arguments of `byline suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Articles or folders to annotate; `-` reads JSONL documents from stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (byline JSONL); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing
    /// the file (with `-`, the line).
    #[arg(long)]
    lossy: bool,
    /// Also run this command as the `external` engine: JSONL documents on its
    /// stdin, one JSONL suggestion line per document on its stdout (README,
    /// "External engines"). Split into words like a shell line, run without a
    /// shell; write `sh -c '…'` for pipes.
    #[arg(long, value_name = "CMD")]
    engine_cmd: Option<String>,
    /// Seconds the external engine may take per batch of 256 documents
    /// before it is stopped (its batch then gets no external suggestions).
    #[arg(long, value_name = "SECS", default_value_t = 60, requires = "engine_cmd",
          value_parser = clap::value_parser!(u64).range(1..))]
    engine_timeout: u64,
    /// Run only the external engine, not the built-in one.
    #[arg(long, requires = "engine_cmd")]
    no_builtin: bool,
    /// Attribution classes suggested (by the built-in engine and the
    /// external one), comma-separated:
    /// speech, writing, belief, stance, evidence, or all. Default: the
    /// project's with `--project`, else speech,writing.
    #[arg(long, value_name = "LIST", value_parser = ClassSet::parse)]
    quote_classes: Option<ClassSet>,
    /// An interrupted quote (`“A,” she said. “B.”`) as one record with several
    /// content parts, or one record per part linked by a group. Default: the
    /// project's with `--project`, else one-record.
    #[arg(long, value_name = "HOW",
          value_parser = |s: &str| Interrupted::parse(s).ok_or("one-record or per-segment"))]
    interrupted: Option<Interrupted>,
    /// Suggest with this project's engines too: its memory, and its learned
    /// model in the rules' place once trusted. The project is only read.
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
}

/// Runs the suggester; the exit code says what was left out (see
/// [`inputs::exit_code`]).
pub fn run(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let config = rules_config(args)?;
    let builtin = if args.no_builtin {
        Vec::new()
    } else {
        suggest::builtin_with(config)
    };
    let external = match &args.engine_cmd {
        Some(line) => Some(
            ExternalEngine::new(EngineCommand::parse(line)?)
                .with_timeout(Duration::from_secs(args.engine_timeout)),
        ),
        None => None,
    };
    let mut engines = Engines::new(builtin)
        .with_external(external)
        .with_classes(config.classes);
    if let Some(project) = &args.project {
        engines = project_engines::with_project(&engines, project, err)?;
    }
    let options = ReadOptions { lossy: args.lossy };
    if args.inputs.len() == 1 && args.inputs[0].as_os_str() == "-" && args.output.is_none() {
        let options = StreamOptions {
            read: options,
            max_line_bytes: MAX_FILE_BYTES,
        };
        return stream(&engines, &mut std::io::stdin().lock(), out, err, &options);
    }
    let mut loaded = inputs::load(&args.inputs, &options, err);
    let total = loaded.documents.len();
    let show_progress = total > 1 && std::io::stderr().is_terminal();
    let progress = |done: usize| {
        if show_progress && (done.is_multiple_of(64) || done == total) {
            eprint!("\rsuggesting: {done}/{total} documents");
        }
    };
    // Done documents (gold) are set aside whole: no engine sees them.
    let (open, done): (Vec<Placed>, Vec<Placed>) = loaded
        .documents
        .drain(..)
        .enumerate()
        .partition(|(_, d)| d.status() != DocStatus::Done);
    let mut docs: Vec<Document> = open.into_iter().map(|(_, d)| d).collect();
    let results = engines.suggest_all(&mut docs, &progress);
    if show_progress {
        eprintln!();
    }
    let mut engine_warnings = 0;
    for batch in docs.chunks_mut(EXTERNAL_BATCH) {
        let mut batch: Vec<&mut Document> = batch.iter_mut().collect();
        engine_warnings += report(engines.suggest_external(&mut batch), err)?;
    }
    let mut failed = loaded.failed;
    for (doc, result) in docs.iter().zip(&results) {
        if let Err(e) = result {
            failed += 1;
            writeln!(err, "byline: suggestions refused ({e}): {}", source(doc))?;
        }
    }
    // Back in input order: each done document at its place.
    for (at, doc) in done {
        docs.insert(at.min(docs.len()), doc);
    }
    loaded.documents = docs;
    let lossless = ExportOptions::WITH_SUGGESTIONS;
    let report = match &args.output {
        Some(path) => crate::formats::exporter::write_with(
            crate::formats::ExportFormat::Byline,
            &loaded.documents,
            crate::formats::Destination::Path(path),
            lossless,
        ),
        None => byline::write(&loaded.documents, &mut *out, Flavor::Byline, lossless),
    }
    .context("cannot write the suggestions")?;
    writeln!(err, "byline: {report}")?;
    Ok(with_engine_warnings(
        inputs::exit_code(failed, loaded.skipped, err),
        engine_warnings,
        err,
    ))
}

/// The quote classes and the way of writing interrupted quotes asked for,
/// else those of the project given, else the defaults.
fn rules_config(args: &SuggestArgs) -> anyhow::Result<RulesConfig> {
    let project = match (&args.project, args.quote_classes, args.interrupted) {
        (Some(path), None, _) | (Some(path), _, None) => Some(
            Project::open_to_read(path)
                .with_context(|| format!("cannot read the settings of {}", path.display()))?,
        ),
        _ => None,
    };
    let read = |what: &str, e| anyhow::Error::new(e).context(format!("cannot read {what}"));
    let classes = match (args.quote_classes, &project) {
        (Some(classes), _) => classes,
        (None, Some(p)) => p
            .quote_classes()
            .map_err(|e| read("the quote classes", e))?,
        (None, None) => ClassSet::default(),
    };
    let interrupted = match (args.interrupted, &project) {
        (Some(how), _) => how,
        (None, Some(p)) => {
            (p.interrupted_quotes()).map_err(|e| read("how interrupted quotes are written", e))?
        }
        (None, None) => Interrupted::default(),
    };
    Ok(RulesConfig {
        classes,
        interrupted,
    })
}

/// Prints the external engine's warnings; returns how many there were.
fn report(warnings: Vec<String>, err: &mut dyn Write) -> std::io::Result<usize> {
    for w in &warnings {
        writeln!(err, "byline: {w}")?;
    }
    Ok(warnings.len())
}

/// `code`, or [`ENGINE_WARNINGS`] when that is 0 and the external engine
/// warned, with one closing line saying so.
fn with_engine_warnings(code: u8, warnings: usize, err: &mut dyn Write) -> u8 {
    if warnings == 0 {
        return code;
    }
    let _ = writeln!(err, "byline: {warnings} external engine warning(s)");
    if code == 0 { ENGINE_WARNINGS } else { code }
}

fn source(doc: &Document) -> String {
    doc.source.clone().unwrap_or_else(|| doc.id.to_string())
}

#[cfg(test)]
mod tests;
