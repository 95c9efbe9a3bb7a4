//! The store benchmark, against the budgets: import 10,000 articles (~30 MB)
//! in < 10 s, open that project in < 1 s, apply one edit including its commit
//! in < 2 ms. The 200 MB resident budget with 10,000 articles is the
//! window's ([`super::window`], run after this by `cargo bench --bench
//! store`, optionally `-- ARTICLES`); this one reports what loading every
//! document at once would cost, for comparison.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;

use super::corpus::wire::article;
use super::{peak_mb, resident_mb};
use crate::model::{Edit, SpanState, Transaction};
use crate::store::{Project, Step};

/// Articles per commit during the import, as `editor::import` does.
const BATCH: usize = 500;

/// Edits timed one by one.
const EDITS: usize = 2000;

/// Runs every measurement on a fresh project in `dir`, writing a report to `out`.
pub fn run(dir: &Path, articles: usize, out: &mut impl Write) -> anyhow::Result<()> {
    let path = dir.join("bench.byline");
    let mut project = Project::create(&path).context("creating the bench project")?;

    let started = Instant::now();
    let (mut bytes, mut spans) = (0, 0);
    let mut store_time = Duration::ZERO;
    for first in (0..articles).step_by(BATCH) {
        let batch: Vec<_> = (first..(first + BATCH).min(articles))
            .map(article)
            .collect();
        bytes += batch.iter().map(|d| d.text().len()).sum::<usize>();
        spans += batch.iter().map(|d| d.span_count()).sum::<usize>();
        let stored = Instant::now();
        project.add_documents(&batch)?;
        store_time += stored.elapsed();
    }
    let import = started.elapsed();
    drop(project);
    writeln!(
        out,
        "{articles} articles, {:.1} MB of text, {spans} pending suggestions",
        bytes as f64 / 1e6
    )?;
    writeln!(
        out,
        "import      {:>8.2} s  (of which storing {:.2} s; budget 10 s)",
        import.as_secs_f64(),
        store_time.as_secs_f64()
    )?;

    let started = Instant::now();
    let mut project = Project::open(&path)?;
    let list = project.list_documents()?;
    let memory = project.load_memory()?;
    let first_id = list.first().map(|s| s.id.clone()).context("no documents")?;
    let mut doc = project.load_document(&first_id)?;
    let open = started.elapsed();
    writeln!(
        out,
        "open        {:>8.3} s  (open, list {} summaries, memory of {} phrases, first document; budget 1 s)",
        open.as_secs_f64(),
        list.len(),
        memory.phrases().count()
    )?;
    writeln!(out, "resident    {:>8.1} MB after opening", resident_mb())?;

    let mut times = Vec::with_capacity(EDITS);
    let mut next = 0;
    for _ in 0..EDITS {
        let Some(mut span) = doc.spans().find(|s| s.state == SpanState::Pending).cloned() else {
            next += 1;
            let id = list
                .get(next % list.len())
                .map(|s| s.id.clone())
                .context("no documents")?;
            doc = project.load_document(&id)?;
            continue;
        };
        span.state = SpanState::Accepted;
        let edit = Instant::now();
        let applied = doc.apply(&Transaction::new("Accept").with(Edit::ReplaceSpan(span)))?;
        project.apply_step(&doc, &applied, Step::Edit)?;
        times.push(edit.elapsed());
    }
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let over = times.iter().filter(|t| t.as_secs_f64() > 2e-3).count();
    writeln!(
        out,
        "apply edit  p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms; {over} of {} over 2 ms \
         (accept one span, incl. commit and undo record; budget 2 ms)",
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(at(1.0)),
        times.len()
    )?;

    let started = Instant::now();
    let all = project.load_documents()?;
    writeln!(
        out,
        "load all    {:>8.2} s  ({} documents with their annotations)",
        started.elapsed().as_secs_f64(),
        all.len()
    )?;
    writeln!(
        out,
        "resident    {:>8.1} MB with all {} documents loaded at once (the window keeps a few \
         loaded instead; its figure follows; peak {:.1} MB incl. import)",
        resident_mb(),
        all.len(),
        peak_mb()
    )?;
    Ok(())
}
