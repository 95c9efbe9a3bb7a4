//! `byline bench hostile`: the worst input shapes the robustness issue
//! names, timed so that a slide back to quadratic time or unbounded output
//! shows as a row below its budget: the built-in engines on one paragraph of
//! several megabytes with no newline (budget: 5 MB/s on one core), HTML
//! nested 100,000 `<div>`s deep in about 1 MB (budget: read within 1 s), an
//! external engine that floods its output (`yes`), which must be cut at
//! the output cap within a second, long before its timeout, and a CoNLL
//! export of one article of that size with a span every 20 characters
//! (budget: 5 MB/s; it was quadratic in its sentence splitting), and
//! "Suggest again" on that article, half its spans accepted (budget: 5 MB/s;
//! dropping the pending spans and keeping new ones off accepted entities
//! were quadratic).

use std::time::Duration;

use super::corpus::{self, samples, wire};
use super::export::Counter;
use super::{BenchError, Budget, Row, median_of};
use crate::formats::exporter::{self, Destination, ExportFormat};
use crate::formats::{ExportOptions, html};
use crate::model::{Document, Edit, SpanState, Transaction};
use crate::suggest::{self, external};

/// The engines' budget on one long paragraph, in MB per second on one core.
pub const PARAGRAPH_MB_PER_SEC: f64 = 5.0;
/// Nesting depth of the deep HTML.
pub const HTML_DEPTH: usize = 100_000;
/// The deep HTML must be read within this.
pub const HTML_WITHIN: Duration = Duration::from_secs(1);
/// A flooding engine's batch must end within this.
pub const FLOOD_WITHIN: Duration = Duration::from_secs(1);

/// The budget of the CoNLL export, and of the engines run again, on one
/// densely annotated article, in MB of text per second.
pub const DENSE_ARTICLE_MB_PER_SEC: f64 = 5.0;

/// Times the five hostile workloads, `runs` times each; the paragraph and
/// the dense article are at least `paragraph_bytes` long.
pub fn run(paragraph_bytes: usize, runs: usize) -> Result<Vec<Row>, BenchError> {
    Ok(vec![
        long_paragraph(paragraph_bytes, runs)?,
        nested_html(runs)?,
        flood(runs)?,
        dense_export(paragraph_bytes, runs)?,
        suggest_reviewed(paragraph_bytes, runs)?,
    ])
}

/// The sample articles run together into one paragraph without a newline.
fn long_paragraph(min_bytes: usize, runs: usize) -> Result<Row, BenchError> {
    let docs = samples::article_stream(min_bytes)?;
    let text: Vec<String> = docs.iter().map(|d| d.text().replace('\n', " ")).collect();
    let doc = Document::new(Some("paragraph.txt".into()), &text.join(" "));
    let bytes = corpus::text_bytes(std::slice::from_ref(&doc));
    let engines = suggest::builtin();
    let (median, spans) = median_of(runs, || {
        (engines.iter())
            .map(|e| e.suggest(&doc).spans.len())
            .sum::<usize>()
    });
    if spans == 0 {
        return Err(BenchError::Check(
            "no span suggested in the paragraph".into(),
        ));
    }
    Ok(Row {
        name: "suggest one long paragraph, 1 core".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes,
        detail: format!(
            "{:.1} MB without a newline, {spans} spans",
            bytes as f64 / 1e6
        ),
        budget: Budget::AtLeastMbPerSec(PARAGRAPH_MB_PER_SEC),
    })
}

/// An article inside `HTML_DEPTH` nested `<div>`s.
fn nested_html(runs: usize) -> Result<Row, BenchError> {
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(HTML_DEPTH));
    page.push_str("<p>“We will build it,” Ana Díaz said in Zürich.</p>");
    page.push_str(&"</div>".repeat(HTML_DEPTH));
    page.push_str("</body></html>");
    let (median, read) = median_of(runs, || html::read(&page, "nested.html"));
    let read = read?;
    if !read.documents.iter().any(|d| d.text().contains("Ana Díaz")) {
        return Err(BenchError::Check("the nested article was lost".into()));
    }
    Ok(Row {
        name: "read HTML nested 100,000 deep".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes: page.len(),
        detail: format!("{:.1} MB of HTML", page.len() as f64 / 1e6),
        budget: Budget::Within(HTML_WITHIN),
    })
}

