//! The memory engine through the project store: what the editor taught it is
//! saved with each edit and is there after reopening.

use crate::model::{ByteRange, Document, Edit, History, Layer, Span, SpanState, Transaction};
use crate::store::Project;
use crate::suggest::Suggester;
use crate::suggest::memory::MemoryEngine;

#[test]
fn what_the_editor_teaches_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.byline");
    let mut project = Project::create(&path).unwrap();
    let mut first = Document::new(Some("1.txt".into()), "Wang Yi met Olaf Scholz in May.");
    let second = Document::new(
        Some("2.txt".into()),
        "In May, WANG YI and Olaf Scholz spoke.",
    );
    project
        .add_documents(&[first.clone(), second.clone()])
        .unwrap();

    let engine = MemoryEngine::new(project.load_memory().unwrap());
    let mut history = History::new();
    let mut ids = first.ids();
    let wang = Span::manual(ids.span(), ByteRange::new(0, 7), "PERSON", Layer::Entity);
    let mut may = Span::manual(ids.span(), ByteRange::new(27, 30), "PERSON", Layer::Entity);
    may.state = SpanState::Rejected;
    let tx = Transaction::new("Review")
        .with(Edit::InsertSpan(wang))
        .with(Edit::InsertSpan(may));
    let applied = history.apply(&mut first, &tx).unwrap();
    project.apply(&first, &applied).unwrap();
    engine.learn(&applied, &first);
    assert_eq!(project.load_memory().unwrap(), engine.memory());
    drop(project);

    let reopened = Project::open(&path).unwrap();
    let engine = MemoryEngine::new(reopened.load_memory().unwrap());
    let suggestions = engine.suggest(&second);
    let found: Vec<(&str, &str)> = suggestions
        .spans
        .iter()
        .map(|s| (&second.text()[s.range.start..s.range.end], s.label.as_str()))
        .collect();
    assert_eq!(found, [("WANG YI", "PERSON")]);

    let mut project = reopened;
    let undone = history.undo(&mut first).unwrap().unwrap();
    project.apply(&first, &undone).unwrap();
    assert_eq!(project.load_memory().unwrap(), Default::default());
}

#[test]
fn annotated_imports_teach_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
    let gold = crate::model::markup::document("[Ana Díaz|PERSON] visited [Zürich|GPE].").unwrap();
    project.add_documents(&[gold]).unwrap();
    let engine = MemoryEngine::new(project.load_memory().unwrap());
    let later = Document::new(None, "Zürich welcomed Ana Díaz.");
    assert_eq!(engine.suggest(&later).spans.len(), 2);
}
