//! Every model field survives the project file: add, edit, undo, reopen.

use serde_json::json;

use crate::model::{
    AttributionClass, ByteRange, DocStatus, Document, Edit, History, LabelSet, Layer, Origin,
    Quote, QuoteKind, Span, SpanId, SpanState, Transaction,
};
use crate::model::{CUE, QUOTE, SPEAKER};
use crate::store::{Project, Step, ViewPosition};

/// A document using every field: non-ASCII text, meta, boilerplate, spans of
/// every origin and state, a coreference link, a split quote whose content is
/// not in id order, and quotes of two kinds.
pub(super) fn rich_document() -> Document {
    let text = "ZÜRICH — Café owner Zoë Ñúñez (李明’s partner) spoke.\n\n\
                “We’ll stay,” she said, 👍 “whatever happens.” Cafe\u{301} staff agreed.\n\n\
                See also: more news";
    let mut doc = Document::new(Some("wire/zürich.txt".into()), text);
    doc.meta.insert("title".into(), json!("Zürich café stays"));
    doc.meta.insert(
        "byline".into(),
        json!({"name": "Zoë", "tags": [1, 2.5, null]}),
    );
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        ByteRange::new(start, start + s.len())
    };
    doc.boilerplate = vec![at("See also: more news")];
    let id = SpanId;
    let mut zoe = Span::manual(id(1), at("Zoë Ñúñez"), "PERSON", Layer::Entity);
    zoe.origin = Origin::Manual;
    let li = Span::suggested(
        id(2),
        at("李明"),
        "PERSON",
        Layer::Entity,
        Origin::suggested("rules", "cjk-name", 0.625),
    );
    let mut city = Span::suggested(
        id(3),
        at("ZÜRICH"),
        "GPE",
        Layer::Entity,
        Origin::suggested("memory", "phrase", 0.9),
    );
    city.state = SpanState::Rejected;
    let second = Span::manual(id(4), at("“whatever happens.”"), QUOTE, Layer::Attribution);
    let first = Span::manual(id(5), at("“We’ll stay,”"), QUOTE, Layer::Attribution);
    let mut she = Span::manual(id(6), at("she"), SPEAKER, Layer::Attribution);
    she.refers_to = Some(id(1));
    let said = Span::manual(id(7), at("said"), CUE, Layer::Attribution);
    let accent = Span::manual(id(8), at("Cafe\u{301}"), "ORG", Layer::Entity);
    let quotes = [
        Quote {
            id: crate::model::QuoteId(9),
            content: vec![id(5), id(4)],
            speaker: Some(id(6)),
            cue: Some(id(7)),
            kind: QuoteKind::Direct,
            class: AttributionClass::Writing,
            speaker_entity: Some("Zoë Ñúñez".into()),
            state: SpanState::Accepted,
            origin: Origin::Manual,
            group: None,
        },
        Quote {
            id: crate::model::QuoteId(10),
            content: vec![id(4)],
            speaker: None,
            cue: None,
            kind: QuoteKind::Mixed,
            class: AttributionClass::Speech,
            speaker_entity: None,
            state: SpanState::Pending,
            origin: Origin::suggested("rules", "partial-quote", 0.25),
            group: Some(crate::model::QuoteGroup(11)),
        },
    ];
    let mut tx = Transaction::new("build");
    for span in [zoe, li, city, second, first, she, said, accent] {
        tx.push(Edit::InsertSpan(span));
    }
    for quote in quotes {
        tx.push(Edit::InsertQuote(quote));
    }
    tx.push(Edit::SetStatus(DocStatus::InProgress));
    doc.apply(&tx).unwrap();
    doc
}

#[test]
fn every_field_survives_add_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let doc = rich_document();
    let report = Project::create(&path)
        .unwrap()
        .add_documents(std::slice::from_ref(&doc))
        .unwrap();
    assert_eq!(report.added, std::slice::from_ref(&doc.id));
    let project = Project::open(&path).unwrap();
    assert_eq!(project.load_document(&doc.id).unwrap(), doc);
    assert_eq!(
        project.load_documents().unwrap(),
        std::slice::from_ref(&doc)
    );
    let summary = &project.list_documents().unwrap()[0];
    assert_eq!(summary.title, "Zürich café stays");
    assert_eq!(summary.status, DocStatus::InProgress);
    assert_eq!((summary.spans, summary.pending), (8, 1));
}

