//! The engines combined: the external engine through the memory, the
//! memory shaping the next document, the learned model in the rules' place.

use super::*;
use crate::model::{ByteRange, Edit, Layer, Origin, Span, SpanState, Transaction};
use crate::suggest::SuggestedSpan;
use crate::suggest::external::EngineCommand;

/// Suggests every capitalised word as PERSON.
struct Capitals;

impl Suggester for Capitals {
    fn name(&self) -> &str {
        "capitals"
    }
    fn suggest(&self, doc: &Document) -> Suggestions {
        let text = doc.text();
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (start, c.is_alphabetic()) {
                (None, true) if c.is_uppercase() => start = Some(i),
                (Some(s), false) => {
                    spans.push(SuggestedSpan {
                        range: ByteRange::new(s, i),
                        label: "PERSON".into(),
                        layer: Layer::Entity,
                        origin: Origin::suggested("capitals", "word", 0.5),
                        refers_to: None,
                    });
                    start = None;
                }
                _ => {}
            }
        }
        Suggestions {
            spans,
            ..Suggestions::default()
        }
    }
}

fn labelled(doc: &Document) -> Vec<(&str, &str, SpanState)> {
    doc.spans_sorted()
        .into_iter()
        .map(|s| (s.text(doc.text()), s.label.as_str(), s.state))
        .collect()
}

#[test]
fn the_external_engine_runs_on_a_part_through_the_memory() {
    let memory = Arc::new(MemoryEngine::default());
    let mut first = Document::new(None, "Monday in Zürich.");
    let origin = Origin::suggested("external", "ner", 0.5);
    let monday = Span::suggested(
        first.ids().span(),
        ByteRange::new(0, 6),
        "PERSON",
        Layer::Entity,
        origin,
    );
    first
        .apply(&Transaction::new("Suggest").with(Edit::InsertSpan(monday.clone())))
        .unwrap();
    let mut rejected = monday;
    rejected.state = SpanState::Rejected;
    let applied = first
        .apply(&Transaction::new("Review").with(Edit::ReplaceSpan(rejected)))
        .unwrap();
    memory.learn(&applied, &first);

    let line =
        r#"{"spans":[{"start":0,"end":6,"label":"PERSON"},{"start":10,"end":16,"label":"GPE"}]}"#;
    let script = "cat >/dev/null; printf '%s\\n' \"$1\" \"$1\"";
    let argv = ["sh", "-c", script, "fixture", line].map(String::from);
    let external = ExternalEngine::new(EngineCommand::from_argv(argv.into()).unwrap());
    let engines = Engines::new(Vec::new())
        .with_external(Some(external))
        .with_memory(Arc::clone(&memory));
    assert_eq!(engines.names(), ["memory", "external"]);

    let mut part = vec![
        Document::new(None, "Monday in Zürich."),
        Document::new(None, "Monday in Zürich, again."),
    ];
    for doc in &mut part {
        engines.suggest(doc).unwrap();
    }
    let mut refs: Vec<&mut Document> = part.iter_mut().collect();
    assert_eq!(engines.suggest_external(&mut refs), Vec::<String>::new());
    for doc in &part {
        assert_eq!(
            labelled(doc),
            [("Zürich", "GPE", SpanState::Pending)],
            "Monday as PERSON was rejected elsewhere"
        );
    }
}

#[test]
fn what_the_editor_rejected_or_added_elsewhere_shapes_the_next_document() {
    let memory = Arc::new(MemoryEngine::default());
    let engines = Engines::new(vec![Box::new(Capitals)]).with_memory(Arc::clone(&memory));
    assert_eq!(engines.names(), ["capitals", "memory"]);

    let mut first = Document::new(None, "Monday: Zoë met Ana Díaz in Zürich.");
    engines.suggest(&mut first).unwrap();
    let monday = first.spans().find(|s| s.text(first.text()) == "Monday");
    let mut rejected = monday.unwrap().clone();
    rejected.state = SpanState::Rejected;
    let gpe = Span::manual(
        first.ids().span(),
        ByteRange::new(30, 37),
        "GPE",
        Layer::Entity,
    );
    let tx = Transaction::new("Review")
        .with(Edit::ReplaceSpan(rejected))
        .with(Edit::InsertSpan(gpe));
    let applied = first.apply(&tx).unwrap();
    memory.learn(&applied, &first);

    let mut next = Document::new(None, "Monday in Zürich.");
    engines.suggest(&mut next).unwrap();
    assert_eq!(
        labelled(&next),
        [
            ("Zürich", "PERSON", SpanState::Pending),
            ("Zürich", "GPE", SpanState::Pending)
        ],
        "Monday is not suggested again; Zürich is a GPE by memory"
    );
}

#[test]
fn a_trusted_model_takes_the_rules_engines_place() {
    let engines = Engines::new(crate::suggest::builtin());
    assert_eq!(engines.names(), ["rules"]);
    let model = |n: usize| {
        let docs: Vec<Document> = (0..n)
            .map(|i| crate::model::markup::document(&format!("[Leeds|ORG] won {i}-0.")).unwrap())
            .collect();
        Some(Arc::new(Model::train(&docs, &Default::default())))
    };
    assert_eq!(
        engines.with_learned(model(TRUST_AFTER - 1)).names(),
        ["rules"]
    );
    let learned = engines.with_learned(model(TRUST_AFTER));
    assert_eq!(learned.names(), ["learned"]);
    let mut doc = Document::new(None, "Leeds won 3-0.");
    learned.suggest(&mut doc).unwrap();
    let leeds = doc.spans().find(|s| s.text(doc.text()) == "Leeds").unwrap();
    assert!(
        matches!(&leeds.origin, Origin::Suggested { engine, .. } if engine == "learned"),
        "{leeds:?}"
    );
    assert_eq!(learned.with_learned(None).names(), ["rules"]);
}

#[test]
fn the_learned_engine_runs_on_the_projects_rules_and_keeps_their_quote_classes() {
    use crate::model::AttributionClass;
    use crate::suggest::learned::TrainOptions;
    use crate::suggest::rules::RulesConfig;

    let reviewed: Vec<Document> = (0..TRUST_AFTER)
        .map(|i| {
            let text = format!("[Ana Díaz|PERSON] spoke in [Leeds|GPE] on day {i}.");
            crate::model::markup::document(&text).unwrap()
        })
        .collect();
    let model = Arc::new(Model::train(&reviewed, &TrainOptions::default()));
    let config = RulesConfig {
        classes: crate::model::ClassSet::ALL,
        ..RulesConfig::default()
    };
    let engines = Engines::new(crate::suggest::builtin_with(config)).with_learned(Some(model));
    assert_eq!(engines.names(), ["learned"]);
    let mut doc = Document::new(None, "Ortiz believes the vote in the valley will be close.");
    engines.suggest(&mut doc).unwrap();
    let classes: Vec<AttributionClass> = doc.quotes().map(|q| q.class).collect();
    assert_eq!(classes, [AttributionClass::Belief]);
}
