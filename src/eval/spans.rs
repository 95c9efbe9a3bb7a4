//! Span scores per label: exact (same range and label) and overlap (at least
//! one shared character, paired one-to-one, largest overlap first), over the
//! labels the gold uses; predicted labels go through the label map first.
//! Besides `all`, an `entities` row sums the entity labels only (gold spans
//! of the entity layer; QUOTE, SPEAKER and CUE never count), so quotes in an
//! entity gold such as GUM do not blur the entity figure.

use std::collections::{BTreeMap, BTreeSet};

use super::matching::{Candidate, one_to_one, overlapping_pairs};
use super::report::{LabelScores, Prf};
use crate::formats::output::exported_spans;
use crate::model::{ByteRange, CUE, Document, Layer, QUOTE, SPEAKER};

/// Attribution labels, never summed into the `entities` row whatever layer a
/// reader gave them.
const ATTRIBUTION: [&str; 3] = [QUOTE, SPEAKER, CUE];

/// Match counts of one label, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    gold: usize,
    pred: usize,
    exact: usize,
    overlap: usize,
}

/// Span tallies of a whole evaluation.
#[derive(Debug, Default)]
pub struct SpanTallies {
    /// Per gold label.
    pub labels: BTreeMap<String, Tally>,
    /// Predicted spans whose (mapped) label the gold does not use.
    pub ignored: BTreeMap<String, usize>,
    /// Gold labels seen on entity-layer spans: the labels the `entities` row sums.
    entity_labels: BTreeSet<String>,
}

impl SpanTallies {
    /// Starts tallies for the gold labels.
    pub fn new(gold_labels: &BTreeSet<String>) -> Self {
        Self {
            labels: gold_labels
                .iter()
                .map(|l| (l.clone(), Tally::default()))
                .collect(),
            ignored: BTreeMap::new(),
            entity_labels: BTreeSet::new(),
        }
    }

    /// Adds one document pair; `pred` is `None` when nothing was predicted for it.
    pub fn add(
        &mut self,
        gold: &Document,
        pred: Option<&Document>,
        map: &BTreeMap<String, String>,
    ) {
        let mut by_label: BTreeMap<String, (Vec<ByteRange>, Vec<ByteRange>)> = BTreeMap::new();
        for span in exported_spans(gold) {
            if span.layer == Layer::Entity
                && !ATTRIBUTION.contains(&span.label.as_str())
                && !self.entity_labels.contains(&span.label)
            {
                self.entity_labels.insert(span.label.clone());
            }
            by_label
                .entry(span.label.clone())
                .or_default()
                .0
                .push(span.range);
        }
        for span in pred.map(exported_spans).unwrap_or_default() {
            let label = map.get(&span.label).unwrap_or(&span.label);
            if self.labels.contains_key(label) {
                by_label
                    .entry(label.clone())
                    .or_default()
                    .1
                    .push(span.range);
            } else {
                *self.ignored.entry(label.clone()).or_insert(0) += 1;
            }
        }
        for (label, (golds, preds)) in by_label {
            if let Some(tally) = self.labels.get_mut(&label) {
                tally.gold += golds.len();
                tally.pred += preds.len();
                tally.exact += exact_matches(&golds, &preds);
                tally.overlap += overlap_matches(&golds, &preds);
            }
        }
    }

    /// Scores per label in name order, then `all` and, when the gold has
    /// entity labels, `entities` (both micro-averaged).
    pub fn scores(&self) -> Vec<LabelScores> {
        let score = |label: &str, t: &Tally| LabelScores {
            label: label.to_owned(),
            exact: Prf::new(t.gold, t.pred, t.exact, t.exact),
            overlap: Prf::new(t.gold, t.pred, t.overlap, t.overlap),
        };
        let (mut all, mut entities) = (Tally::default(), Tally::default());
        let mut out = Vec::with_capacity(self.labels.len() + 2);
        for (label, t) in &self.labels {
            all.add(t);
            if self.entity_labels.contains(label) {
                entities.add(t);
            }
            out.push(score(label, t));
        }
        out.push(score("all", &all));
        if !self.entity_labels.is_empty() {
            out.push(score("entities", &entities));
        }
        out
    }
}

impl Tally {
    /// Adds another label's counts (for the summary rows).
    fn add(&mut self, other: &Self) {
        self.gold += other.gold;
        self.pred += other.pred;
        self.exact += other.exact;
        self.overlap += other.overlap;
    }
}

