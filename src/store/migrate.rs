//! Recognising a project file and bringing it up to date. Each step runs its
//! SQL (from `schema`) and, where a new table must be filled from the old
//! ones, a data step (after all the SQL); all steps of one upgrade share one
//! transaction, so an interrupted upgrade leaves the file as it was.

use std::path::Path;

use rusqlite::Connection;

use super::error::{ReadOnlyReason, StoreError};
use super::rows::{Bad, Res};
use super::schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use super::{memory, view};

/// A data step run after the SQL of the same migration.
type DataStep = fn(&Connection) -> Res<()>;

/// Data steps by migration index; `None` where the SQL is enough.
const DATA_STEPS: [Option<DataStep>; MIGRATIONS.len()] = [
    None,
    Some(memory::backfill),
    None,
    None,
    None,
    None,
    None,
    None,
];

/// Turns a fresh, empty file into a project of the current version.
pub(super) fn initialize(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let fail = |e: Bad| e.at("create the project", path);
    let tx = conn.transaction().map_err(|e| fail(e.into()))?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(|e| fail(e.into()))?;
    run_steps(&tx, 0).map_err(fail)?;
    view::seed_labels(&tx).map_err(fail)?;
    tx.commit().map_err(|e| fail(e.into()))
}

/// Checks an existing file is a project this Byline can use and upgrades it
/// if it is older.
pub(super) fn upgrade(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let version = version(conn, path)?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let fail = |e: Bad| e.at("upgrade the project", path);
    let tx = conn.transaction().map_err(|e| fail(e.into()))?;
    run_steps(&tx, version).map_err(fail)?;
    tx.commit().map_err(|e| fail(e.into()))
}

/// Checks a file opened read-only is a current project.
pub(super) fn check_readable(
    conn: &Connection,
    path: &Path,
    reason: ReadOnlyReason,
) -> Result<(), StoreError> {
    if version(conn, path)? < SCHEMA_VERSION {
        return Err(StoreError::CannotUpgrade {
            reason,
            path: path.into(),
        });
    }
    Ok(())
}

/// Runs migrations `from..` and records the new version. The data steps
/// run after all the SQL, since they read and write with today's code,
/// which expects today's tables.
fn run_steps(conn: &Connection, from: i32) -> Res<()> {
    let from = usize::try_from(from).unwrap_or(0);
    for sql in MIGRATIONS.iter().skip(from) {
        conn.execute_batch(sql)?;
    }
    for step in DATA_STEPS.iter().skip(from).flatten() {
        step(conn)?;
    }
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    Ok(())
}

