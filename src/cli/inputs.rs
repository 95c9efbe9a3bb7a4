//! Loading the inputs of a subcommand: files, folders (walked by extension) or
//! `-` for stdin. One bad input is reported once and skipped; the rest load.
//! A text read twice is kept once, the annotated copy first (see `formats::input::dedupe`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::formats::input::dedupe::without_copies;
use crate::formats::{self, ReadOptions};
use crate::model::Document;

/// What loading the inputs gave.
pub struct Inputs {
    /// Every document read, in input order.
    pub documents: Vec<Document>,
    /// Inputs that could not be read at all.
    pub failed: usize,
    /// Lines or records skipped as malformed inside inputs that were read.
    pub skipped: usize,
}

/// Exit code of a run that finished but left out malformed lines or records
/// of its input (each named on stderr); everything else was written. Distinct
/// from 1 (an input or the output failed) and 2 (bad command line), so a
/// pipeline can accept it: `byline suggest - || [ $? -eq 3 ]`.
pub const SKIPPED_INPUT: u8 = 3;

/// The exit code of a run over many inputs, and one closing line on `err`
/// per kind of loss: 1 when `failed` inputs could not be read (or processed)
/// at all, [`SKIPPED_INPUT`] when only lines or records were skipped, else 0.
pub fn exit_code(failed: usize, skipped: usize, err: &mut dyn Write) -> u8 {
    if skipped > 0 {
        let _ = writeln!(
            err,
            "byline: {skipped} malformed line(s) or record(s) skipped"
        );
    }
    if failed > 0 {
        let _ = writeln!(err, "byline: {failed} input(s) could not be read");
        1
    } else if skipped > 0 {
        SKIPPED_INPUT
    } else {
        0
    }
}

/// Reads every input, printing each warning and error to `err` exactly once.
pub fn load(paths: &[PathBuf], options: &ReadOptions, err: &mut dyn Write) -> Inputs {
    let mut gathered = Gathered::default();
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let (found, warnings) = formats::collect_inputs(&files);
    for warning in &warnings {
        let _ = writeln!(err, "byline: warning: {warning}");
    }
    if !stdin.is_empty() {
        gathered.take("-", formats::read_path(Path::new("-"), options), err);
    }
    for path in &found {
        gathered.take(
            &path.display().to_string(),
            formats::read_path(path, options),
            err,
        );
    }
    let (documents, warnings) = without_copies(gathered.documents);
    for warning in &warnings {
        let _ = writeln!(err, "byline: warning: {warning}");
    }
    Inputs {
        documents,
        failed: gathered.failed,
        skipped: gathered.skipped,
    }
}

/// Documents read so far, each with the input it came from.
#[derive(Default)]
struct Gathered {
    documents: Vec<(String, Document)>,
    failed: usize,
    skipped: usize,
}

impl Gathered {
    fn take(
        &mut self,
        name: &str,
        result: Result<formats::Loaded, formats::ReadError>,
        err: &mut dyn Write,
    ) {
        match result {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    let _ = writeln!(err, "byline: warning: {warning}");
                }
                self.skipped += loaded.skipped;
                let named = loaded.documents.into_iter().map(|d| (name.to_owned(), d));
                self.documents.extend(named);
            }
            Err(e) => {
                let _ = writeln!(err, "byline: {e}");
                self.failed += 1;
            }
        }
    }
}