/// Size of the multiset intersection of two range lists.
fn exact_matches(golds: &[ByteRange], preds: &[ByteRange]) -> usize {
    let (mut a, mut b) = (golds.to_vec(), preds.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Pairs of overlapping ranges, one-to-one, largest share of their union first.
fn overlap_matches(golds: &[ByteRange], preds: &[ByteRange]) -> usize {
    let candidates = overlapping_pairs(golds, preds)
        .into_iter()
        .filter_map(|(g, p)| {
            let (x, y) = (golds.get(g)?, preds.get(p)?);
            let shared = x.end.min(y.end) - x.start.max(y.start);
            let union = x.end.max(y.end) - x.start.min(y.start);
            Some(Candidate {
                gold: g,
                pred: p,
                score: shared as f64 / union as f64,
                shared,
            })
        })
        .collect();
    let (matched, _) = one_to_one(candidates, golds.len(), preds.len());
    matched.iter().flatten().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    #[test]
    fn exact_and_overlap_per_label_with_a_label_map() {
        let gold = markup::document(
            "[Ana Díaz|PERSON] flew to [北京|PLACE] and [Rio|PLACE] for [Acme|ORG].",
        )
        .unwrap();
        let pred = markup::document(
            "Ana [Díaz|PERSON] flew to [北京|GPE] and [Rio|LOC] for Acme. [Today|DATE]",
        )
        .unwrap();
        let labels: BTreeSet<String> = ["ORG", "PERSON", "PLACE"].map(String::from).into();
        let mut tallies = SpanTallies::new(&labels);
        let map: BTreeMap<String, String> = [("GPE", "PLACE"), ("LOC", "PLACE")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .into();
        tallies.add(&gold, Some(&pred), &map);
        let scores = tallies.scores();
        let get = |label: &str| scores.iter().find(|s| s.label == label).unwrap();
        assert_eq!(get("PERSON").exact.matched_gold, 0);
        assert_eq!(get("PERSON").overlap.recall, Some(1.0));
        assert_eq!(get("PLACE").exact.f1, Some(1.0));
        assert_eq!(get("ORG").overlap.recall, Some(0.0));
        assert_eq!(get("ORG").overlap.precision, None);
        assert_eq!(get("all").exact.matched_gold, 2);
        assert_eq!(tallies.ignored["DATE"], 1);
    }

    #[test]
    fn the_entities_row_leaves_attribution_labels_out() {
        let gold = markup::document(
            "[“Ça ira,”|QUOTE:1] [Zoë|SPEAKER:1] [said|CUE:1] in [Île-de-France|PLACE] for [Acme|ORG].",
        )
        .unwrap();
        let pred = markup::document(
            "[“Ça ira,”|QUOTE:1] [Zoë|PERSON] said in [Île|GPE]-de-France for [Acme|ORG].",
        )
        .unwrap();
        let labels: BTreeSet<String> = ["CUE", "ORG", "PLACE", "QUOTE", "SPEAKER"]
            .map(String::from)
            .into();
        let mut tallies = SpanTallies::new(&labels);
        let map: BTreeMap<String, String> = [("GPE".to_owned(), "PLACE".to_owned())].into();
        tallies.add(&gold, Some(&pred), &map);
        let scores = tallies.scores();
        let names: Vec<&str> = scores.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            names,
            ["CUE", "ORG", "PLACE", "QUOTE", "SPEAKER", "all", "entities"]
        );
        let entities = scores.last().unwrap();
        assert_eq!((entities.exact.gold, entities.exact.pred), (2, 2));
        assert_eq!(entities.exact.matched_gold, 1, "Acme only");
        assert_eq!(entities.overlap.f1, Some(1.0), "Île overlaps Île-de-France");
        let all = &scores[5];
        assert_eq!((all.exact.gold, all.exact.pred), (5, 3));
        assert_eq!(all.exact.matched_gold, 2, "Acme and the quote");
        assert_eq!(tallies.ignored["PERSON"], 1);
    }

    #[test]
    fn quote_only_gold_has_no_entities_row() {
        let gold = markup::document("[“Yes,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1].").unwrap();
        let labels: BTreeSet<String> = ["CUE", "QUOTE", "SPEAKER"].map(String::from).into();
        let mut tallies = SpanTallies::new(&labels);
        tallies.add(&gold, Some(&gold), &BTreeMap::new());
        assert_eq!(tallies.scores().last().unwrap().label, "all");
    }

    #[test]
    fn one_long_prediction_matches_one_gold_only() {
        let gold = markup::document("[Ana|PERSON] [Díaz|PERSON]").unwrap();
        let pred = markup::document("[Ana Díaz|PERSON]").unwrap();
        let labels: BTreeSet<String> = ["PERSON".to_owned()].into();
        let mut tallies = SpanTallies::new(&labels);
        tallies.add(&gold, Some(&pred), &BTreeMap::new());
        tallies.add(&gold, None, &BTreeMap::new());
        let person = &tallies.scores()[0];
        assert_eq!(person.overlap.gold, 4);
        assert_eq!(person.overlap.matched_gold, 1);
        assert_eq!(person.overlap.precision, Some(1.0));
    }
}
