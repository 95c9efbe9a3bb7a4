//! Training: the averaged structured perceptron. Each pass decodes every
//! training line with the current weights; where the best sequence differs
//! from the gold one, the gold's features gain and the prediction's lose.
//! Where the prediction puts a label the editor rejected on a token, that
//! tag loses once more ([`TrainOptions::rejected_weight`]). The weights kept
//! are the average over all steps (the "w − u/c" trick, so averaging costs
//! nothing per step), which generalises far better than the last ones.
//!
//! Deterministic: documents are read in the order given, features are
//! numbered in order of first sight, the lines are visited in a fixed
//! pseudo-random order per pass (xorshift with a constant seed), and the
//! final rows are sorted by feature hash.

use rustc_hash::FxHashMap as HashMap;

use super::decode::{best_path, with_margins};
use super::prepare::{accepted_labels, gold, prepare, refused_labels};
use super::tags::TagSet;
use super::{Model, Parts, TrainOptions};
use crate::model::Document;
use crate::suggest::Suggester;
use crate::suggest::entities::EntitySuggester;

/// One training line: feature rows per token, gold tags, rejected labels.
struct Sample {
    rows: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<usize>,
    rejected: Vec<Option<usize>>,
}

impl Sample {
    fn token(&self, i: usize) -> &[u32] {
        let at = |k: usize| self.offsets.get(k).map_or(0, |&o| o as usize);
        self.rows.get(at(i)..at(i + 1)).unwrap_or(&[])
    }
}

/// Weights being trained, with the running sums that average them.
struct Trainer {
    tags: usize,
    weights: Vec<f32>,
    sums: Vec<f32>,
    transitions: Vec<f32>,
    transition_sums: Vec<f32>,
    step: f32,
}

impl Trainer {
    fn emissions(&self, sample: &Sample) -> Vec<f32> {
        let n = sample.gold.len();
        let mut out = vec![0.0; n * self.tags];
        for (i, scores) in out.chunks_exact_mut(self.tags).enumerate() {
            for &row in sample.token(i) {
                let base = row as usize * self.tags;
                if let Some(w) = self.weights.get(base..base + self.tags) {
                    scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
                }
            }
        }
        out
    }

    fn bump(&mut self, row: u32, tag: usize, delta: f32) {
        let k = row as usize * self.tags + tag;
        if let (Some(w), Some(u)) = (self.weights.get_mut(k), self.sums.get_mut(k)) {
            *w += delta;
            *u += self.step * delta;
        }
    }

    fn bump_transition(&mut self, prev: Option<usize>, tag: usize, delta: f32) {
        let k = prev.map_or(0, |p| p + 1) * self.tags + tag;
        if let (Some(w), Some(u)) = (self.transitions.get_mut(k), self.transition_sums.get_mut(k)) {
            *w += delta;
            *u += self.step * delta;
        }
    }

    /// One perceptron step on one line.
    fn learn(&mut self, sample: &Sample, allowed: &[bool], rejected_weight: f32) {
        let emissions = self.emissions(sample);
        let pred = best_path(&emissions, self.tags, &self.transitions, allowed);
        for (i, (&p, &g)) in pred.iter().zip(&sample.gold).enumerate() {
            if p != g {
                for &row in sample.token(i) {
                    self.bump(row, g, 1.0);
                    self.bump(row, p, -1.0);
                }
            }
            let before = |tags: &[usize]| i.checked_sub(1).and_then(|j| tags.get(j).copied());
            let (pp, gp) = (before(&pred), before(&sample.gold));
            if (pp, p) != (gp, g) {
                self.bump_transition(gp, g, 1.0);
                self.bump_transition(pp, p, -1.0);
            }
            let refused = sample.rejected.get(i).copied().flatten();
            if refused.is_some() && TagSet::split(p).map(|(l, _)| l) == refused {
                for &row in sample.token(i) {
                    self.bump(row, p, -rejected_weight);
                }
            }
        }
        self.step += 1.0;
    }

    /// The averaged weights.
    fn averaged(weights: &[f32], sums: &[f32], step: f32) -> Vec<f32> {
        weights
            .iter()
            .zip(sums)
            .map(|(w, u)| w - u / step)
            .collect()
    }
}

