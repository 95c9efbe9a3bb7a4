//! Quote scores. A predicted quote matches a gold attribution when each holds
//! at least the share (0.3 loose, 0.8 strict) of the other's counted content
//! characters (not whitespace, quotation marks, commas or full stops);
//! pairs are taken one-to-one, best first (the smaller of the two shares,
//! then shared characters). On matched quotes, the speaker is right when the
//! predicted speaker overlaps the gold source, the cue when the cues overlap.

use super::matching::{Candidate, CharCounts, counted, merge, one_to_one, overlapping_pairs};
use super::report::{Accuracy, Prf, QuoteMatch, QuoteSubset};
use super::subsets::{Classifier, Subsets};
use crate::model::{ByteRange, Document, SpanState};

/// The names of the subsets, in report order: every attribution, the speech
/// subset, and by kind — quoted words (`direct`) or none (`indirect`).
pub const SUBSETS: [&str; 4] = ["all", "speech", "direct", "indirect"];

/// One quote as scoring sees it.
struct QuoteView {
    content: Vec<ByteRange>,
    hull: ByteRange,
    counted: usize,
    speaker: Option<ByteRange>,
    cue: Option<ByteRange>,
    subsets: Subsets,
}

impl QuoteView {
    fn in_subset(&self, subset: &str) -> bool {
        match subset {
            "speech" => self.subsets.speech,
            "direct" => self.subsets.direct,
            "indirect" => !self.subsets.direct,
            _ => true,
        }
    }
}

/// Counts of one subset at one share, summed over documents.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched_gold: usize,
    matched_pred: usize,
    speaker: (usize, usize),
    cue: (usize, usize),
}

impl Tally {
    /// Counts one document's matching for one subset.
    fn add(
        &mut self,
        subset: &str,
        golds: &[QuoteView],
        preds: &[QuoteView],
        pred_of_gold: &[Option<usize>],
        gold_of_pred: &[Option<usize>],
    ) {
        for (g, matched) in golds.iter().zip(pred_of_gold) {
            if !g.in_subset(subset) {
                continue;
            }
            self.gold += 1;
            let Some(p) = matched.and_then(|i| preds.get(i)) else {
                continue;
            };
            self.matched_gold += 1;
            if let Some(source) = g.speaker {
                self.speaker.1 += 1;
                self.speaker.0 += usize::from(p.speaker.is_some_and(|s| s.overlaps(&source)));
            }
            if let Some(cue) = g.cue {
                self.cue.1 += 1;
                self.cue.0 += usize::from(p.cue.is_some_and(|c| c.overlaps(&cue)));
            }
        }
        for (p, matched) in preds.iter().zip(gold_of_pred) {
            if p.in_subset(subset) {
                self.pred += 1;
                self.matched_pred += usize::from(matched.is_some());
            }
        }
    }
}

/// Quote tallies of a whole evaluation: per share, per subset.
pub struct QuoteTallies {
    shares: [f64; 2],
    tallies: [[Tally; SUBSETS.len()]; 2],
    classifier: Classifier,
}

impl QuoteTallies {
    /// Starts tallies for a loose and a strict share.
    pub fn new(loose: f64, strict: f64) -> Self {
        Self {
            shares: [loose, strict],
            tallies: [[Tally::default(); SUBSETS.len()]; 2],
            classifier: Classifier::default(),
        }
    }

    /// Adds one document pair; `pred` is `None` when nothing was predicted for it.
    pub fn add(&mut self, gold: &Document, pred: Option<&Document>) {
        let counts = CharCounts::new(gold.text(), counted);
        let golds = self.views(gold, &counts);
        let preds = pred.map(|p| self.views(p, &counts)).unwrap_or_default();
        let pairs = overlapping_pairs(
            &golds.iter().map(|q| q.hull).collect::<Vec<_>>(),
            &preds.iter().map(|q| q.hull).collect::<Vec<_>>(),
        );
        let shared: Vec<(usize, usize, usize)> = pairs
            .into_iter()
            .filter_map(|(g, p)| {
                Some((
                    g,
                    p,
                    counts.shared(&golds.get(g)?.content, &preds.get(p)?.content),
                ))
            })
            .collect();
        for (share, tallies) in self.shares.iter().zip(self.tallies.iter_mut()) {
            let candidates = shared
                .iter()
                .filter_map(|&(g, p, n)| {
                    let (x, y) = (golds.get(g)?, preds.get(p)?);
                    let least = (n as f64 / x.counted as f64).min(n as f64 / y.counted as f64);
                    (least >= *share).then_some(Candidate {
                        gold: g,
                        pred: p,
                        score: least,
                        shared: n,
                    })
                })
                .collect();
            let (pred_of_gold, gold_of_pred) = one_to_one(candidates, golds.len(), preds.len());
            for (subset, tally) in SUBSETS.iter().zip(tallies.iter_mut()) {
                tally.add(subset, &golds, &preds, &pred_of_gold, &gold_of_pred);
            }
        }
    }

    /// Quotes of a document that are not rejected, with content left after
    /// rejected spans; quotes with nothing counted in their content are left out.
    fn views(&self, doc: &Document, counts: &CharCounts) -> Vec<QuoteView> {
        let kept = |id| {
            doc.span(id)
                .filter(|s| s.state != SpanState::Rejected)
                .map(|s| s.range)
        };
        doc.quotes_sorted()
            .into_iter()
            .filter(|q| q.state != SpanState::Rejected)
            .filter_map(|q| {
                let content = merge(
                    &q.content
                        .iter()
                        .filter_map(|&id| kept(id))
                        .collect::<Vec<_>>(),
                );
                let hull = ByteRange::new(content.first()?.start, content.last()?.end);
                let counted = counts.in_ranges(&content);
                let cue = q.cue.and_then(kept);
                let subsets = self.classifier.subsets(doc.text(), &content, cue);
                (counted > 0).then_some(QuoteView {
                    hull,
                    counted,
                    speaker: q.speaker.and_then(kept),
                    cue,
                    subsets,
                    content,
                })
            })
            .collect()
    }

    /// Scores per subset, in [`SUBSETS`] order.
    pub fn scores(&self) -> Vec<QuoteSubset> {
        let at = |s: usize, i: usize| {
            let t = self
                .tallies
                .get(s)
                .and_then(|t| t.get(i))
                .copied()
                .unwrap_or_default();
            QuoteMatch {
                min_share: self.shares.get(s).copied().unwrap_or_default(),
                quotes: Prf::new(t.gold, t.pred, t.matched_gold, t.matched_pred),
                speaker: Accuracy::new(t.speaker.0, t.speaker.1),
                cue: Accuracy::new(t.cue.0, t.cue.1),
            }
        };
        SUBSETS
            .iter()
            .enumerate()
            .map(|(i, name)| QuoteSubset {
                subset: (*name).to_owned(),
                loose: at(0, i),
                strict: at(1, i),
            })
            .collect()
    }
}
