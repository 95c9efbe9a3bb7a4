//! Learning-curve arithmetic on a toy gold written here, the simulated
//! review, k-fold scores, and (when `../shared/eval` is there) GUM news.

use std::path::Path;

use super::*;
use crate::model::markup::document;
use crate::model::{Layer, SpanState};

const CLUBS: [&str; 5] = ["Leeds", "Bristol", "Portsmouth", "Sheffield", "Plymouth"];

fn toy_gold(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let (a, b) = (CLUBS[i % 5], CLUBS[(i + 2) % 5]);
            document(&format!(
                "[{a}|ORG] beat [{b}|ORG] {i}-0 in round {i}.\n\n[Ana Díaz|PERSON] coaches [{a}|ORG]."
            ))
            .unwrap()
        })
        .collect()
}

fn entities(report: &EvalReport) -> &crate::eval::report::LabelScores {
    report
        .labels
        .iter()
        .find(|l| l.label == "entities")
        .unwrap()
}

#[test]
fn curve_holds_out_the_tail_and_skips_steps_that_do_not_fit() {
    let gold = toy_gold(10);
    let options = CurveOptions {
        steps: vec![2, 5, 8, 20],
        held_out: Some(3),
        train: TrainOptions::default(),
    };
    let curve = learning_curve(&gold, &options);
    assert_eq!((curve.documents, curve.held_out), (10, 3));
    let steps: Vec<usize> = curve.points.iter().map(|p| p.reviewed).collect();
    assert_eq!(steps, [2, 5]);
    assert_eq!(curve.notes.len(), 2, "{:?}", curve.notes);
    assert!(
        curve.notes[0].contains("step 8 skipped"),
        "{:?}",
        curve.notes
    );
    for p in &curve.points {
        let rules = entities(&p.scores.rules);
        assert_eq!(
            rules.exact.gold, 12,
            "3 held-out documents of 4 entities each"
        );
        assert_eq!(
            p.scores.rules, curve.points[0].scores.rules,
            "the same tail each step"
        );
        assert_eq!(
            p.scores.combined, p.scores.rules,
            "under the trust threshold: rules only"
        );
    }
    let learned = entities(&curve.points[1].scores.learned);
    assert_eq!(learned.exact.gold, 12);
    let text = curve.to_string();
    assert!(text.contains("the last 3 are held out"), "{text}");
    assert!(text.contains("Note: step 20 skipped"), "{text}");
    assert!(text.contains("per 100 documents"), "{text}");
    let default = learning_curve(
        &gold,
        &CurveOptions {
            held_out: None,
            ..options
        },
    );
    assert_eq!(default.held_out, 2, "a fifth");
}

#[test]
fn review_accepts_gold_and_rejects_the_other_rules_suggestions() {
    let gold = document("[Leeds|ORG] beat Bristol on Monday.").unwrap();
    let rules = crate::suggest::Suggestions {
        spans: vec![
            crate::suggest::SuggestedSpan {
                range: crate::model::ByteRange::new(0, 5),
                label: "GPE".into(),
                layer: Layer::Entity,
                origin: crate::model::Origin::suggested("rules", "t", 0.5),
                refers_to: None,
            },
            crate::suggest::SuggestedSpan {
                range: crate::model::ByteRange::new(11, 18),
                label: "GPE".into(),
                layer: Layer::Entity,
                origin: crate::model::Origin::suggested("rules", "t", 0.5),
                refers_to: None,
            },
        ],
        ..Default::default()
    };
    let doc = reviewed(&gold, &rules);
    let states: Vec<(&str, &str, SpanState)> = doc
        .spans_sorted()
        .into_iter()
        .map(|s| (s.text(doc.text()), s.label.as_str(), s.state))
        .collect();
    assert_eq!(
        states,
        [
            ("Leeds", "ORG", SpanState::Accepted),
            ("Bristol", "GPE", SpanState::Rejected)
        ],
        "Leeds was relabelled, Bristol rejected"
    );
    assert_eq!(accepted_only(&doc).span_count(), 1);
}

#[test]
fn cross_validation_scores_every_document_once() {
    let docs = toy_gold(6);
    let scores = cross_validate(&docs, 3, &TrainOptions::default()).unwrap();
    assert_eq!(scores.learned.documents.gold, 6);
    assert_eq!(entities(&scores.learned).exact.gold, 24);
    assert_eq!(
        scores.combined, scores.rules,
        "5 documents per fold: rules only"
    );
    assert!(cross_validate(&docs[..1], 3, &TrainOptions::default()).is_none());
}

#[test]
fn gum_news_curve_when_the_shared_data_is_there() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gum-news");
    if !path.is_dir() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let gold = crate::eval::gold::load(&path).unwrap().documents;
    let options = CurveOptions {
        steps: vec![19],
        held_out: Some(5),
        train: TrainOptions::default(),
    };
    let curve = learning_curve(&gold, &options);
    let point = &curve.points[0];
    let (rules, learned) = (
        entities(&point.scores.rules),
        entities(&point.scores.learned),
    );
    assert!(
        learned.exact.f1 > rules.exact.f1,
        "GUM's mention boundaries are learned: {:?} > {:?}",
        learned.exact.f1,
        rules.exact.f1
    );
}
