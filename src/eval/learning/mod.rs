//! How much the learned engine helps, measured the way an editor meets it.
//!
//! [`learning_curve`]: the gold documents in the order given (for a file
//! or folder, the order `eval` loads them: files by path, records in file
//! order) are split into the first documents, which an editor reviews, and
//! a held-out tail (the last `held_out` documents, by default a fifth),
//! scored at every step. At step N the editor has reviewed the first N
//! documents: each becomes its gold spans, accepted, plus the rules'
//! entity suggestions that are not gold (by range), rejected (`simulate`).
//! A model trained on those tags the held-out documents, and the tail is
//! scored three ways: rules alone, learned alone and combined (rules fill
//! in, as the window will show them). Steps that leave fewer documents
//! than the held-out part are skipped with a note.
//!
//! [`cross_validate`]: k-fold held-out scores of a model trained on
//! reviewed documents (what `byline stats` reports).

mod cli;
mod report;
mod simulate;

#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

use super::{EvalOptions, EvalReport, evaluate};
use crate::model::Document;
use crate::suggest::learned::{Model, TrainOptions};
use crate::suggest::rules::RulesSuggester;
use crate::suggest::{Suggester, Suggestions, to_transaction};

pub use cli::run_learning_curve;
pub use report::entities;
pub use simulate::{accepted_only, reviewed};

/// What a learning curve measures.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveOptions {
    /// Numbers of reviewed documents to train on.
    pub steps: Vec<usize>,
    /// Documents held out at the end; `None`: a fifth, at least one.
    pub held_out: Option<usize>,
    /// How to train.
    pub train: TrainOptions,
}

/// Scores of the three engines on the same documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// The rules engine alone.
    pub rules: EvalReport,
    /// The learned engine alone.
    pub learned: EvalReport,
    /// Learned first, rules filling in (rules alone below the trust threshold).
    pub combined: EvalReport,
}

/// One point of the curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    /// Documents reviewed before training.
    pub reviewed: usize,
    /// Training time, seconds (one core).
    pub train_seconds: f64,
    /// Features the model kept.
    pub features: usize,
    /// Time the model took to tag the held-out documents (rules not counted).
    pub tag_seconds: f64,
    /// Scores on the held-out documents.
    pub scores: Scores,
}

/// A whole learning curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Gold documents read.
    pub documents: usize,
    /// Documents held out and scored.
    pub held_out: usize,
    /// Bytes of held-out text.
    pub held_out_bytes: usize,
    /// Time the rules engine took on the held-out documents.
    pub rules_seconds: f64,
    /// The points, in step order.
    pub points: Vec<CurvePoint>,
    /// Steps that were too large, with why.
    pub notes: Vec<String>,
}

/// Byline's predictions for bare copies of `gold`: rules alone, the model
/// alone and both combined, and the time the model took.
fn predict(
    gold: &[Document],
    model: &Model,
    rules: &[Suggestions],
) -> ([Vec<Document>; 3], Duration) {
    let mut out: [Vec<Document>; 3] = Default::default();
    let mut tagging = Duration::ZERO;
    for (doc, rules) in gold.iter().zip(rules) {
        let bare = Document::new(doc.source.clone(), doc.text());
        let started = Instant::now();
        let learned = model.predict(&bare, rules);
        tagging += started.elapsed();
        let learned_only = Suggestions {
            spans: learned.spans.clone(),
            ..Suggestions::default()
        };
        let combined = model.combine(rules.clone(), &learned);
        for (side, suggestions) in out.iter_mut().zip([rules, &learned_only, &combined]) {
            let mut pred = bare.clone();
            // A fresh document takes any suggestion: nothing can clash.
            let _ = pred.apply(&to_transaction(&pred, suggestions));
            side.push(pred);
        }
    }
    (out, tagging)
}

