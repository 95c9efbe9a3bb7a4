//! Label Studio: tasks written (gold as the annotation, suggestions as the
//! prediction), read back, and Label Studio's own exports read (full and
//! JSON_MIN), a bad region named by task and field.

use serde_json::{Value, json};

use super::*;
use crate::formats::ExportOptions;
use crate::formats::fixtures::{py_slice, rich};
use crate::formats::output::review::Kept;
use crate::formats::{ExportReport, Loaded};
use crate::model::markup::render;
use crate::model::{AttributionClass, DocStatus, Document, Edit, SpanState, Transaction};

fn task_of(doc: &Document, kept: Kept) -> Value {
    let mut labels = std::collections::BTreeSet::new();
    let mut report = ExportReport::default();
    let task = write::task(doc, kept, &mut labels, &mut report).unwrap();
    serde_json::to_value(task).unwrap()
}

fn read_tasks(tasks: Value) -> Loaded {
    assert!(is_export(&tasks[0]));
    let text = tasks.to_string();
    let records: Vec<&serde_json::value::RawValue> = serde_json::from_str(&text).unwrap();
    read(&records, "tasks.json").unwrap()
}

#[test]
fn gold_is_the_annotation_and_suggestions_the_prediction() {
    let doc = rich();
    let task = task_of(&doc, Kept::GoldAndSuggestions);
    let text = task["data"]["text"].as_str().unwrap();
    let result = task["annotations"][0]["result"].as_array().unwrap();
    let regions: Vec<(&str, String)> = result
        .iter()
        .filter(|r| r["type"] == "labels")
        .map(|r| {
            let v = &r["value"];
            let sliced = py_slice(
                text,
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(sliced, v["text"].as_str().unwrap());
            (v["labels"][0].as_str().unwrap(), sliced)
        })
        .collect();
    assert_eq!(
        regions,
        [
            ("QUOTE", "“北京 👍,”".to_owned()),
            ("GPE", "北京".to_owned()),
            ("SPEAKER", "Ana Díaz".to_owned()),
            ("CUE", "said".to_owned()),
            ("SPEAKER", "She".to_owned()),
        ]
    );
    let relations: Vec<&str> = result
        .iter()
        .filter(|r| r["type"] == "relation")
        .map(|r| r["labels"][0].as_str().unwrap())
        .collect();
    assert_eq!(
        relations,
        ["REFERS_TO"],
        "the pending quote is no gold relation"
    );
    let prediction = &task["predictions"][0];
    assert_eq!(prediction["model_version"], "rules");
    let predicted = prediction["result"].as_array().unwrap();
    let pending: Vec<&Value> = predicted
        .iter()
        .filter(|r| r["score"].is_number())
        .collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["value"]["labels"], json!(["PERSON"]));
    assert_eq!(
        predicted.iter().filter(|r| r["type"] == "relation").count(),
        2,
        "the suggested quote's speaker and cue"
    );
    assert_eq!(task["data"]["meta"]["status"], "in_progress");

    let gold_only = task_of(&doc, Kept::Gold { asked: false });
    assert_eq!(gold_only["predictions"], json!([]));
}

#[test]
fn tasks_read_back_with_their_states() {
    let doc = rich();
    let loaded = read_tasks(json!([task_of(&doc, Kept::GoldAndSuggestions)]));
    assert_eq!(loaded.warnings, vec![]);
    let back = &loaded.documents[0];
    assert_eq!(back.text(), doc.text());
    assert_eq!(back.status(), DocStatus::InProgress);
    assert_eq!(back.source, doc.source);
    assert_eq!(back.boilerplate, doc.boilerplate);
    assert_eq!(
        render(back),
        render(&doc).replace("[Me\u{301}xico|GPE]", "Me\u{301}xico")
    );
    let pending: Vec<&str> = back
        .spans()
        .filter(|s| s.state == SpanState::Pending)
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(pending, ["PERSON"]);
    let quote = back.quotes().next().unwrap();
    assert_eq!(quote.state, SpanState::Pending);
    assert!(quote.speaker.is_some() && quote.cue.is_some());
    let she = back.spans().find(|s| s.text(back.text()) == "She").unwrap();
    assert!(she.refers_to.is_some());
}

