//! The command line: `byline [PATHS]` opens the window; subcommands work on files
//! and projects without one. `main` only calls [`run`], which tests call with
//! in-memory buffers.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::editor::Launch;

const EXAMPLES: &str = "\
Examples:
  byline                                   open the last project (first run: the samples)
  byline articles/                         add every article under a folder to it
  byline --project wire.byline             open (or create) a project
  byline convert a.jsonl --to doccano -o a.doccano.jsonl
  byline convert polnear/ --to byline -o polnear.jsonl
  cat in.jsonl | byline convert - --to conll
  byline eval --gold polnear-dev/ --pred suggested.jsonl
  byline import --project wire.byline articles/
  byline export --project wire.byline --to prodigy --only done -o train.jsonl
  byline stats --project wire.byline
  byline engine --project wire.byline --cmd \"python3 ner.py\"

Offsets in every file Byline reads or writes are Unicode code points.";

/// Parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "Annotate quotes, speakers and entities in news articles",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Project file to open in the window (created if missing); without it
    /// the last project opens.
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
    /// Articles or folders to add to the project, or a `.byline` project file.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Time the workloads the design budgets (suggestions, export, read back,
    /// UI frames); only in builds with the `bench` feature.
    #[cfg(feature = "bench")]
    Bench(bench::BenchArgs),
    /// Convert annotated files between formats.
    Convert(convert::ConvertArgs),
    /// Pre-annotate articles with the built-in engine (byline JSONL out).
    Suggest(suggest::SuggestArgs),
    /// Set, clear or show the external engine the window runs in a project.
    Engine(engine::EngineArgs),
    /// Score predictions against gold annotations (span, quote, speaker and cue figures).
    Eval(eval::EvalArgs),
    /// Add articles to a project (created if missing); duplicates are reported, not doubled.
    Import(import::ImportArgs),
    /// Write a project's documents (all, or one status) in an export format.
    Export(export::ExportArgs),
    /// Documents by status, spans by label and state, quotes by kind, suggestion acceptance.
    Stats(stats::StatsArgs),
}

/// What the binary should do after parsing.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit with this code.
    Exit(u8),
    /// Open the window on this project and these paths.
    OpenApp(Launch),
}

/// Runs the command line. Output goes to `out`, messages to `err`; every error
/// is printed exactly once here.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = if e.use_stderr() {
                write!(err, "{e}")
            } else {
                write!(out, "{e}")
            };
            return Outcome::Exit(code);
        }
    };
    let result = match cli.command {
        None => {
            return Outcome::OpenApp(Launch {
                project: cli.project,
                paths: cli.paths,
            });
        }
        #[cfg(feature = "bench")]
        Some(Command::Bench(args)) => bench::run(&args, out, err),
        Some(Command::Convert(args)) => convert::run(&args, out, err),
        Some(Command::Eval(args)) => eval::run(&args, out, err),
        Some(Command::Suggest(args)) => suggest::run(&args, out, err),
        Some(Command::Engine(args)) => engine::run(&args, out, err),
        Some(Command::Import(args)) => import::run(&args, out, err),
        Some(Command::Export(args)) => export::run(&args, out, err),
        Some(Command::Stats(args)) => stats::run(&args, out, err),
    };
    match result {
        Ok(code) => Outcome::Exit(code),
        Err(e) => {
            let _ = writeln!(err, "byline: {}", describe(&e));
            Outcome::Exit(1)
        }
    }
}

/// An error and its causes on one line, leaving out a cause whose text the
/// message before it already gives (our error enums print their source).
fn describe(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

#[cfg(feature = "bench")]
mod bench;
mod convert;
mod engine;
mod eval;
mod export;
mod import;
mod inputs;
mod learned;
mod project_engines;
mod reviewed;
mod stats;
mod suggest;

#[cfg(test)]
mod tests {
    use super::*;

    fn open(args: &[&str]) -> Outcome {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(
            std::iter::once("byline").chain(args.iter().copied()),
            &mut out,
            &mut err,
        )
    }

    #[test]
    fn the_window_gets_the_project_and_the_files_to_add() {
        assert_eq!(
            open(&["--project", "wire.byline", "a.txt", "posts/"]),
            Outcome::OpenApp(Launch {
                project: Some("wire.byline".into()),
                paths: vec!["a.txt".into(), "posts/".into()],
            })
        );
        assert_eq!(open(&[]), Outcome::OpenApp(Launch::default()));
    }
}
