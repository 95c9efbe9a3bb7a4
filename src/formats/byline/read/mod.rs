//! `.jsonl` (one record per line) and `.json` (an array of records, or one
//! record) in every shape our users trade: Prodigy tasks, doccano sequence
//! labelling and relation exports, and byline's own export, read back
//! losslessly. A malformed line or record is skipped with a warning naming its
//! line; a bad annotation is refused with a warning naming its field; the rest
//! loads. Offsets in records are code points.
//!
//! Decisions on Prodigy's `answer`: spans without a `state` of their own are
//! accepted (`accept`, or no answer: imported gold), rejected (`reject`) or
//! pending (`ignore`); without a `meta.status` the document is done
//! (`accept`, `reject`) or skipped (`ignore`), and new when there is no answer.

mod links;
mod quotes;
mod record;
mod spans;
mod stream;
mod table;
#[cfg(test)]
mod tests;
mod typed;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::formats::{Loaded, ReadError, Warning};
use crate::model::Document;
use typed::Typed;

pub use stream::read_stream;

/// Reads JSON Lines: one record per line; blank lines are ignored. Records
/// are read on all cores; documents and warnings come in line order.
///
/// Fails only when there were records and none of them could be read.
pub fn read(text: &str, source: &str) -> Result<Loaded, ReadError> {
    read_lines(text, source, true)
}

fn read_lines(text: &str, source: &str, typed: bool) -> Result<Loaded, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i + 1, line))
        .collect();
    read_records(&records, source, "lines", typed)
}

/// Reads a `.json` file: an array of records or a single record. A file that
/// turns out to hold JSON Lines is read as such.
pub fn read_json(text: &str, source: &str) -> Result<Loaded, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Tally::new(source, "records").finish();
    }
    let is_array = text.trim_start().starts_with('[');
    let parsed = if is_array {
        serde_json::from_str::<Vec<&RawValue>>(text)
    } else {
        serde_json::from_str::<&RawValue>(text).map(|one| vec![one])
    };
    let raws = match parsed {
        Ok(raws) => raws,
        Err(err) if !is_array && err.to_string().starts_with("trailing characters") => {
            return read(text, source);
        }
        Err(err) => {
            return Err(ReadError::syntax(
                source,
                Some(err.line()).filter(|&l| l > 0),
                format!("not valid JSON: {}", describe(&err)),
            ));
        }
    };
    let mut lines = LineCounter::new(text);
    let records: Vec<(usize, &str)> = raws
        .into_iter()
        .map(|raw| (lines.line_of(raw.get()), raw.get()))
        .collect();
    read_records(&records, source, "records", true)
}

/// One record read: its document (if any) and the warnings it raised, or why it was skipped.
pub type RecordOutcome = Result<(Option<Document>, Vec<Warning>), String>;

/// Reads one record (one JSONL line, which starts on `line` of `source`) on
/// its own, for a stream that answers every line: the document, or none
/// (the warnings say why), or why the record is not one at all.
pub fn read_record(json: &str, source: &str, line: usize) -> RecordOutcome {
    record_outcome(json, source, line, true)
}

fn record_outcome(json: &str, source: &str, line: usize, typed: bool) -> RecordOutcome {
    let (fields, lists) = parse_record(json, typed)?;
    let mut warnings = Vec::new();
    let doc = record::document(fields, lists, source, line, &mut warnings);
    Ok((doc, warnings))
}

/// Reads records (each with the line it starts on) in parallel, then tallies
/// them in order.
fn read_records(
    records: &[(usize, &str)],
    source: &str,
    unit: &'static str,
    typed: bool,
) -> Result<Loaded, ReadError> {
    let skipped = if unit == "lines" { "line" } else { "record" };
    let outcomes: Vec<RecordOutcome> = records
        .par_iter()
        .map(|&(line, json)| {
            record_outcome(json, source, line, typed)
                .map_err(|why| format!("{why}; {skipped} skipped"))
        })
        .collect();
    let mut tally = Tally::new(source, unit);
    // One document per record at most: sized once, the list does not grow
    // by doubling (and copying) while every outcome is still held.
    tally.loaded.documents.reserve_exact(records.len());
    for (&(line, _), outcome) in records.iter().zip(outcomes) {
        match outcome {
            Ok((doc, warnings)) => tally.record(doc, warnings),
            Err(message) => tally.skip(line, message),
        }
    }
    tally.finish()
}

