//! The memory engine across documents: what the editor does in one article
//! shows up in the next.

use super::{ENGINE, MemoryEngine};
use crate::model::{
    ByteRange, Document, Edit, History, Layer, Origin, QuoteKind, Span, SpanState, Transaction,
    markup,
};
use crate::model::{QUOTE, SPEAKER};
use crate::suggest::{
    AttributionClass, SuggestedQuote, SuggestedSpan, Suggester, Suggestions, to_transaction,
};

/// Sets the state of the span covering `text` and lets the engine learn.
fn review(engine: &MemoryEngine, doc: &mut Document, text: &str, state: SpanState) {
    let span = doc
        .spans()
        .find(|s| s.text(doc.text()) == text)
        .unwrap()
        .clone();
    let mut reviewed = span;
    reviewed.state = state;
    let applied = History::new()
        .apply(
            doc,
            &Transaction::new("review").with(Edit::ReplaceSpan(reviewed)),
        )
        .unwrap();
    engine.learn(&applied, doc);
}

/// Adds a manual span over the first occurrence of `text`, as the editor does
/// by dragging, and lets the engine learn.
fn add(engine: &MemoryEngine, doc: &mut Document, text: &str, label: &str) {
    let start = doc.text().find(text).unwrap();
    let span = Span::manual(
        doc.ids().span(),
        ByteRange::new(start, start + text.len()),
        label,
        Layer::Entity,
    );
    let applied = doc
        .apply(&Transaction::new("add").with(Edit::InsertSpan(span)))
        .unwrap();
    engine.learn(&applied, doc);
}

fn suggested(doc: &Document, suggestions: &Suggestions) -> Vec<String> {
    suggestions
        .spans
        .iter()
        .map(|s| format!("{}={}", &doc.text()[s.range.start..s.range.end], s.label))
        .collect()
}

/// A stand-in for the rules engine: every capitalized "May" is a PERSON.
fn may_is_a_person(doc: &Document) -> Suggestions {
    let spans = doc
        .text()
        .match_indices("May")
        .map(|(at, m)| SuggestedSpan {
            range: ByteRange::new(at, at + m.len()),
            label: "PERSON".into(),
            layer: Layer::Entity,
            origin: Origin::suggested("rules", "capitalized", 0.4),
            refers_to: None,
        })
        .collect();
    Suggestions {
        spans,
        ..Suggestions::default()
    }
}

#[test]
fn an_accepted_label_is_suggested_in_every_other_document() {
    let engine = MemoryEngine::default();
    let mut first = Document::new(None, "Talks with Wang Yi ended.");
    add(&engine, &mut first, "Wang Yi", "PERSON");
    let second = Document::new(None, "BEIJING — WANG YI\n\nWang Yi, 71, met Wang Yin.");
    let suggestions = engine.suggest(&second);
    assert_eq!(
        suggested(&second, &suggestions),
        ["WANG YI=PERSON", "Wang Yi=PERSON"]
    );
    assert!(suggestions.spans.iter().all(|s| matches!(
        &s.origin,
        Origin::Suggested { engine, rule, .. } if engine == ENGINE && rule == "phrase"
    )));
}

#[test]
fn a_rejected_suggestion_does_not_come_back_from_any_engine() {
    let engine = MemoryEngine::default();
    let mut first = Document::new(None, "Rates rose in May.");
    first
        .apply(&to_transaction(&first, &may_is_a_person(&first)))
        .unwrap();
    review(&engine, &mut first, "May", SpanState::Rejected);

    let second = Document::new(None, "Prices fell in May, Theresa said.");
    let mut suggestions = may_is_a_person(&second);
    engine.refine(&second, &mut suggestions);
    assert!(suggestions.spans.is_empty());
    assert!(engine.suggest(&second).spans.is_empty());
}

#[test]
fn refine_keeps_quote_links_pointing_at_the_right_spans() {
    let engine = MemoryEngine::default();
    let mut first = Document::new(None, "In May.");
    first
        .apply(&to_transaction(&first, &may_is_a_person(&first)))
        .unwrap();
    review(&engine, &mut first, "May", SpanState::Rejected);

    let second = Document::new(None, "May said: “Fine.”");
    let mut suggestions = may_is_a_person(&second);
    suggestions.spans.push(SuggestedSpan {
        range: ByteRange::new(10, second.text().len()),
        label: QUOTE.into(),
        layer: Layer::Attribution,
        origin: Origin::suggested("rules", "quote", 0.9),
        refers_to: None,
    });
    suggestions.quotes.push(SuggestedQuote {
        content: vec![1],
        speaker: Some(0),
        cue: None,
        kind: QuoteKind::Direct,
        speaker_entity: None,
        origin: Origin::suggested("rules", "quote", 0.9),
        class: AttributionClass::Speech,
        group: None,
    });
    engine.refine(&second, &mut suggestions);
    assert_eq!(suggested(&second, &suggestions), ["“Fine.”=QUOTE"]);
    assert_eq!(suggestions.quotes[0].content, [0]);
    assert_eq!(suggestions.quotes[0].speaker, None);
}

