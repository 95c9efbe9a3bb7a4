//! `byline bench export`: write [`gold::annotated`] documents in each
//! single-file export format into memory, and read the byline JSONL back.
//! Budget: 10,000 documents exported in under a second.

use std::io::{self, Write};
use std::time::Duration;

use super::corpus::{self, gold};
use super::{BenchError, Budget, Row, median_of};
use crate::formats::ExportOptions;
use crate::formats::byline;
use crate::formats::exporter::{self, Destination, ExportFormat};

/// The export budget of the design.
pub const BUDGET: Duration = Duration::from_secs(1);

/// Formats timed by default, byline first (the default export the budget is about).
pub const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Byline,
    ExportFormat::Prodigy,
    ExportFormat::Doccano,
    ExportFormat::Conll,
];

/// Times exporting `count` documents in each of `formats` to a sink, and
/// reading byline JSONL back, `runs` times each. Formats that need a folder
/// (brat, Hugging Face) are refused by the writer.
pub fn run(count: usize, runs: usize, formats: &[ExportFormat]) -> Result<Vec<Row>, BenchError> {
    let docs = gold::annotated(count)?;
    let text_bytes = corpus::text_bytes(&docs);
    let spans: usize = docs.iter().map(|d| d.span_count()).sum();
    let mut rows = Vec::new();
    // Every format writes gold only by default; byline JSONL is also timed
    // lossless, the whole corpus with its suggestions.
    let lossless = (formats.contains(&ExportFormat::Byline))
        .then_some((ExportFormat::Byline, ExportOptions::WITH_SUGGESTIONS));
    let runs_of = formats
        .iter()
        .map(|&f| (f, ExportOptions::GOLD))
        .chain(lossless);
    for (format, options) in runs_of {
        let (median, written) = median_of(runs, || {
            let mut sink = Counter(0);
            exporter::write_with(format, &docs, Destination::Stream(&mut sink), options)
                .map(|r| (r, sink.0))
        });
        let (report, bytes) = written?;
        let with = if options.with_suggestions {
            " --with-suggestions"
        } else {
            ""
        };
        rows.push(Row {
            name: format!("export {format}{with}"),
            median: median.wall,
            cpu: median.cpu,
            bytes: text_bytes,
            detail: format!(
                "{} docs, {spans} spans, {:.1} MB of text -> {:.1} MB",
                report.documents,
                text_bytes as f64 / 1e6,
                bytes as f64 / 1e6
            ),
            budget: Budget::Within(BUDGET),
        });
    }
    let mut out = Vec::new();
    let dest = Destination::Stream(&mut out);
    exporter::write_with(
        ExportFormat::Byline,
        &docs,
        dest,
        ExportOptions::WITH_SUGGESTIONS,
    )?;
    let jsonl = String::from_utf8(out).map_err(|e| BenchError::Check(e.to_string()))?;
    let (median, loaded) = median_of(runs, || byline::read(&jsonl, "bench.jsonl"));
    let loaded = loaded?;
    if loaded.documents.len() != docs.len() || !loaded.warnings.is_empty() {
        return Err(BenchError::Check(format!(
            "reading back gave {} of {} documents and {} warnings",
            loaded.documents.len(),
            docs.len(),
            loaded.warnings.len()
        )));
    }
    rows.push(Row {
        name: "read byline JSONL".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes: text_bytes,
        detail: format!(
            "{} docs from {:.1} MB of JSONL (export's budget)",
            loaded.documents.len(),
            jsonl.len() as f64 / 1e6
        ),
        budget: Budget::Within(BUDGET),
    });
    Ok(rows)
}

/// A writer that only counts bytes: the export's own cost, without the disk's.
/// A sink that counts the bytes written to it, so writers are timed
/// without a disk.
pub(super) struct Counter(pub(super) usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_timed_and_read_back() {
        let rows = run(3, 1, &FORMATS).unwrap();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "export byline",
                "export prodigy",
                "export doccano",
                "export conll",
                "export byline --with-suggestions",
                "read byline JSONL"
            ]
        );
        assert!(
            rows.iter().all(|r| r.detail.starts_with("3 docs")),
            "{rows:?}"
        );
    }
}
