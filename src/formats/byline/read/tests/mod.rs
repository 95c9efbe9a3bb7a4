//! The JSON reader on every shape it reads: byline and Prodigy tasks and
//! hand-written records (doccano's written ones are read back in
//! `doccano::tests`).

mod bad_input;
mod fast_path;

use serde_json::json;

use super::*;
use crate::formats::fixtures::{plain, rich};
use crate::formats::{ExportOptions, byline};
use crate::model::markup::render;
use crate::model::{
    AttributionClass, CUE, DocStatus, Document, QUOTE, QuoteKind, SPEAKER, SpanState,
};

fn byline_line(doc: &Document, flavor: byline::Flavor) -> String {
    let mut out = Vec::new();
    byline::write(
        std::slice::from_ref(doc),
        &mut out,
        flavor,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn one(text: &str) -> (Document, Vec<Warning>) {
    let mut loaded = read(text, "in.jsonl").unwrap();
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.warnings);
    (loaded.documents.remove(0), loaded.warnings)
}

/// `“Ça,” dit Zoë. “Non.”` written one record per segment: two quotes
/// sharing group 5, Zoë as their speaker and `dit` as their cue.
fn segmented() -> Document {
    let mut doc = crate::model::markup::document(
        "[“Ça,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1]. [“Non.”|QUOTE:2]",
    )
    .unwrap();
    let (speaker, cue) = (doc.quotes_sorted()[0].speaker, doc.quotes_sorted()[0].cue);
    let mut tx = crate::model::Transaction::new("group");
    for quote in doc.quotes_sorted() {
        let mut quote = quote.clone();
        (quote.speaker, quote.cue) = (speaker, cue);
        quote.group = Some(crate::model::QuoteGroup(5));
        tx.push(crate::model::Edit::ReplaceQuote(quote));
    }
    doc.apply(&tx).unwrap();
    doc
}

#[test]
fn a_quote_group_is_written_read_back_and_absent_when_none() {
    let doc = segmented();
    let line = byline_line(&doc, byline::Flavor::Byline);
    assert_eq!(line.matches(r#""group":5,"#).count(), 2, "{line}");
    let (back, warnings) = one(&line);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back, doc);
    let groups = |doc: &Document| doc.quotes().map(|q| q.group).collect::<Vec<_>>();
    assert_eq!(
        groups(&one(&line.replace(r#""group":5,"#, "")).0),
        [None, None]
    );
    assert!(!byline_line(&rich(), byline::Flavor::Byline).contains(r#""group""#));
    let (read, warnings) = one(&line.replace(r#""group":5,"#, r#""group":"five","#));
    assert_eq!(groups(&read), [None, None]);
    assert!(
        warnings.iter().any(|w| w.message.contains("group dropped")),
        "{warnings:?}"
    );
}

#[test]
fn prodigy_carries_a_quote_group_in_meta_and_reads_it_back_onto_both_segments() {
    let doc = segmented();
    let mut out = Vec::new();
    let report = byline::write(
        std::slice::from_ref(&doc),
        &mut out,
        byline::Flavor::Prodigy,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    assert!(report.lost.is_empty(), "{:?}", report.lost);
    let line = String::from_utf8(out).unwrap();
    assert!(
        line.contains(r#""quote_groups":[[0,5,5],[15,21,5]]"#),
        "{line}"
    );
    let (back, warnings) = one(&line);
    assert!(warnings.is_empty(), "{warnings:?}");
    let shape = |doc: &Document| {
        (doc.quotes_sorted().into_iter())
            .map(|q| (q.content.len(), q.cue.is_some(), q.group))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&back), shape(&doc), "two quotes again, one group");
    assert!(back.meta.is_empty(), "{:?}", back.meta);
    let (read, warnings) = one(&line.replace("[15,21,5]", "[16,21,5]"));
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("names no quote's content")),
        "{warnings:?}"
    );
    assert_eq!(
        shape(&read),
        [(2, true, Some(crate::model::QuoteGroup(5)))],
        "the segments not named stay one quote"
    );
}

#[test]
fn byline_export_reads_back_to_the_same_document() {
    for doc in [rich(), plain()] {
        let line = byline_line(&doc, byline::Flavor::Byline);
        let (back, warnings) = one(&line);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, doc);
        assert_eq!(byline_line(&back, byline::Flavor::Byline), line);
    }
}

#[test]
fn a_quote_class_is_written_and_read_back_and_speech_when_absent_or_unknown() {
    let mut doc = rich();
    let mut quote = doc.quotes().next().unwrap().clone();
    quote.class = AttributionClass::Belief;
    doc.apply(
        &crate::model::Transaction::new("class").with(crate::model::Edit::ReplaceQuote(quote)),
    )
    .unwrap();
    let line = byline_line(&doc, byline::Flavor::Byline);
    assert!(line.contains(r#""class":"belief""#), "{line}");
    let (back, warnings) = one(&line);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back, doc);
    let class_of = |line: &str| one(line).0.quotes().next().unwrap().class;
    let without = line.replace(r#","class":"belief""#, "");
    assert_eq!(
        class_of(&without),
        AttributionClass::Speech,
        "optional on read"
    );
    let unknown = line.replace(r#""class":"belief""#, r#""class":"gossip""#);
    let (read, warnings) = one(&unknown);
    assert_eq!(
        read.quotes().next().unwrap().class,
        AttributionClass::Speech
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("speech assumed")),
        "{warnings:?}"
    );
}

#[test]
fn prodigy_export_reads_back_spans_and_quotes() {
    let doc = rich();
    let (back, warnings) = one(&byline_line(&doc, byline::Flavor::Prodigy));
    assert!(warnings.is_empty(), "{warnings:?}");
    let kept = "[“[北京|GPE] 👍,”|QUOTE] [[Ana Díaz|PERSON]|SPEAKER] [said|CUE]. [She|SPEAKER] left Me\u{301}xico.";
    assert_eq!(render(&back), kept);
    let quote = back.quotes().next().unwrap();
    assert_eq!(quote.kind, QuoteKind::Direct);
    let role = |id| back.span(id).unwrap().text(back.text());
    assert_eq!(role(quote.speaker.unwrap()), "Ana Díaz");
    assert_eq!(role(quote.cue.unwrap()), "said");
    assert_eq!(back.status(), DocStatus::InProgress, "from meta.status");
    assert_eq!(back.boilerplate, doc.boilerplate);
    assert_eq!(back.source, doc.source);
}

#[test]
fn reads_a_hand_written_prodigy_task() {
    let task = json!({
        "text": "“Nein,” sagte Müller. Er ging.",
        "meta": {"source": "dpa", "section": "Politik"},
        "tokens": [{"text": "ignored", "start": 0, "end": 1, "id": 0}],
        "spans": [
            {"start": 0, "end": 7, "label": "QUOTE", "token_start": 0, "token_end": 3},
            {"start": 14, "end": 20, "label": "PERSON"},
            {"start": 22, "end": 24, "label": "SPEAKER"}
        ],
        "relations": [
            {"head": 3, "child": 5, "label": "SPEAKER",
             "head_span": {"start": 0, "end": 7, "label": "QUOTE"},
             "child_span": {"start": 14, "end": 20, "label": "PERSON"}},
            {"head": 3, "child": 4, "label": "CUE",
             "head_span": {"start": 0, "end": 7, "label": "QUOTE"},
             "child_span": {"start": 8, "end": 13, "label": "CUE"}},
            {"head": 6, "child": 5, "label": "REFERS_TO",
             "head_span": {"start": 22, "end": 24, "label": "SPEAKER"},
             "child_span": {"start": 14, "end": 20, "label": "PERSON"}}
        ],
        "answer": "accept",
        "_input_hash": 1, "_task_hash": 2, "_view_id": "ner_manual"
    });
    let (doc, warnings) = one(&task.to_string());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        render(&doc),
        "[“Nein,”|QUOTE] [sagte|CUE] [Müller|PERSON]. [Er|SPEAKER] ging.",
        "the CUE span exists only in its relation"
    );
    assert_eq!(doc.source.as_deref(), Some("dpa"));
    assert_eq!(doc.meta.get("section"), Some(&json!("Politik")));
    assert_eq!(doc.meta.get("_view_id"), Some(&json!("ner_manual")));
    assert!(!doc.meta.contains_key("_input_hash") && !doc.meta.contains_key("tokens"));
    assert_eq!(doc.status(), DocStatus::Done);
    assert!(doc.spans().all(|s| s.state == SpanState::Accepted));
    let quote = doc.quotes().next().unwrap();
    let text_of = |id| doc.span(id).unwrap().text(doc.text());
    assert_eq!(
        (text_of(quote.speaker.unwrap()), text_of(quote.cue.unwrap())),
        ("Müller", "sagte")
    );
    let er = doc.spans().find(|s| s.label == SPEAKER).unwrap();
    assert_eq!(er.refers_to.map(text_of), Some("Müller"));
}

#[test]
fn answers_set_default_states_and_status() {
    let task = |answer: &str| {
        json!({"text": "Ana spoke.", "spans": [{"start": 0, "end": 3, "label": "PERSON"}], "answer": answer})
            .to_string()
    };
    let (rejected, _) = one(&task("reject"));
    assert_eq!(rejected.spans().next().unwrap().state, SpanState::Rejected);
    assert_eq!(rejected.status(), DocStatus::Done);
    let (ignored, _) = one(&task("ignore"));
    assert_eq!(ignored.spans().next().unwrap().state, SpanState::Pending);
    assert_eq!(ignored.status(), DocStatus::Skipped);
    let (odd, warnings) = one(&task("maybe"));
    assert_eq!(odd.status(), DocStatus::New);
    assert!(
        warnings[0].message.contains("\"maybe\" is not accept"),
        "{warnings:?}"
    );
}

#[test]
fn relations_sharing_a_cue_make_one_split_quote() {
    let text = "“We rebuild,” she said, “and fast.” “Later,” she added.";
    let span = |s: &str, label: &str| {
        let start = text.find(s).unwrap();
        let start = text[..start].chars().count();
        json!({"start": start, "end": start + s.chars().count(), "label": label})
    };
    let rel = |head: &serde_json::Value, child: &serde_json::Value, label: &str| json!({"head": 0, "child": 0, "head_span": head, "child_span": child, "label": label});
    let (q1, q2, q3) = (
        span("“We rebuild,”", QUOTE),
        span("“and fast.”", QUOTE),
        span("“Later,”", QUOTE),
    );
    let (she, said, added) = (span("she", SPEAKER), span("said", CUE), span("added", CUE));
    let task = json!({
        "text": text,
        "relations": [
            rel(&q1, &she, SPEAKER), rel(&q1, &said, CUE),
            rel(&she, &q2, SPEAKER), rel(&q2, &said, CUE),
            rel(&q3, &she, SPEAKER), rel(&q3, &added, CUE),
            rel(&q3, &said, CUE),
            rel(&q3, &said, "PARAPHRASE")
        ]
    });
    let (doc, warnings) = one(&task.to_string());
    let quotes = doc.quotes_sorted();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].content.len(), 2, "split quote around one cue");
    assert_eq!(quotes[1].content.len(), 1);
    let text_of = |id| doc.span(id).unwrap().text(doc.text());
    assert_eq!(text_of(quotes[1].cue.unwrap()), "added");
    let warned: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(
        warned[0].starts_with("relations[7]: relation label \"PARAPHRASE\""),
        "{warned:?}"
    );
    assert!(warned[1].contains("already has a CUE"), "{warned:?}");
}

#[test]
fn read_json_takes_an_array_or_one_object_and_names_lines() {
    let array =
        "[\n  {\"text\": \"Ana spoke.\"},\n  {\"no_text\": 1},\n  {\"text\": \"Bo too.\"}\n]";
    let loaded = read_json(array, "a.json").unwrap();
    assert_eq!(loaded.documents.len(), 2);
    assert_eq!(loaded.warnings[0].line, Some(3));
    assert!(
        loaded.warnings[1]
            .message
            .starts_with("1 of 3 records skipped")
    );
    let single = read_json(" {\"text\": \"Ana spoke.\"} ", "one.json").unwrap();
    assert_eq!(single.documents[0].text(), "Ana spoke.");
    let lines = read_json("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "lines.json").unwrap();
    assert_eq!(lines.documents.len(), 2, "JSON Lines in a .json file");
}

#[test]
fn relation_ends_find_the_span_with_their_label_among_spans_on_one_range() {
    let record = json!({
        "text": "“Yes,” Ana said.",
        "spans": [
            {"start": 0, "end": 6, "label": "QUOTE"},
            {"start": 7, "end": 10, "label": "PERSON"},
            {"start": 7, "end": 10, "label": "SPEAKER"},
            {"start": 11, "end": 15, "label": "CUE"}
        ],
        "relations": [
            {"head_span": {"start": 0, "end": 6, "label": "QUOTE"},
             "child_span": {"start": 7, "end": 10, "label": "SPEAKER"}, "label": "SPEAKER"},
            {"head_span": {"start": 0, "end": 6},
             "child_span": {"start": 11, "end": 15}, "label": "CUE"}
        ]
    });
    let (doc, warnings) = one(&record.to_string());
    assert!(warnings.is_empty(), "{warnings:?}");
    let quote = doc.quotes().next().unwrap();
    let label = |id| doc.span(id).unwrap().label.clone();
    assert_eq!(label(quote.speaker.unwrap()), SPEAKER);
    assert_eq!(label(quote.cue.unwrap()), CUE);
    assert_eq!(label(quote.content[0]), QUOTE);
    assert_eq!(doc.span_count(), 4, "no span made up");
}
