//! `byline bench export`: write [`corpus::annotated`] documents in each
//! single-file export format into memory, and read the byline JSONL back.
//! Budget: 10,000 documents exported in under a second.

use std::time::Duration;

use super::{BenchError, Budget, Row, corpus, median_of};
use crate::export::format::{self, Destination, ExportFormat};
use crate::read::jsonl;

/// The export budget of the design.
pub const BUDGET: Duration = Duration::from_secs(1);

/// Formats timed, byline first (the default export the budget is about).
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Byline,
    ExportFormat::Prodigy,
    ExportFormat::Doccano,
    ExportFormat::Conll,
];

/// Times exporting `count` documents in each format, and reading the byline
/// JSONL back, `runs` times each.
pub fn run(count: usize, runs: usize) -> Result<Vec<Row>, BenchError> {
    let docs = corpus::annotated(count)?;
    let text_bytes = corpus::text_bytes(&docs);
    let spans: usize = docs.iter().map(|d| d.span_count()).sum();
    let mut rows = Vec::new();
    let mut byline_jsonl = Vec::new();
    for format in FORMATS {
        let mut out = Vec::new();
        let (median, report) = median_of(runs, || {
            out.clear();
            format::write(format, &docs, Destination::Stream(&mut out))
        });
        let report = report?;
        rows.push(Row {
            name: format!("export {format}"),
            median,
            bytes: text_bytes,
            detail: format!(
                "{} docs, {spans} spans, {:.1} MB of text -> {:.1} MB",
                report.documents,
                text_bytes as f64 / 1e6,
                out.len() as f64 / 1e6
            ),
            budget: Budget::Within(BUDGET),
        });
        if format == ExportFormat::Byline {
            byline_jsonl = out;
        }
    }
    let jsonl = String::from_utf8(byline_jsonl).map_err(|e| BenchError::Check(e.to_string()))?;
    let (median, loaded) = median_of(runs, || jsonl::read(&jsonl, "bench.jsonl"));
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
        median,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_timed_and_read_back() {
        let rows = run(3, 1).unwrap();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "export byline",
                "export prodigy",
                "export doccano",
                "export conll",
                "read byline JSONL"
            ]
        );
        assert!(
            rows.iter().all(|r| r.detail.starts_with("3 docs")),
            "{rows:?}"
        );
    }
}
