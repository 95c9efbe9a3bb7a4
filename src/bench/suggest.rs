//! `byline bench suggest`: the built-in engine's throughput on one core over
//! about 20 MB of the sample articles (budget: 20 MB/s), and `byline suggest`
//! run as a child process on 1,000 article files, end to end on all cores:
//! start, read, suggest, write byline JSONL (issue 3's target: under a second
//! on 2 cores; the design allows 2 s to open 1,000 articles with their
//! suggestions). The child is the running `byline` itself, or the `byline`
//! built beside a test or `cargo bench` program, so this code never calls
//! back into the command line.

use std::fs;
use std::process::Command;
use std::time::Duration;

use super::corpus::{self, samples};
use super::files::{TempDir, byline_exe};
use super::{BenchError, Budget, Row, median_of};
use crate::suggest;

/// The engine's budget, in MB of article text per second on one core.
pub const MB_PER_SEC: f64 = 20.0;
/// Issue 3's target for `byline suggest` on 1,000 articles.
pub const END_TO_END: Duration = Duration::from_secs(1);

/// Times the built-in engines on at least `text_bytes` of article text on
/// this thread, and `byline suggest` on `files` article files; `runs` times each.
pub fn run(text_bytes: usize, files: usize, runs: usize) -> Result<Vec<Row>, BenchError> {
    let docs = samples::article_stream(text_bytes)?;
    let bytes = corpus::text_bytes(&docs);
    let engines = suggest::builtin();
    let (median, spans) = median_of(runs, || {
        let mut spans = 0;
        for doc in &docs {
            for engine in &engines {
                spans += engine.suggest(doc).spans.len();
            }
        }
        spans
    });
    let names: Vec<&str> = engines.iter().map(|e| e.name()).collect();
    let mut rows = vec![Row {
        name: format!("suggest {}, 1 core", names.join("+")),
        median: median.wall,
        cpu: median.cpu,
        bytes,
        detail: format!(
            "{} docs, {:.1} MB of text, {spans} spans suggested",
            docs.len(),
            bytes as f64 / 1e6
        ),
        budget: Budget::AtLeastMbPerSec(MB_PER_SEC),
    }];
    rows.push(end_to_end(files, runs)?);
    Ok(rows)
}

/// `byline suggest DIR -o OUT` on `files` sample articles written to a
/// temporary folder (removed afterwards).
fn end_to_end(files: usize, runs: usize) -> Result<Row, BenchError> {
    let dir = TempDir::new()?;
    let inputs = dir.path().join("articles");
    fs::create_dir_all(&inputs)?;
    let (mut bytes, mut expected) = (0, 0);
    for (name, content, documents) in samples::sample_files(files) {
        fs::write(inputs.join(name), &content)?;
        bytes += content.len();
        expected += documents;
    }
    let output = dir.path().join("suggested.jsonl");
    let byline = byline_exe()?;
    let (median, outcome) = median_of(runs, || {
        Command::new(&byline)
            .arg("suggest")
            .arg(&inputs)
            .arg("-o")
            .arg(&output)
            .output()
    });
    let outcome = outcome?;
    let written = fs::read_to_string(&output).unwrap_or_default();
    let documents = written.lines().count();
    if !outcome.status.success() || documents != expected {
        return Err(BenchError::Check(format!(
            "byline suggest wrote {documents} of {expected} documents ({}): {}",
            outcome.status,
            String::from_utf8_lossy(&outcome.stderr).trim()
        )));
    }
    Ok(Row {
        name: format!("byline suggest {files} files"),
        median: median.wall,
        cpu: median.cpu,
        bytes,
        detail: format!(
            "{documents} docs from {:.1} MB of files -> {:.1} MB of JSONL (design: 2 s to open)",
            bytes as f64 / 1e6,
            written.len() as f64 / 1e6
        ),
        budget: Budget::Within(END_TO_END),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_workloads_run() {
        let rows = run(30_000, 20, 1).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].name.starts_with("suggest rules"), "{rows:?}");
        assert!(rows[0].bytes >= 30_000, "{rows:?}");
        assert!(!rows[0].detail.contains(" 0 spans"), "{rows:?}");
        assert!(
            rows[1].detail.starts_with("24 docs"),
            "two batch.jsonl of 3: {rows:?}"
        );
    }
}
