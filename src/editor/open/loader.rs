//! Reading and suggesting off the UI thread. A load turns the given paths into
//! inputs (`formats::collect_inputs`: folders walked, every known format), or
//! takes the bundled samples (`formats::samples`, embedded in the binary),
//! reads each through the format's reader on a rayon pool, runs the suggestion engines
//! on each document and sends results back in parts of [`PART`] documents;
//! the editor takes them in input order as they come (stores them and keeps
//! only a few loaded) and shows progress. A file of 10,000 records is thus
//! never held suggested all at once. (The channel is not bounded: a worker
//! blocked on it would hold a thread of rayon's shared pool, which an export
//! on the UI thread may be waiting for.) A file that cannot be read, and
//! every warning about one that can, becomes a notice naming the file (and
//! line); the others still open.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use crate::editor::import::suggest_batch;
use crate::formats::samples::{SAMPLES, Sample};
use crate::formats::{self, ReadOptions};
use crate::model::Document;
use crate::suggest::engines::Engines;

/// How the window reads files: a file that is not valid UTF-8 still opens,
/// with the bad bytes replaced and a warning saying so.
const OPTIONS: ReadOptions = ReadOptions { lossy: true };
/// Documents suggested and sent back together.
const PART: usize = 64;

/// Part of one file's outcome: documents and warnings, or why it failed.
type FileResult = Result<(Vec<Document>, Vec<String>), String>;

/// What a load reads.
pub enum Source {
    /// Files, and folders walked for them.
    Paths(Vec<PathBuf>),
    /// The sample articles embedded in the binary.
    Samples,
}

/// One input of a load.
enum Input {
    File(PathBuf),
    Sample(Sample),
}

/// What the worker reports.
enum Event {
    /// How many files the load covers.
    Total(usize),
    /// Warnings about the paths themselves (unlistable or unknown files in a folder).
    Notes(Vec<String>),
    /// Part of file number `index` (documents, warnings) or why it failed
    /// (message); `last` when nothing more of it follows.
    Part {
        index: usize,
        result: FileResult,
        last: bool,
    },
}

/// The parts of one file received so far, and whether it is complete.
#[derive(Default)]
struct Received {
    parts: Vec<FileResult>,
    complete: bool,
}

/// One running load.
pub struct Load {
    rx: Receiver<Event>,
    /// Set when the load is dropped (cancelled): the worker reads no more files.
    stop: Arc<AtomicBool>,
    total: Option<usize>,
    received: BTreeMap<usize, Received>,
    notes: Vec<String>,
    next: usize,
}

/// What a poll delivered from one load, in input order.
#[derive(Default)]
pub struct Delivered {
    /// Which load (see `Loads::start`).
    pub load: u64,
    /// Documents read and suggested.
    pub documents: Vec<Document>,
    /// Messages for the editor: failures and warnings, each naming its file.
    pub messages: Vec<String>,
    /// True when the load has delivered everything.
    pub finished: bool,
}

impl Load {
    /// Starts reading `source`; `wake` is called after each file so the window repaints.
    pub fn start(
        source: Source,
        engines: Engines,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || work(source, &engines, &tx, &wake, &stopped));
        Self {
            rx,
            stop,
            total: None,
            received: BTreeMap::new(),
            notes: Vec::new(),
            next: 0,
        }
    }

    /// Takes what has arrived, in input order.
    pub fn poll(&mut self) -> Delivered {
        for event in self.rx.try_iter() {
            match event {
                Event::Total(n) => self.total = Some(n),
                Event::Notes(notes) => self.notes.extend(notes),
                Event::Part {
                    index,
                    result,
                    last,
                } => {
                    let file = self.received.entry(index).or_default();
                    file.parts.push(result);
                    file.complete |= last;
                }
            }
        }
        let mut out = Delivered {
            messages: std::mem::take(&mut self.notes),
            ..Delivered::default()
        };
        while let Some(file) = self.received.get_mut(&self.next) {
            for result in file.parts.drain(..) {
                match result {
                    Ok((docs, warnings)) => {
                        out.documents.extend(docs);
                        out.messages.extend(warnings);
                    }
                    Err(message) => out.messages.push(message),
                }
            }
            if !file.complete {
                break;
            }
            self.received.remove(&self.next);
            self.next += 1;
        }
        out.finished = self.finished();
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

impl Drop for Load {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn work(
    source: Source,
    engines: &Engines,
    tx: &Sender<Event>,
    wake: &(dyn Fn() + Sync),
    stop: &AtomicBool,
) {
    let files: Vec<Input> = match source {
        Source::Paths(paths) => {
            let collected = formats::collect_inputs(&paths);
            let notes = collected.notes.iter().chain(&collected.unreadable);
            let _ = tx.send(Event::Notes(notes.map(ToString::to_string).collect()));
            collected.inputs.into_iter().map(Input::File).collect()
        }
        Source::Samples => SAMPLES.into_iter().map(Input::Sample).collect(),
    };
    let _ = tx.send(Event::Total(files.len()));
    files
        .par_iter()
        .enumerate()
        .for_each_with(tx.clone(), |tx, (index, input)| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let (docs, warnings) = match read_input(input) {
                Ok(read) => read,
                Err(message) => {
                    let _ = tx.send(Event::Part {
                        index,
                        result: Err(message),
                        last: true,
                    });
                    wake();
                    return;
                }
            };
            send_suggested(index, docs, warnings, engines, tx, wake);
        });
    wake();
}

/// Suggests on `docs` a part at a time and sends each part as it is done;
/// the file's warnings go with the first.
fn send_suggested(
    index: usize,
    docs: Vec<Document>,
    mut warnings: Vec<String>,
    engines: &Engines,
    tx: &Sender<Event>,
    wake: &(dyn Fn() + Sync),
) {
    let mut docs = docs.into_iter().peekable();
    loop {
        let part: Vec<Document> = docs.by_ref().take(PART).collect();
        let (part, more) = suggest_batch(part, engines);
        warnings.extend(more);
        let last = docs.peek().is_none();
        let result = Ok((part, std::mem::take(&mut warnings)));
        let sent = tx.send(Event::Part {
            index,
            result,
            last,
        });
        wake();
        if last || sent.is_err() {
            return;
        }
    }
}

/// Reads one input in any format Byline knows; warnings name the file (and line).
fn read_input(input: &Input) -> FileResult {
    let loaded = match input {
        Input::File(path) => formats::read_path(path, &OPTIONS),
        Input::Sample(sample) => sample.read(&OPTIONS),
    }
    .map_err(|err| err.to_string())?;
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((loaded.documents, warnings))
}
