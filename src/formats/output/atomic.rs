//! Outputs that replace an earlier one only once complete: a file or folder
//! is written under a hidden name beside its target and renamed into place by
//! [`Staged::commit`]. Dropped without a commit (an error, a panic), it is
//! removed with the folders made for it, so a failed export leaves the
//! earlier output untouched and no side files. A target that is a device or
//! a pipe (`/dev/null`, `/dev/stdout`) is written in place: there is nothing
//! to replace.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::formats::ExportError;

/// Staged outputs made by this process, for unique hidden names.
static STAGED: AtomicUsize = AtomicUsize::new(0);

/// A file or folder being written beside its target.
#[derive(Debug)]
pub struct Staged {
    /// Where it is written; the target itself when written in place.
    work: PathBuf,
    /// Where it goes on commit; `None` when written in place.
    target: Option<PathBuf>,
    /// The topmost folder made for the target, removed on failure.
    made: Option<PathBuf>,
    folder: bool,
    committed: bool,
}

impl Staged {
    /// A file to write for `target`: beside it under a hidden name, or the
    /// target itself when that is a device or a pipe.
    pub fn file(target: &Path) -> Result<(Self, File), ExportError> {
        if fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = File::create(target).map_err(|e| with_path(e, target))?;
            let staged = Self {
                work: target.to_path_buf(),
                target: None,
                made: None,
                folder: false,
                committed: false,
            };
            return Ok((staged, file));
        }
        let staged = Self::beside(target, false)?;
        let file = File::create(&staged.work).map_err(|e| with_path(e, target))?;
        Ok((staged, file))
    }

    /// A folder to write for `target`, beside it under a hidden name. An
    /// existing target must be a folder holding nothing but what `ours`
    /// accepts (an earlier export), as it is replaced whole.
    pub fn folder(target: &Path, ours: fn(&str) -> bool) -> Result<Self, ExportError> {
        if let Ok(meta) = fs::metadata(target) {
            let refuse = |why: &str| {
                let message = format!("{why}; choose a new or empty folder: {}", target.display());
                ExportError::Io(io::Error::new(io::ErrorKind::AlreadyExists, message))
            };
            if !meta.is_dir() {
                return Err(refuse("not a folder"));
            }
            let entries = fs::read_dir(target).map_err(|e| with_path(e, target))?;
            for entry in entries {
                let name = entry.map_err(|e| with_path(e, target))?.file_name();
                if !ours(&name.to_string_lossy()) {
                    return Err(refuse(&format!(
                        "the folder holds {} that this export would delete",
                        name.to_string_lossy()
                    )));
                }
            }
        }
        let staged = Self::beside(target, true)?;
        fs::create_dir(&staged.work).map_err(|e| with_path(e, target))?;
        Ok(staged)
    }

    /// Where to write: the hidden file or folder (or the device).
    pub fn path(&self) -> &Path {
        &self.work
    }

    /// The path to name in messages: the target.
    pub fn target(&self) -> &Path {
        self.target.as_deref().unwrap_or(&self.work)
    }

    /// Puts the output in place of the target: a file by one rename, a
    /// folder by setting the earlier one aside, renaming, and removing it.
    pub fn commit(mut self) -> Result<(), ExportError> {
        let Some(target) = self.target.clone() else {
            self.committed = true;
            return Ok(());
        };
        if self.folder && target.exists() {
            let old = hidden(&target, "old")?;
            fs::rename(&target, &old).map_err(|e| with_path(e, &target))?;
            if let Err(e) = fs::rename(&self.work, &target) {
                let _ = fs::rename(&old, &target);
                return Err(with_path(e, &target));
            }
            self.committed = true;
            return fs::remove_dir_all(&old).map_err(|e| with_path(e, &old));
        }
        fs::rename(&self.work, &target).map_err(|e| with_path(e, &target))?;
        self.committed = true;
        Ok(())
    }

    /// A hidden sibling of `target` (its folders made), not yet created.
    fn beside(target: &Path, folder: bool) -> Result<Self, ExportError> {
        let parent = parent_of(target);
        let made = first_missing(parent);
        fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
        Ok(Self {
            work: hidden(target, "partial")?,
            target: Some(target.to_path_buf()),
            made,
            folder,
            committed: false,
        })
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.committed || self.target.is_none() {
            return;
        }
        let _ = if self.folder {
            fs::remove_dir_all(&self.work)
        } else {
            fs::remove_file(&self.work)
        };
        if let Some(made) = &self.made {
            let _ = fs::remove_dir_all(made);
        }
    }
}

/// `.NAME.byline-WHAT-PID-N` beside `target`.
fn hidden(target: &Path, what: &str) -> Result<PathBuf, ExportError> {
    let name = target.file_name().ok_or_else(|| {
        let message = format!("not a file or folder name: {}", target.display());
        ExportError::Io(io::Error::new(io::ErrorKind::InvalidInput, message))
    })?;
    let n = STAGED.fetch_add(1, Ordering::Relaxed);
    let hidden = format!(
        ".{}.byline-{what}-{}-{n}",
        name.to_string_lossy(),
        std::process::id()
    );
    Ok(target.with_file_name(hidden))
}

fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The topmost folder of `dir` that does not exist yet.
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut missing = None;
    for ancestor in dir.ancestors().filter(|a| !a.as_os_str().is_empty()) {
        if ancestor.exists() {
            break;
        }
        missing = Some(ancestor.to_path_buf());
    }
    missing
}

/// An IO error naming the path it happened on.
pub fn with_path(e: io::Error, path: &Path) -> ExportError {
    ExportError::Io(io::Error::new(e.kind(), format!("{e}: {}", path.display())))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_replaces_its_target_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("Zoë.jsonl");
        fs::write(&target, "earlier").unwrap();
        let (staged, mut file) = Staged::file(&target).unwrap();
        file.write_all(b"half").unwrap();
        drop((staged, file));
        assert_eq!(fs::read_to_string(&target).unwrap(), "earlier");
        assert_eq!(names(dir.path()), ["Zoë.jsonl"]);
        let (staged, mut file) = Staged::file(&target).unwrap();
        file.write_all(b"new").unwrap();
        staged.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(dir.path()), ["Zoë.jsonl"]);
    }

    #[test]
    fn folders_made_for_a_failed_output_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b/out.jsonl");
        let (staged, _file) = Staged::file(&target).unwrap();
        assert!(dir.path().join("a/b").is_dir());
        drop(staged);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_folder_replaces_an_earlier_export_and_refuses_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("brat");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("old.ann"), "T1").unwrap();
        let ours = |name: &str| name.ends_with(".ann");
        let staged = Staged::folder(&target, ours).unwrap();
        fs::write(staged.path().join("new.ann"), "T2").unwrap();
        staged.commit().unwrap();
        assert_eq!(names(&target), ["new.ann"]);
        assert_eq!(names(dir.path()), ["brat"]);
        fs::write(target.join("notes.docx"), "mine").unwrap();
        let err = Staged::folder(&target, ours).unwrap_err();
        assert!(err.to_string().contains("notes.docx"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_in_place() {
        let (staged, mut file) = Staged::file(Path::new("/dev/null")).unwrap();
        file.write_all(b"gone").unwrap();
        assert_eq!(staged.path(), Path::new("/dev/null"));
        staged.commit().unwrap();
    }
}
