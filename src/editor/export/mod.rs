//! Exporting the editor's documents (all, or only those marked done) through
//! `formats::Exporter`, the same dispatch as `byline export`, in the
//! window's list order (see [`batches`]). An export of up to [`INLINE`]
//! documents is written at once; a larger one goes on in the background,
//! from a copy of the list and its own read-only connection to the project
//! (so the editor keeps working and a consistent state is written), with its
//! progress shown and a way to cancel it.

mod batches;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use self::batches::{Batches, List, Listing, count_wanted};
use super::work::{Task, Work};
use super::{Editor, Effect};
use crate::editor::open::Wake;
use crate::editor::session::Session;
use crate::editor::workspace::Workspace;
use crate::formats::{BATCH, Destination, ExportFormat, Exporter};
use crate::model::{DocStatus, Document};
use crate::store::{Project, StoreError};

/// Exports of at most this many documents are written at once (well under
/// a second); larger ones run in the background.
pub const INLINE: usize = 1_000;

/// An export running on its own thread.
pub struct ExportJob {
    path: PathBuf,
    total: usize,
    written: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<String>,
}

/// What the export command started.
enum Started {
    /// It ran; what it wrote, or why nothing was.
    Done(String),
    /// It runs in the background.
    Running(ExportJob),
}

/// Writes the chosen documents in `format` to `path`, at once or in the
/// background (see [`INLINE`]).
fn start(
    ws: &Workspace,
    session: &Session,
    format: ExportFormat,
    only_done: bool,
    path: &Path,
    wake: &Wake,
) -> Started {
    if path.as_os_str().is_empty() {
        return Started::Done("Choose where to save first.".into());
    }
    let total = count_wanted(ws, only_done);
    if total == 0 {
        return Started::Done("No documents to export (none is marked done).".into());
    }
    let only = only_done.then_some(DocStatus::Done);
    if total <= INLINE {
        let read = |each: &mut dyn FnMut(Document) -> bool| session.for_each_stored(only, each);
        let written = write(ws, read, format, only_done, path, &|_| true);
        return Started::Done(written);
    }
    let listing = Listing::of(ws);
    let project = session.path().map(Path::to_path_buf);
    let (tx, rx) = channel();
    let written = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let (count, stop, wake, to) = (
        Arc::clone(&written),
        Arc::clone(&cancel),
        Arc::clone(wake),
        path.to_path_buf(),
    );
    std::thread::spawn(move || {
        let going = |n: usize| {
            count.fetch_add(n, Ordering::Relaxed);
            wake();
            !stop.load(Ordering::Relaxed)
        };
        let read = |each: &mut dyn FnMut(Document) -> bool| match &project {
            Some(project) => Project::open_to_read(project)?.for_each_document(only, each),
            None => Ok(()),
        };
        let outcome = write(&listing, read, format, only_done, &to, &going);
        let outcome = if stop.load(Ordering::Relaxed) {
            // An unfinished file is worth nothing; a folder may hold the
            // editor's own files, so it is left for them to look at.
            let _ = std::fs::remove_file(&to);
            format!("Export cancelled; nothing was kept: {}", to.display())
        } else {
            outcome
        };
        let _ = tx.send(outcome);
        wake();
    });
    Started::Running(ExportJob {
        path: path.to_path_buf(),
        total,
        written,
        cancel,
        rx,
    })
}

/// Writes what `list` exports, the documents it does not hold coming from
/// `read` (the stored ones, in project order); `going` hears of every batch
/// written and says whether to go on. Returns the summary shown to the editor.
fn write(
    list: &impl List,
    read: impl FnOnce(&mut dyn FnMut(Document) -> bool) -> Result<(), StoreError>,
    format: ExportFormat,
    only_done: bool,
    path: &Path,
    going: &dyn Fn(usize) -> bool,
) -> String {
    let mut exporter = match Exporter::open(format, Destination::Path(path)) {
        Ok(exporter) => exporter,
        Err(err) => return format!("Export failed: {err}"),
    };
    let mut written = Ok(());
    let mut batches = Batches::new(list, only_done, BATCH, |batch| {
        written = exporter.write_batch(batch);
        written.is_ok() && going(batch.len())
    });
    if let Err(err) = read(&mut |doc| batches.stored(doc)) {
        return format!("Export failed: {err}");
    }
    batches.finish();
    match written.and_then(|()| exporter.finish()) {
        Ok(report) => format!("Wrote {}: {report}", path.display()),
        Err(err) => format!("Export failed: {err}"),
    }
}

impl Editor {
    /// Runs the export command: the outcome at once, or nothing while a
    /// large export goes on (its outcome comes from a later poll).
    pub(super) fn export(
        &mut self,
        format: ExportFormat,
        only_done: bool,
        path: &Path,
    ) -> Option<Effect> {
        if self.export.is_some() {
            self.workspace.last_action = Some("An export is already running".into());
            return None;
        }
        let (ws, session) = (&self.workspace, &self.session);
        match start(ws, session, format, only_done, path, &self.wake) {
            Started::Done(outcome) => Some(Effect::Exported(outcome)),
            Started::Running(job) => {
                self.export = Some(job);
                None
            }
        }
    }

    /// The outcome of a background export, once it finished.
    pub(super) fn poll_export(&mut self) -> Option<Effect> {
        let job = self.export.as_ref()?;
        let outcome = match job.rx.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => format!(
                "Export failed: the writer stopped unexpectedly: {}",
                job.path.display()
            ),
        };
        self.export = None;
        self.workspace.last_action = Some(outcome.clone());
        Some(Effect::Exported(outcome))
    }

    /// The background export, as the window shows it.
    pub(super) fn export_work(&self) -> Option<Work> {
        let job = self.export.as_ref()?;
        Some(Work {
            task: Task::Exporting,
            done: job.written.load(Ordering::Relaxed).min(job.total),
            total: job.total,
            about: job.path.display().to_string(),
        })
    }

    /// Asks the background export to stop after the batch it writes.
    pub(super) fn cancel_export(&mut self) {
        if let Some(job) = &self.export {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }
}
