//! Deciding how a file may be opened before SQLite is asked to: waiting for
//! a project another process is creating, refusing what is not a project by
//! its header, checking a project is sound before anything is written to it,
//! and the `file:` URI of a project opened only to read.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::error::StoreError;
use super::guard::Lock;
use super::header::{self, Kind};

/// How long a project being created by another process is waited for.
pub(super) const CREATION_WAIT: Duration = Duration::from_secs(5);

/// How often a project another process is creating is looked at again.
pub(super) const CREATION_POLL: Duration = Duration::from_millis(50);

/// Takes the writer's lock on a file whose header says it is a project (or
/// may be one). A file that is empty, or whose header is not yet written back
/// from its `-wal`, while another process holds the lock is a project being
/// created: wait (up to the busy timeout) until its header says what it is.
pub(super) fn lock_project(path: &Path) -> Result<Lock, StoreError> {
    let waited_until = Instant::now() + CREATION_WAIT;
    loop {
        let lock = match header::kind(path)? {
            Kind::Foreign(reason) => return Err(not_a_project(reason, path)),
            Kind::Project => return Lock::take(path),
            Kind::Empty | Kind::Unsettled => Lock::take(path)?,
        };
        // Taking the lock may have waited for its holder: look again.
        match (lock, header::kind(path)?) {
            (_, Kind::Foreign(reason)) => return Err(not_a_project(reason, path)),
            (Lock::Elsewhere, _) if Instant::now() < waited_until => {
                std::thread::sleep(CREATION_POLL);
            }
            (Lock::Elsewhere, Kind::Empty) => {
                return Err(StoreError::Busy { path: path.into() });
            }
            (Lock::Held(_) | Lock::Unavailable, Kind::Empty) => {
                return Err(not_a_project("the file is empty", path));
            }
            // SQLite reads the `-wal` too and tells.
            (lock, _) => return Ok(lock),
        }
    }
}

/// Refuses to write into a file SQLite finds damaged: a write there could
/// make it worse, and an import would report success over a broken project.
pub(super) fn check_sound(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let first: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|e| StoreError::sqlite("check the project", path.into(), e))?;
    if first == "ok" {
        return Ok(());
    }
    Err(StoreError::Damaged {
        what: format!(
            "{first}; nothing was written — restore it from a backup or open it \
             read-only and export what it holds"
        ),
        path: path.into(),
    })
}

pub(super) fn not_a_project(reason: &str, path: &Path) -> StoreError {
    StoreError::NotAProject {
        reason: reason.into(),
        path: path.into(),
    }
}

/// `path` as the path part of a SQLite `file:` URI: the characters that
/// would end or escape it are percent-encoded, everything else stays.
pub(super) fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}
