//! What goes wrong around a project file: not a project, a full disk, a file
//! deleted or moved under the app, a write-protected file. Each gives a clear
//! error and leaves the project as it was.

use crate::model::{Document, Edit, Layer, Span, Transaction};
use crate::store::{Access, Project, ReadOnlyReason, StoreError};

fn project_with_one_document(dir: &std::path::Path) -> (Project, Document) {
    let mut project = Project::create(&dir.join("p.byline")).unwrap();
    let doc = Document::new(
        Some("a.txt".into()),
        &"“Ça va,” dit Zoë à Genève. ".repeat(40),
    );
    project.add_documents(std::slice::from_ref(&doc)).unwrap();
    (project, doc)
}

/// An edit adding `n` spans, over the document's tokens in turn.
fn add_spans(doc: &Document, n: usize) -> Transaction {
    let tokens = crate::model::tokenize(doc.text());
    let mut ids = doc.ids();
    let mut tx = Transaction::new("Add");
    for token in tokens.iter().cycle().take(n) {
        tx.push(Edit::InsertSpan(Span::manual(
            ids.span(),
            token.range,
            "PERSON",
            Layer::Entity,
        )));
    }
    tx
}

#[test]
fn files_that_are_not_projects_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.byline");
    std::fs::write(&text, "just some notes, not a database at all".repeat(100)).unwrap();
    let err = Project::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::NotAProject { .. }), "{err}");
    assert!(err.to_string().ends_with("notes.byline"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "just some notes, not a database at all".repeat(100),
        "the file is left alone"
    );

    let empty = dir.path().join("empty.byline");
    std::fs::write(&empty, "").unwrap();
    let err = Project::open(&empty).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "not a Byline project (the file is empty): {}",
            empty.display()
        )
    );
    assert!(matches!(
        Project::open(&dir.path().join("missing.byline")),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        Project::create(&text),
        Err(StoreError::AlreadyExists { .. })
    ));
}

#[test]
fn a_full_disk_refuses_the_edit_and_keeps_the_project_sound() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, mut doc) = project_with_one_document(dir.path());
    let before = doc.clone();
    project.limit_growth_for_test(2);
    let applied = doc.apply(&add_spans(&doc, 2000)).unwrap();
    let err = project.apply(&doc, &applied).unwrap_err();
    assert!(matches!(err, StoreError::Full { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("disk full: the change was not saved")
    );
    doc.apply(&applied.inverse).unwrap();

    let small = doc.apply(&add_spans(&doc, 1)).unwrap();
    project.apply(&doc, &small).unwrap();
    drop(project);
    let project = Project::open(&dir.path().join("p.byline")).unwrap();
    assert!(project.integrity_problems().unwrap().is_empty());
    let stored = project.load_document(&doc.id).unwrap();
    assert_eq!(stored, doc);
    assert_eq!(stored.span_count(), before.span_count() + 1);
}

#[test]
fn a_file_deleted_or_moved_under_the_app_is_noticed_and_work_can_be_saved_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, mut doc) = project_with_one_document(dir.path());
    std::fs::rename(project.path(), dir.path().join("moved.byline")).unwrap();
    let applied = doc.apply(&add_spans(&doc, 3)).unwrap();
    let err = project.apply(&doc, &applied).unwrap_err();
    assert!(matches!(err, StoreError::Gone { .. }), "{err}");

    // Someone puts another file at the old path: still not ours.
    std::fs::write(project.path(), "").unwrap();
    assert!(matches!(
        project.apply(&doc, &applied),
        Err(StoreError::Gone { .. })
    ));
    std::fs::remove_file(project.path()).unwrap();
    assert!(matches!(
        project.apply(&doc, &applied),
        Err(StoreError::Gone { .. })
    ));

    let rescue = dir.path().join("rescued.byline");
    project.save_copy(&rescue).unwrap();
    drop(project);
    let rescued = Project::open(&rescue).unwrap();
    assert!(rescued.integrity_problems().unwrap().is_empty());
    assert_eq!(rescued.list_documents().unwrap().len(), 1);
}

#[test]
fn a_write_protected_file_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (project, doc) = project_with_one_document(dir.path());
    let path = project.path().to_path_buf();
    drop(project);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&path).is_ok() {
        eprintln!("skipped: this user (root?) can write to write-protected files");
        return;
    }
    let mut project = Project::open(&path).unwrap();
    assert_eq!(
        project.access(),
        Access::ReadOnly(ReadOnlyReason::NotWritable)
    );
    let mut edited = project.load_document(&doc.id).unwrap();
    let applied = edited.apply(&add_spans(&edited, 1)).unwrap();
    let err = project.apply(&edited, &applied).unwrap_err();
    assert!(
        err.to_string().contains("the file is not writable"),
        "{err}"
    );
    assert_eq!(project.load_document(&doc.id).unwrap(), doc);
}
