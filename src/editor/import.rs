//! Getting articles into a project, the one way every path takes it: the
//! files are read with the caller's reader, the project's engines suggest
//! on each batch (every document not done; see [`suggest_batch`], which the
//! window's loader runs too), and the batch is stored with its documents
//! marked suggested. `byline import` stores straight into the project with
//! [`import_files`]; the window reads and suggests on a worker and adds what
//! arrives through its session. One bad file is reported and skipped, not
//! fatal.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::editor::project::external_engine;
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::memory::observe_document;
use crate::model::{DocStatus, Document, LabelSet};
use crate::store::{Duplicate, Places, Project, StoreError};
use crate::suggest::engines::Engines;
use crate::suggest::external::ExternalEngine;
use crate::suggest::memory::MemoryEngine;
use crate::suggest::rules::RulesConfig;

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
    /// Documents added with the project's suggestions.
    pub suggested: usize,
    /// Documents already in the project.
    pub duplicates: Vec<Duplicate>,
    /// Problems inside files that still loaded.
    pub warnings: Vec<Warning>,
    /// Suggestions that could not be made (the document is stored without them).
    pub suggestion_warnings: Vec<String>,
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
        if self.suggested > 0 {
            write!(f, "; {} suggested", self.suggested)?;
        }
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
        for w in &self.suggestion_warnings {
            write!(f, "\n{w}")?;
        }
        for e in &self.failed {
            write!(f, "\nskipped: {e}")?;
        }
        Ok(())
    }
}

/// The project's external engine when this machine trusts it (see
/// `editor::project`), and a note when the project names one that will not
/// run here.
pub fn trusted_external(project: &Project) -> (Option<ExternalEngine>, Option<String>) {
    let places = Places::platform().ok();
    let labels = (project.labels().ok())
        .filter(|l| !l.labels.is_empty())
        .unwrap_or_else(LabelSet::builtin);
    external_engine(project, &labels, places.as_ref())
}

/// The project's engines for an import outside the window: the built-in
/// ones (suggesting the project's quote classes, writing interrupted quotes
/// its way), the project's memory,
/// and `external` (see [`trusted_external`]), its quotes kept in the
/// project's classes too.
pub fn project_engines(
    project: &Project,
    external: Option<ExternalEngine>,
) -> Result<Engines, StoreError> {
    let memory = Arc::new(MemoryEngine::new(project.load_memory()?));
    let config = RulesConfig {
        classes: project.quote_classes()?,
        interrupted: project.interrupted_quotes()?,
    };
    Ok(Engines::new(crate::suggest::builtin_with(config))
        .with_classes(config.classes)
        .with_external(external)
        .with_memory(memory))
}

/// Runs `engines` on every document of a batch not already done (a finished
/// or gold annotation gets no pending spans to review again), the external
/// one on all of those at once, and marks them suggested; a document whose
/// suggestions do not apply is reported and kept without them. Engines that
/// are only a memory leave the documents unmarked, for the window to
/// suggest on when it has the project's engines.
pub fn suggest_batch(docs: Vec<Document>, engines: &Engines) -> (Vec<Document>, Vec<String>) {
    let mut warnings = Vec::new();
    let runs = !engines.runs_only_memory();
    let mut docs: Vec<Document> = docs
        .into_iter()
        .map(|mut doc| {
            if doc.status() == DocStatus::Done {
                return doc;
            }
            match engines.suggest(&mut doc) {
                Ok(_) => doc.suggested |= runs,
                Err(err) => {
                    let source = doc.source.clone().unwrap_or_default();
                    warnings.push(format!("suggestions dropped ({err}): {source}"));
                }
            }
            doc
        })
        .collect();
    let mut open: Vec<&mut Document> = docs
        .iter_mut()
        .filter(|d| d.status() != DocStatus::Done)
        .collect();
    warnings.extend(engines.suggest_external(&mut open));
    (docs, warnings)
}

/// Reads each of `paths` with `read` and adds what it holds to `project`,
/// suggesting on each batch with `engines` first when given. Only a store
/// failure (disk full, read-only project) stops the import; batches
/// committed before it stay.
pub fn import_files(
    project: &mut Project,
    paths: &[PathBuf],
    read: impl Fn(&Path) -> Result<Loaded, ReadError>,
    engines: Option<&Engines>,
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
            store(project, &mut batch, engines, &mut report)?;
        }
    }
    store(project, &mut batch, engines, &mut report)?;
    Ok(report)
}

fn store(
    project: &mut Project,
    batch: &mut Vec<Document>,
    engines: Option<&Engines>,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    let docs = match engines {
        Some(engines) => {
            let (docs, warnings) = suggest_batch(std::mem::take(batch), engines);
            report.suggestion_warnings.extend(warnings);
            docs
        }
        None => std::mem::take(batch),
    };
    let added = project.add_documents(&docs)?;
    if let Some(memory) = engines.and_then(Engines::memory) {
        // The next batch benefits from what this one brought (gold files).
        for doc in docs.iter().filter(|d| added.added.contains(&d.id)) {
            memory.learn_delta(&observe_document(doc));
        }
    }
    report.added += added.added.len();
    report.suggested += (docs.iter())
        .filter(|d| d.suggested && added.added.contains(&d.id))
        .count();
    report.duplicates.extend(added.duplicates);
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
        let report = import_files(&mut project, &paths, read_txt, None).unwrap();
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

    #[test]
    fn imported_articles_are_stored_suggested_and_marked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zürich.txt");
        std::fs::write(
            &path,
            "“We will rebuild,” Mayor Ana Lúcia Ferreira said on Tuesday in Zürich.",
        )
        .unwrap();
        let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
        let engines = project_engines(&project, None).unwrap();
        let report = import_files(&mut project, &[path], read_txt, Some(&engines)).unwrap();
        assert_eq!((report.added, report.suggested), (1, 1));
        assert!(report.to_string().ends_with("; 1 suggested"), "{report}");
        let stored = project.load_documents().unwrap();
        assert!(stored[0].suggested);
        assert!(stored[0].quotes().count() > 0, "the rules engine ran");
    }

    #[test]
    fn done_documents_get_no_suggestions() {
        let text = "“We will rebuild,” Mayor Ana Lúcia Ferreira said on Tuesday.";
        let mut done = Document::new(None, text);
        let mut finish = crate::model::Transaction::new("Done");
        finish.push(crate::model::Edit::SetStatus(DocStatus::Done));
        done.apply(&finish).unwrap();
        let fresh = Document::new(None, text);
        let engines = Engines::new(crate::suggest::builtin());
        let (docs, warnings) = suggest_batch(vec![done, fresh], &engines);
        assert!(warnings.is_empty());
        assert_eq!(docs[0].span_count(), 0);
        assert!(!docs[0].suggested);
        assert!(docs[1].span_count() > 0 && docs[1].suggested);
    }
}
