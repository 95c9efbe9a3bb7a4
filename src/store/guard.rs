//! Guarding the project file: the writer's lock (one writer at a time, freed
//! by the OS when its holder dies) and the file's identity (to notice it was
//! deleted, moved or replaced while open).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::error::StoreError;

/// How often, and how far apart, a held lock is tried before it counts as
/// held by another window.
const LOCK_TRIES: usize = 5;
const LOCK_RETRY: std::time::Duration = std::time::Duration::from_millis(20);

/// The writer's lock on `<project>-lock`.
pub(super) enum Lock {
    /// We are the writer.
    Held(File),
    /// Someone else is.
    Elsewhere,
    /// The lock file cannot be created (read-only folder).
    Unavailable,
}

impl Lock {
    pub fn take(project: &Path) -> Result<Self, StoreError> {
        let path = super::header::sibling(project, "-lock");
        let file = match OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
        {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Ok(Self::Unavailable);
            }
            Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
                return Ok(Self::Unavailable);
            }
            Err(e) => return Err(StoreError::io("create the lock file", path, e)),
        };
        // A lock held a moment longer than its holder (a process closing the
        // project, or a child forked with the descriptor just before it ran
        // its program) is worth a few short waits before reporting it.
        for _ in 0..LOCK_TRIES {
            match file.try_lock() {
                Ok(()) => return Ok(Self::Held(file)),
                Err(TryLockError::WouldBlock) => std::thread::sleep(LOCK_RETRY),
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::io("lock the project", path, e));
                }
            }
        }
        Ok(Self::Elsewhere)
    }
}

/// What tells one file from another at the same path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Identity {
    device: u64,
    inode: u64,
}

impl Identity {
    /// `None` when nothing is at `path`.
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            device: meta.dev(),
            inode: meta.ino(),
        })
    }

    /// `None` when nothing is at `path`; elsewhere only presence is checked.
    #[cfg(not(unix))]
    pub fn of(path: &Path) -> Option<Self> {
        std::fs::metadata(path).ok().map(|_| Self {
            device: 0,
            inode: 0,
        })
    }
}
