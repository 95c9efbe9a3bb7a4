//! Project files the store must treat with care: another program's SQLite
//! database (never changed, never locked), a project opened by a command that
//! only reads (nothing created beside it), a damaged project (nothing written
//! into it), and two processes creating the same project at once (a true
//! message, never "the file is empty").

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Barrier};

use crate::model::Document;
use crate::store::{Access, Project, ReadOnlyReason, StoreError};
use crate::tests::support::byline;

/// The names in `dir`, to see that nothing was created beside a file.
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// A closed project with two documents at `dir/p.byline`.
fn closed_project(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("p.byline");
    let mut project = Project::create(&path).unwrap();
    let docs = [
        Document::new(Some("a.txt".into()), "“Ça va,” dit Zoë à Genève."),
        Document::new(Some("b.txt".into()), "李明 said the port would reopen."),
    ];
    project.add_documents(&docs).unwrap();
    drop(project);
    path
}

#[test]
fn another_programs_database_is_refused_untouched_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = (std::fs::read(&other).unwrap(), names(dir.path()));
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Ana Díaz said it.").unwrap();
    let runs = [
        byline(["stats", "--project", other.to_str().unwrap()]),
        byline(["export", "--project", other.to_str().unwrap()]),
        byline([
            "import",
            "--project",
            other.to_str().unwrap(),
            article.to_str().unwrap(),
        ]),
    ];
    for run in runs {
        assert_eq!(run.code, 1, "{}", run.err);
        assert!(
            run.err
                .contains("not a Byline project (a SQLite database made by another program)"),
            "{}",
            run.err
        );
        assert!(run.err.contains("other.db"), "{}", run.err);
    }
    let journal: String = rusqlite::Connection::open(&other)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "delete", "still in its own journal mode");
    let mut after_names = names(dir.path());
    after_names.retain(|n| n != "a.txt");
    let mut before_names = before.1;
    before_names.retain(|n| n != "a.txt");
    assert_eq!(std::fs::read(&other).unwrap(), before.0, "bytes unchanged");
    assert_eq!(after_names, before_names, "no lock, -wal or -shm left");
}

#[test]
fn reading_commands_create_nothing_beside_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_project(dir.path());
    let before = names(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let stats = byline(["stats", "--project", path.to_str().unwrap()]);
    assert_eq!(stats.code, 0, "{}", stats.err);
    assert!(stats.out.contains("documents: 2"), "{}", stats.out);
    let export = byline(["export", "--project", path.to_str().unwrap()]);
    assert_eq!(export.code, 0, "{}", export.err);
    assert_eq!(export.out.lines().count(), 2, "{}", export.out);
    assert_eq!(names(dir.path()), before, "no lock, -wal or -shm created");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );

    let project = Project::open_to_read(&path).unwrap();
    assert_eq!(
        project.access(),
        Access::ReadOnly(ReadOnlyReason::OpenedToRead)
    );
    assert_eq!(project.list_documents().unwrap().len(), 2);
}

#[test]
fn a_project_another_window_is_writing_can_still_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_project(dir.path());
    let mut writer = Project::open(&path).unwrap();
    writer
        .add_documents(&[Document::new(
            None,
            "A third article, not yet checkpointed.",
        )])
        .unwrap();
    let reader = Project::open_to_read(&path).unwrap();
    assert_eq!(reader.list_documents().unwrap().len(), 3);
}

#[test]
fn a_damaged_project_is_not_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_project(dir.path());
    damage(&path);
    let article = dir.path().join("new.txt");
    std::fs::write(&article, "Ana Díaz said the bridge would reopen.").unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let run = byline([
        "import",
        "--project",
        path.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.out, run.err);
    assert!(run.err.contains("project is damaged"), "{}", run.err);
    assert!(run.err.contains("p.byline"), "{}", run.err);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing written");
    assert!(matches!(
        Project::open(&path),
        Err(StoreError::Damaged { .. })
    ));
}

/// Overwrites the middle of every page after the first with garbage, as a
/// failing disk or a careless copy would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for start in (page..bytes.len()).step_by(page) {
        let middle = start + page / 2;
        for b in bytes.iter_mut().skip(middle).take(64) {
            *b = 0xA5;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn two_processes_creating_one_project_get_a_true_answer() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = Arc::new(dir.path().join(format!("race{round}.byline")));
        let start = Arc::new(Barrier::new(2));
        let racers: Vec<_> = (0..2)
            .map(|_| {
                let (path, start) = (Arc::clone(&path), Arc::clone(&start));
                std::thread::spawn(move || {
                    start.wait();
                    let opened = Project::open_or_create(&path);
                    // Hold the project a moment, as an import would.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    opened.map(|p| p.access())
                })
            })
            .collect();
        for racer in racers {
            match racer.join().unwrap() {
                Ok(Access::ReadWrite | Access::ReadOnly(ReadOnlyReason::OpenElsewhere)) => {}
                other => panic!("round {round}: {other:?}"),
            }
        }
        assert!(
            Project::open(&path).is_ok(),
            "round {round}: a sound project"
        );
    }
}
