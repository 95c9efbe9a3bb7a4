//! `byline bench ui`: the window's frame time from [`super::frames`]
//! (a 100,000-character article with 5,000 spans, headless), held against
//! the 4 ms frame budget.

use std::time::Duration;

use super::frames::{self, Timing};
use super::{Budget, Row};

/// The frame budget of the design.
pub const BUDGET: Duration = Duration::from_millis(4);

/// Renders `frames` frames at rest and `frames` while dragging; one row each
/// with the median frame.
pub fn run(frames: usize) -> Vec<Row> {
    let report = frames::run(frames.max(1));
    let row = |name: &str, timing: &Timing| Row {
        name: format!("ui frame {name}"),
        median: Duration::from_secs_f64(timing.median_ms / 1e3),
        cpu: None,
        bytes: 0,
        detail: format!(
            "median of {frames} frames, p95 {:.2} ms, max {:.2} ms; {} chars, {} spans",
            timing.p95_ms, timing.max_ms, report.chars, report.spans
        ),
        budget: Budget::Within(BUDGET),
    };
    vec![
        row("at rest", &report.at_rest),
        row("dragging", &report.dragging),
    ]
}
