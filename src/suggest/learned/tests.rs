//! The learned engine on small corpora written for these tests: it is
//! deterministic, survives serialization, learns a convention the rules get
//! wrong, takes rejections as evidence, and combines with the rules as the
//! module doc says.

use std::sync::Arc;

use super::*;
use crate::model::markup::document;
use crate::model::{ByteRange, Document, Edit, Layer, Origin, Span, SpanState, Transaction};
use crate::suggest::rules::RulesSuggester;
use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggester, Suggestions};

use crate::tests::support::CLUBS;

const PEOPLE: [&str; 4] = ["Ana Díaz", "Tom Hale", "Priya Nair", "Jonas Berg"];

/// Match reports in which clubs named after their cities are ORG.
fn match_reports(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let home = CLUBS[i % CLUBS.len()];
            let away = CLUBS[(i + 1) % CLUBS.len()];
            let coach = PEOPLE[i % PEOPLE.len()];
            document(&format!(
                "[{home}|ORG] beat [{away}|ORG] 2-1 on Saturday.\n\n\
                 [{coach}|PERSON], who coaches [{home}|ORG], praised the defence.\n\n\
                 Fans of [{away}|ORG] left early as [{home}|ORG] celebrated."
            ))
            .unwrap()
        })
        .collect()
}

