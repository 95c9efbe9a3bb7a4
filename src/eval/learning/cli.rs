//! `byline eval --learning-curve GOLD --steps 10,25,50,100 [--held-out N]
//! [--folds K]`: loads the gold, runs the curve and prints it, then, with
//! `--folds`, the k-fold held-out scores over all of the gold.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{CurveOptions, cross_validate, learning_curve};
use crate::eval::gold;

/// Runs a learning curve over the gold at `path` and writes it to `out`;
/// with `folds`, the k-fold scores follow.
pub fn run_learning_curve(
    path: &Path,
    options: &CurveOptions,
    folds: Option<usize>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let loaded =
        gold::load(path).with_context(|| format!("cannot load the gold: {}", path.display()))?;
    let curve = learning_curve(&loaded.documents, options);
    write!(out, "{curve}")?;
    if let Some(k) = folds {
        match cross_validate(&loaded.documents, k, &options.train) {
            Some(scores) => write!(
                out,
                "\n{k}-fold held-out scores (entity spans), every document scored once:\n{scores}"
            )?,
            None => writeln!(out, "\nNo k-fold scores: fewer than two documents.")?,
        }
    }
    for warning in &loaded.warnings {
        writeln!(out, "Warning: {warning}")?;
    }
    Ok(())
}