#[test]
fn edits_and_undo_are_saved_as_they_happen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let mut doc = rich_document();
    let mut project = Project::create(&path).unwrap();
    project.add_documents(std::slice::from_ref(&doc)).unwrap();
    let mut history = History::new();
    let mut relabelled = doc.span(SpanId(8)).unwrap().clone();
    relabelled.label = "GPE".into();
    relabelled.range = ByteRange::new(relabelled.range.start, relabelled.range.end - 2);
    let edits = [
        Transaction::new("Delete speaker").with(Edit::DeleteSpan(SpanId(6))),
        Transaction::new("Delete Zoë").with(Edit::DeleteSpan(SpanId(1))),
        Transaction::new("Relabel").with(Edit::ReplaceSpan(relabelled)),
        Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)),
    ];
    let mut states = vec![doc.clone()];
    for tx in &edits {
        let applied = history.apply(&mut doc, tx).unwrap();
        project.apply(&doc, &applied).unwrap();
        states.push(doc.clone());
    }
    let id = doc.id.clone();
    let reopened = || Project::open(&path).unwrap().load_document(&id).unwrap();
    drop(project);
    assert_eq!(reopened(), doc);
    let mut project = Project::open(&path).unwrap();
    for expected in states.iter().rev().skip(1) {
        let applied = history.undo(&mut doc).unwrap().unwrap();
        project.apply(&doc, &applied).unwrap();
        assert_eq!(&project.load_document(&doc.id).unwrap(), expected);
    }
    let applied = history.redo(&mut doc).unwrap().unwrap();
    project.apply(&doc, &applied).unwrap();
    drop(project);
    assert_eq!(reopened(), states[1]);
}

#[test]
fn duplicates_are_reported_not_doubled_and_the_view_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let mut project = Project::create(&path).unwrap();
    let a = Document::new(Some("a.txt".into()), "Same “text”.\r\n");
    let b = Document::new(Some("b.md".into()), "Same “text”.\n");
    let c = Document::new(Some("c.txt".into()), "Other text.");
    let report = project.add_documents(&[a.clone(), b]).unwrap();
    assert_eq!(report.added.len(), 1);
    assert_eq!(
        report.to_string(),
        "1 documents added; already in the project (same text as a.txt): b.md"
    );
    let report = project.add_documents(&[a.clone(), c.clone()]).unwrap();
    assert_eq!((report.added.len(), report.duplicates.len()), (1, 1));
    assert_eq!(project.list_documents().unwrap().len(), 2);

    assert_eq!(project.last_document().unwrap(), None);
    let view = ViewPosition {
        offset: a.text().find("text").unwrap(),
        scroll: 120.5,
    };
    project.set_view(&a, view).unwrap();
    drop(project);
    let project = Project::open(&path).unwrap();
    assert_eq!(project.view(&a).unwrap(), Some(view));
    assert_eq!(project.view(&c).unwrap(), None);
    assert_eq!(project.last_document().unwrap(), Some(a.id));
}

#[test]
fn the_label_set_is_stored_with_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let mut project = Project::create(&path).unwrap();
    assert_eq!(project.labels().unwrap(), LabelSet::builtin());
    let mut labels = LabelSet::builtin();
    labels.labels.retain(|l| l.layer == Layer::Attribution);
    labels.labels[0].description = "Was gesagt wurde — „Zitat“".into();
    project.set_labels(&labels).unwrap();
    drop(project);
    assert_eq!(Project::open(&path).unwrap().labels().unwrap(), labels);
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let mut doc = rich_document();
    let mut project = Project::create(&path).unwrap();
    project.add_documents(std::slice::from_ref(&doc)).unwrap();
    let mut history = History::new();
    let start = doc.clone();
    let edits = [
        Transaction::new("Delete speaker").with(Edit::DeleteSpan(SpanId(6))),
        Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)),
        Transaction::new("Delete Zoë").with(Edit::DeleteSpan(SpanId(1))),
    ];
    for tx in &edits {
        let applied = history.apply(&mut doc, tx).unwrap();
        project.apply_step(&doc, &applied, Step::Edit).unwrap();
    }
    let applied = history.undo(&mut doc).unwrap().unwrap();
    project.apply_step(&doc, &applied, Step::Undo).unwrap();
    let after_two = doc.clone();
    drop(project);

    let mut project = Project::open(&path).unwrap();
    let mut doc = project.load_document(&start.id).unwrap();
    assert_eq!(doc, after_two);
    let mut history = project.load_history(&doc).unwrap();
    assert_eq!(history.undo_label(), Some("Done"));
    assert_eq!(history.redo_label(), Some("Delete Zoë"));
    let applied = history.redo(&mut doc).unwrap().unwrap();
    project.apply_step(&doc, &applied, Step::Redo).unwrap();
    for _ in 0..3 {
        let applied = history.undo(&mut doc).unwrap().unwrap();
        project.apply_step(&doc, &applied, Step::Undo).unwrap();
    }
    assert_eq!(doc, start);
    drop(project);
    let project = Project::open(&path).unwrap();
    assert_eq!(project.load_document(&start.id).unwrap(), start);
    let history = project.load_history(&start).unwrap();
    assert_eq!(history.undo_label(), None);
    assert_eq!(history.redo_label(), Some("Delete speaker"));
}
