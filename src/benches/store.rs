//! `cargo bench --bench store [-- ARTICLES]`: the project store against its
//! budgets (see `byline::store::bench`), then the window on the same project
//! (see `byline::app::project_bench`), measured in a fresh process so the
//! store benchmark's own allocations do not count. Works in a temporary folder.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// Documents shown one after another in the window.
const STEPS: usize = 300;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let window = args.by_ref().find(|a| a == "--window").and(args.next());
    let result = match window {
        Some(project) => byline::app::project_bench::run(&PathBuf::from(project), STEPS)
            .map(|report| print!("{report}")),
        None => store_then_window(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("store benchmark failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The store benchmark, then this program again on its project as the window.
fn store_then_window() -> anyhow::Result<()> {
    let articles = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    byline::store::bench::run(dir.path(), articles, &mut std::io::stdout())?;
    let project = dir.path().join("bench.byline");
    let status = Command::new(std::env::current_exe()?)
        .arg("--window")
        .arg(&project)
        .status()?;
    anyhow::ensure!(status.success(), "the window benchmark failed: {status}");
    Ok(())
}
