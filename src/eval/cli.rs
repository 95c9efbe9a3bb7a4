//! `byline eval --gold PATH --pred PATH [--json]`: loads both sides, scores
//! them and writes the report as a table or as JSON.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{EvalOptions, evaluate, gold};

/// Runs an evaluation of the predictions at `pred` against the gold at `gold`
/// and writes the report to `out` (JSON when `json`). Loading warnings are part of the report.
pub fn run_cli(gold: &Path, pred: &Path, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let gold_set =
        gold::load(gold).with_context(|| format!("cannot load the gold: {}", gold.display()))?;
    let pred_set = gold::load(pred)
        .with_context(|| format!("cannot load the predictions: {}", pred.display()))?;
    let mut report = evaluate(
        &gold_set.documents,
        &pred_set.documents,
        &EvalOptions::default(),
    );
    let loading = gold_set.warnings.iter().chain(&pred_set.warnings);
    report
        .warnings
        .splice(0..0, loading.map(ToString::to_string));
    if json {
        serde_json::to_writer_pretty(&mut *out, &report).context("cannot write the report")?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(())
}
