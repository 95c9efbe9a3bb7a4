//! The engines combined: the external engine through the memory, the
//! memory shaping the next document, the learned model in the rules' place.

use super::*;
use crate::model::{AttributionClass, ClassSet};
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

/// An engine answering every document with a belief and a quote without a
/// class, whatever classes the project suggests.
fn believing_engine(text: &str) -> ExternalEngine {
    let at = |part: &str| {
        let start = text[..text.find(part).unwrap()].chars().count();
        (start, start + part.chars().count())
    };
    let span = |part: &str, label: &str| {
        let (start, end) = at(part);
        format!(r#"{{"start":{start},"end":{end},"label":"{label}"}}"#)
    };
    let spans = [
        span("Zoë Ortiz", "SPEAKER"),
        span("believes", "CUE"),
        span("the dam will hold", "QUOTE"),
        span("“It will,”", "QUOTE"),
        span("said", "CUE"),
        span("Ana Díaz", "SPEAKER"),
        span("Ana Díaz", "PERSON"),
    ];
    let quotes = r#"[{"content":[2],"speaker":0,"cue":1,"kind":"indirect","class":"belief"},{"content":[3],"speaker":5,"cue":4}]"#;
    let line = format!(r#"{{"spans":[{}],"quotes":{quotes}}}"#, spans.join(","));
    let script = "cat >/dev/null; printf '%s\\n' \"$1\"";
    let argv = ["sh", "-c", script, "fixture", &line].map(String::from);
    ExternalEngine::new(EngineCommand::from_argv(argv.into()).unwrap())
}

#[test]
fn an_external_engines_quotes_are_kept_in_the_projects_classes() {
    let text = "Zoë Ortiz believes the dam will hold. “It will,” said Ana Díaz.";
    let suggested = |engines: Engines| {
        let mut doc = Document::new(None, text);
        let warnings = engines.suggest_external(&mut [&mut doc]);
        assert_eq!(warnings, Vec::<String>::new());
        let quotes: Vec<(&str, AttributionClass)> = (doc.quotes())
            .map(|q| (doc.span(q.content[0]).unwrap().text(doc.text()), q.class))
            .collect();
        let spans: Vec<&str> = (doc.spans_sorted().into_iter())
            .map(|s| s.text(doc.text()))
            .collect();
        (
            quotes
                .into_iter()
                .map(|(t, c)| (t.to_owned(), c))
                .collect::<Vec<_>>(),
            spans.join("|"),
        )
    };
    let engines = Engines::new(Vec::new()).with_external(Some(believing_engine(text)));
    assert_eq!(
        suggested(engines.clone()),
        (
            vec![("“It will,”".to_owned(), AttributionClass::Speech)],
            "“It will,”|said|Ana Díaz|Ana Díaz".to_owned()
        ),
        "speech and writing by default, as the rules engine; no class is speech"
    );
    let beliefs = ClassSet::NONE.with(AttributionClass::Belief);
    let (quotes, spans) = suggested(engines.with_classes(beliefs));
    assert_eq!(
        quotes,
        [("the dam will hold".to_owned(), AttributionClass::Belief)]
    );
    assert_eq!(
        spans, "Zoë Ortiz|believes|the dam will hold|Ana Díaz",
        "the PERSON stays"
    );
    let (quotes, _) = suggested(engines.with_classes(ClassSet::ALL));
    assert_eq!(quotes.len(), 2);
}
