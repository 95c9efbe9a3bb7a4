//! [`Project`]: one open project file. Opening sets up SQLite the way every
//! other part of the store relies on, takes the writer's lock, upgrades an
//! older file and refuses what it must not touch.
//!
//! Settings and why:
//! - **WAL journal**: a reader (a second, read-only window) never blocks the
//!   writer, and a commit appends to one file instead of rewriting pages twice.
//! - **`synchronous=NORMAL`**: in WAL mode a commit is then a plain `write()`
//!   into the OS page cache, with an `fsync` at each checkpoint. A crash of
//!   Byline itself (kill, panic, out of memory) loses nothing — the OS still
//!   writes the page cache out — and the file is never corrupted, even by a
//!   power cut. What a power cut can lose is the last edits since the previous
//!   checkpoint; `FULL` would close that window at the cost of an `fsync` per
//!   click (milliseconds on an SSD, tens on a laptop disk or a network home),
//!   stalling the UI on every edit. A background thread checkpoints half a
//!   second after the editor pauses (see `checkpoint`), which bounds that
//!   window to the last moment of work; [`Project::checkpoint`] forces one.
//! - **foreign keys on**, links between spans and quotes checked at commit, so
//!   a bug can never store a quote pointing at a deleted span.
//! - **busy timeout** of a few seconds: SQLite sleeps between retries (no
//!   spinning) when another process holds a lock for a moment (a checkpoint).
//! - **one writer**: an advisory lock on `<project>-lock`, held while open.
//!   Whoever opens second gets the project read-only and is told why; the OS
//!   drops the lock when the holder dies, so a crash never leaves it stuck.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::checkpoint::Checkpointer;
use super::error::{ReadOnlyReason, StoreError};
use super::guard::{Identity, Lock};
use super::header::{self, Kind};
use super::migrate;
use super::opening::{
    CREATION_POLL, CREATION_WAIT, check_sound, lock_project, not_a_project, uri_path,
};
use super::rows::{Bad, Res};

/// How long a statement waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// SQLite page cache per connection (negative = KiB).
const CACHE_KIB: i64 = -8 * 1024;

/// Whether this window may write to the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Edits are saved.
    ReadWrite,
    /// The project can be read, not changed.
    ReadOnly(ReadOnlyReason),
}

/// An open project file. Dropping it closes the file and releases the lock.
pub struct Project {
    /// Stopped (and its connection closed) before `conn` closes.
    checkpointer: Option<Checkpointer>,
    pub(super) conn: Connection,
    path: PathBuf,
    access: Access,
    identity: Option<Identity>,
    /// Held for the writer's lifetime; dropped after `conn` (field order).
    _lock: Option<File>,
}