/// Scores `model` against `gold`, given the rules' suggestions for each
/// document, and the seconds the model took to tag.
fn score(gold: &[Document], model: &Model, rules: &[Suggestions]) -> (Scores, f64) {
    let options = EvalOptions::default();
    let ([r, l, c], tagging) = predict(gold, model, rules);
    let scores = Scores {
        rules: evaluate(gold, &r, &options),
        learned: evaluate(gold, &l, &options),
        combined: evaluate(gold, &c, &options),
    };
    (scores, tagging.as_secs_f64())
}

fn rules_of(docs: &[Document]) -> Vec<Suggestions> {
    let engine = RulesSuggester::new();
    docs.iter()
        .map(|d| engine.suggest(&Document::new(d.source.clone(), d.text())))
        .collect()
}

/// The learning curve of `gold` (see the module doc).
pub fn learning_curve(gold: &[Document], options: &CurveOptions) -> Curve {
    let held_out = options
        .held_out
        .unwrap_or(gold.len() / 5)
        .clamp(1, gold.len().max(1));
    let available = gold.len().saturating_sub(held_out);
    let (pool, tail) = gold.split_at(available);
    // The pool first: its rules run loads the gazetteers, which the timed
    // run on the tail should not pay for.
    let pool_rules = rules_of(pool);
    let started = Instant::now();
    let tail_rules = rules_of(tail);
    let rules_seconds = started.elapsed().as_secs_f64();
    let mut curve = Curve {
        documents: gold.len(),
        held_out: tail.len(),
        held_out_bytes: tail.iter().map(|d| d.text().len()).sum(),
        rules_seconds,
        points: Vec::new(),
        notes: Vec::new(),
    };
    for &n in &options.steps {
        let (Some(first), Some(rules)) = (pool.get(..n), pool_rules.get(..n)) else {
            curve.notes.push(format!(
                "step {n} skipped: {} documents, {held_out} held out, so at most {available} can be reviewed",
                gold.len()
            ));
            continue;
        };
        let docs: Vec<Document> = first
            .iter()
            .zip(rules)
            .map(|(d, r)| reviewed(d, r))
            .collect();
        let started = Instant::now();
        let model = Model::train(&docs, &options.train);
        let train_seconds = started.elapsed().as_secs_f64();
        let (scores, tag_seconds) = score(tail, &model, &tail_rules);
        curve.points.push(CurvePoint {
            reviewed: n,
            train_seconds,
            features: model.features(),
            tag_seconds,
            scores,
        });
    }
    curve
}

/// K-fold held-out scores of the learned engine on reviewed documents:
/// document `i` is held out in fold `i % k`, the model of each fold is
/// trained on the others, and all held-out predictions are scored together
/// against the documents' accepted spans. `k` is at least 2 and at most
/// the number of documents; fewer than two documents give `None`.
pub fn cross_validate(docs: &[Document], k: usize, train: &TrainOptions) -> Option<Scores> {
    if docs.len() < 2 {
        return None;
    }
    let k = k.clamp(2, docs.len());
    let gold: Vec<Document> = docs.iter().map(accepted_only).collect();
    let rules = rules_of(docs);
    let mut sides: [Vec<Document>; 3] = Default::default();
    let mut held_gold = Vec::with_capacity(docs.len());
    for fold in 0..k {
        let train_docs: Vec<Document> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, d)| d.clone())
            .collect();
        let model = Model::train(&train_docs, train);
        let held: Vec<usize> = (fold..docs.len()).step_by(k).collect();
        let held_docs: Vec<Document> = held.iter().filter_map(|&i| gold.get(i).cloned()).collect();
        let held_rules: Vec<Suggestions> =
            held.iter().filter_map(|&i| rules.get(i).cloned()).collect();
        for (side, preds) in sides
            .iter_mut()
            .zip(predict(&held_docs, &model, &held_rules).0)
        {
            side.extend(preds);
        }
        held_gold.extend(held_docs);
    }
    let options = EvalOptions::default();
    let [r, l, c] = sides;
    Some(Scores {
        rules: evaluate(&held_gold, &r, &options),
        learned: evaluate(&held_gold, &l, &options),
        combined: evaluate(&held_gold, &c, &options),
    })
}
