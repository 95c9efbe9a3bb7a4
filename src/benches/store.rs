//! `cargo bench --bench store [-- ARTICLES]`: the project store against its
//! budgets (see `byline::store::bench`). Works in a temporary folder.

use std::process::ExitCode;

fn main() -> ExitCode {
    let articles = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let result = tempfile::tempdir()
        .map_err(anyhow::Error::from)
        .and_then(|dir| byline::store::bench::run(dir.path(), articles, &mut std::io::stdout()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("store benchmark failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}
