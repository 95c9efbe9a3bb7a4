//! The evaluation report: span scores per label (exact and overlap), quote
//! scores per subset at the loose and strict share, speaker and cue accuracy;
//! serialized as JSON for scripts and rendered as a text table for people.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// Precision, recall and F1 from match counts. Precision is `None` without
/// predictions, recall `None` without gold; F1 treats a missing side as 0.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items matched.
    pub matched_gold: usize,
    /// Predicted items matched.
    pub matched_pred: usize,
    /// `matched_pred / pred`.
    pub precision: Option<f64>,
    /// `matched_gold / gold`.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
}

impl Prf {
    /// Scores from counts.
    pub fn new(gold: usize, pred: usize, matched_gold: usize, matched_pred: usize) -> Self {
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        let precision = ratio(matched_pred, pred);
        let recall = ratio(matched_gold, gold);
        let f1 = (gold > 0 || pred > 0).then(|| {
            let (p, r) = (precision.unwrap_or(0.0), recall.unwrap_or(0.0));
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        });
        Self {
            gold,
            pred,
            matched_gold,
            matched_pred,
            precision,
            recall,
            f1,
        }
    }
}

/// A share of matched quotes that got something right.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Right.
    pub correct: usize,
    /// Considered.
    pub total: usize,
    /// `correct / total`, `None` when nothing was considered.
    pub value: Option<f64>,
}

impl Accuracy {
    /// Accuracy from counts.
    pub fn new(correct: usize, total: usize) -> Self {
        Self {
            correct,
            total,
            value: (total > 0).then(|| correct as f64 / total as f64),
        }
    }
}

/// Span scores of one label (or of all labels together).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LabelScores {
    /// Gold label, `all`, or `entities` (the entity labels without QUOTE,
    /// SPEAKER and CUE).
    pub label: String,
    /// Same range and label.
    pub exact: Prf,
    /// Shares at least one character, one-to-one, best overlap first.
    pub overlap: Prf,
}

/// Quote scores at one matching share.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// Share of the other's counted content characters each side must hold.
    pub min_share: f64,
    /// Quote precision, recall, F1.
    pub quotes: Prf,
    /// Matched quotes whose gold has a source: predicted speaker overlaps it.
    pub speaker: Accuracy,
    /// Matched quotes whose gold has a cue: predicted cue overlaps it.
    pub cue: Accuracy,
}

/// Quote scores of one subset of attributions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteSubset {
    /// `all`, `speech`, `direct` or `indirect`.
    pub subset: String,
    /// At the loose share (0.3).
    pub loose: QuoteMatch,
    /// At the strict share (0.8).
    pub strict: QuoteMatch,
}

/// How the documents of both sides paired up (by text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentCounts {
    /// Gold documents.
    pub gold: usize,
    /// Predicted documents.
    pub pred: usize,
    /// Gold documents without a prediction (scored as predicting nothing).
    pub gold_only: usize,
    /// Predicted documents without gold (not scored).
    pub pred_only: usize,
}

/// Everything `byline eval` measures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// Document pairing.
    pub documents: DocumentCounts,
    /// Predicted label → gold label, as applied.
    pub label_map: BTreeMap<String, String>,
    /// Per gold label, in name order, then `all` and, when the gold has
    /// entity labels, `entities` (micro-averaged).
    pub labels: Vec<LabelScores>,
    /// Predicted spans whose label the gold does not use, by label (not scored).
    pub ignored_labels: BTreeMap<String, usize>,
    /// Quote scores per subset; empty when the gold has no quotes.
    pub quotes: Vec<QuoteSubset>,
    /// Problems met while loading either side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "    –".to_owned(), |v| format!("{v:>5.3}"))
}

fn prf(p: &Prf) -> String {
    format!("{} {} {}", num(p.precision), num(p.recall), num(p.f1))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.documents;
        writeln!(
            f,
            "Documents: {} gold, {} predicted ({} gold without prediction, {} predictions without gold)",
            d.gold, d.pred, d.gold_only, d.pred_only
        )?;
        if !self.label_map.is_empty() {
            let pairs: Vec<String> = self
                .label_map
                .iter()
                .map(|(p, g)| format!("{p} → {g}"))
                .collect();
            writeln!(f, "Label map (predicted → gold): {}", pairs.join(", "))?;
        }
        writeln!(
            f,
            "\n{:<14} {:>6} {:>6} | exact     P     R    F1 | overlap   P     R    F1",
            "Spans", "gold", "pred"
        )?;
        for l in &self.labels {
            writeln!(
                f,
                "{:<14} {:>6} {:>6} |       {} |       {}",
                l.label,
                l.exact.gold,
                l.exact.pred,
                prf(&l.exact),
                prf(&l.overlap)
            )?;
        }
        if !self.ignored_labels.is_empty() {
            let ignored: Vec<String> = self
                .ignored_labels
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            writeln!(
                f,
                "Predicted labels not in the gold (not scored): {}",
                ignored.join(", ")
            )?;
        }
        if !self.quotes.is_empty() {
            let (loose, strict) = self
                .quotes
                .first()
                .map_or((0.3, 0.8), |q| (q.loose.min_share, q.strict.min_share));
            writeln!(
                f,
                "\n{:<14} {:>6} {:>6} | ≥{:.0}%      P     R    F1 speaker    cue | ≥{:.0}%      P     R    F1 speaker    cue",
                "Quotes",
                "gold",
                "pred",
                loose * 100.0,
                strict * 100.0
            )?;
            for q in &self.quotes {
                let side = |m: &QuoteMatch| {
                    format!(
                        "{}   {}  {}",
                        prf(&m.quotes),
                        num(m.speaker.value),
                        num(m.cue.value)
                    )
                };
                writeln!(
                    f,
                    "{:<14} {:>6} {:>6} |       {} |       {}",
                    q.subset,
                    q.loose.quotes.gold,
                    q.loose.quotes.pred,
                    side(&q.loose),
                    side(&q.strict)
                )?;
            }
        }
        for warning in &self.warnings {
            writeln!(f, "warning: {warning}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_handle_empty_sides() {
        let none = Prf::new(0, 0, 0, 0);
        assert_eq!((none.precision, none.recall, none.f1), (None, None, None));
        let empty_pred = Prf::new(4, 0, 0, 0);
        assert_eq!(
            (empty_pred.precision, empty_pred.recall, empty_pred.f1),
            (None, Some(0.0), Some(0.0))
        );
        let half = Prf::new(4, 2, 2, 2);
        assert_eq!((half.precision, half.recall), (Some(1.0), Some(0.5)));
        assert!((half.f1.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Accuracy::new(0, 0).value, None);
    }
}
