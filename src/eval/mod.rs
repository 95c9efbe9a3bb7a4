//! Evaluation: how close predicted annotations are to gold ones. Documents
//! pair up by text (their id); a gold document without prediction counts as
//! predicting nothing. Scores: per label span P/R/F1 by exact match and by
//! overlap; quote P/R/F1 at a loose (30%) and strict (80%) share of counted
//! content characters, with speaker and cue accuracy on matched quotes, for
//! all attributions, the PolNeAR speech subset and by kind, direct (quoted
//! words) and indirect (none) (see `quotes` and `subsets`). Predicted labels
//! are mapped onto the gold's explicitly: by default GPE and LOC become PLACE
//! when the gold has PLACE and neither of them (GUM's one place class); the
//! map applied is in the report.

mod cli;
pub mod gold;
pub mod learning;
mod matching;
mod quotes;
pub mod report;
mod spans;
mod subsets;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::formats::output::exported_spans;
use crate::model::{DocId, Document};

pub use cli::run_cli;
pub use report::EvalReport;

/// What an evaluation compares and how.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalOptions {
    /// Predicted label → gold label; `None` picks the default described above.
    pub label_map: Option<BTreeMap<String, String>>,
    /// Share for the loose quote match.
    pub loose: f64,
    /// Share for the strict quote match.
    pub strict: f64,
}

impl Default for EvalOptions {
    fn default() -> Self {
        Self {
            label_map: None,
            loose: 0.3,
            strict: 0.8,
        }
    }
}

/// The default label map for a gold label set.
pub fn default_label_map(gold_labels: &BTreeSet<String>) -> BTreeMap<String, String> {
    let one_place = gold_labels.contains("PLACE")
        && !gold_labels.contains("GPE")
        && !gold_labels.contains("LOC");
    if one_place {
        ["GPE", "LOC"]
            .map(|l| (l.to_owned(), "PLACE".to_owned()))
            .into()
    } else {
        BTreeMap::new()
    }
}

/// Scores `pred` against `gold`.
pub fn evaluate(gold: &[Document], pred: &[Document], options: &EvalOptions) -> EvalReport {
    let mut preds: HashMap<&DocId, &Document> = HashMap::with_capacity(pred.len());
    for doc in pred {
        preds.entry(&doc.id).or_insert(doc);
    }
    let mut golds: Vec<&Document> = Vec::with_capacity(gold.len());
    let mut seen: BTreeSet<&DocId> = BTreeSet::new();
    for doc in gold {
        if seen.insert(&doc.id) {
            golds.push(doc);
        }
    }
    let gold_labels: BTreeSet<String> = golds
        .iter()
        .flat_map(|d| exported_spans(d))
        .map(|s| s.label.clone())
        .collect();
    let label_map = options
        .label_map
        .clone()
        .unwrap_or_else(|| default_label_map(&gold_labels));
    let mut spans = spans::SpanTallies::new(&gold_labels);
    let mut quotes = quotes::QuoteTallies::new(options.loose, options.strict);
    let mut gold_only = 0;
    for doc in &golds {
        let matched = preds.get(&doc.id).copied();
        gold_only += usize::from(matched.is_none());
        spans.add(doc, matched, &label_map);
        quotes.add(doc, matched);
    }
    let has_quotes = golds.iter().any(|d| d.quotes().next().is_some());
    let copied = holds_every_gold_span(&golds, &preds);
    EvalReport {
        documents: report::DocumentCounts {
            gold: golds.len(),
            pred: preds.len(),
            gold_only,
            pred_only: preds.keys().filter(|id| !seen.contains(*id)).count(),
        },
        label_map,
        labels: spans.scores(),
        ignored_labels: spans.ignored,
        quotes: if has_quotes {
            quotes.scores()
        } else {
            Vec::new()
        },
        warnings: copied.then(|| COPIED_GOLD.to_owned()).into_iter().collect(),
    }
}

