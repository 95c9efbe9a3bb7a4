//! What can go wrong with a project file, in words the editor can act on. The
//! file path comes last in every message. A failed write never leaves half an
//! edit behind: every write is one SQLite transaction.

use std::fmt;
use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Why a project can be read but not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another Byline window (or command) has the project open for writing.
    OpenElsewhere,
    /// The file (or its folder) does not allow writing.
    NotWritable,
    /// A command that only reads opened it (`stats`, `export`).
    OpenedToRead,
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OpenElsewhere => "another Byline window or command has it open for writing",
            Self::NotWritable => "the file is not writable",
            Self::OpenedToRead => "it was opened for reading only",
        })
    }
}

/// Why a project operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Opening a project that does not exist.
    #[error("no project file here: {}", path.display())]
    NotFound {
        /// The path asked for.
        path: PathBuf,
    },
    /// Creating a project where a file already is.
    #[error("cannot create a project: a file already exists here: {}", path.display())]
    AlreadyExists {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file is not a SQLite database, or one made by something else.
    #[error("not a Byline project ({reason}): {}", path.display())]
    NotAProject {
        /// What gave it away.
        reason: String,
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Byline; opening it could lose data.
    #[error(
        "made by a newer Byline (project version {found}, this Byline reads up to {supported}); update Byline to open it: {}",
        path.display()
    )]
    TooNew {
        /// The file's schema version.
        found: i32,
        /// The newest version this build knows.
        supported: i32,
        /// The file.
        path: PathBuf,
    },
    /// The file is older and must be upgraded, but cannot be written.
    #[error("made by an older Byline and needs an upgrade, but {reason}: {}", path.display())]
    CannotUpgrade {
        /// Why it cannot be written.
        reason: ReadOnlyReason,
        /// The file.
        path: PathBuf,
    },
    /// A write on a project opened read-only.
    #[error("project is read-only ({reason}); the change was not saved: {}", path.display())]
    ReadOnly {
        /// Why it is read-only.
        reason: ReadOnlyReason,
        /// The file.
        path: PathBuf,
    },
    /// The disk (or the project's size limit) is full.
    #[error("disk full: the change was not saved and the project is unchanged; free some space and try again: {}", path.display())]
    Full {
        /// The file.
        path: PathBuf,
    },
    /// The file was deleted, moved or replaced while open.
    #[error("project file was deleted or moved while open; changes cannot be saved to it (save a copy elsewhere): {}", path.display())]
    Gone {
        /// Where the file was.
        path: PathBuf,
    },
    /// Another process held the file locked for longer than the busy timeout.
    #[error("project is busy in another process; try again: {}", path.display())]
    Busy {
        /// The file.
        path: PathBuf,
    },
    /// The file holds something this Byline cannot make sense of.
    #[error("project is damaged ({what}): {}", path.display())]
    Damaged {
        /// What is wrong.
        what: String,
        /// The file.
        path: PathBuf,
    },
    /// A document id the project does not hold.
    #[error("no document {id} in the project: {}", path.display())]
    UnknownDocument {
        /// The id asked for.
        id: String,
        /// The file.
        path: PathBuf,
    },
    /// Any other SQLite failure.
    #[error("cannot {action}: {source}: {}", path.display())]
    Sqlite {
        /// What was being done.
        action: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
        /// The file.
        path: PathBuf,
    },
    /// A file-system failure around the project (lock file, folders, recent list).
    #[error("cannot {action}: {source}: {}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The OS error.
        source: std::io::Error,
        /// The file concerned.
        path: PathBuf,
    },
}

impl StoreError {
    /// Classifies a SQLite error met while doing `action` on the file at `path`.
    pub(crate) fn sqlite(action: &'static str, path: PathBuf, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::Full { path },
            Some(ErrorCode::ReadOnly) => Self::ReadOnly {
                reason: ReadOnlyReason::NotWritable,
                path,
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy { path },
            Some(ErrorCode::NotADatabase) => Self::NotAProject {
                reason: "not a SQLite database".into(),
                path,
            },
            Some(ErrorCode::DatabaseCorrupt) => Self::Damaged {
                what: source.to_string(),
                path,
            },
            _ => Self::Sqlite {
                action,
                source,
                path,
            },
        }
    }

    /// Wraps an I/O error met while doing `action` on `path`.
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Self::Io {
            action,
            source,
            path: path.into(),
        }
    }
}
