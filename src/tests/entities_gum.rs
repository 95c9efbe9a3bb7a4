//! The entity rules scored against the GUM news gold with `byline eval`'s
//! matching (GPE and LOC count as place): a floor under the overlap F1 so a
//! change that breaks entity finding shows. Skipped when
//! `../shared/eval/gum-news` is absent.

use std::fs;
use std::path::Path;

use crate::eval::{EvalOptions, evaluate};
use crate::formats::conllu::read;
use crate::model::Document;
use crate::suggest::entities::EntitySuggester;
use crate::suggest::{Suggester, to_transaction};

#[test]
fn entity_rules_beat_the_floor_on_gum_news() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gum-news");
    let Ok(entries) = fs::read_dir(&root) else {
        eprintln!("skipped: ../shared/eval/gum-news is absent");
        return;
    };
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let input = fs::read_to_string(&path).unwrap();
        for doc in read(&input, &path.display().to_string()).unwrap().documents {
            let mut guess = Document::new(doc.source.clone(), doc.text());
            let suggestions = EntitySuggester.suggest(&guess);
            guess.apply(&to_transaction(&guess, &suggestions)).unwrap();
            gold.push(doc);
            pred.push(guess);
        }
    }
    let report = evaluate(&gold, &pred, &EvalOptions::default());
    for scores in &report.labels {
        eprintln!(
            "{:<8} exact P {} R {} F1 {} | overlap P {} R {} F1 {}",
            scores.label,
            num(scores.exact.precision),
            num(scores.exact.recall),
            num(scores.exact.f1),
            num(scores.overlap.precision),
            num(scores.overlap.recall),
            num(scores.overlap.f1)
        );
    }
    let entities = report
        .labels
        .iter()
        .find(|l| l.label == "entities")
        .unwrap();
    let (g, f1) = (entities.overlap.gold, entities.overlap.f1.unwrap_or(0.0));
    assert_eq!(g, 1_077);
    assert!(f1 >= 0.74, "overlap F1 {f1:.3} fell below 0.74");
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}