impl Project {
    /// Creates a new, empty project at `path` (its folder is created if
    /// needed). Refuses to overwrite an existing file.
    pub fn create(path: &Path) -> Result<Self, StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.into() });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::io("create the project folder", parent, e))?;
        }
        let Lock::Held(lock) = Lock::take(path)? else {
            return Err(StoreError::Busy { path: path.into() });
        };
        // Another process may have created it between the check and the lock.
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.into() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::sqlite("create the project", path.into(), e))
            .and_then(|mut conn| {
                configure(&conn, path, true)?;
                migrate::initialize(&mut conn, path)?;
                Ok(conn)
            })
            .inspect_err(|_| {
                // Leave no half-made file that would later read as "not a project".
                let _ = std::fs::remove_file(path);
            })?;
        Ok(Self {
            checkpointer: start_checkpointer(&conn, path),
            identity: Identity::of(path),
            conn,
            path: path.into(),
            access: Access::ReadWrite,
            _lock: Some(lock),
        })
    }

    /// Opens an existing project: for writing if no other window has it,
    /// read-only otherwise (see [`Project::access`]). An older file is
    /// upgraded; a newer one, a damaged one, or a file that is not a project
    /// is refused — a file that is plainly not a project is not even opened
    /// as a database, so nothing is created beside it or changed in it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotFound { path: path.into() });
        }
        let (lock, mut access) = match lock_project(path)? {
            Lock::Held(file) => (Some(file), Access::ReadWrite),
            Lock::Elsewhere => (None, Access::ReadOnly(ReadOnlyReason::OpenElsewhere)),
            Lock::Unavailable => (None, Access::ReadOnly(ReadOnlyReason::NotWritable)),
        };
        let flags = match access {
            Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Access::ReadOnly(_) => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::sqlite("open the project", path.into(), e))?;
        // SQLite silently opens a write-protected file read-only.
        if access == Access::ReadWrite && conn.is_readonly("main").unwrap_or(true) {
            access = Access::ReadOnly(ReadOnlyReason::NotWritable);
        }
        configure(&conn, path, access == Access::ReadWrite)?;
        match access {
            Access::ReadWrite => {
                migrate::upgrade(&mut conn, path)?;
                check_sound(&conn, path)?;
            }
            Access::ReadOnly(reason) => migrate::check_readable(&conn, path, reason)?,
        }
        let writable = access == Access::ReadWrite;
        Ok(Self {
            checkpointer: writable.then(|| start_checkpointer(&conn, path)).flatten(),
            identity: Identity::of(path),
            conn,
            path: path.into(),
            access,
            _lock: lock.filter(|_| writable),
        })
    }

    /// Opens an existing project only to read it (`byline stats`, `byline
    /// export`): nothing is created or changed — no lock file, no journal
    /// files, no journal mode switch — so it works on a read-only folder or
    /// file, on a project another window is writing, and never leaves a trace
    /// beside a file that turns out not to be a project. An older project
    /// that needs an upgrade is opened as [`Project::open`] does, which
    /// upgrades it when it can.
    pub fn open_to_read(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotFound { path: path.into() });
        }
        match header::kind(path)? {
            Kind::Project | Kind::Unsettled => {}
            Kind::Empty => return Err(not_a_project("the file is empty", path)),
            Kind::Foreign(reason) => return Err(not_a_project(reason, path)),
        }
        // Without a `-wal` file everything is in the main file, which can be
        // read as it is; with one, SQLite must read both (and its `-shm`).
        let mode = if header::sibling(path, "-wal").is_file() {
            "mode=ro"
        } else {
            "immutable=1"
        };
        let uri = format!("file:{}?{mode}", uri_path(path));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(uri, flags)
            .map_err(|e| StoreError::sqlite("open the project", path.into(), e))?;
        configure(&conn, path, false)?;
        match migrate::check_readable(&conn, path, ReadOnlyReason::OpenedToRead) {
            Err(StoreError::CannotUpgrade { .. }) => {
                drop(conn);
                return Self::open(path);
            }
            checked => checked?,
        }
        Ok(Self {
            checkpointer: None,
            identity: Identity::of(path),
            conn,
            path: path.into(),
            access: Access::ReadOnly(ReadOnlyReason::OpenedToRead),
            _lock: None,
        })
    }

    /// Opens the project at `path`, creating it first if there is no file.
    /// When another process is creating the same file at the same moment,
    /// this waits for it (up to the busy timeout) and opens its project.
    pub fn open_or_create(path: &Path) -> Result<Self, StoreError> {
        let waited_until = Instant::now() + CREATION_WAIT;
        loop {
            if path.exists() {
                return Self::open(path);
            }
            match Self::create(path) {
                Err(StoreError::Busy { .. }) if Instant::now() < waited_until => {
                    std::thread::sleep(CREATION_POLL);
                }
                Err(StoreError::AlreadyExists { .. }) => return Self::open(path),
                created => return created,
            }
        }
    }

    /// The project file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether edits can be saved, and if not why.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Makes sure the last commits are on disk, not only in the OS cache (see
    /// the module doc); cheap to call when the editor is idle.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        if self.access != Access::ReadWrite {
            return Ok(());
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(|e| self.error("write the project to disk", e))
    }

    /// SQLite's own consistency check plus the foreign-key check: an empty
    /// list means the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut problems = Vec::new();
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            for row in stmt.query_map([], |row| row.get::<_, String>(0))? {
                problems.push(row?);
            }
            problems.retain(|p| p != "ok");
            let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |row| {
                Ok(format!(
                    "{} row {} points at a missing {} row",
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    row.get::<_, String>(2)?
                ))
            })?;
            for row in rows {
                problems.push(row?);
            }
            Ok(problems)
        };
        run().map_err(|e| self.error("check the project", e))
    }

    /// Writes a compact, consistent copy of the project to `to` — also the
    /// way out when the file was deleted under the app.
    pub fn save_copy(&self, to: &Path) -> Result<(), StoreError> {
        if to.exists() {
            return Err(StoreError::AlreadyExists { path: to.into() });
        }
        let target = to.to_string_lossy();
        self.conn
            .execute("VACUUM INTO ?1", [target.as_ref()])
            .map(|_| ())
            .map_err(|e| StoreError::sqlite("save a copy of the project", to.into(), e))
    }

    /// Lets the file grow by only `pages` more pages on this connection, to
    /// see how a full disk is handled.
    #[cfg(test)]
    pub(crate) fn limit_growth_for_test(&self, pages: i64) {
        let count: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap();
        self.conn
            .pragma_update(None, "max_page_count", count + pages)
            .unwrap();
    }

    /// A SQLite error met while doing `action` on this project.
    pub(super) fn error(&self, action: &'static str, source: rusqlite::Error) -> StoreError {
        StoreError::sqlite(action, self.path.clone(), source)
    }

    /// Runs `work` as one write transaction: all of it is committed, or none.
    pub(super) fn write<T>(
        &mut self,
        action: &'static str,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Res<T>,
    ) -> Result<T, StoreError> {
        if let Access::ReadOnly(reason) = self.access {
            return Err(StoreError::ReadOnly {
                reason,
                path: self.path.clone(),
            });
        }
        self.check_in_place()?;
        let path = self.path.clone();
        let fail = |e: Bad| e.at(action, &path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail(e.into()))?;
        let out = work(&tx).map_err(fail)?;
        tx.commit().map_err(|e| fail(e.into()))?;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.committed();
        }
        Ok(out)
    }

    /// Refuses to write when the file was deleted or replaced since it was
    /// opened: SQLite would go on writing to a file nobody can see.
    fn check_in_place(&self) -> Result<(), StoreError> {
        match (Identity::of(&self.path), self.identity) {
            (None, _) => Err(StoreError::Gone {
                path: self.path.clone(),
            }),
            (Some(now), Some(then)) if now != then => Err(StoreError::Gone {
                path: self.path.clone(),
            }),
            _ => Ok(()),
        }
    }
}

/// Moves checkpoints to their own thread; SQLite's automatic ones stay on if
/// the thread cannot start.
fn start_checkpointer(conn: &Connection, path: &Path) -> Option<Checkpointer> {
    let checkpointer = Checkpointer::start(path)?;
    conn.pragma_update(None, "wal_autocheckpoint", 0).ok()?;
    Some(checkpointer)
}

/// The per-connection settings described in the module doc.
fn configure(conn: &Connection, path: &Path, writable: bool) -> Result<(), StoreError> {
    let fail = |e| StoreError::sqlite("set up the project", path.into(), e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(fail)?;
    conn.pragma_update(None, "cache_size", CACHE_KIB)
        .map_err(fail)?;
    if writable {
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(fail)?;
    }
    Ok(())
}
