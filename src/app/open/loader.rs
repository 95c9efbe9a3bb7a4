//! Reading and suggesting off the UI thread. A load expands folders, reads
//! every file on a rayon pool, runs the suggestion engines on each document
//! and sends results back; the window adds them in input order as they come
//! and shows progress. A file that cannot be read becomes a notice naming it;
//! the others still open.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use crate::model::Document;
use crate::read::jsonl;
use crate::suggest::Suggester;
use crate::suggest::pipeline::suggest_document;

/// The engines every opened document is run through.
pub type Engines = Arc<Vec<Box<dyn Suggester>>>;

/// File extensions opened from folders.
const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "text", "jsonl", "json"];

/// One file's outcome: its documents and warnings, or why it failed.
type FileResult = Result<(Vec<Document>, Vec<String>), String>;

/// What the worker reports.
enum Event {
    /// How many files the load covers.
    Total(usize),
    /// File number `index` was read (documents, warnings) or failed (message).
    File { index: usize, result: FileResult },
}

/// One running load.
pub struct Load {
    rx: Receiver<Event>,
    total: Option<usize>,
    received: BTreeMap<usize, FileResult>,
    next: usize,
}

/// What a poll delivered, in input order.
#[derive(Default)]
pub struct Delivered {
    /// Documents read and suggested.
    pub documents: Vec<Document>,
    /// Messages for the editor: failures and warnings, each naming its file.
    pub messages: Vec<String>,
}

impl Load {
    /// Starts reading `paths`; `wake` is called after each file so the window repaints.
    pub fn start(
        paths: Vec<PathBuf>,
        engines: Engines,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        std::thread::spawn(move || work(paths, &engines, &tx, &wake));
        Self {
            rx,
            total: None,
            received: BTreeMap::new(),
            next: 0,
        }
    }

    /// Takes what has arrived, in input order.
    pub fn poll(&mut self) -> Delivered {
        for event in self.rx.try_iter() {
            match event {
                Event::Total(n) => self.total = Some(n),
                Event::File { index, result } => {
                    self.received.insert(index, result);
                }
            }
        }
        let mut out = Delivered::default();
        while let Some(result) = self.received.remove(&self.next) {
            self.next += 1;
            match result {
                Ok((docs, warnings)) => {
                    out.documents.extend(docs);
                    out.messages.extend(warnings);
                }
                Err(message) => out.messages.push(message),
            }
        }
        out
    }

    /// Files done and files in all (once known).
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.total.unwrap_or(0))
    }

    /// True once every file has been delivered.
    pub fn finished(&self) -> bool {
        self.total.is_some_and(|t| self.next >= t)
    }
}

fn work(paths: Vec<PathBuf>, engines: &Engines, tx: &Sender<Event>, wake: &(dyn Fn() + Sync)) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        expand(&path, &mut files, &mut failures);
    }
    let _ = tx.send(Event::Total(files.len() + failures.len()));
    let first = failures.len();
    for (index, message) in failures.into_iter().enumerate() {
        let _ = tx.send(Event::File {
            index,
            result: Err(message),
        });
    }
    files
        .par_iter()
        .enumerate()
        .for_each_with(tx.clone(), |tx, (i, path)| {
            let result = read_file(path).map(|(docs, mut warnings)| {
                let (docs, more) = suggest_all(docs, engines);
                warnings.extend(more);
                (docs, warnings)
            });
            let _ = tx.send(Event::File {
                index: first + i,
                result,
            });
            wake();
        });
    wake();
}

/// Adds `path` (a file, or every readable file under a folder, sorted) to `files`.
fn expand(path: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<String>) {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(err) => {
            failures.push(format!("cannot list folder: {err}: {}", path.display()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let known = child
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if child.is_dir() || known {
            expand(&child, files, failures);
        }
    }
}

/// Reads one file: JSONL and JSON records through `read::jsonl`, anything
/// else as one plain-text document. Warnings name the file (and line).
fn read_file(path: &Path) -> Result<(Vec<Document>, Vec<String>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read: {err}: {}", path.display()))?;
    let source = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let loaded = match ext.as_deref() {
        Some("jsonl") => jsonl::read(&text, &source),
        Some("json") => jsonl::read_json(&text, &source),
        _ => return Ok((vec![Document::new(Some(source), &text)], Vec::new())),
    };
    let loaded = loaded.map_err(|err| err.to_string())?;
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((loaded.documents, warnings))
}

/// Runs every engine on every document (through `suggest::pipeline`); a
/// document whose suggestions do not apply is reported and opens without them.
fn suggest_all(docs: Vec<Document>, engines: &Engines) -> (Vec<Document>, Vec<String>) {
    let engines: Vec<&dyn Suggester> = engines.iter().map(|e| e.as_ref()).collect();
    let mut warnings = Vec::new();
    let docs = docs
        .into_iter()
        .map(|mut doc| {
            if let Err(err) = suggest_document(&mut doc, &engines) {
                let source = doc.source.clone().unwrap_or_default();
                warnings.push(format!("suggestions dropped ({err}): {source}"));
            }
            doc
        })
        .collect();
    (docs, warnings)
}
