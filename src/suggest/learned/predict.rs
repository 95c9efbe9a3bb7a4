//! Prediction: decode every line of a document (boilerplate left out, as the
//! rules leave it) and turn the tag sequences into entity suggestions. A
//! span's score is its confidence: the smallest token margin over the span,
//! squashed as `m / (m + scale)`, where `scale` is the median margin of the
//! spans the model tags on its own training data — a typical span scores
//! one half, a sure one near 1, a coin toss near 0.

use super::decode::with_margins;
use super::prepare::prepare;
use super::tags::TagSet;
use super::{ENGINE, Model};
use crate::model::{ByteRange, Document, Layer, Origin};
use crate::suggest::{SuggestedSpan, Suggestions};

/// What the model says about one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prediction {
    /// The entity spans it proposes, in text order, engine `learned`.
    pub spans: Vec<SuggestedSpan>,
    /// Every token it decoded, in text order.
    pub tokens: Vec<ByteRange>,
    /// The confidence in each token's tag, `0.0..=1.0`.
    pub confidence: Vec<f32>,
}

impl Prediction {
    /// How unsure the model is about the document: one minus the mean token
    /// confidence over the tokens it hesitates on (confidence below one
    /// half) and the tokens it tags, 0 when it has nothing to say. "Next
    /// article" can favour the documents where this is highest.
    pub fn uncertainty(&self) -> f32 {
        let mut sum = 0.0;
        let mut n = 0usize;
        for &c in &self.confidence {
            if c < 0.5 {
                sum += 1.0 - c;
                n += 1;
            }
        }
        for s in &self.spans {
            if let Origin::Suggested { score, .. } = s.origin {
                sum += 1.0 - score;
                n += 1;
            }
        }
        if n == 0 { 0.0 } else { sum / n as f32 }
    }

    /// The lowest token confidence over `range` (1 when no token is in it).
    pub fn confidence_over(&self, range: ByteRange) -> f32 {
        let first = self.tokens.partition_point(|t| t.end <= range.start);
        let end = self.tokens.partition_point(|t| t.start < range.end);
        self.confidence
            .get(first..end.max(first))
            .unwrap_or(&[])
            .iter()
            .copied()
            .fold(1.0, f32::min)
    }
}

impl Model {
    /// Adds the weights of `features` (hashes) to one token's tag scores.
    pub(super) fn add_emissions(&self, features: impl Iterator<Item = u64>, scores: &mut [f32]) {
        let n = scores.len();
        for hash in features {
            let Some(&row) = self.index.get(&hash) else {
                continue;
            };
            let base = row as usize * n;
            if let Some(w) = self.weights.get(base..base + n) {
                scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// Confidence of a margin (see the module doc).
    fn confidence(&self, margin: f32) -> f32 {
        margin / (margin + self.scale)
    }

    /// Tags `doc`; `rules` are the rules engine's suggestions for it (their
    /// entity spans are features, their boilerplate is skipped).
    pub fn predict(&self, doc: &Document, rules: &Suggestions) -> Prediction {
        let n = self.tags.len();
        let mut out = Prediction::default();
        if n < 2 {
            return out;
        }
        let mut skip: Vec<ByteRange> = rules.boilerplate.clone();
        skip.extend(doc.boilerplate.iter().copied());
        let prepared = prepare(doc, rules, &skip);
        for (line, features) in prepared.lines.iter().zip(&prepared.features) {
            let mut emissions = vec![0.0; features.len() * n];
            for (i, scores) in emissions.chunks_exact_mut(n).enumerate() {
                self.add_emissions(features.of(i).iter().copied(), scores);
            }
            let (path, margins) = with_margins(&emissions, n, &self.transitions, &self.allowed);
            for (first, end, label) in TagSet::spans(&path) {
                let (Some(a), Some(b)) = (line.tokens.get(first), line.tokens.get(end - 1)) else {
                    continue;
                };
                let Some(name) = self.tags.labels().get(label) else {
                    continue;
                };
                let least = margins
                    .get(first..end)
                    .unwrap_or(&[])
                    .iter()
                    .copied()
                    .fold(f32::MAX, f32::min);
                out.spans.push(SuggestedSpan {
                    range: ByteRange::new(a.start, b.end),
                    label: name.clone(),
                    layer: Layer::Entity,
                    origin: Origin::suggested_static(ENGINE, "tagger", self.confidence(least)),
                    refers_to: None,
                });
            }
            out.tokens.extend(line.tokens.iter().copied());
            out.confidence
                .extend(margins.iter().map(|&m| self.confidence(m)));
        }
        out
    }
}
