//! Adding files to a project (`byline import`): each file is read by the
//! caller's reader, its documents are stored in batches, and one bad file is
//! reported and skipped, not fatal. It lives with the editor, not the store:
//! it reads files through `crate::formats`, which the store must not import.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::formats::{Loaded, ReadError, Warning};
use crate::model::Document;
use crate::store::{Duplicate, Project, StoreError};

/// Documents stored per commit: big enough to import fast, small enough that
/// an interrupted import keeps most of what was read.
const BATCH: usize = 500;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Files read (fully or partly).
    pub files: usize,
    /// Documents added.
    pub added: usize,
    /// Documents already in the project.
    pub duplicates: Vec<Duplicate>,
    /// Problems inside files that still loaded.
    pub warnings: Vec<Warning>,
    /// Files that could not be read at all.
    pub failed: Vec<ReadError>,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files read: {} documents added, {} already in the project",
            self.files,
            self.added,
            self.duplicates.len()
        )?;
        for d in &self.duplicates {
            let name = |s: &Option<String>| s.clone().unwrap_or_else(|| d.id.to_string());
            write!(
                f,
                "\nalready in the project (same text as {}): {}",
                name(&d.existing),
                name(&d.source)
            )?;
        }
        for w in &self.warnings {
            write!(f, "\n{w}")?;
        }
        for e in &self.failed {
            write!(f, "\nskipped: {e}")?;
        }
        Ok(())
    }
}

/// Reads each of `paths` with `read` and adds what it holds to `project`.
/// Only a store failure (disk full, read-only project) stops the import;
/// batches committed before it stay.
pub fn import_files(
    project: &mut Project,
    paths: &[PathBuf],
    read: impl Fn(&Path) -> Result<Loaded, ReadError>,
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    for path in paths {
        match read(path) {
            Ok(loaded) => {
                report.files += 1;
                report.warnings.extend(loaded.warnings);
                batch.extend(loaded.documents);
            }
            Err(e) => report.failed.push(e),
        }
        if batch.len() >= BATCH {
            store(project, &mut batch, &mut report)?;
        }
    }
    store(project, &mut batch, &mut report)?;
    Ok(report)
}

fn store(
    project: &mut Project,
    batch: &mut Vec<Document>,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    let added = project.add_documents(batch)?;
    report.added += added.added.len();
    report.duplicates.extend(added.duplicates);
    batch.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in reader: `.txt` files are one document, others fail.
    fn read_txt(path: &Path) -> Result<Loaded, ReadError> {
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(path).map_err(|source| ReadError::Io {
                path: path.into(),
                source,
            })?;
            Ok(Loaded {
                documents: vec![Document::new(Some(path.display().to_string()), &text)],
                warnings: vec![],
                skipped: 0,
            })
        } else {
            Err(ReadError::UnknownFormat { path: path.into() })
        }
    }

    #[test]
    fn bad_files_are_skipped_and_duplicates_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let paths = [
            file("a.txt", "“Première” story."),
            file("b.pdf", "%PDF"),
            file("c.txt", "“Première” story."),
            file("d.txt", "Second story."),
        ];
        let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
        let report = import_files(&mut project, &paths, read_txt).unwrap();
        assert_eq!((report.files, report.added), (3, 2));
        let text = report.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "3 files read: 2 documents added, 1 already in the project"
        );
        assert!(
            lines[1].ends_with("c.txt") && lines[1].contains("a.txt"),
            "{text}"
        );
        assert!(lines[2].starts_with("skipped: unknown format"), "{text}");
        assert_eq!(project.list_documents().unwrap().len(), 2);
    }
}