#[test]
fn speakers_names_carry_across_documents() {
    let engine = MemoryEngine::default();
    let mut first =
        markup::document("[“We agree,”|QUOTE:1] [Blinken|SPEAKER:1] [said|CUE:1].").unwrap();
    let mut quote = first.quotes().next().unwrap().clone();
    quote.speaker_entity = Some("Antony Blinken".into());
    let applied = first
        .apply(&Transaction::new("name").with(Edit::ReplaceQuote(quote)))
        .unwrap();
    engine.learn(&applied, &first);

    let mut second = Document::new(None, "“No,” Blinken said. “Never,” he added.");
    let text = second.text().to_owned();
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        ByteRange::new(start, start + s.len())
    };
    let span = |s: &str, label: &str, refers_to| SuggestedSpan {
        range: at(s),
        label: label.into(),
        layer: Layer::Attribution,
        origin: Origin::suggested("rules", "t", 0.5),
        refers_to,
    };
    let quote = |content, speaker| SuggestedQuote {
        content: vec![content],
        speaker: Some(speaker),
        cue: None,
        kind: QuoteKind::Direct,
        speaker_entity: None,
        origin: Origin::suggested("rules", "t", 0.5),
        class: AttributionClass::Speech,
        group: None,
    };
    let mut suggestions = Suggestions {
        spans: vec![
            span("“No,”", QUOTE, None),
            span("Blinken", SPEAKER, None),
            span("“Never,”", QUOTE, None),
            span("he", SPEAKER, Some(1)),
        ],
        quotes: vec![quote(0, 1), quote(2, 3)],
        boilerplate: vec![],
    };
    second
        .apply(&to_transaction(&second, &suggestions))
        .unwrap();
    engine.refine(&second, &mut suggestions);
    for q in &suggestions.quotes {
        assert_eq!(q.speaker_entity.as_deref(), Some("Antony Blinken"));
    }

    let refresh = engine.refresh(&second);
    second.apply(&refresh).unwrap();
    assert!(
        second
            .quotes()
            .all(|q| q.speaker_entity.as_deref() == Some("Antony Blinken"))
    );
}

#[test]
fn refresh_withdraws_pending_rejected_and_adds_learned() {
    let engine = MemoryEngine::default();
    let mut first = Document::new(None, "In May, Ana Díaz spoke.");
    first
        .apply(&to_transaction(&first, &may_is_a_person(&first)))
        .unwrap();
    review(&engine, &mut first, "May", SpanState::Rejected);
    add(&engine, &mut first, "Ana Díaz", "PERSON");

    let mut opened = Document::new(None, "Since May, Ana Díaz has led.");
    opened
        .apply(&to_transaction(&opened, &may_is_a_person(&opened)))
        .unwrap();
    let tx = engine.refresh(&opened);
    opened.apply(&tx).unwrap();
    let spans: Vec<String> = opened
        .spans_sorted()
        .iter()
        .map(|s| format!("{}={}", s.text(opened.text()), s.label))
        .collect();
    assert_eq!(spans, ["Ana Díaz=PERSON"]);
    assert!(
        engine.refresh(&opened).is_empty(),
        "a second refresh has nothing to do"
    );
}

#[test]
fn nothing_comes_to_done_documents_boilerplate_or_over_the_same_label() {
    let engine = MemoryEngine::default();
    let mut first = Document::new(None, "Blinken met Ana Díaz.");
    add(&engine, &mut first, "Blinken", "PERSON");
    add(&engine, &mut first, "Ana Díaz", "PERSON");

    let text = "Antony Blinken met Ana Díaz in Tokyo.\n\nSee also: Blinken in Seoul";
    let mut next = markup::document(
        "[Antony Blinken|PERSON] met Ana Díaz in Tokyo.\n\nSee also: Blinken in Seoul",
    )
    .unwrap();
    assert_eq!(next.text(), text);
    let see_also = text.find("See also").unwrap();
    next.boilerplate.push(ByteRange::new(see_also, text.len()));
    assert_eq!(
        suggested(&next, &engine.suggest(&next)),
        ["Ana Díaz=PERSON"],
        "no Blinken inside Antony Blinken, none in the See also line"
    );
    next.apply(&engine.refresh(&next)).unwrap();
    let blinkens = next
        .spans()
        .filter(|s| s.text(next.text()).contains("Blinken"))
        .count();
    assert_eq!(blinkens, 1, "one chip on Antony Blinken");

    let mut done = Document::new(None, "Ana Díaz and Blinken, again.");
    done.apply(&Transaction::new("Done").with(Edit::SetStatus(crate::model::DocStatus::Done)))
        .unwrap();
    assert!(engine.suggest(&done).spans.is_empty());
    assert!(
        engine.refresh(&done).is_empty(),
        "a done document gets nothing new"
    );
}
