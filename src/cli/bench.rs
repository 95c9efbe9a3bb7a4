//! `byline bench [suggest|export|ui|hostile|memory|all]`: times the workloads the design budgets
//! (see `crate::bench`) and prints one table: the median of several runs and
//! its ratio to the budget.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::bench::{self, Table};
use crate::formats::ExportFormat;

/// Which benchmarks to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Which {
    /// The built-in engine's MB/s on one core; `byline suggest` on 1,000 files.
    Suggest,
    /// Export 10,000 documents in each JSONL/CoNLL format; read them back.
    Export,
    /// Frame time of the window on a long, densely annotated article.
    Ui,
    /// The worst shapes of input: one long paragraph, HTML nested 100,000
    /// deep, an external engine that floods its output.
    Hostile,
    /// Peak memory of each reader on its worst input, as a multiple of the
    /// input (each read by a fresh `byline`).
    Memory,
    /// Everything above.
    All,
}

/// Arguments of `byline bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// What to measure.
    #[arg(value_enum, default_value = "all")]
    which: Which,
    /// Runs of each workload; the median is reported.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    /// Documents exported (the budget is for 10,000).
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// An export format to time, repeatable; byline, prodigy, doccano and
    /// conll when none is given. Byline JSONL is always read back.
    #[arg(long = "format", value_parser = ExportFormat::parse)]
    formats: Vec<ExportFormat>,
    /// Megabytes of article text for the one-core engine throughput.
    #[arg(long, default_value_t = 20)]
    megabytes: usize,
    /// Article files for the end-to-end `byline suggest` run.
    #[arg(long, default_value_t = 1_000)]
    files: usize,
    /// Megabytes of the one long paragraph of `hostile`.
    #[arg(long, default_value_t = 8)]
    paragraph_megabytes: usize,
    /// Frames rendered at rest and while dragging.
    #[arg(long, default_value_t = 200)]
    frames: usize,
    /// Megabytes of each reader's input for `memory`.
    #[arg(long, default_value_t = 20)]
    memory_megabytes: usize,
    /// Read this one file and print the peak memory in MB: what `memory`
    /// runs in each child process.
    #[arg(long, hide = true, value_name = "FILE")]
    peak_of: Option<PathBuf>,
}

/// Runs the chosen benchmarks and prints their table to `out`.
pub fn run(args: &BenchArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    if let Some(path) = &args.peak_of {
        bench::memory::print_peak_of(path, out)?;
        return Ok(0);
    }
    let runs = usize::from(args.runs);
    let mut table = Table {
        note: format!(
            "median of {runs} runs (ui: of {} frames), {} threads, {} build",
            args.frames,
            rayon::current_num_threads(),
            if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            }
        ),
        rows: Vec::new(),
    };
    let all = args.which == Which::All;
    if all || args.which == Which::Suggest {
        let bytes = args.megabytes.saturating_mul(1_000_000);
        table
            .rows
            .extend(bench::suggest::run(bytes, args.files, runs)?);
    }
    if all || args.which == Which::Export {
        table.rows.extend({
            let formats = if args.formats.is_empty() {
                &bench::export::FORMATS[..]
            } else {
                &args.formats
            };
            bench::export::run(args.docs, runs, formats)?
        });
    }
    if all || args.which == Which::Ui {
        table.rows.extend(bench::ui::run(args.frames));
    }
    if all || args.which == Which::Hostile {
        let bytes = args.paragraph_megabytes.saturating_mul(1_000_000);
        table.rows.extend(bench::hostile::run(bytes, runs)?);
    }
    if all || args.which == Which::Memory {
        let bytes = args.memory_megabytes.saturating_mul(1_000_000);
        table.rows.extend(bench::memory::run(bytes)?);
    }
    write!(out, "{table}")?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use crate::tests::support::byline;

    #[test]
    fn bench_export_prints_a_row_per_format_and_the_read_back() {
        let run = byline(["bench", "export", "--docs", "2", "--runs", "1"]);
        assert_eq!(run.code, 0, "{}", run.err);
        for name in ["export byline", "export conll", "read byline JSONL"] {
            assert!(run.out.contains(name), "{}", run.out);
        }
        assert!(run.out.contains("median of 1 runs"), "{}", run.out);
    }

    #[test]
    fn zero_runs_are_refused() {
        assert_eq!(byline(["bench", "export", "--runs", "0"]).code, 2);
    }
}
