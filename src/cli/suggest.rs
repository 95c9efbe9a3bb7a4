//! `byline suggest`: pre-annotate articles in batch with the built-in engine
//! (and an external one given by `--engine-cmd`, and a project's memory and
//! learned model with `--project`) and write byline JSONL with every
//! suggestion pending (every state kept, as `--with-suggestions` writes it).
//! A document read as done (a gold file) keeps its annotations and gets no
//! suggestions. With `-` it is a pure stdin → stdout filter (one
//! JSONL document in, one out, in order), so it runs under GNU parallel or a
//! cluster engine's pipe.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use rayon::prelude::*;

use super::{inputs, project_engines};
use crate::formats::byline::{self, Flavor};
use crate::formats::{ExportOptions, ReadOptions};
use crate::model::{DocStatus, Document};
use crate::store::Project;
use crate::suggest;
use crate::suggest::ClassSet;
use crate::suggest::engines::Engines;
use crate::suggest::external::{EngineCommand, ExternalEngine};
use crate::suggest::rules::{Interrupted, RulesConfig};

/// Lines processed together in streaming mode: enough to keep every core busy,
/// few enough that output follows input closely.
const STREAM_BATCH: usize = 256;
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
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the file.
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
    /// Attribution classes the built-in engine suggests, comma-separated:
    /// speech, writing, belief, stance, evidence, or all. Default: the
    /// project's with `--project`, else speech,writing.
    #[arg(long, value_name = "LIST", value_parser = ClassSet::parse)]
    quote_classes: Option<ClassSet>,
    /// An interrupted quote (`“A,” she said. “B.”`) as one record with several
    /// content parts, or one record per part linked by a group.
    #[arg(long, value_name = "HOW", default_value = "one-record",
          value_parser = |s: &str| Interrupted::parse(s).ok_or("one-record or per-segment"))]
    interrupted: Interrupted,
    /// Suggest with this project's engines too: its memory, and its learned
    /// model in the rules' place once trusted. The project is only read.
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
}

/// Runs the suggester; the exit code says what was left out (see
/// [`inputs::exit_code`]).
pub fn run(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let builtin = if args.no_builtin {
        Vec::new()
    } else {
        suggest::builtin_with(RulesConfig {
            classes: quote_classes(args)?,
            interrupted: args.interrupted,
        })
    };
    let external = match &args.engine_cmd {
        Some(line) => Some(
            ExternalEngine::new(EngineCommand::parse(line)?)
                .with_timeout(Duration::from_secs(args.engine_timeout)),
        ),
        None => None,
    };
    let mut engines = Engines::new(builtin).with_external(external);
    if let Some(project) = &args.project {
        engines = project_engines::with_project(&engines, project, err)?;
    }
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

/// The classes asked for, else those of the project given, else the default.
fn quote_classes(args: &SuggestArgs) -> anyhow::Result<ClassSet> {
    Ok(match (args.quote_classes, &args.project) {
        (Some(classes), _) => classes,
        (None, Some(path)) => Project::open_to_read(path)
            .and_then(|project| project.quote_classes())
            .with_context(|| format!("cannot read the quote classes of {}", path.display()))?,
        (None, None) => ClassSet::default(),
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

/// Streams JSONL documents from `input` to `out`, one line out per good line in,
/// in order; a bad line is reported with its number and skipped, and the
/// exit code says so (see [`inputs::exit_code`]). The external engine, if
/// any, runs once per batch of lines.
pub fn stream(
    engines: &Engines,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let mut line_no = 0;
    let (mut failed, mut skipped, mut engine_warnings) = (0, 0, 0);
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
        let mut results: Vec<LineResult> = batch
            .par_iter()
            .map(|(n, line)| suggest_line(engines, *n, line))
            .collect();
        for result in &results {
            for message in &result.messages {
                writeln!(err, "byline: {message}")?;
            }
            failed += usize::from(result.failed);
            skipped += usize::from(result.skipped);
        }
        let mut docs: Vec<&mut Document> = (results.iter_mut())
            .filter_map(|r| r.doc.as_mut())
            .filter(|d| d.status() != DocStatus::Done)
            .collect();
        engine_warnings += report(engines.suggest_external(&mut docs), err)?;
        let lossless = ExportOptions::WITH_SUGGESTIONS;
        for doc in results.iter().filter_map(|r| r.doc.as_ref()) {
            byline::write(
                std::slice::from_ref(doc),
                &mut *out,
                Flavor::Byline,
                lossless,
            )?;
        }
        out.flush()?;
    }
    Ok(with_engine_warnings(
        inputs::exit_code(failed, skipped, err),
        engine_warnings,
        err,
    ))
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

fn suggest_line(engines: &Engines, line_no: usize, line: &str) -> LineResult {
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
    match byline::read(line, "stdin") {
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
    let outcome = match result.doc.as_mut() {
        Some(doc) if doc.status() == DocStatus::Done => Ok(()),
        Some(doc) => engines.suggest(doc).map(|_| ()),
        None => {
            result.skipped = true;
            Ok(())
        }
    };
    if let Err(e) = outcome {
        result
            .messages
            .push(format!("line {line_no}: suggestions refused ({e}): stdin"));
        result.doc = None;
        result.failed = true;
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
        let engines = Engines::new(suggest::builtin());
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

    #[test]
    fn quote_classes_choose_what_is_suggested_and_each_quote_says_its_class() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("vote.txt");
        let text = "Ortiz believes the vote will be close. “We will win,” Ana Díaz said.\n";
        std::fs::write(&article, text).unwrap();
        let classes = |extra: &[&str]| {
            let mut args = vec!["suggest", article.to_str().unwrap()];
            args.extend(extra);
            let run = crate::tests::support::byline(args);
            assert_eq!(run.code, 0, "{}", run.err);
            let line: serde_json::Value = serde_json::from_str(run.out.trim()).unwrap();
            let quotes = line["quotes"].as_array().unwrap().clone();
            quotes
                .iter()
                .map(|q| q["class"].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(classes(&[]), [r#""speech""#]);
        assert_eq!(
            classes(&["--quote-classes", "speech,belief"]),
            [r#""belief""#, r#""speech""#]
        );
        assert_eq!(classes(&["--quote-classes", "belief"]), [r#""belief""#]);
        let project = dir.path().join("p.byline");
        let mut created = crate::store::Project::create(&project).unwrap();
        created
            .set_quote_classes(ClassSet::parse("belief").unwrap())
            .unwrap();
        drop(created);
        let project = project.to_str().unwrap();
        assert_eq!(
            classes(&["--project", project]),
            [r#""belief""#],
            "the project's classes"
        );
        assert_eq!(
            classes(&["--project", project, "--quote-classes", "speech"]),
            [r#""speech""#],
            "the flag wins"
        );
        let bad = crate::tests::support::byline(["suggest", "x.txt", "--quote-classes", "gossip"]);
        assert_eq!(bad.code, 2, "{}", bad.err);
    }

    #[test]
    fn a_done_line_gets_no_suggestions() {
        let input =
            "{\"text\":\"“Nous reviendrons,” Zoë Müller said.\",\"meta\":{\"status\":\"done\"}}\n";
        let engines = Engines::new(suggest::builtin());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = stream(&engines, &mut input.as_bytes(), &mut out, &mut err).unwrap();
        assert_eq!(code, 0);
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(line["spans"], serde_json::json!([]));
        assert_eq!(line["meta"]["status"], "done");
    }
}
