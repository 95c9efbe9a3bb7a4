//! Done documents never receive new suggestions: `byline suggest` keeps a
//! document read as done as it is (built-in and external engines alike), and
//! the window's memory brings none to a done article it shows.

use std::fs;

use super::editor_project::{opened, project_with};
use super::support::byline;
use crate::formats::{ReadOptions, read_path};
use crate::model::{DocStatus, Document, Edit, SpanState, Transaction, markup};

const TEXT: &str = "“We will rebuild,” Mayor Ana Díaz said in Zürich on Monday.";

fn done(doc: &mut Document) {
    doc.apply(&Transaction::new("done").with(Edit::SetStatus(DocStatus::Done)))
        .unwrap();
}

#[test]
fn suggest_keeps_a_done_document_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut gold =
        markup::document("“We will rebuild,” Mayor [Ana Díaz|PERSON] said in Zürich on Monday.")
            .unwrap();
    done(&mut gold);
    let fresh = Document::new(None, &format!("{TEXT} Again."));
    let input = dir.path().join("in.jsonl");
    let mut out = Vec::new();
    crate::formats::byline::write(
        &[gold.clone(), fresh],
        &mut out,
        crate::formats::byline::Flavor::Byline,
        crate::formats::ExportOptions::GOLD,
    )
    .unwrap();
    fs::write(&input, out).unwrap();
    let engine = "sh -c 'while read -r line; do echo \"{\\\"spans\\\": [{\\\"start\\\": 1, \\\"end\\\": 3, \\\"label\\\": \\\"ORG\\\"}]}\"; done'";
    let output = dir.path().join("out.jsonl");
    let run = byline([
        "suggest",
        input.to_str().unwrap(),
        "--engine-cmd",
        engine,
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let back = read_path(&output, &ReadOptions::default())
        .unwrap()
        .documents;
    assert_eq!(back.len(), 2);
    assert_eq!(markup::render(&back[0]), markup::render(&gold));
    assert!(back[0].spans().all(|s| s.state == SpanState::Accepted));
    let pending: Vec<&str> = back[1]
        .spans()
        .filter(|s| s.state == SpanState::Pending)
        .map(|s| s.label.as_str())
        .collect();
    assert!(
        pending.contains(&"ORG"),
        "the external engine ran on the other: {pending:?}"
    );
    assert!(pending.len() > 1, "the built-in engine too: {pending:?}");
}

#[test]
fn the_memory_brings_nothing_to_a_done_article() {
    let dir = tempfile::tempdir().unwrap();
    let teacher = markup::document("[Ana Díaz|PERSON] visited [Zürich|GPE].").unwrap();
    let mut finished = Document::new(Some("done.txt".into()), "Zürich welcomed Ana Díaz.");
    done(&mut finished);
    let open = Document::new(Some("open.txt".into()), "Ana Díaz left Zürich.");
    let path = project_with(dir.path(), "wire.byline", &[finished, open, teacher]);
    let (mut ed, _) = opened(&path);
    let shown = &ed.workspace().current().expect("shown").doc;
    assert_eq!(shown.source.as_deref(), Some("done.txt"));
    assert_eq!(shown.span_count(), 0, "done: no memory suggestions");
    ed.run(crate::editor::Command::NextDocument);
    ed.poll();
    let shown = &ed.workspace().current().expect("shown").doc;
    assert_eq!(shown.source.as_deref(), Some("open.txt"));
    assert!(shown.span_count() >= 2, "an open article gets them");
}
