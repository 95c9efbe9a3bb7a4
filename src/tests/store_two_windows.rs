//! Two windows on one project: the first writes, the second reads and is told
//! why it cannot write; nothing is corrupted and the second sees the first's
//! commits. (The crash test checks the same across processes.)

use crate::model::{ByteRange, Document, Edit, Layer, Span, Transaction};
use crate::store::{Access, Project, ReadOnlyReason, StoreError};

#[test]
fn the_second_window_is_read_only_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.byline");
    let mut first = Project::create(&path).unwrap();
    let mut doc = Document::new(None, "Ana Díaz spoke in Zürich.");
    first.add_documents(std::slice::from_ref(&doc)).unwrap();

    let mut second = Project::open(&path).unwrap();
    assert_eq!(
        second.access(),
        Access::ReadOnly(ReadOnlyReason::OpenElsewhere)
    );
    let span = Span::manual(
        doc.ids().span(),
        ByteRange::new(0, 9),
        "PERSON",
        Layer::Entity,
    );
    let applied = doc
        .apply(&Transaction::new("Add").with(Edit::InsertSpan(span)))
        .unwrap();
    let refused = second.apply(&doc, &applied).unwrap_err();
    assert!(matches!(refused, StoreError::ReadOnly { .. }));
    assert!(
        refused.to_string().starts_with(
            "project is read-only (another Byline window or command has it open for writing)"
        ),
        "{refused}"
    );
    assert!(second.add_documents(&[Document::new(None, "x")]).is_err());

    first.apply(&doc, &applied).unwrap();
    assert_eq!(
        second.load_document(&doc.id).unwrap(),
        doc,
        "the reader sees commits"
    );
    assert!(second.integrity_problems().unwrap().is_empty());

    drop(first);
    drop(second);
    let third = Project::open(&path).unwrap();
    assert_eq!(
        third.access(),
        Access::ReadWrite,
        "the lock goes with the writer"
    );
    assert_eq!(third.load_document(&doc.id).unwrap(), doc);
}
