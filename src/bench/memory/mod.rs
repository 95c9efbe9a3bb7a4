//! `byline bench memory`: the peak resident memory of each reader on its
//! worst input shape ([`shapes`]), as a multiple of the input's size (budget:
//! 10×). Each input is read by a fresh `byline` process (this program,
//! `bench memory --peak-of FILE`), so one reader's peak is not hidden under
//! another's: the child reads the file as `byline convert` does and prints
//! its peak, which the row holds against the budget.

mod shapes;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::files::{TempDir, byline_exe};
use super::{BenchError, Budget, Row, peak_mb};
use crate::formats::{ReadOptions, read_path};
pub use shapes::Shape;

/// A reader may hold at most this many times its input at its peak.
pub const TIMES_INPUT: f64 = 10.0;

/// Reads each shape of about `bytes` bytes in a child process and reports
/// its peak memory.
pub fn run(bytes: usize) -> Result<Vec<Row>, BenchError> {
    let dir = TempDir::new()?;
    let byline = byline_exe()?;
    let mut rows = Vec::new();
    for shape in Shape::ALL {
        let folder = dir.path().join(format!("{shape:?}"));
        std::fs::create_dir_all(&folder)?;
        let (path, size) = shape.write(&folder, bytes)?;
        let started = Instant::now();
        let child = Command::new(&byline)
            .args(["bench", "memory", "--peak-of"])
            .arg(&path)
            .output()?;
        let wall = started.elapsed();
        let answer = String::from_utf8_lossy(&child.stdout);
        let peak: f64 = match answer.trim().parse() {
            Ok(peak) if child.status.success() => peak,
            _ => {
                return Err(BenchError::Check(format!(
                    "reading {} gave no peak ({}): {}",
                    shape.name(),
                    child.status,
                    String::from_utf8_lossy(&child.stderr).trim()
                )));
            }
        };
        std::fs::remove_dir_all(&folder)?;
        rows.push(Row {
            name: format!("peak memory reading {}", shape.name()),
            median: wall,
            cpu: None,
            bytes: size,
            detail: format!(
                "{:.1} MB read, peak {peak:.0} MB ({:.1}x)",
                size as f64 / 1e6,
                peak * 1e6 / size as f64
            ),
            budget: Budget::PeakAtMostTimesInput {
                times: TIMES_INPUT,
                peak_mb: peak,
            },
        });
    }
    Ok(rows)
}

/// The child's side: reads `path` as `byline convert` would, keeps what it
/// read alive until the peak is taken, and prints the peak in MB (10^6
/// bytes).
pub fn print_peak_of(path: &Path, out: &mut dyn Write) -> Result<(), BenchError> {
    let loaded = read_path(path, &ReadOptions::default())?;
    if loaded.documents.is_empty() || !loaded.warnings.is_empty() {
        return Err(BenchError::Check(format!(
            "{} read as {} documents with {} warnings",
            path.display(),
            loaded.documents.len(),
            loaded.warnings.len()
        )));
    }
    writeln!(out, "{:.1}", peak_mb() * 1.048_576)?;
    drop(loaded);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_prints_its_peak_after_reading() {
        let dir = TempDir::new().unwrap();
        let (path, _) = Shape::HtmlTable.write(dir.path(), 20_000).unwrap();
        let mut out = Vec::new();
        print_peak_of(&path, &mut out).unwrap();
        let peak: f64 = String::from_utf8(out).unwrap().trim().parse().unwrap();
        assert!(peak > 0.0, "{peak}");
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, " ").unwrap();
        assert!(print_peak_of(&empty, &mut Vec::new()).is_err());
    }

    #[test]
    fn the_annotated_shapes_read_back_with_their_annotations() {
        let dir = TempDir::new().unwrap();
        for shape in [Shape::Brat, Shape::Conll, Shape::Jsonl] {
            let (path, _) = shape.write(dir.path(), 5_000).unwrap();
            let loaded = read_path(&path, &ReadOptions::default()).unwrap();
            assert_eq!(loaded.warnings, vec![], "{shape:?}");
            let spans: usize = loaded.documents.iter().map(|d| d.spans().count()).sum();
            assert!(spans > 40, "{shape:?}: {spans} spans");
        }
    }
}
