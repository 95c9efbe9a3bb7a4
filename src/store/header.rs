//! Recognising a project file from its first 100 bytes, before SQLite is
//! asked to open it: opening another program's database would already change
//! it (journal mode, `-wal`, `-shm` and lock files beside it), so a file that
//! is plainly not a Byline project is refused untouched.
//!
//! The header of a WAL-mode file can lag behind its `-wal` file: a project
//! created a moment ago (or by a process that crashed before its first
//! checkpoint) still shows application id 0 in the main file, and a project
//! being created shows it until its first commit. Such a file, with a `-wal`
//! or a Byline lock file beside it, is [`Kind::Unsettled`]: only the lock
//! (is someone creating it?) and SQLite (reading the `-wal` too) can tell.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::schema::APPLICATION_ID;

/// The 16 bytes every SQLite 3 database file starts with.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How many header bytes are read: SQLite's whole database header.
const HEADER_LEN: usize = 100;

/// What the first bytes of a file say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Zero bytes: nothing yet, or a project another process is creating.
    Empty,
    /// A Byline project (its application id is ours).
    Project,
    /// A SQLite file with id 0 and a `-wal` or Byline lock file beside it:
    /// may be a project being created, or whose header is not written back yet.
    Unsettled,
    /// Something else; the reason says what.
    Foreign(&'static str),
}

/// Reads the header of the file at `path` without opening it as a database.
pub(super) fn kind(path: &Path) -> Result<Kind, StoreError> {
    let mut file = File::open(path).map_err(|e| StoreError::io("read the project", path, e))?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    (&mut file)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(|e| StoreError::io("read the project", path, e))?;
    let beside = sibling(path, "-wal").is_file() || sibling(path, "-lock").is_file();
    Ok(classify(&header, beside))
}

/// Classifies header bytes; `beside` says whether a `-wal` or `-lock` file
/// is next to the file.
fn classify(header: &[u8], beside: bool) -> Kind {
    if header.is_empty() {
        return Kind::Empty;
    }
    if header.len() < HEADER_LEN || !header.starts_with(MAGIC) {
        return Kind::Foreign("not a SQLite database");
    }
    let application_id = header
        .get(68..72)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, i32::from_be_bytes);
    match application_id {
        APPLICATION_ID => Kind::Project,
        0 if beside => Kind::Unsettled,
        0 => Kind::Foreign("a SQLite database made by another program"),
        _ => Kind::Foreign("a SQLite file of another application"),
    }
}

/// A file kept beside the project: SQLite's `-wal`, Byline's `-lock`.
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(app: i32) -> Vec<u8> {
        let mut bytes = vec![0u8; HEADER_LEN];
        bytes[..16].copy_from_slice(MAGIC);
        bytes[68..72].copy_from_slice(&app.to_be_bytes());
        bytes
    }

    #[test]
    fn tells_projects_from_other_files_by_their_first_bytes() {
        assert_eq!(classify(b"", false), Kind::Empty);
        assert_eq!(classify(&header(APPLICATION_ID), false), Kind::Project);
        assert_eq!(
            classify(b"id,name\n1,Ana\n", false),
            Kind::Foreign("not a SQLite database")
        );
        assert_eq!(
            classify(&header(0), false),
            Kind::Foreign("a SQLite database made by another program")
        );
        assert_eq!(
            classify(&header(0x1234), true),
            Kind::Foreign("a SQLite file of another application")
        );
    }

    #[test]
    fn a_file_whose_header_lags_is_left_to_the_lock_and_sqlite() {
        assert_eq!(classify(&header(0), true), Kind::Unsettled);
        assert_eq!(
            classify(&header(0), false),
            Kind::Foreign("a SQLite database made by another program")
        );
    }

    #[test]
    fn reads_the_header_of_a_real_file_without_changing_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        std::fs::write(&path, header(0x1234)).unwrap();
        assert!(matches!(kind(&path).unwrap(), Kind::Foreign(_)));
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "nothing created beside the file");
    }
}
