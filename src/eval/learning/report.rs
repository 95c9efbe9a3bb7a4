//! The learning curve as text: one line per step with the entity scores of
//! rules, learned and combined (exact match P/R/F1, overlap F1), then the
//! exact F1 of each entity label per step, then the notes.

use std::fmt;

use super::{Curve, CurvePoint, Scores};
use crate::eval::EvalReport;
use crate::eval::report::LabelScores;
use crate::model::labels::{CUE, QUOTE, SPEAKER};

/// The `entities` row of a report (or `all` when the gold has no entity
/// labels): the scores a learning curve and `byline stats` quote.
pub fn entities(report: &EvalReport) -> Option<&LabelScores> {
    let find = |name: &str| report.labels.iter().find(|l| l.label == name);
    find("entities").or_else(|| find("all"))
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "    –".to_owned(), |v| format!("{v:.3}"))
}

fn engine(f: &mut fmt::Formatter<'_>, report: &EvalReport) -> fmt::Result {
    match entities(report) {
        Some(l) => write!(
            f,
            " | {} {} {} {}",
            num(l.exact.precision),
            num(l.exact.recall),
            num(l.exact.f1),
            num(l.overlap.f1)
        ),
        None => write!(f, " |     –     –     –     –"),
    }
}

/// The labels scored per step: the gold's entity labels (not the sums).
fn labels(scores: &Scores) -> Vec<&str> {
    scores
        .rules
        .labels
        .iter()
        .map(|l| l.label.as_str())
        .filter(|l| !["all", "entities", QUOTE, SPEAKER, CUE].contains(l))
        .collect()
}

fn f1(report: &EvalReport, label: &str) -> String {
    num(report
        .labels
        .iter()
        .find(|l| l.label == label)
        .and_then(|l| l.exact.f1))
}

impl fmt::Display for Curve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Learning curve: {} gold documents; the first N are reviewed, the last {} are held out and scored.",
            self.documents, self.held_out
        )?;
        writeln!(f, "Entity spans: exact P R F1, then overlap F1.")?;
        writeln!(
            f,
            "\nreviewed train_s features | rules P     R    F1   ovl  | learned P   R    F1   ovl  | combined P  R    F1   ovl"
        )?;
        for p in &self.points {
            write!(
                f,
                "{:>8} {:>7.3} {:>8}",
                p.reviewed, p.train_seconds, p.features
            )?;
            for report in [&p.scores.rules, &p.scores.learned, &p.scores.combined] {
                engine(f, report)?;
            }
            writeln!(f)?;
        }
        if let Some(first) = self.points.first() {
            writeln!(f, "\nExact F1 per label  rules learned combined")?;
            for p in &self.points {
                for label in labels(&first.scores) {
                    writeln!(
                        f,
                        "{:>8} {:<10} {}   {}    {}",
                        p.reviewed,
                        label,
                        f1(&p.scores.rules, label),
                        f1(&p.scores.learned, label),
                        f1(&p.scores.combined, label)
                    )?;
                }
            }
            writeln!(f, "\nTraining cost: {}", cost(&self.points))?;
            writeln!(f, "Tagging speed: {}", self.speed())?;
        }
        for note in &self.notes {
            writeln!(f, "Note: {note}")?;
        }
        Ok(())
    }
}

impl Curve {
    /// MB/s of the learned tagger (at the largest step) and of the rules on
    /// the held-out text.
    fn speed(&self) -> String {
        let mb = self.held_out_bytes as f64 / 1e6;
        let rate = |s: f64| {
            if s > 0.0 {
                format!("{:.1} MB/s", mb / s)
            } else {
                "–".to_owned()
            }
        };
        let tagger = self
            .points
            .iter()
            .max_by_key(|p| p.reviewed)
            .map_or(0.0, |p| p.tag_seconds);
        format!(
            "learned {}, rules {} ({:.2} MB held out, one core)",
            rate(tagger),
            rate(self.rules_seconds),
            mb
        )
    }
}

impl fmt::Display for Scores {
    /// The k-fold table: one row per engine, entity spans exact P R F1 and overlap F1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "engine    exact P     R    F1   overlap F1")?;
        for (name, report) in [
            ("rules", &self.rules),
            ("learned", &self.learned),
            ("combined", &self.combined),
        ] {
            write!(f, "{name:<8}")?;
            engine(f, report)?;
            writeln!(f)?;
        }
        Ok(())
    }
}

/// Seconds of training per 100 reviewed documents, at the largest step.
fn cost(points: &[CurvePoint]) -> String {
    match points.iter().max_by_key(|p| p.reviewed) {
        Some(p) if p.reviewed > 0 => format!(
            "{:.3} s per 100 documents (at {} documents, one core)",
            p.train_seconds * 100.0 / p.reviewed as f64,
            p.reviewed
        ),
        _ => "nothing trained".to_owned(),
    }
}