/// Parses one record into its fields, skipping those byline recomputes
/// (a Prodigy task's token list is most of its bytes). Annotation lists with
/// byline's own shape are parsed into structs (see [`typed`]); with `typed`
/// false every field is a `Value`, which tests compare against.
fn parse_record(json: &str, typed: bool) -> Result<(Map<String, Value>, Typed<'_>), String> {
    let fields = serde_json::from_str::<BTreeMap<String, &RawValue>>(json).map_err(|err| {
        if err.classify() == Category::Data {
            "record is not a JSON object".to_owned()
        } else {
            format!("not valid JSON ({})", describe(&err))
        }
    })?;
    let mut record = Map::new();
    let mut lists = Typed::default();
    for (key, raw) in fields {
        if record::RECOMPUTED.contains(&key.as_str()) || (typed && lists.take(&key, raw)) {
            continue;
        }
        let value = serde_json::from_str(raw.get()).map_err(|err| {
            let why = err.to_string();
            let why = why.split(" at line ").next().unwrap_or_default();
            format!("not valid JSON in {key:?} ({why})")
        })?;
        record.insert(key, value);
    }
    Ok((record, lists))
}

/// A serde_json error without its " at line L column C" tail (we name the
/// file's line ourselves), with the column kept where it helps.
fn describe(err: &serde_json::Error) -> String {
    let full = err.to_string();
    match full.rfind(" at line ") {
        Some(at) if err.column() > 0 => format!("{} at column {}", &full[..at], err.column()),
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

/// Counts records read and skipped, and turns the count into warnings.
struct Tally<'s> {
    source: &'s str,
    unit: &'static str,
    loaded: Loaded,
    seen: usize,
    skipped: usize,
}

impl<'s> Tally<'s> {
    fn new(source: &'s str, unit: &'static str) -> Self {
        Self {
            source,
            unit,
            loaded: Loaded::default(),
            seen: 0,
            skipped: 0,
        }
    }

    fn record(&mut self, doc: Option<Document>, warnings: Vec<Warning>) {
        self.seen += 1;
        self.loaded.warnings.extend(warnings);
        match doc {
            Some(doc) => self.loaded.documents.push(doc),
            None => self.skipped += 1,
        }
    }

    fn skip(&mut self, line: usize, message: String) {
        self.seen += 1;
        self.skipped += 1;
        self.loaded
            .warnings
            .push(Warning::at_line(self.source, line, message));
    }

    fn finish(mut self) -> Result<Loaded, ReadError> {
        if self.seen == 0 {
            let message = "empty file: no records";
            self.loaded
                .warnings
                .push(Warning::new(self.source, message));
        } else if self.loaded.documents.is_empty() {
            let first = self.loaded.warnings.first();
            return Err(ReadError::syntax(
                self.source,
                first.and_then(|w| w.line),
                format!(
                    "none of {} {} could be read; the first: {}",
                    self.seen,
                    self.unit,
                    first.map_or("", |w| w.message.as_str())
                ),
            ));
        } else if self.skipped > 0 {
            let message = format!(
                "{} of {} {} skipped (see the warnings above); {} documents loaded",
                self.skipped,
                self.seen,
                self.unit,
                self.loaded.documents.len()
            );
            self.loaded
                .warnings
                .push(Warning::new(self.source, message));
        }
        self.loaded.skipped = self.skipped;
        Ok(self.loaded)
    }
}

/// Finds the line of each slice of the text, in one pass over the text for
/// slices given in order.
struct LineCounter<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// 1-based line where `slice` (a part of the text) starts.
    fn line_of(&mut self, slice: &str) -> usize {
        let at = (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        if let Some(between) = self.text.get(self.offset..at) {
            self.line += between.matches('\n').count();
            self.offset = at;
        }
        self.line
    }
}