/// The class choices of a result list: (region id, text at its offsets, class).
fn class_choices(text: &str, result: &Value) -> Vec<(String, String, String)> {
    let items = result.as_array().unwrap().iter();
    items
        .filter(|r| r["type"] == "choices")
        .map(|r| {
            assert_eq!(r["from_name"], CLASS_NAME);
            let v = &r["value"];
            let sliced = py_slice(
                text,
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(sliced, v["text"].as_str().unwrap());
            let class = v["choices"][0].as_str().unwrap().to_owned();
            (r["id"].as_str().unwrap().to_owned(), sliced, class)
        })
        .collect()
}

#[test]
fn a_quote_class_is_a_choice_on_its_quote_region_and_read_back() {
    let mut doc = rich();
    let mut quote = doc.quotes().next().unwrap().clone();
    quote.class = AttributionClass::Belief;
    let tx = Transaction::new("class").with(Edit::ReplaceQuote(quote.clone()));
    doc.apply(&tx).unwrap();
    let task = task_of(&doc, Kept::GoldAndSuggestions);
    let text = task["data"]["text"].as_str().unwrap();
    let region = format!("s{}", quote.content[0].0);
    assert_eq!(
        class_choices(text, &task["predictions"][0]["result"]),
        [(region.clone(), "“北京 👍,”".to_owned(), "belief".to_owned())],
        "the pending quote's class is predicted"
    );
    assert_eq!(class_choices(text, &task["annotations"][0]["result"]), []);
    let loaded = read_tasks(json!([task]));
    assert_eq!(loaded.warnings, vec![]);
    let back = loaded.documents[0].quotes().next().unwrap();
    assert_eq!(
        (back.class, back.state),
        (AttributionClass::Belief, SpanState::Pending)
    );

    quote.class = AttributionClass::Evidence;
    quote.state = SpanState::Accepted;
    doc.apply(&Transaction::new("accept").with(Edit::ReplaceQuote(quote)))
        .unwrap();
    let task = task_of(&doc, Kept::Gold { asked: false });
    assert_eq!(
        class_choices(text, &task["annotations"][0]["result"]),
        [(region, "“北京 👍,”".to_owned(), "evidence".to_owned())]
    );
    let loaded = read_tasks(json!([task]));
    assert_eq!(loaded.warnings, vec![]);
    let back = loaded.documents[0].quotes().next().unwrap();
    assert_eq!(
        (back.class, back.state),
        (AttributionClass::Evidence, SpanState::Accepted)
    );
    let speech = read_tasks(json!([task_of(&rich(), Kept::GoldAndSuggestions)]));
    assert_eq!(
        speech.documents[0].quotes().next().unwrap().class,
        AttributionClass::Speech
    );
}

#[test]
fn reads_label_studios_full_export_and_json_min() {
    let text = "“Ja,” sagte Zoë 👋 in Zürich.";
    let full = json!([{
        "id": 17,
        "data": {"text": text, "feed": "wire"},
        "annotations": [{"id": 1, "was_cancelled": false, "result": [
            {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 0, "end": 5, "text": "“Ja,”", "labels": ["QUOTE"]}},
            {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 12, "end": 15, "text": "Zoë", "labels": ["PERSON"]}},
            {"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 18, "end": 19, "text": "in", "labels": ["GPE"]}},
            {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right", "labels": ["SPEAKER"]},
            {"type": "choices", "value": {"choices": ["ok"]}}
        ]}],
        "predictions": []
    }]);
    let loaded = read_tasks(full);
    assert_eq!(
        render(&loaded.documents[0]),
        "[“Ja,”|QUOTE] sagte [Zoë|PERSON] 👋 in Zürich."
    );
    assert_eq!(loaded.documents[0].status(), DocStatus::Done);
    assert_eq!(loaded.documents[0].meta["feed"], "wire");
    let messages: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("task 1 (id 17): annotations[0].result[2].value: text \"in\""),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("result[4]: a choices result is not read"),
        "{messages:?}"
    );

    let min = json!([{
        "id": 3, "text": text, "annotator": 1, "annotation_id": 9, "lead_time": 2.5,
        "label": [{"start": 12, "end": 15, "text": "Zoë", "labels": ["PERSON"]},
                  {"start": 21, "end": 27, "text": "Zürich", "labels": ["GPE"]}]
    }]);
    let loaded = read_tasks(min);
    assert_eq!(loaded.warnings, vec![]);
    assert_eq!(
        render(&loaded.documents[0]),
        "“Ja,” sagte [Zoë|PERSON] 👋 in [Zürich|GPE]."
    );
}

#[test]
fn a_folder_holds_the_tasks_list_and_the_labeling_config() {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = Folder::create(dir.path(), ExportOptions::WITH_SUGGESTIONS).unwrap();
    let report = folder.write_batch(&[rich(), rich()]).unwrap();
    folder.finish().unwrap();
    assert_eq!(report.documents, 2);
    let tasks: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(TASKS)).unwrap()).unwrap();
    assert_eq!(tasks.as_array().unwrap().len(), 2);
    let config = std::fs::read_to_string(dir.path().join(CONFIG)).unwrap();
    assert!(config.contains("<Relation value=\"SPEAKER\"/>"), "{config}");
}

