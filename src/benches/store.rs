//! `cargo bench --features bench --bench store [-- ARTICLES]`: the project
//! store against its budgets (see `byline::bench::store`), then the window on
//! the same project (see `byline::bench::window`), then `byline export
//! --project` of it, each measured in a fresh process so the store
//! benchmark's own allocations do not count. Works in a temporary folder.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// Documents shown one after another in the window.
const STEPS: usize = 300;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mode = args.by_ref().find(|a| a == "--window" || a == "--export");
    let result = match (mode.as_deref(), args.next()) {
        (Some("--window"), Some(project)) => {
            byline::bench::window::run(&PathBuf::from(project), STEPS)
                .map(|report| print!("{report}"))
        }
        (Some("--export"), Some(project)) => export(&PathBuf::from(project)),
        _ => store_then_window(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("store benchmark failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The store benchmark, then this program again on its project as the
/// window, then as `byline export`.
fn store_then_window() -> anyhow::Result<()> {
    let articles = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    byline::bench::store::run(dir.path(), articles, &mut std::io::stdout())?;
    let project = dir.path().join("bench.byline");
    let status = Command::new(std::env::current_exe()?)
        .arg("--window")
        .arg(&project)
        .status()?;
    anyhow::ensure!(status.success(), "the window benchmark failed: {status}");
    let status = Command::new(std::env::current_exe()?)
        .arg("--export")
        .arg(&project)
        .status()?;
    anyhow::ensure!(status.success(), "the export benchmark failed: {status}");
    Ok(())
}

/// `byline export --project P -o P.jsonl`, in process: its time and the
/// peak resident memory of this process, which did nothing else.
fn export(project: &Path) -> anyhow::Result<()> {
    let output = project.with_extension("jsonl");
    let args = ["byline", "export", "--project"].map(OsString::from);
    let args = args.into_iter().chain([
        project.as_os_str().to_owned(),
        OsString::from("-o"),
        output.as_os_str().to_owned(),
    ]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let started = Instant::now();
    let outcome = byline::cli::run(args, &mut out, &mut err);
    let took = started.elapsed();
    anyhow::ensure!(
        matches!(outcome, byline::cli::Outcome::Exit(0)),
        "byline export failed: {}",
        String::from_utf8_lossy(&err)
    );
    println!(
        "export      {:>8.2} s  byline JSONL of every document, {:.1} MB written; peak resident \
         {:.1} MB (budget 200 MB)",
        took.as_secs_f64(),
        std::fs::metadata(&output)?.len() as f64 / 1e6,
        byline::bench::peak_mb()
    );
    Ok(())
}
