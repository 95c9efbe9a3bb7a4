//! Running the engine's process once: input bytes to its stdin, lines from its
//! stdout, the last lines of its stderr, all under one deadline and within
//! output limits.
//!
//! Its stdin is written on its own thread, so a child that answers while we
//! are still writing (and fills its stdout pipe) cannot deadlock us; stdout
//! and stderr are drained on threads too. The child runs in a process group
//! of its own, and the whole group is ended when the run ends, however it
//! ends (timeout, too much output, all answers in, or the caller going away):
//! a grandchild that keeps a pipe open (`sh -c 'sleep 99 & cat'`) neither
//! holds the batch until the timeout nor outlives it. The run completes as
//! soon as every expected answer line arrived.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::command::EngineCommand;
use super::output::{Event, keep_tail, read_lines};
pub use super::output::{Limits, OutputLine};

/// How often the exit status is checked once stdout is closed.
const POLL: Duration = Duration::from_millis(5);
/// How long, once every answer is in, further output and the exit status are
/// waited for before the process group is ended.
const GRACE: Duration = Duration::from_millis(100);

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
    /// It wrote more than [`Limits::output_bytes`]; the child was killed.
    #[error(
        "more than {limit} bytes of output (the output limit); the command was stopped and the rest ignored"
    )]
    TooMuchOutput {
        /// The limit passed.
        limit: usize,
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
    /// Stdout lines in order.
    pub lines: Vec<OutputLine>,
    /// Why the answer may be incomplete.
    pub problem: Option<RunError>,
}

/// Starts `command`, writes `input` to its stdin, closes it, and collects its
/// stdout lines until it exits, `answers` non-blank lines arrived, `timeout`
/// passes or the output passes `limits`.
pub fn run(
    command: &EngineCommand,
    input: Vec<u8>,
    answers: usize,
    timeout: Duration,
    limits: Limits,
) -> Run {
    let deadline = Instant::now() + timeout;
    let mut spawn = Command::new(command.program());
    spawn
        .args(command.args())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    own_process_group(&mut spawn);
    let child = match spawn.spawn() {
        Ok(child) => Group(child),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return failed(RunError::NotFound),
        Err(e) => return failed(RunError::Spawn(e)),
    };
    let mut child = child;
    let (Some(stdin), Some(stdout), Some(stderr)) = (
        child.0.stdin.take(),
        child.0.stdout.take(),
        child.0.stderr.take(),
    ) else {
        return failed(RunError::Pipe(io::Error::other("a pipe was not opened")));
    };
    let written = on_thread(move || write_all(stdin, &input));
    let (events, received) = mpsc::channel();
    thread::spawn(move || read_lines(stdout, limits, &events));
    let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
    let stderr_read = on_thread({
        let tail = Arc::clone(&stderr_tail);
        move || keep_tail(stderr, &tail)
    });

    let (lines, ended) = collect(&received, answers, deadline);
    let problem = match ended {
        Ended::Eof => wait_for_exit(&mut child.0, &written, deadline),
        // Every answer is in: only a failure the engine reports itself counts,
        // not a signal from the pipe closing or the group being ended.
        Ended::Answered => match wait_until(&mut child.0, Instant::now() + GRACE) {
            Ok(Some(status)) if status.code().is_some_and(|code| code != 0) => {
                Some(Finish::Failed(status))
            }
            _ => None,
        },
        Ended::TimedOut => Some(Finish::TimedOut),
        Ended::TooMuch => Some(Finish::TooMuch),
        Ended::Pipe(e) => Some(Finish::Pipe(e)),
    };
    child.end();
    // stderr closes once the group is gone; wait for it within the deadline only.
    let _ = stderr_read.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    let stderr = lock(&stderr_tail).iter().cloned().collect();
    let problem = problem.map(|p| match p {
        Finish::TimedOut => RunError::TimedOut { timeout, stderr },
        Finish::TooMuch => RunError::TooMuchOutput {
            limit: limits.output_bytes,
        },
        Finish::Failed(status) => RunError::Failed { status, stderr },
        Finish::Pipe(e) => RunError::Pipe(e),
    });
    Run { lines, problem }
}

/// How reading stdout ended.
enum Ended {
    /// Stdout closed.
    Eof,
    /// Every expected answer arrived (and the grace period for more passed).
    Answered,
    /// The deadline passed first.
    TimedOut,
    /// The output limit was passed.
    TooMuch,
    /// Reading failed.
    Pipe(io::Error),
}

/// Receives lines until stdout closes, `answers` non-blank lines are in (plus
/// a grace period for any more), the deadline passes or the output is too big.
fn collect(
    received: &Receiver<Event>,
    answers: usize,
    deadline: Instant,
) -> (Vec<OutputLine>, Ended) {
    let mut lines = Vec::new();
    let mut answered = 0;
    let mut all_in: Option<Instant> = None;
    loop {
        let until = all_in.map_or(deadline, |at| at.min(deadline));
        let event = received.recv_timeout(until.saturating_duration_since(Instant::now()));
        match event {
            Ok(Event::Line(line)) => {
                if !line.is_blank() {
                    answered += 1;
                    if answered == answers {
                        all_in = Some(Instant::now() + GRACE);
                    }
                }
                lines.push(line);
            }
            Ok(Event::Eof) | Err(RecvTimeoutError::Disconnected) => return (lines, Ended::Eof),
            Ok(Event::TooMuch) => return (lines, Ended::TooMuch),
            Ok(Event::Failed(e)) => return (lines, Ended::Pipe(e)),
            Err(RecvTimeoutError::Timeout) if all_in.is_some() => {
                return (lines, Ended::Answered);
            }
            Err(RecvTimeoutError::Timeout) => return (lines, Ended::TimedOut),
        }
    }
}

/// How waiting for the child ended, when not well.
enum Finish {
    TimedOut,
    TooMuch,
    Failed(ExitStatus),
    Pipe(io::Error),
}

/// Once stdout is closed: waits for the child to exit (up to the deadline)
/// and checks how it exited and whether its input went in.
fn wait_for_exit(
    child: &mut Child,
    written: &Receiver<io::Result<()>>,
    deadline: Instant,
) -> Option<Finish> {
    let status = match wait_until(child, deadline) {
        Ok(Some(status)) => status,
        Ok(None) => return Some(Finish::TimedOut),
        Err(e) => return Some(Finish::Pipe(e)),
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

/// The child's exit status once it exits, or `None` at `until`.
fn wait_until(child: &mut Child, until: Instant) -> io::Result<Option<ExitStatus>> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= until {
            return Ok(None);
        }
        thread::sleep(POLL);
    }
}

fn failed(problem: RunError) -> Run {
    Run {
        lines: Vec::new(),
        problem: Some(problem),
    }
}

/// The child as the leader of its own process group; ending it (explicitly
/// or on drop) kills the whole group and reaps the child.
struct Group(Child);

impl Group {
    fn end(&mut self) {
        kill_group(&self.0);
        // It may have exited already; either way it is reaped.
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.end();
    }
}

#[cfg(unix)]
fn own_process_group(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_: &mut Command) {}

#[cfg(unix)]
fn kill_group(child: &Child) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the
        // child leads (set up by `process_group(0)`); it touches no memory.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

#[cfg(not(unix))]
fn kill_group(_: &Child) {}

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

/// A poisoned lock only means a reader thread panicked; its data is still whole lines.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
