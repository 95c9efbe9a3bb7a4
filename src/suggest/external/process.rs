//! Running the engine's process once: input bytes to its stdin, lines from its
//! stdout, the last lines of its stderr, all under one deadline.
//!
//! Its stdin is written on its own thread, so a child that answers while we
//! are still writing (and fills its stdout pipe) cannot deadlock us; stdout
//! and stderr are drained on threads too. When the deadline passes the child
//! is killed and whatever it answered so far is kept. Helper threads are
//! never joined blindly: a grandchild that keeps a pipe open (`sh -c 'sleep
//! 99 & …'`) only keeps its own reader thread alive, never the caller.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::command::EngineCommand;

/// Lines of stderr kept for the message when the engine fails.
const STDERR_LINES: usize = 5;
/// Characters kept of each stderr line.
const STDERR_WIDTH: usize = 200;
/// How often the exit status is checked once stdout is closed.
const POLL: Duration = Duration::from_millis(5);

/// Why a run gave no (or not all of its) answer.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The program does not exist.
    #[error("command not found (is it installed and on PATH?)")]
    NotFound,
    /// The program exists but could not be started.
    #[error("cannot start the command: {0}")]
    Spawn(#[source] io::Error),
    /// The deadline passed; the child was killed.
    #[error("no complete answer within {} s; the command was stopped{}", .timeout.as_secs_f32(), tail(.stderr))]
    TimedOut {
        /// The deadline given.
        timeout: Duration,
        /// Its last stderr lines.
        stderr: Vec<String>,
    },
    /// The child exited with a failure status.
    #[error("the command failed ({status}){}", tail(.stderr))]
    Failed {
        /// How it exited.
        status: ExitStatus,
        /// Its last stderr lines.
        stderr: Vec<String>,
    },
    /// Its stdin could not be written or its stdout not read.
    #[error("cannot talk to the command: {0}")]
    Pipe(#[source] io::Error),
}

fn tail(stderr: &[String]) -> String {
    if stderr.is_empty() {
        String::new()
    } else {
        format!("; its stderr ends: {}", stderr.join(" | "))
    }
}

/// What one run gave.
#[derive(Debug)]
pub struct Run {
    /// Stdout lines in order, without their line ending; bytes, since a line
    /// that is not UTF-8 is the caller's to report.
    pub lines: Vec<Vec<u8>>,
    /// Why the answer may be incomplete.
    pub problem: Option<RunError>,
}

/// Starts `command`, writes `input` to its stdin, closes it, and collects its
/// stdout lines until it exits or `timeout` passes.
pub fn run(command: &EngineCommand, input: Vec<u8>, timeout: Duration) -> Run {
    let deadline = Instant::now() + timeout;
    let spawned = Command::new(command.program())
        .args(command.args())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return failed(RunError::NotFound),
        Err(e) => return failed(RunError::Spawn(e)),
    };
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        kill(&mut child);
        return failed(RunError::Pipe(io::Error::other("a pipe was not opened")));
    };
    let written = on_thread(move || write_all(stdin, &input));
    let lines = Arc::new(Mutex::new(Vec::new()));
    let read = on_thread({
        let lines = Arc::clone(&lines);
        move || read_lines(stdout, &lines)
    });
    let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
    let stderr_read = on_thread({
        let tail = Arc::clone(&stderr_tail);
        move || keep_tail(stderr, &tail)
    });

    let problem = finish(&mut child, &read, &written, deadline);
    // stderr closes with stdout in nearly every case; wait for it within the deadline only.
    let _ = stderr_read.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    let stderr = lock(&stderr_tail).iter().cloned().collect();
    let problem = problem.map(|p| match p {
        Finish::TimedOut => RunError::TimedOut { timeout, stderr },
        Finish::Failed(status) => RunError::Failed { status, stderr },
        Finish::Pipe(e) => RunError::Pipe(e),
    });
    Run {
        lines: std::mem::take(&mut *lock(&lines)),
        problem,
    }
}

/// How waiting for the child ended, when not well.
enum Finish {
    TimedOut,
    Failed(ExitStatus),
    Pipe(io::Error),
}

/// Waits for stdout to close and the child to exit, killing it at the deadline.
fn finish(
    child: &mut Child,
    read: &Receiver<io::Result<()>>,
    written: &Receiver<io::Result<()>>,
    deadline: Instant,
) -> Option<Finish> {
    let remaining = || deadline.saturating_duration_since(Instant::now());
    match read.recv_timeout(remaining()) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            kill(child);
            return Some(Finish::Pipe(e));
        }
        Err(_) => {
            kill(child);
            return Some(Finish::TimedOut);
        }
    }
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                kill(child);
                return Some(Finish::TimedOut);
            }
            Ok(None) => thread::sleep(POLL),
            Err(e) => {
                kill(child);
                return Some(Finish::Pipe(e));
            }
        }
    };
    if !status.success() {
        return Some(Finish::Failed(status));
    }
    // A child that exits without reading all its input breaks the pipe; its
    // missing answers are reported by the caller, so only other errors count.
    match written.try_recv() {
        Ok(Err(e)) if e.kind() != io::ErrorKind::BrokenPipe => Some(Finish::Pipe(e)),
        _ => None,
    }
}

fn failed(problem: RunError) -> Run {
    Run {
        lines: Vec::new(),
        problem: Some(problem),
    }
}

fn kill(child: &mut Child) {
    // It may have exited already; either way it is reaped.
    let _ = child.kill();
    let _ = child.wait();
}

/// Runs `work` on a detached thread; its result arrives on the receiver.
fn on_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Receiver<T> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx
}

fn write_all(mut stdin: impl Write, input: &[u8]) -> io::Result<()> {
    stdin.write_all(input)?;
    stdin.flush()
}

fn read_lines(stdout: impl Read, lines: &Mutex<Vec<Vec<u8>>>) -> io::Result<()> {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        lock(lines).push(line);
    }
}

fn keep_tail(stderr: impl Read, tail: &Mutex<VecDeque<String>>) {
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    while matches!(reader.read_until(b'\n', &mut line), Ok(n) if n > 0) {
        let text = String::from_utf8_lossy(&line);
        let text: String = text.trim_end().chars().take(STDERR_WIDTH).collect();
        line.clear();
        if text.trim().is_empty() {
            continue;
        }
        let mut tail = lock(tail);
        if tail.len() == STDERR_LINES {
            tail.pop_front();
        }
        tail.push_back(text);
    }
}

/// A poisoned lock only means a reader thread panicked; its data is still whole lines.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
