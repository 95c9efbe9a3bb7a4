//! Benchmarks behind `byline bench`: the workloads the budgets of the design
//! name (export, reading back, suggestions, the window's frame time), each
//! timed over several runs, reported as a median with its ratio to the budget.
//! The machine is shared and noisy, so the median and the ratio are the
//! figures to quote, never a single run.

pub mod corpus;
pub mod export;
mod table;
pub mod ui;

use std::time::{Duration, Instant};

pub use table::{Budget, Row, Table};

/// Why a benchmark could not run to the end.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The corpus could not be built.
    #[error(transparent)]
    Corpus(#[from] corpus::CorpusError),
    /// A writer failed.
    #[error("export failed: {0}")]
    Export(#[from] crate::export::ExportError),
    /// A reader failed.
    #[error("reading failed: {0}")]
    Read(#[from] crate::read::ReadError),
    /// Temporary files could not be written or removed.
    #[error("benchmark files: {0}")]
    Io(#[from] std::io::Error),
    /// The work gave a wrong result, so its time means nothing.
    #[error("benchmark result is wrong: {0}")]
    Check(String),
}

/// Runs `work` `runs` times (at least once) and returns the median wall time
/// with the last run's result, so the work cannot be optimised away.
pub fn median_of<R>(runs: usize, mut work: impl FnMut() -> R) -> (Duration, R) {
    let mut timed = || {
        let started = Instant::now();
        let result = work();
        (started.elapsed(), result)
    };
    let (first, mut result) = timed();
    let mut times = vec![first];
    for _ in 1..runs {
        let (time, last) = timed();
        times.push(time);
        result = last;
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or(first);
    (median, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_runs_the_work_as_often_as_asked() {
        let mut calls = 0;
        let (_, last) = median_of(5, || {
            calls += 1;
            calls
        });
        assert_eq!((calls, last), (5, 5));
        let (_, once) = median_of(0, || 7);
        assert_eq!(once, 7);
    }
}