fn labelled(doc: &Document, spans: &[SuggestedSpan]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = spans
        .iter()
        .filter(|s| s.layer == Layer::Entity)
        .map(|s| {
            (
                s.range.slice(doc.text()).unwrap().to_owned(),
                s.label.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn same_documents_give_byte_identical_models() {
    let docs = match_reports(12);
    let a = Model::train(&docs, &TrainOptions::default());
    let b = Model::train(&docs, &TrainOptions::default());
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_eq!(a.documents_seen(), 12);
    assert_eq!(a.labels(), ["ORG", "PERSON"]);
    assert!(a.features() > 100);
}

#[test]
fn bytes_round_trip_and_bad_bytes_are_refused() {
    let docs = match_reports(8);
    let model = Model::train(&docs, &TrainOptions::default());
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back, model);
    assert_eq!(back.to_bytes(), bytes);
    let doc = document("Leeds drew with Plymouth.").unwrap();
    let rules = RulesSuggester::new().suggest(&doc);
    assert_eq!(back.predict(&doc, &rules), model.predict(&doc, &rules));
    assert_eq!(Model::from_bytes(b"nope"), Err(ModelError::NotAModel));
    assert_eq!(
        Model::from_bytes(&bytes[..bytes.len() - 1]),
        Err(ModelError::Truncated)
    );
    let mut newer = bytes.clone();
    newer[4] = 9;
    assert_eq!(Model::from_bytes(&newer), Err(ModelError::Version(9)));
    let empty = Model::empty();
    assert_eq!(Model::from_bytes(&empty.to_bytes()).unwrap(), empty);
}

#[test]
fn learns_that_clubs_named_after_cities_are_organisations() {
    let model = Model::train(&match_reports(24), &TrainOptions::default());
    let doc = document("Sheffield beat Leeds 3-0 at home.\n\nFans of Plymouth sang.").unwrap();
    let rules = RulesSuggester::new().suggest(&doc);
    let by_rules = labelled(&doc, &rules.spans);
    assert!(
        by_rules.iter().all(|(_, label)| label != "ORG"),
        "the rules take the clubs for their cities: {by_rules:?}"
    );
    let learned = model.predict(&doc, &rules);
    let clubs = |labels: &[(String, String)]| -> Vec<String> {
        labels
            .iter()
            .filter(|(_, l)| l == "ORG")
            .map(|(w, _)| w.clone())
            .collect()
    };
    assert_eq!(
        clubs(&labelled(&doc, &learned.spans)),
        ["Leeds", "Plymouth", "Sheffield"]
    );
    let combined = LearnedSuggester::new(Arc::new(model)).suggest(&doc);
    let all = labelled(&doc, &combined.spans);
    assert_eq!(clubs(&all), ["Leeds", "Plymouth", "Sheffield"], "{all:?}");
    assert!(
        all.iter()
            .all(|(w, l)| l != "GPE" || !CLUBS.contains(&w.as_str())),
        "{all:?}"
    );
    for s in combined.spans.iter().filter(|s| s.label == "ORG") {
        let Origin::Suggested { engine, score, .. } = &s.origin else {
            panic!()
        };
        assert_eq!(engine, ENGINE);
        assert!((0.0..=1.0).contains(score));
    }
}

/// `doc` with the rules' suggestion over `word` rejected.
fn with_rejected(doc: Document, word: &str, label: &str) -> Document {
    with_suggestion(doc, word, label, SpanState::Rejected)
}

/// `doc` with a rules suggestion over `word` in `state`.
fn with_suggestion(doc: Document, word: &str, label: &str, state: SpanState) -> Document {
    let mut doc = doc;
    let start = doc.text().find(word).unwrap();
    let mut span = Span::suggested(
        doc.ids().span(),
        ByteRange::new(start, start + word.len()),
        label,
        Layer::Entity,
        Origin::suggested("rules", "test", 0.5),
    );
    span.state = state;
    doc.apply(&Transaction::new("suggest").with(Edit::InsertSpan(span)))
        .unwrap();
    doc
}

#[test]
fn lines_with_suggestions_left_pending_are_not_learned() {
    let settled: Vec<Document> = (0..4)
        .map(|i| document(&format!("[Ana Díaz|PERSON] flew to Paris on day {i}.")).unwrap())
        .collect();
    assert!(Model::train(&settled, &TrainOptions::default()).features() > 0);
    let unsettled: Vec<Document> = settled
        .into_iter()
        .map(|d| with_suggestion(d, "Paris", "GPE", SpanState::Pending))
        .collect();
    let model = Model::train(&unsettled, &TrainOptions::default());
    assert_eq!(model.features(), 0, "no settled line to learn from");
    assert_eq!(model.documents_seen(), 4);
}

#[test]
fn rejected_suggestions_are_negative_evidence() {
    // Half the reports accept Jordan as a person, half reject that very
    // suggestion: the rejections must weigh more than a mere absence.
    let docs: Vec<Document> = (0..24)
        .map(|i| {
            let club = CLUBS[i % CLUBS.len()];
            let d = if i % 2 == 0 {
                document(&format!(
                    "[Jordan|PERSON] scored twice for [{club}|ORG] on Saturday."
                ))
            } else {
                document(&format!(
                    "Jordan scored twice for [{club}|ORG] on Saturday."
                ))
            };
            let d = with_rejected(d.unwrap(), "Saturday", "NORP");
            if i % 2 == 0 {
                d
            } else {
                with_rejected(d, "Jordan", "PERSON")
            }
        })
        .collect();
    let model = Model::train(&docs, &TrainOptions::default());
    assert_eq!(model.refused(), ["NORP"], "PERSON is accepted elsewhere");
    let plain = Model::train(
        &docs,
        &TrainOptions {
            rejected_weight: 0.0,
            ..TrainOptions::default()
        },
    );
    assert!(
        model.to_bytes() != plain.to_bytes(),
        "the rejections changed the weights"
    );
    let doc = document("Jordan scored twice for Leeds on Saturday.").unwrap();
    let rules = RulesSuggester::new().suggest(&doc);
    let people = |m: &Model| {
        m.predict(&doc, &rules)
            .spans
            .iter()
            .filter(|s| s.label == "PERSON")
            .count()
    };
    assert_eq!(
        people(&model),
        0,
        "rejected as often as accepted: not proposed"
    );
    let norp = Suggestions {
        spans: vec![entity(32, 40, "NORP", "rules")],
        ..Suggestions::default()
    };
    let merged = model.combine(norp, &Prediction::default());
    assert!(
        merged.spans.is_empty(),
        "a label only ever rejected is not filled in"
    );
}

fn entity(start: usize, end: usize, label: &str, engine: &str) -> SuggestedSpan {
    SuggestedSpan {
        range: ByteRange::new(start, end),
        label: label.into(),
        layer: Layer::Entity,
        origin: Origin::suggested(engine, "test", 0.9),
        refers_to: None,
    }
}

#[test]
fn combination_puts_the_model_first_and_lets_the_rules_fill_in() {
    let text = "Leeds and York met Ana in Paris on Monday.";
    let mut rules = Suggestions {
        spans: vec![
            entity(0, 5, "GPE", "rules"),
            entity(10, 14, "ORG", "rules"),
            entity(19, 22, "PERSON", "rules"),
            entity(26, 31, "ORG", "rules"),
            entity(35, 41, "DATE", "rules"),
            SuggestedSpan {
                layer: Layer::Attribution,
                ..entity(19, 22, "SPEAKER", "rules")
            },
        ],
        ..Suggestions::default()
    };
    rules.spans[5].refers_to = Some(2);
    rules.quotes.push(SuggestedQuote {
        content: vec![],
        speaker: Some(5),
        cue: None,
        kind: crate::model::QuoteKind::Indirect,
        speaker_entity: None,
        origin: Origin::suggested("rules", "test", 0.5),
        class: crate::suggest::AttributionClass::Speech,
        group: None,
    });
    let tokens: Vec<ByteRange> = crate::model::words(text).iter().map(|t| t.range).collect();
    // The model tags Leeds and Ana and is unsure only of Paris.
    let mut confidence = vec![0.9; tokens.len()];
    confidence[6] = 0.2;
    let learned = Prediction {
        spans: vec![
            entity(0, 5, "ORG", ENGINE),
            entity(19, 22, "PERSON", ENGINE),
        ],
        tokens,
        confidence,
    };
    let young = Model::train(&match_reports(3), &TrainOptions::default());
    assert_eq!(
        young.combine(rules.clone(), &learned),
        rules,
        "too few documents: rules only"
    );
    let model = Model::train(&match_reports(TRUST_AFTER), &TrainOptions::default());
    let merged = model.combine(rules, &learned);
    let shown: Vec<(&str, &str, String)> = merged
        .spans
        .iter()
        .map(|s| {
            let Origin::Suggested { engine, .. } = &s.origin else {
                panic!()
            };
            (
                s.range.slice(text).unwrap(),
                s.label.as_str(),
                engine.to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Leeds", "ORG", ENGINE.to_owned()),
            ("Ana", "PERSON", ENGINE.to_owned()),
            ("Paris", "ORG", "rules".to_owned()),
            ("Monday", "DATE", "rules".to_owned()),
            ("Ana", "SPEAKER", "rules".to_owned()),
        ],
        "Leeds and Ana overlap learned spans, the model is sure York is nothing, \
         unsure of Paris and does not know DATE"
    );
    assert_eq!(
        merged.spans[4].refers_to,
        Some(1),
        "the speaker now points at the learned Ana"
    );
    assert_eq!(merged.quotes[0].speaker, Some(4));
}

#[test]
fn uncertainty_is_higher_on_unfamiliar_text() {
    let model = Model::train(&match_reports(24), &TrainOptions::default());
    let score = |text: &str| {
        let doc = Document::new(None, text);
        model
            .predict(&doc, &RulesSuggester::new().suggest(&doc))
            .uncertainty()
    };
    let familiar = score("Leeds beat Bristol 2-1 on Saturday.");
    let strange = score("Quorvex Halbrecht Ultima signed Zentrix Obwalden in Marlowe Kettering.");
    assert!(strange > familiar, "{strange} > {familiar}");
    assert_eq!(
        Model::empty()
            .predict(&Document::new(None, "Leeds"), &Suggestions::default())
            .uncertainty(),
        0.0
    );
}