/// A fixed shuffle of `0..n` for pass `pass`.
fn order(n: usize, pass: usize) -> Vec<usize> {
    let mut state =
        0x9e37_79b9_7f4a_7c15_u64 ^ (pass as u64 + 1).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let mut out: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.swap(i, (state % (i as u64 + 1)) as usize);
    }
    out
}

/// Reads the training lines of `docs`, numbering features as they come.
fn samples(docs: &[Document], tags: &TagSet) -> (Vec<Sample>, Vec<u64>) {
    let mut numbers: HashMap<u64, u32> = HashMap::default();
    let mut hashes = Vec::new();
    let mut out = Vec::new();
    for doc in docs {
        let rules = EntitySuggester.suggest(doc);
        let prepared = prepare(doc, &rules, &[]);
        for (line, features) in prepared.lines.iter().zip(&prepared.features) {
            if line.tokens.is_empty() {
                continue;
            }
            let g = gold(doc, line, tags);
            if g.unsettled {
                continue;
            }
            let rows = features
                .hashes
                .iter()
                .map(|&h| {
                    *numbers.entry(h).or_insert_with(|| {
                        hashes.push(h);
                        u32::try_from(hashes.len() - 1).unwrap_or(u32::MAX)
                    })
                })
                .collect();
            out.push(Sample {
                rows,
                offsets: features.offsets.clone(),
                gold: g.tags,
                rejected: g.rejected,
            });
        }
    }
    (out, hashes)
}

impl Model {
    /// Trains on reviewed documents (see `prepare` for what counts as gold).
    /// The same documents and options always give the same model.
    pub fn train(docs: &[Document], options: &TrainOptions) -> Self {
        let labels = accepted_labels(docs);
        let refused = refused_labels(docs, &labels);
        let tags = TagSet::new(labels);
        let n = tags.len();
        let (samples, hashes) = samples(docs, &tags);
        let allowed = super::decode::constraints(n);
        let mut trainer = Trainer {
            tags: n,
            weights: vec![0.0; hashes.len() * n],
            sums: vec![0.0; hashes.len() * n],
            transitions: vec![0.0; (n + 1) * n],
            transition_sums: vec![0.0; (n + 1) * n],
            step: 1.0,
        };
        if n > 1 {
            for pass in 0..options.epochs {
                for i in order(samples.len(), pass) {
                    if let Some(sample) = samples.get(i) {
                        trainer.learn(sample, &allowed, options.rejected_weight);
                    }
                }
            }
        }
        let weights = Trainer::averaged(&trainer.weights, &trainer.sums, trainer.step);
        let transitions =
            Trainer::averaged(&trainer.transitions, &trainer.transition_sums, trainer.step);
        let mut rows: Vec<(u64, Vec<f32>)> = hashes
            .iter()
            .zip(weights.chunks_exact(n))
            .filter(|(_, row)| row.iter().any(|&w| w != 0.0))
            .map(|(&h, row)| (h, row.to_vec()))
            .collect();
        rows.sort_by_key(|(h, _)| *h);
        let mut model = Self::from_parts(Parts {
            tags,
            refused,
            rows,
            transitions,
            documents_seen: docs.len(),
            scale: 1.0,
        });
        model.scale = model.margin_scale(&samples, &hashes);
        model
    }

    /// The median margin of the tokens the trained model puts in spans on
    /// its own training lines: the margin at which confidence is one half.
    fn margin_scale(&self, samples: &[Sample], hashes: &[u64]) -> f32 {
        let n = self.tags.len();
        let mut margins = Vec::new();
        for sample in samples {
            let mut emissions = vec![0.0; sample.gold.len() * n];
            for (i, scores) in emissions.chunks_exact_mut(n).enumerate() {
                let features = sample
                    .token(i)
                    .iter()
                    .filter_map(|&r| hashes.get(r as usize));
                self.add_emissions(features.copied(), scores);
            }
            let (path, m) = with_margins(&emissions, n, &self.transitions, &self.allowed);
            margins.extend(path.iter().zip(m).filter(|(t, _)| **t != 0).map(|(_, m)| m));
        }
        margins.sort_by(f32::total_cmp);
        margins
            .get(margins.len() / 2)
            .copied()
            .filter(|m| *m > 0.0 && *m < super::decode::SURE)
            .unwrap_or(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::order;

    #[test]
    fn shuffles_are_fixed_permutations() {
        let a = order(50, 3);
        assert_eq!(a, order(50, 3));
        assert_ne!(a, order(50, 4));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    }
}
