use super::*;
use crate::editor::selection::Role;
use crate::model::markup::{document, ids_by_label, render};
use crate::model::{AttributionClass, ByteRange, LabelSet, QuoteKind, SpanState};
use crate::tests::support::suggested;

const ARTICLE: &str = "[“We will rebuild,”|QUOTE:1] [Mayor Ana Díaz|SPEAKER:1] [said|CUE:1]. \
                       [The official|SPEAKER] agreed.";

fn apply(
    doc: &mut crate::model::Document,
    build: impl FnOnce(&crate::model::Document) -> Option<Transaction>,
) {
    let tx = build(doc).expect("a transaction");
    doc.apply(&tx).expect("applies");
}

fn one(doc: &crate::model::Document, label: &str) -> SpanId {
    ids_by_label(doc, label)[0]
}

#[test]
fn accepting_quote_content_accepts_speaker_cue_and_quote() {
    let mut doc = suggested(ARTICLE);
    let quote = one(&doc, "QUOTE");
    apply(&mut doc, |d| accept(d, quote));
    let q = doc.quotes().next().unwrap();
    assert_eq!(q.state, SpanState::Accepted);
    for id in q.span_ids() {
        assert_eq!(doc.span(id).unwrap().state, SpanState::Accepted);
    }
    let other_speaker = ids_by_label(&doc, "SPEAKER")[1];
    assert_eq!(doc.span(other_speaker).unwrap().state, SpanState::Pending);
    assert!(accept(&doc, quote).is_none(), "nothing left to accept");
}

#[test]
fn rejecting_a_suggested_quote_rejects_its_unshared_parts() {
    let mut doc = suggested(ARTICLE);
    apply(&mut doc, |d| reject(d, one(d, "QUOTE")));
    let q = doc.quotes().next().unwrap();
    assert_eq!(q.state, SpanState::Rejected);
    for id in q.span_ids() {
        assert_eq!(doc.span(id).unwrap().state, SpanState::Rejected);
    }
}

#[test]
fn rejecting_a_speaker_unlinks_it_and_deleting_a_manual_span_removes_it() {
    let mut doc = suggested(ARTICLE);
    let speaker = one(&doc, "SPEAKER");
    apply(&mut doc, |d| reject(d, speaker));
    assert_eq!(doc.quotes().next().unwrap().speaker, None);
    assert_eq!(doc.span(speaker).unwrap().state, SpanState::Rejected);

    let mut manual = document("[Ana|PERSON] spoke.").unwrap();
    let id = one(&manual, "PERSON");
    apply(&mut manual, |d| reject(d, id));
    assert_eq!(manual.span_count(), 0);
}

#[test]
fn relabelling_quote_content_away_drops_the_quote_and_back_makes_one() {
    let labels = LabelSet::builtin();
    let mut doc = suggested(ARTICLE);
    let quote = one(&doc, "QUOTE");
    apply(&mut doc, |d| relabel(d, &labels, quote, "EVENT"));
    assert_eq!(doc.quotes().count(), 0);
    assert_eq!(doc.span(quote).unwrap().state, SpanState::Accepted);
    apply(&mut doc, |d| relabel(d, &labels, quote, "QUOTE"));
    let q = doc.quotes().next().unwrap();
    assert_eq!(q.content, vec![quote]);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(relabel(&doc, &labels, quote, "NOPE").is_none());
}

#[test]
fn creating_a_span_on_non_ascii_text_and_reviving_a_rejected_one() {
    let labels = LabelSet::builtin();
    let mut doc = document("Der Bürgermeister Jürgen Öz sagte 😀 nichts.").unwrap();
    let start = doc.text().find("Jürgen").unwrap();
    let range = ByteRange::new(start, start + "Jürgen Öz".len());
    let (tx, id) = create_span(&doc, &labels, range, "PERSON").unwrap();
    doc.apply(&tx).unwrap();
    assert_eq!(doc.span(id).unwrap().text(doc.text()), "Jürgen Öz");

    let mut sugg = suggested("[Ana|PERSON] spoke.");
    let ana = one(&sugg, "PERSON");
    apply(&mut sugg, |d| reject(d, ana));
    let (tx, revived) = create_span(&sugg, &labels, ByteRange::new(0, 3), "PERSON").unwrap();
    sugg.apply(&tx).unwrap();
    assert_eq!(revived, ana);
    assert_eq!(sugg.span_count(), 1);
    assert_eq!(sugg.span(ana).unwrap().state, SpanState::Accepted);
}

#[test]
fn linking_a_person_as_speaker_makes_a_speaker_span_and_retires_the_old_one() {
    let mut doc = suggested(
        "[“Yes,”|QUOTE:1] [an aide|SPEAKER:1] said of [Ana Díaz|PERSON], [who|SPEAKER] agreed.",
    );
    let quote = doc.quotes().next().unwrap().id;
    let person = one(&doc, "PERSON");
    let old = one(&doc, "SPEAKER");
    apply(&mut doc, |d| link_quote(d, quote, Role::Speaker, person));
    let q = doc.quote(quote).unwrap();
    let speaker = doc.span(q.speaker.unwrap()).unwrap();
    assert_eq!(speaker.label, "SPEAKER");
    assert_eq!(speaker.text(doc.text()), "Ana Díaz");
    assert_eq!(q.speaker_entity.as_deref(), Some("Ana Díaz"));
    assert_eq!(doc.span(old).unwrap().state, SpanState::Rejected);
}