/// The schema version of a file that is a Byline project, or why it is not
/// one we can open.
fn version(conn: &Connection, path: &Path) -> Result<i32, StoreError> {
    let header = || -> rusqlite::Result<(i32, i32, i64)> {
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, version, tables))
    };
    let (app, version, tables) =
        header().map_err(|e| Bad::from(e).at("read the project header", path))?;
    let not_a_project = |reason: &str| StoreError::NotAProject {
        reason: reason.into(),
        path: path.into(),
    };
    if app != APPLICATION_ID {
        return Err(match (app, tables) {
            (0, 0) => not_a_project("the file is empty"),
            (0, _) => not_a_project("a SQLite database made by another program"),
            _ => not_a_project(&format!(
                "a SQLite file of another application, id {app:#x}"
            )),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
            path: path.into(),
        });
    }
    if version < 1 {
        return Err(StoreError::Damaged {
            what: "no schema version".into(),
            path: path.into(),
        });
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;
    use crate::store::{Access, Project};

    /// A project file as the first release wrote it, holding one annotated document.
    fn version_one_file(path: &Path) -> crate::model::Document {
        let mut conn = Connection::open(path).unwrap();
        let tx = conn.transaction().unwrap();
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        tx.execute_batch(MIGRATIONS[0]).unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        let doc = markup::document("[Olaf Scholz|PERSON] spoke in [Zürich|GPE].").unwrap();
        insert_v1(&tx, &doc, None);
        tx.commit().unwrap();
        doc
    }

    /// Writes `doc` (accepted entities, or spans of `engine`) with the
    /// version 1 columns only, as the first release did.
    fn insert_v1(conn: &Connection, doc: &crate::model::Document, engine: Option<&str>) {
        conn.execute(
            "INSERT INTO documents (id, title, status, span_count) VALUES (?1, 'title', ?2, ?3)",
            rusqlite::params![doc.id.0, doc.status().as_str(), doc.span_count() as i64],
        )
        .unwrap();
        let key = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO texts (doc, text) VALUES (?1, ?2)",
            rusqlite::params![key, doc.text()],
        )
        .unwrap();
        let index = crate::model::OffsetIndex::new(doc.text());
        for span in doc.spans() {
            let chars = index.to_chars(span.range).unwrap();
            conn.execute(
                "INSERT INTO spans (doc, id, start, \"end\", label, layer, state, engine)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'entity', 'accepted', ?6)",
                rusqlite::params![
                    key,
                    span.id.0 as i64,
                    chars.start as i64,
                    chars.end as i64,
                    span.label,
                    engine
                ],
            )
            .unwrap();
        }
    }

    #[test]
    fn an_older_project_is_upgraded_and_keeps_its_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.byline");
        let doc = version_one_file(&path);
        let project = Project::open(&path).unwrap();
        assert_eq!(project.load_document(&doc.id).unwrap(), doc);
        assert_eq!(
            project.search_text("scholz zurich").unwrap(),
            std::slice::from_ref(&doc.id),
            "the text is indexed"
        );
        let memory = project.load_memory().unwrap();
        assert_eq!(
            memory.counts("GPE", "Zürich").accepted,
            1,
            "memory backfilled"
        );
        let version: i32 = project
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }

    #[test]
    fn documents_an_engine_suggested_on_count_as_suggested_after_an_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.byline");
        version_one_file(&path);
        let conn = Connection::open(&path).unwrap();
        let by_rules = markup::document("[Ana Díaz|PERSON] spoke.").unwrap();
        let by_memory = markup::document("[Ana Díaz|PERSON] left.").unwrap();
        insert_v1(&conn, &by_rules, Some("rules"));
        insert_v1(&conn, &by_memory, Some("memory"));
        drop(conn);
        let project = Project::open(&path).unwrap();
        let suggested =
            |doc: &crate::model::Document| project.load_document(&doc.id).unwrap().suggested;
        assert!(suggested(&by_rules));
        assert!(
            !suggested(&by_memory),
            "the memory alone is not the engines"
        );
    }

    #[test]
    fn quotes_of_an_older_project_are_speech_after_an_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.byline");
        let doc = version_one_file(&path);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO spans (doc, id, start, \"end\", label, layer, state)
               SELECT key, 90, 0, 11, 'QUOTE', 'attribution', 'accepted' FROM documents;
             INSERT INTO quotes (doc, id, kind, state)
               SELECT key, 91, 'indirect', 'accepted' FROM documents;
             INSERT INTO quote_content (doc, quote, pos, span)
               SELECT key, 91, 0, 90 FROM documents;",
        )
        .unwrap();
        drop(conn);
        let project = Project::open(&path).unwrap();
        let upgraded = project.load_document(&doc.id).unwrap();
        let classes: Vec<_> = upgraded.quotes().map(|q| q.class).collect();
        assert_eq!(classes, [crate::model::AttributionClass::Speech]);
    }

    #[test]
    fn a_version_seven_project_keeps_its_quotes_whole_after_an_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v7.byline");
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        for step in &MIGRATIONS[..7] {
            tx.execute_batch(step).unwrap();
        }
        tx.pragma_update(None, "user_version", 7).unwrap();
        let doc = markup::document("[“Ça ira,”|QUOTE:1] dit [Zoë|SPEAKER:1].").unwrap();
        insert_v1(&tx, &doc, None);
        tx.execute_batch(
            "INSERT INTO quotes (doc, id, kind, state, class)
               SELECT key, 91, 'direct', 'accepted', 'writing' FROM documents;
             INSERT INTO quote_content (doc, quote, pos, span)
               SELECT key, 91, 0, (SELECT id FROM spans WHERE label = 'QUOTE') FROM documents;",
        )
        .unwrap();
        tx.commit().unwrap();
        drop(conn);
        let project = Project::open(&path).unwrap();
        let upgraded = project.load_document(&doc.id).unwrap();
        let quotes: Vec<_> = upgraded.quotes().map(|q| (q.class, q.group)).collect();
        assert_eq!(quotes, [(crate::model::AttributionClass::Writing, None)]);
        let interrupted = project.interrupted_quotes().unwrap();
        assert_eq!(interrupted, crate::model::Interrupted::OneRecord);
    }

    #[test]
    fn an_older_project_that_cannot_be_written_is_not_half_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.byline");
        version_one_file(&old);
        // Another window holds the writer's lock, so this one opens read-only.
        let mut lock_name = old.as_os_str().to_owned();
        lock_name.push("-lock");
        let lock = std::fs::File::create(lock_name).unwrap();
        lock.lock().unwrap();
        let err = Project::open(&old).err().unwrap();
        assert!(matches!(err, StoreError::CannotUpgrade { .. }), "{err}");
        drop(lock);
        assert_eq!(Project::open(&old).unwrap().access(), Access::ReadWrite);
    }

    #[test]
    fn a_newer_project_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.byline");
        drop(Project::create(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = Project::open(&path).err().unwrap();
        assert_eq!(
            err.to_string(),
            format!(
                "made by a newer Byline (project version {}, this Byline reads up to {}); \
                 update Byline to open it: {}",
                SCHEMA_VERSION + 1,
                SCHEMA_VERSION,
                path.display()
            )
        );
        let conn = Connection::open(&path).unwrap();
        let version: i32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION + 1);
    }

    #[test]
    fn another_programs_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("places.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);")
            .unwrap();
        drop(conn);
        let err = Project::open(&path).err().unwrap();
        assert!(
            err.to_string()
                .starts_with("not a Byline project (a SQLite database made by another program)"),
            "{err}"
        );
    }
}
