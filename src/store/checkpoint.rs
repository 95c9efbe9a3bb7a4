//! Checkpoints off the edit path. SQLite copies the WAL back into the main
//! file (and `fsync`s both) every 1,000 pages by default, inside whichever
//! commit crosses the mark: a 5–15 ms stall every couple of hundred clicks.
//! Here a thread with its own connection does it instead, shortly after the
//! editor pauses (or after many commits), so a commit stays a plain write and
//! the last edits reach the disk within a second of the editor stopping — which
//! also narrows what a power cut could take (see `project`).

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Checkpoint this long after the last commit.
const IDLE: Duration = Duration::from_millis(500);

/// …or after this many commits without a pause.
const MAX_COMMITS: usize = 200;

/// The checkpoint thread of one writer; stops when dropped.
pub(super) struct Checkpointer {
    nudge: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread, or returns `None` when its connection cannot be
    /// opened (the writer then keeps SQLite's own automatic checkpoints).
    pub fn start(path: &Path) -> Option<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        conn.busy_timeout(Duration::from_secs(5)).ok()?;
        let (nudge, commits) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("byline-checkpoint".into())
            .spawn(move || {
                let mut pending = 0;
                loop {
                    match commits.recv_timeout(IDLE) {
                        Ok(()) => pending += 1,
                        Err(RecvTimeoutError::Timeout) if pending > 0 => pending = MAX_COMMITS,
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    if pending >= MAX_COMMITS {
                        // A failed checkpoint only delays the next one.
                        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                        pending = 0;
                    }
                }
            })
            .ok()?;
        Some(Self {
            nudge: Some(nudge),
            thread: Some(thread),
        })
    }

    /// Tells the thread a commit happened.
    pub fn committed(&self) {
        if let Some(nudge) = &self.nudge {
            let _ = nudge.send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.nudge = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