#[test]
fn linking_a_mention_names_the_speaker_of_its_quotes_and_refuses_cycles() {
    let mut doc = suggested(
        "[A senior official|SPEAKER] spoke. [“No,”|QUOTE:1] [the official|SPEAKER:1] [said|CUE:1].",
    );
    let speakers = ids_by_label(&doc, "SPEAKER");
    let (first, mention) = (speakers[0], speakers[1]);
    apply(&mut doc, |d| link_mention(d, mention, first));
    assert_eq!(doc.span(mention).unwrap().refers_to, Some(first));
    let q = doc.quotes().next().unwrap();
    assert_eq!(
        q.speaker_entity.as_deref(),
        Some("senior official"),
        "named as the rules name it"
    );
    assert!(link_mention(&doc, first, mention).is_none(), "cycle");
}

#[test]
fn a_speaker_the_editor_links_has_the_name_the_rules_give_it() {
    use crate::suggest::Suggester;
    let text = "“There is recognition on both sides,” a senior State Department official \
                told reporters in Tokyo.\n\n\
                “We are at an important point,” the official said.";
    let mut doc = crate::model::Document::new(None, text);
    let rules = crate::suggest::rules::RulesSuggester::new();
    doc.apply(&crate::suggest::to_transaction(&doc, &rules.suggest(&doc)))
        .unwrap();
    let names: Vec<Option<String>> = doc
        .quotes_sorted()
        .iter()
        .map(|q| q.speaker_entity.clone())
        .collect();
    let by_rules = Some("senior State Department official".to_owned());
    assert_eq!(names, [by_rules.clone(), by_rules.clone()]);
    let quotes = doc.quotes_sorted();
    let (first, mention) = (quotes[0].speaker.unwrap(), quotes[1].speaker.unwrap());
    assert_eq!(
        doc.span(first).unwrap().text(text),
        "a senior State Department official"
    );
    let second = quotes[1].id;
    apply(&mut doc, |d| link_mention(d, mention, first));
    let relinked = doc.quote(second).unwrap();
    assert_eq!(relinked.speaker_entity, by_rules, "one speaker, one name");
}

#[test]
fn linking_a_dragged_cue_and_setting_the_kind() {
    let mut doc = suggested("[“Yes,”|QUOTE:1] Ana told reporters.");
    let quote = doc.quotes().next().unwrap().id;
    let start = doc.text().find("told").unwrap();
    let range = ByteRange::new(start, start + 4);
    apply(&mut doc, |d| {
        link_quote_to_range(d, quote, Role::Cue, range)
    });
    apply(&mut doc, |d| set_quote_kind(d, quote, QuoteKind::Partial));
    let q = doc.quote(quote).unwrap();
    assert_eq!(doc.span(q.cue.unwrap()).unwrap().text(doc.text()), "told");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert!(set_quote_kind(&doc, quote, QuoteKind::Partial).is_none());
}

#[test]
fn setting_the_class_keeps_the_review_state() {
    let mut doc = suggested("[“Wir bauen,”|QUOTE:1] [Zoë|SPEAKER:1] [sagte|CUE:1] 👋.");
    let quote = doc.quotes().next().unwrap().id;
    apply(&mut doc, |d| {
        set_quote_class(d, quote, AttributionClass::Stance)
    });
    let q = doc.quote(quote).unwrap();
    assert_eq!(
        (q.class, q.state),
        (AttributionClass::Stance, SpanState::Pending)
    );
    assert!(set_quote_class(&doc, quote, AttributionClass::Stance).is_none());
    apply(&mut doc, |d| accept(d, one(d, "QUOTE")));
    apply(&mut doc, |d| {
        set_quote_class(d, quote, AttributionClass::Evidence)
    });
    let q = doc.quote(quote).unwrap();
    assert_eq!(
        (q.class, q.state),
        (AttributionClass::Evidence, SpanState::Accepted)
    );
}

#[test]
fn resizing_by_char_and_token_respects_multibyte_text() {
    let mut doc = document("Sagte [Jürgen|PERSON] Öz “gestern”.").unwrap();
    let id = one(&doc, "PERSON");
    apply(&mut doc, |d| resize(d, id, Edge::End, Step::Token, true));
    assert_eq!(render(&doc), "Sagte [Jürgen Öz|PERSON] “gestern”.");
    apply(&mut doc, |d| resize(d, id, Edge::End, Step::Char, false));
    assert_eq!(render(&doc), "Sagte [Jürgen Ö|PERSON]z “gestern”.");
    apply(&mut doc, |d| resize(d, id, Edge::Start, Step::Token, false));
    assert_eq!(render(&doc), "[Sagte Jürgen Ö|PERSON]z “gestern”.");
    assert!(resize(&doc, id, Edge::Start, Step::Char, false).is_none());
}

#[test]
fn accept_all_accepts_every_pending_span_and_quote() {
    let mut doc = suggested(ARTICLE);
    apply(&mut doc, accept_all);
    assert_eq!(doc.pending_count(), 0);
    assert!(doc.quotes().all(|q| q.state == SpanState::Accepted));
    assert!(accept_all(&doc).is_none());
}
