//! `byline convert`: read annotated files in any format, write them in another.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::inputs;
use crate::formats::exporter::{self, Destination, ExportFormat};
use crate::formats::{ExportOptions, ReadOptions};

const EXAMPLES: &str = "\
Examples:
  byline convert story.txt                       one article as byline JSONL on stdout
  byline convert corpus/ --to doccano -o corpus.doccano.jsonl
  byline convert gold.jsonl --to brat -o brat/   a folder of .txt + .ann, annotation.conf
  byline convert gold.jsonl --to hf -o hf/       a dataset folder: train.jsonl + README.md
  byline convert suggested.jsonl --to labelstudio --with-suggestions -o ls/
  cat tasks.jsonl | byline convert - --to conll

Only reviewed annotations (accepted or made by hand) are written as
annotations; --with-suggestions adds the pending ones where the format can
mark them (byline, prodigy, labelstudio).

Inputs are read by extension: .txt, .md, .html/.htm, .jsonl, .json, .ann (brat,
with its .txt), .conll, .conllu. Folders are read recursively; files of other
formats in them are passed over, with one line counting them and naming the
first few.

Exit codes: 0 all read and written; 1 an input could not be read (the others
are still converted) or the output could not be written; 2 bad command line;
3 malformed lines or records were skipped (each named above), the rest written.";

/// Arguments of `byline convert`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct ConvertArgs {
    /// Files or folders to read (`-` for stdin).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format: byline, prodigy, doccano, doccano-rel, conll,
    /// conll-doccano, hf, brat, labelstudio.
    #[arg(long, value_parser = ExportFormat::parse, default_value = "byline")]
    to: ExportFormat,
    /// Also write the suggestions nobody reviewed, marked as such where the
    /// format can (byline: every state; prodigy: a `suggestions` key;
    /// labelstudio: predictions); the other formats count them as left out.
    #[arg(long)]
    with_suggestions: bool,
    /// Output file (a folder for hf, brat, labelstudio); stdout when absent.
    /// It replaces an earlier one only once complete.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the file.
    #[arg(long)]
    lossy: bool,
}

/// Runs the conversion; the exit code says what was left out (see
/// [`inputs::exit_code`]).
pub fn run(args: &ConvertArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let options = ReadOptions { lossy: args.lossy };
    let inputs = inputs::load(&args.inputs, &options, err);
    let dest = match &args.output {
        Some(path) => Destination::Path(path),
        None => Destination::Stream(out),
    };
    let options = ExportOptions {
        with_suggestions: args.with_suggestions,
    };
    let report = exporter::write_with(args.to, &inputs.documents, dest, options)
        .with_context(|| format!("cannot write {} output", args.to))?;
    writeln!(err, "byline: {report}")?;
    Ok(inputs::exit_code(inputs.failed, inputs.skipped, err))
}
