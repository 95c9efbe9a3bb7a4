//! Benchmarks, compiled only with the `bench` cargo feature (the shipped
//! library and binary carry none): the workloads the budgets of the design
//! name (export, reading back, suggestions, the window's frame time, the
//! hostile inputs that must stay linear and bounded) behind
//! `byline bench`, each timed over several runs and reported as a median
//! with its ratio to the budget, and the store and window-memory runs behind
//! `cargo bench --bench store`. Their inputs come from one generator,
//! [`corpus`]. The machine is shared and noisy, so the median and the ratio
//! are the figures to quote, never a single run.

pub mod corpus;
pub mod export;
mod files;
pub mod frames;
pub mod hostile;
pub mod memory;
pub mod store;
pub mod suggest;
mod table;
pub mod ui;
pub mod window;

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
    Export(#[from] crate::formats::ExportError),
    /// A reader failed.
    #[error("reading failed: {0}")]
    Read(#[from] crate::formats::ReadError),
    /// Temporary files could not be written or removed.
    #[error("benchmark files: {0}")]
    Io(#[from] std::io::Error),
    /// The work gave a wrong result, so its time means nothing.
    #[error("benchmark result is wrong: {0}")]
    Check(String),
}

/// Median times of several runs of one workload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timing {
    /// Median wall time.
    pub wall: Duration,
    /// Median CPU time of the whole process (all threads), where the system
    /// tells it: on a busy machine wall time grows, CPU time much less.
    pub cpu: Option<Duration>,
}

/// Runs `work` `runs` times (at least once) and returns the median times
/// with the last run's result, so the work cannot be optimised away.
pub fn median_of<R>(runs: usize, mut work: impl FnMut() -> R) -> (Timing, R) {
    let mut timed = || {
        let (started, cpu) = (Instant::now(), cpu_time());
        let result = work();
        let cpu = cpu
            .zip(cpu_time())
            .map(|(before, after)| after.saturating_sub(before));
        (started.elapsed(), cpu, result)
    };
    let (wall, cpu, mut result) = timed();
    let (mut walls, mut cpus) = (vec![wall], vec![cpu]);
    for _ in 1..runs {
        let (wall, cpu, last) = timed();
        walls.push(wall);
        cpus.push(cpu);
        result = last;
    }
    let timing = Timing {
        wall: median(walls).unwrap_or(wall),
        cpu: cpus
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .and_then(median),
    };
    (timing, result)
}

fn median(mut times: Vec<Duration>) -> Option<Duration> {
    times.sort();
    times.get(times.len() / 2).copied()
}

/// User plus system CPU time of this process and of the children it waited
/// for (a timed `byline suggest`), from `/proc/self/stat` (Linux; in units
/// of USER_HZ, 1/100 s on every common architecture).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which ends at the last ')'.
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    // utime, stime, cutime and cstime are fields 14 to 17 of the line, 12 to
    // 15 after the name.
    Some(Duration::from_millis(
        (ticks(11)? + ticks(12)? + ticks(13)? + ticks(14)?) * 10,
    ))
}

/// Resident memory now in MB, from `/proc/self/status` (0 where there is none).
pub fn resident_mb() -> f64 {
    proc_status_kb("VmRSS:") / 1024.0
}

/// Peak resident memory of the process in MB.
pub fn peak_mb() -> f64 {
    proc_status_kb("VmHWM:") / 1024.0
}

fn proc_status_kb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0.0)
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
        if cfg!(target_os = "linux") {
            assert!(cpu_time().is_some());
        }
        let (_, once) = median_of(0, || 7);
        assert_eq!(once, 7);
    }
}
