//! `byline eval --learning-curve GOLD --steps 10,25,50,100 [--held-out N]`:
//! loads the gold, runs the curve and prints it.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{CurveOptions, learning_curve};
use crate::eval::gold;

/// Runs a learning curve over the gold at `path` and writes it to `out`.
pub fn run_learning_curve(
    path: &Path,
    options: &CurveOptions,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let loaded =
        gold::load(path).with_context(|| format!("cannot load the gold: {}", path.display()))?;
    let curve = learning_curve(&loaded.documents, options);
    write!(out, "{curve}")?;
    for warning in &loaded.warnings {
        writeln!(out, "Warning: {warning}")?;
    }
    Ok(())
}
