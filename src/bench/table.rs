//! The table `byline bench` prints: one row per measurement with its median,
//! what was processed, the budget and the ratio to it (≥ 1.00 meets it).

use std::fmt;
use std::time::Duration;

/// What a measurement must achieve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// Finish within this time.
    Within(Duration),
    /// Process at least this many megabytes (10^6 bytes) per second.
    AtLeastMbPerSec(f64),
    /// Hold at most `times` the input's size in memory at the peak;
    /// `peak_mb` is the peak measured (MB, 10^6 bytes), the row's figure in
    /// place of its time.
    PeakAtMostTimesInput {
        /// The budget, as a multiple of the input's bytes.
        times: f64,
        /// The peak resident memory measured.
        peak_mb: f64,
    },
    /// No budget: reported for information.
    None,
}

/// One measured workload.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What was measured ("export byline JSONL").
    pub name: String,
    /// Median wall time of the runs.
    pub median: Duration,
    /// Median CPU time of the runs (all threads), when known.
    pub cpu: Option<Duration>,
    /// Bytes of input (article text) the workload processed, for MB/s.
    pub bytes: usize,
    /// What was processed, in words ("10,000 documents, 410,000 spans").
    pub detail: String,
    /// The budget the median is held against.
    pub budget: Budget,
}

impl Row {
    /// Megabytes processed per second at the median.
    pub fn mb_per_sec(&self) -> f64 {
        let secs = self.median.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            f64::INFINITY
        }
    }

    /// How many times over the budget is met: budget time / median,
    /// measured rate / budget rate, or memory allowed / peak. `None` without
    /// a budget.
    pub fn ratio(&self) -> Option<f64> {
        match self.budget {
            Budget::Within(limit) => {
                let secs = self.median.as_secs_f64();
                Some(if secs > 0.0 {
                    limit.as_secs_f64() / secs
                } else {
                    f64::INFINITY
                })
            }
            Budget::AtLeastMbPerSec(rate) => Some(self.mb_per_sec() / rate),
            Budget::PeakAtMostTimesInput { times, peak_mb } => {
                let allowed = times * self.bytes as f64 / 1e6;
                Some(if peak_mb > 0.0 {
                    allowed / peak_mb
                } else {
                    f64::INFINITY
                })
            }
            Budget::None => None,
        }
    }
}

/// Rows printed together, with a note on how they were measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// How the figures were taken ("median of 5 runs, 2 threads").
    pub note: String,
    /// The measurements, in the order they ran.
    pub rows: Vec<Row>,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name_width = self.rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
        writeln!(
            f,
            "{:<name_width$}  {:>10}  {:>10}  {:>10}  {:>10}  {:>6}  detail",
            "benchmark", "median", "cpu", "MB/s", "budget", "ratio"
        )?;
        for row in &self.rows {
            let budget = match row.budget {
                Budget::Within(limit) => format!("< {}", seconds(limit)),
                Budget::AtLeastMbPerSec(rate) => format!(">= {rate} MB/s"),
                Budget::PeakAtMostTimesInput { times, .. } => format!("<= {times}x in"),
                Budget::None => "-".to_owned(),
            };
            let ratio = row.ratio().map_or("-".to_owned(), |r| format!("{r:.2}"));
            writeln!(
                f,
                "{:<name_width$}  {:>10}  {:>10}  {:>10.1}  {:>10}  {:>6}  {}",
                row.name,
                seconds(row.median),
                row.cpu.map_or("-".to_owned(), seconds),
                row.mb_per_sec(),
                budget,
                ratio,
                row.detail
            )?;
        }
        writeln!(
            f,
            "ratio (of the wall-time median, or of the peak memory) >= 1.00 meets the budget; cpu: CPU time of all threads; {}",
            self.note
        )
    }
}

/// A duration in the unit that reads best: ms below a second, else s.
fn seconds(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{secs:.3} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(median_ms: u64, bytes: usize, budget: Budget) -> Row {
        Row {
            name: "work".into(),
            median: Duration::from_millis(median_ms),
            cpu: None,
            bytes,
            detail: "d".into(),
            budget,
        }
    }

    #[test]
    fn ratios_are_above_one_when_the_budget_is_met() {
        let fast = row(500, 0, Budget::Within(Duration::from_secs(1)));
        assert_eq!(fast.ratio(), Some(2.0));
        let slow = row(2_000, 0, Budget::Within(Duration::from_secs(1)));
        assert_eq!(slow.ratio(), Some(0.5));
        let rate = row(1_000, 40_000_000, Budget::AtLeastMbPerSec(20.0));
        assert_eq!((rate.mb_per_sec(), rate.ratio()), (40.0, Some(2.0)));
        assert_eq!(row(1, 0, Budget::None).ratio(), None);
        let memory = |peak_mb| Budget::PeakAtMostTimesInput {
            times: 10.0,
            peak_mb,
        };
        assert_eq!(row(1, 20_000_000, memory(100.0)).ratio(), Some(2.0));
        assert_eq!(row(1, 20_000_000, memory(400.0)).ratio(), Some(0.5));
    }

    #[test]
    fn table_lists_each_row_with_its_budget() {
        let table = Table {
            note: "median of 3 runs".into(),
            rows: vec![row(250, 1_000_000, Budget::Within(Duration::from_secs(1)))],
        };
        let shown = table.to_string();
        assert!(shown.contains("250.00 ms"), "{shown}");
        assert!(shown.contains("< 1.000 s"), "{shown}");
        assert!(shown.contains("4.00"), "{shown}");
        assert!(shown.ends_with("median of 3 runs\n"), "{shown}");
    }
}
