//! The command line: `byline [PATHS]` opens the window; subcommands work on files
//! and projects without one. `main` only calls [`run`], which tests call with
//! in-memory buffers.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  byline                                   open the app on the bundled samples
  byline articles/                         open every article under a folder
  byline convert a.jsonl --to doccano -o a.doccano.jsonl
  byline convert polnear/ --to byline -o polnear.jsonl
  cat in.jsonl | byline convert - --to conll
  byline eval --gold polnear-dev/ --pred suggested.jsonl

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
    /// Articles, folders or a project to open in the window.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert annotated files between formats.
    Convert(convert::ConvertArgs),
    /// Score predictions against gold annotations (span, quote, speaker and cue figures).
    Eval(eval::EvalArgs),
}

/// What the binary should do after parsing.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit with this code.
    Exit(u8),
    /// Open the window on these paths.
    OpenApp(Vec<PathBuf>),
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
        None => return Outcome::OpenApp(cli.paths),
        Some(Command::Convert(args)) => convert::run(&args, out, err),
        Some(Command::Eval(args)) => eval::run(&args, out, err),
    };
    match result {
        Ok(code) => Outcome::Exit(code),
        Err(e) => {
            let _ = writeln!(err, "byline: {e:#}");
            Outcome::Exit(1)
        }
    }
}

mod convert;
mod eval;
mod inputs;
