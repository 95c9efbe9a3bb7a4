//! What reading an input gives and how it can fail: the documents read
//! ([`Loaded`]), the problems that did not stop the read ([`Warning`]), the
//! ones that did ([`ReadError`]), and the options every reader takes.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Document;

/// How inputs are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Decode invalid UTF-8 with U+FFFD replacements (and a warning) instead
    /// of refusing the file.
    pub lossy: bool,
}

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Something the user should know about an input that still (partly) loaded:
/// a skipped JSONL line, a refused annotation, an empty file, a lossy decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file (or `-` for stdin).
    pub source: String,
    /// 1-based line number, where the problem sits on one line.
    pub line: Option<usize>,
    /// What happened and what was done about it.
    pub message: String,
}

impl Warning {
    /// A warning about a whole input.
    pub fn new(source: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            line: None,
            message: message.into(),
        }
    }

    /// A warning about one line of an input.
    pub fn at_line(source: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.message, self.source),
            None => write!(f, "{}: {}", self.message, self.source),
        }
    }
}

/// What reading one input produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents read, in input order.
    pub documents: Vec<Document>,
    /// Problems that did not stop the read.
    pub warnings: Vec<Warning>,
    /// Lines or records of the input left out as malformed (each has its
    /// warning), so a command can say its output is incomplete.
    pub skipped: usize,
}

/// Why an input could not be read at all. The file path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read: {source}: {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file holds NUL bytes or other binary content.
    #[error("not a text file ({reason}): {}", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("too large ({size} bytes; the limit is {limit} bytes): {}", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not UTF-8 and lossy decoding was not asked for.
    #[error("invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes): {}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// First bad byte.
        offset: usize,
    },
    /// The extension or content matches no reader.
    #[error("unknown format (expected .txt, .md, .html, .jsonl, .json, .ann, .conll, .conllu): {}", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The content breaks the format so badly nothing could be read.
    #[error("{}{message}: {}", line.map(|l| format!("line {l}: ")).unwrap_or_default(), path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
}

impl ReadError {
    /// A syntax error, for readers that know the file and line.
    pub fn syntax(path: impl AsRef<Path>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self::Syntax {
            path: path.as_ref().to_path_buf(),
            line,
            message: message.into(),
        }
    }
}