/// An external engine that answers with `yes`: endless output.
fn flood(runs: usize) -> Result<Row, BenchError> {
    let command = external::EngineCommand::parse("yes")
        .map_err(|e| BenchError::Check(format!("engine command: {e}")))?;
    let engine = external::ExternalEngine::new(command).with_timeout(Duration::from_secs(30));
    let doc = Document::new(Some("flood.txt".into()), "Ana Díaz said it would rain.");
    let (median, batch) = median_of(runs, || engine.run(&[&doc]));
    if batch.warnings.is_empty() {
        return Err(BenchError::Check("the flood was not reported".into()));
    }
    Ok(Row {
        name: "external engine flooding (yes)".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes: doc.text().len(),
        detail: "cut at the output cap".into(),
        budget: Budget::Within(FLOOD_WITHIN),
    })
}

/// One article with a span every 20 characters written as CoNLL.
fn dense_export(min_bytes: usize, runs: usize) -> Result<Row, BenchError> {
    let doc = wire::long_article(min_bytes);
    let bytes = doc.text().len();
    let (median, written) = median_of(runs, || {
        let mut sink = Counter(0);
        let to = Destination::Stream(&mut sink);
        exporter::write_with(
            ExportFormat::Conll,
            std::slice::from_ref(&doc),
            to,
            ExportOptions::GOLD,
        )
        .map(|report| (report.spans, sink.0))
    });
    let (spans, out) = written?;
    if spans == 0 {
        return Err(BenchError::Check("no span written".into()));
    }
    Ok(Row {
        name: "export one dense article to CoNLL".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes,
        detail: format!(
            "{:.1} MB of text, {spans} spans written -> {:.1} MB",
            bytes as f64 / 1e6,
            out as f64 / 1e6
        ),
        budget: Budget::AtLeastMbPerSec(DENSE_ARTICLE_MB_PER_SEC),
    })
}

/// What "Suggest again" does to the dense article: its pending suggestions
/// dropped in one transaction (each deletion detaches its quotes and
/// mentions), then the built-in engines run, kept off its accepted entities.
fn suggest_reviewed(min_bytes: usize, runs: usize) -> Result<Row, BenchError> {
    let doc = wire::long_article(min_bytes);
    let bytes = doc.text().len();
    let mut drop_pending = Transaction::new("Suggest again");
    for span in doc.spans().filter(|s| s.state == SpanState::Pending) {
        drop_pending.push(Edit::DeleteSpan(span.id));
    }
    let engines = suggest::engines::Engines::new(suggest::builtin());
    let (median, added) = median_of(runs, || {
        let mut again = doc.clone();
        again.apply(&drop_pending)?;
        engines.suggest(&mut again)
    });
    let added = added.map_err(|e| BenchError::Check(format!("suggestions refused: {e}")))?;
    Ok(Row {
        name: "suggest again on one reviewed dense article".into(),
        median: median.wall,
        cpu: median.cpu,
        bytes,
        detail: format!(
            "{:.1} MB of text, {} pending spans dropped, {added} suggested",
            bytes as f64 / 1e6,
            drop_pending.edits.len()
        ),
        budget: Budget::AtLeastMbPerSec(DENSE_ARTICLE_MB_PER_SEC),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hostile_rows_run_and_check_their_results() {
        let rows = run(20_000, 1).unwrap();
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names.len(), 5, "{names:?}");
        assert!(rows[0].bytes >= 20_000 && rows[0].detail.contains("spans"));
        assert!(rows[1].bytes > 1_000_000);
        assert!(rows[3].bytes >= 20_000 && rows[3].detail.contains("spans written"));
        assert!(rows.iter().all(|r| r.ratio().is_some()));
    }
}