/// Said when the predictions hold the gold: scores of 1.0 that measure nothing.
pub const COPIED_GOLD: &str = "every gold span is also predicted: were the predictions made from the annotated files? `byline suggest` keeps the annotations a file has; suggest on the text alone to score the engine";

/// True when some gold document has spans and every gold document paired
/// with a prediction has each of its spans (range and label) predicted.
fn holds_every_gold_span(golds: &[&Document], preds: &HashMap<&DocId, &Document>) -> bool {
    let mut any = false;
    for gold in golds {
        let Some(pred) = preds.get(&gold.id) else {
            continue;
        };
        let predicted: BTreeSet<_> = exported_spans(pred)
            .into_iter()
            .map(|s| (s.range, s.label.as_str()))
            .collect();
        for span in exported_spans(gold) {
            if !predicted.contains(&(span.range, span.label.as_str())) {
                return false;
            }
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::document;
    use report::QuoteSubset;

    fn eval(gold: &str, pred: &str) -> EvalReport {
        let gold = document(gold).unwrap();
        let pred = document(pred).unwrap();
        assert_eq!(
            gold.text(),
            pred.text(),
            "same text, or the documents do not pair"
        );
        evaluate(&[gold], &[pred], &EvalOptions::default())
    }

    #[test]
    fn predictions_holding_the_gold_are_named() {
        let gold = "[“Nous restons,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1] à [Montréal|GPE].";
        assert_eq!(eval(gold, gold).warnings, [COPIED_GOLD]);
        let suggested = "[“Nous restons,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1] à Montréal.";
        assert_eq!(eval(gold, suggested).warnings, Vec::<String>::new());
    }

    fn subset<'r>(report: &'r EvalReport, name: &str) -> &'r QuoteSubset {
        report.quotes.iter().find(|q| q.subset == name).unwrap()
    }

    #[test]
    fn loose_share_matches_what_strict_does_not() {
        let report = eval(
            "[the budget will pass next week|QUOTE:1], [she|SPEAKER:1] [said|CUE:1].",
            "[the budget will pass|QUOTE:1] next week, [she|SPEAKER:1] said.",
        );
        let all = subset(&report, "all");
        assert_eq!(
            all.loose.quotes.matched_gold, 1,
            "17 of 25 counted characters is ≥ 30%"
        );
        assert_eq!(all.strict.quotes.matched_gold, 0, "… and < 80%");
        assert_eq!(all.loose.speaker.value, Some(1.0));
        assert_eq!((all.loose.cue.correct, all.loose.cue.total), (0, 1));
        assert_eq!(all.strict.speaker.total, 0);
    }

    #[test]
    fn quotation_marks_commas_and_full_stops_do_not_count() {
        let report = eval(
            "[“We will rebuild, e\u{301}very 👋 home.”|QUOTE:1] Ana [Díaz|SPEAKER:1] [said|CUE:1].",
            "“[We will rebuild, e\u{301}very 👋 home|QUOTE:1].” [Ana|SPEAKER:1] Díaz said.",
        );
        let all = subset(&report, "all");
        assert_eq!(all.strict.quotes.f1, Some(1.0));
        assert_eq!(
            all.strict.speaker.value,
            Some(0.0),
            "Ana does not overlap Díaz"
        );
        assert_eq!(
            subset(&report, "direct").strict.quotes.f1,
            Some(1.0),
            "a mark stands beside the prediction"
        );
        assert_eq!(subset(&report, "speech").strict.quotes.recall, Some(1.0));
        assert_eq!(
            subset(&report, "speech").strict.quotes.pred,
            0,
            "the prediction has no cue"
        );
    }

    #[test]
    fn direct_and_indirect_are_scored_apart() {
        let report = eval(
            "[“We will rebuild the bridge,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1]. \
             [He|SPEAKER:2] [said|CUE:2] [the bridge would stay closed|QUOTE:2].",
            "[“We will rebuild the bridge,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1]. \
             He [said|CUE:2] [the bridge would stay closed|QUOTE:2].",
        );
        let direct = subset(&report, "direct");
        let indirect = subset(&report, "indirect");
        for side in [
            &direct.loose,
            &direct.strict,
            &indirect.loose,
            &indirect.strict,
        ] {
            assert_eq!((side.quotes.gold, side.quotes.pred), (1, 1));
            assert_eq!(side.quotes.f1, Some(1.0));
            assert_eq!(side.cue.value, Some(1.0));
        }
        assert_eq!(direct.strict.speaker.value, Some(1.0));
        assert_eq!(
            indirect.strict.speaker.value,
            Some(0.0),
            "no speaker predicted"
        );
        assert!(report.to_string().contains("\nindirect "));
    }

    #[test]
    fn one_prediction_matches_one_gold_quote_only() {
        let report = eval(
            "[“Alpha beta gamma.”|QUOTE:1] [“Delta epsilon zeta eta.”|QUOTE:2]",
            "[“Alpha beta gamma.” “Delta epsilon zeta eta.”|QUOTE:1]",
        );
        let all = subset(&report, "all");
        assert_eq!(all.loose.quotes.recall, Some(0.5));
        assert_eq!(all.loose.quotes.precision, Some(1.0));
        assert_eq!(all.strict.quotes.matched_pred, 0);
    }

    #[test]
    fn best_overlap_is_paired_first() {
        let report = eval(
            "[aaaa bbbb cccc dddd|QUOTE:1] [eeee ffff|QUOTE:2]",
            "[aaaa bbbb cccc dddd eeee|QUOTE:1] [ffff|QUOTE:2]",
        );
        let all = subset(&report, "all");
        assert_eq!(
            all.loose.quotes.matched_gold, 2,
            "the long pair first, then ffff with eeee ffff"
        );
        assert_eq!(all.strict.quotes.matched_gold, 1);
    }

    #[test]
    fn gold_against_itself_and_against_nothing() {
        let gold = document(
            "[Ana Díaz|PERSON] met [北京|GPE] officials. [“We will,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1]. [They agreed|QUOTE:2], [aides|SPEAKER:2] [said|CUE:2].",
        )
        .unwrap();
        let same = evaluate(
            std::slice::from_ref(&gold),
            std::slice::from_ref(&gold),
            &EvalOptions::default(),
        );
        for l in &same.labels {
            assert_eq!(
                (l.exact.f1, l.overlap.f1),
                (Some(1.0), Some(1.0)),
                "{}",
                l.label
            );
        }
        for q in &same.quotes {
            assert_eq!(q.loose.quotes.f1, Some(1.0), "{}", q.subset);
            assert_eq!(q.strict.speaker.value, Some(1.0), "{}", q.subset);
        }
        assert_eq!(subset(&same, "direct").loose.quotes.gold, 1);
        let empty = evaluate(std::slice::from_ref(&gold), &[], &EvalOptions::default());
        assert_eq!(empty.documents.gold_only, 1);
        assert!(
            empty
                .labels
                .iter()
                .all(|l| l.overlap.recall == Some(0.0) && l.overlap.precision.is_none())
        );
        assert!(empty.quotes.iter().all(|q| q.loose.quotes.f1 == Some(0.0)));
    }

    #[test]
    fn places_map_onto_one_place_class_and_the_report_says_so() {
        let report = eval("[Rio|PLACE] and [Acme|ORG]", "[Rio|GPE] and [Acme|ORG]");
        assert_eq!(report.label_map["GPE"], "PLACE");
        let all = report.labels.iter().find(|l| l.label == "all").unwrap();
        assert_eq!(all.exact.f1, Some(1.0));
        let text = report.to_string();
        assert!(text.contains("GPE → PLACE"), "{text}");
        assert!(
            text.contains("PLACE               1      1 |       1.000 1.000 1.000"),
            "{text}"
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["labels"][0]["label"], "ORG");
        assert_eq!(json["labels"][2]["exact"]["f1"], 1.0);
        assert_eq!(json["labels"][3]["label"], "entities");
        assert_eq!(json["labels"][3]["overlap"]["gold"], 2);
        assert!(text.contains("\nentities            2      2 |"), "{text}");
    }
}
