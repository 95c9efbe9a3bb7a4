//! `byline eval` on the shared gold: PolNeAR and GUM load with the counts the
//! eval README gives, and the trivial baselines score 1 (gold against itself)
//! and 0 (against nothing). Skipped when `../shared/eval` is absent.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::eval::{EvalOptions, evaluate, gold, run_cli};

fn shared(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(name);
    path.is_dir().then_some(path)
}

#[test]
fn polnear_gold_loads_first_annotator_attributions() {
    let Some(path) = shared("polnear-dev") else {
        eprintln!("skipped: ../shared/eval/polnear-dev is absent");
        return;
    };
    let loaded = gold::load(&path).unwrap();
    assert_eq!(loaded.warnings, vec![]);
    assert_eq!(loaded.documents.len(), 84);
    let quotes: Vec<_> = loaded.documents.iter().flat_map(|d| d.quotes()).collect();
    assert_eq!(
        quotes.len(),
        2192,
        "2,193 attributions, one without content"
    );
    assert_eq!(quotes.iter().filter(|q| q.speaker.is_none()).count(), 126);
    let labels: BTreeSet<&str> = loaded
        .documents
        .iter()
        .flat_map(|d| d.spans())
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["CUE", "QUOTE", "SPEAKER"].into());

    let mut out = Vec::new();
    run_cli(&path, &path, true, &mut out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["documents"]["gold"], 84);
    let subsets = json["quotes"].as_array().unwrap();
    let gold_of = |i: usize| subsets[i]["loose"]["quotes"]["gold"].as_u64().unwrap();
    assert_eq!(gold_of(0), 2192);
    assert!(
        (1000..2192).contains(&gold_of(1)),
        "speech subset: {}",
        gold_of(1)
    );
    assert!(
        (624..700).contains(&gold_of(2)),
        "direct subset: {}",
        gold_of(2)
    );
    for subset in subsets {
        assert_eq!(subset["strict"]["quotes"]["f1"], 1.0);
        assert_eq!(subset["strict"]["speaker"]["value"], 1.0);
    }
    let empty = evaluate(&loaded.documents, &[], &EvalOptions::default());
    assert!(
        empty
            .quotes
            .iter()
            .all(|q| q.loose.quotes.recall == Some(0.0))
    );
}

#[test]
fn gum_gold_scores_against_itself_with_places_mapped() {
    let Some(path) = shared("gum-news") else {
        eprintln!("skipped: ../shared/eval/gum-news is absent");
        return;
    };
    let loaded = gold::load(&path).unwrap();
    assert_eq!(loaded.documents.len(), 24);
    let report = evaluate(
        &loaded.documents,
        &loaded.documents,
        &EvalOptions::default(),
    );
    assert_eq!(
        report.label_map.get("LOC").map(String::as_str),
        Some("PLACE")
    );
    let labels: Vec<(&str, usize)> = report
        .labels
        .iter()
        .map(|l| (l.label.as_str(), l.exact.gold))
        .collect();
    assert_eq!(
        labels,
        [
            ("ORG", 405),
            ("PERSON", 331),
            ("PLACE", 341),
            ("QUOTE", 68),
            ("all", 1145),
            ("entities", 1077)
        ]
    );
    assert!(report.labels.iter().all(|l| l.overlap.f1 == Some(1.0)));
}

#[test]
fn byline_jsonl_predictions_score_against_brat_gold() {
    let Some(path) = shared("polnear-dev") else {
        eprintln!("skipped: ../shared/eval/polnear-dev is absent");
        return;
    };
    let loaded = gold::load(&path).unwrap();
    let docs = &loaded.documents[..3];
    let mut jsonl = Vec::new();
    crate::formats::byline::write(
        docs,
        &mut jsonl,
        crate::formats::byline::Flavor::Byline,
        crate::formats::ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, jsonl).unwrap();
    let predicted = gold::load(&pred).unwrap();
    let report = evaluate(docs, &predicted.documents, &EvalOptions::default());
    assert_eq!(report.documents.gold_only, 0);
    assert!(
        report
            .quotes
            .iter()
            .all(|q| q.strict.quotes.f1 == Some(1.0))
    );
    assert!(report.labels.iter().all(|l| l.exact.f1 == Some(1.0)));
}