/// The segment relations of a result list, as the texts of their regions.
fn segment_relations(result: &Value, text_of: &dyn Fn(&str) -> String) -> Vec<(String, String)> {
    (result.as_array().unwrap().iter())
        .filter(|r| r["type"] == "relation" && r["labels"][0] == "segment")
        .map(|r| {
            let end = |key: &str| text_of(r[key].as_str().unwrap());
            (end("from_id"), end("to_id"))
        })
        .collect()
}

#[test]
fn segments_are_linked_in_the_annotation_and_the_prediction_and_read_back_as_groups() {
    let mut doc = crate::model::markup::document(
        "[“Ça,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1]. [“Non.”|QUOTE:2] \
         [„Nie,“|QUOTE:3] [sagt|CUE:3] [Jörg|SPEAKER:3]. [„Niemals.“|QUOTE:4]",
    )
    .unwrap();
    let quotes: Vec<crate::model::Quote> = doc.quotes_sorted().into_iter().cloned().collect();
    let mut tx = Transaction::new("segments");
    for (i, quote) in quotes.iter().enumerate() {
        let mut quote = quote.clone();
        let first = &quotes[i / 2 * 2];
        (quote.speaker, quote.cue) = (first.speaker, first.cue);
        quote.group = Some(crate::model::QuoteGroup(7 + i as u64 / 2));
        if i >= 2 {
            quote.state = SpanState::Pending;
            for id in quote.content.iter().chain(&quote.speaker).chain(&quote.cue) {
                let mut span = doc.span(*id).unwrap().clone();
                span.state = SpanState::Pending;
                span.origin = crate::model::Origin::suggested("rules", "said", 0.9);
                tx.push(Edit::ReplaceSpan(span));
            }
        }
        tx.push(Edit::ReplaceQuote(quote));
    }
    doc.apply(&tx).unwrap();
    let task = task_of(&doc, Kept::GoldAndSuggestions);
    let text_of = |id: &str| {
        let span = id.strip_prefix('s').unwrap().parse().unwrap();
        doc.span(crate::model::SpanId(span))
            .unwrap()
            .text(doc.text())
            .to_owned()
    };
    let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
    assert_eq!(
        segment_relations(&task["annotations"][0]["result"], &text_of),
        pair("“Ça,”", "“Non.”")
    );
    assert_eq!(
        segment_relations(&task["predictions"][0]["result"], &text_of),
        pair("„Nie,“", "„Niemals.“")
    );

    let loaded = read_tasks(json!([task]));
    assert_eq!(loaded.warnings, vec![]);
    let back = &loaded.documents[0];
    let shape: Vec<_> = (back.quotes_sorted().into_iter())
        .map(|q| (q.content.len(), q.state, q.group.map(|g| g.0)))
        .collect();
    let (gold, pending) = (SpanState::Accepted, SpanState::Pending);
    assert_eq!(
        shape,
        [
            (1, gold, Some(1)),
            (1, gold, Some(1)),
            (1, pending, Some(2)),
            (1, pending, Some(2))
        ]
    );
}

#[test]
fn a_segment_cut_off_from_its_group_by_review_state_is_counted_as_lost() {
    let mut doc = crate::model::markup::document(
        "[“Ça,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1]. [“Non,”|QUOTE:2] puis [“Jamais 👋”|QUOTE:3]",
    )
    .unwrap();
    let quotes: Vec<crate::model::Quote> = doc.quotes_sorted().into_iter().cloned().collect();
    let mut tx = Transaction::new("mixed segments");
    for (i, quote) in quotes.iter().enumerate() {
        let mut quote = quote.clone();
        (quote.speaker, quote.cue) = (quotes[0].speaker, quotes[0].cue);
        quote.group = Some(crate::model::QuoteGroup(7));
        if i == 1 {
            quote.state = SpanState::Pending;
            let mut span = doc.span(quote.content[0]).unwrap().clone();
            span.state = SpanState::Pending;
            span.origin = crate::model::Origin::suggested("rules", "said", 0.9);
            tx.push(Edit::ReplaceSpan(span));
        }
        tx.push(Edit::ReplaceQuote(quote));
    }
    doc.apply(&tx).unwrap();
    let mut report = ExportReport::default();
    let mut labels = std::collections::BTreeSet::new();
    let task = write::task(&doc, Kept::GoldAndSuggestions, &mut labels, &mut report).unwrap();
    let loaded = read_tasks(json!([serde_json::to_value(task).unwrap()]));
    assert_eq!(loaded.warnings, vec![]);
    let back = &loaded.documents[0];
    let grouped = |d: &Document| d.quotes().filter(|q| q.group.is_some()).count();
    assert_eq!(grouped(back), 2, "the two gold segments stay linked");
    let lost = report
        .lost
        .get(crate::formats::output::losses::QUOTE_GROUPS);
    assert_eq!(lost.copied(), Some(grouped(&doc) - grouped(back)));
}
