//! The engine's output, read within limits as it arrives: stdout split into
//! lines no longer than [`Limits::line_bytes`] and no more than
//! [`Limits::output_bytes`] in all (an over-long line is dropped as it is read,
//! never held), and the last few stderr lines, each cut short as it is read.
//! A flooding engine therefore costs no memory beyond the limits.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Mutex;
use std::sync::mpsc::Sender;

use super::process::lock;

/// Lines of stderr kept for the message when the engine fails.
const STDERR_LINES: usize = 5;
/// Characters kept of each stderr line.
pub(super) const STDERR_WIDTH: usize = 200;

/// How much output a run accepts; more means the engine is broken (or
/// hostile), and is not kept in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of stdout in all; past them the command is stopped.
    pub output_bytes: usize,
    /// Bytes of one stdout line; a longer line is skipped (not kept).
    pub line_bytes: usize,
}

/// One line of the engine's stdout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputLine {
    /// The line without its ending; bytes, since a line that is not UTF-8 is
    /// the caller's to report.
    Text(Vec<u8>),
    /// A line longer than [`Limits::line_bytes`], dropped as it was read.
    TooLong {
        /// Its length, or the limit plus one when it never ended.
        bytes: usize,
        /// The limit it passed.
        limit: usize,
    },
}

impl OutputLine {
    /// Blank lines are padding, not answers.
    pub fn is_blank(&self) -> bool {
        matches!(self, Self::Text(line) if line.trim_ascii().is_empty())
    }
}

/// What the stdout reader sends, line by line.
pub(super) enum Event {
    /// A complete line (or the length of one too long to keep).
    Line(OutputLine),
    /// Stdout closed.
    Eof,
    /// The output passed [`Limits::output_bytes`]; reading stopped.
    TooMuch,
    /// Reading failed.
    Failed(io::Error),
}

/// Reads stdout line by line within `limits`, sending each line (or its
/// length, when too long) as it completes.
pub(super) fn read_lines(stdout: impl Read, limits: Limits, events: &Sender<Event>) {
    let mut reader = BufReader::new(stdout);
    let mut total = 0usize;
    let mut line = Vec::new();
    // The length of a line being dropped because it is too long.
    let mut dropping: Option<usize> = None;
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) => break,
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = events.send(Event::Failed(e));
                return;
            }
        };
        let (part, ends_line) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (&chunk[..at], true),
            None => (chunk, false),
        };
        let used = part.len() + usize::from(ends_line);
        total += used;
        if total > limits.output_bytes {
            let _ = events.send(Event::TooMuch);
            return;
        }
        match dropping.as_mut() {
            Some(length) => *length += part.len(),
            None if line.len() + part.len() > limits.line_bytes => {
                dropping = Some(line.len() + part.len());
                line = Vec::new();
            }
            None => line.extend_from_slice(part),
        }
        reader.consume(used);
        if ends_line {
            let done = match dropping.take() {
                Some(bytes) => OutputLine::TooLong {
                    bytes,
                    limit: limits.line_bytes,
                },
                None => OutputLine::Text(without_cr(std::mem::take(&mut line))),
            };
            if events.send(Event::Line(done)).is_err() {
                return;
            }
        }
    }
    let last = match dropping {
        Some(bytes) => Some(OutputLine::TooLong {
            bytes,
            limit: limits.line_bytes,
        }),
        None => (!line.is_empty()).then(|| OutputLine::Text(without_cr(line))),
    };
    if let Some(last) = last {
        let _ = events.send(Event::Line(last));
    }
    let _ = events.send(Event::Eof);
}

fn without_cr(mut line: Vec<u8>) -> Vec<u8> {
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    line
}

/// Keeps the last few stderr lines, each cut to [`STDERR_WIDTH`] characters
/// as it is read, so a flood on stderr costs no memory.
pub(super) fn keep_tail(stderr: impl Read, tail: &Mutex<VecDeque<String>>) {
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    let keep = STDERR_WIDTH * 4;
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(chunk) => chunk,
        };
        let (part, ends_line) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (&chunk[..at], true),
            None => (chunk, false),
        };
        let room = keep.saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        let used = part.len() + usize::from(ends_line);
        reader.consume(used);
        if ends_line {
            push_tail(tail, &std::mem::take(&mut line));
        }
    }
    push_tail(tail, &line);
}

fn push_tail(tail: &Mutex<VecDeque<String>>, line: &[u8]) {
    let text = String::from_utf8_lossy(line);
    let text: String = text.trim_end().chars().take(STDERR_WIDTH).collect();
    if text.trim().is_empty() {
        return;
    }
    let mut tail = lock(tail);
    if tail.len() == STDERR_LINES {
        tail.pop_front();
    }
    tail.push_back(text);
}
