//! doccano JSONL, as doccano 1.8's own import takes it: sequence labelling
//! (`{"text", "label": [[start, end, "L"]]}`) or relation mode (`{"text",
//! "entities": […], "relations": […]}`), with the document's meta flattened
//! into each record as doccano keeps extra columns. Offsets are code points.
//!
//! - Every record has the same meta keys ([`keys`]): doccano reads a batch of
//!   records into one table, where a key one record lacks (or a `null`)
//!   becomes NaN, which its database refuses. A missing key or `null` is
//!   written as `""`.
//! - Sequence mode holds one layer without overlaps, as a sequence project
//!   that does not allow overlapping spans keeps it: the entity spans, placed
//!   by start (the longer first), those overlapping a placed one left out and
//!   counted, like the attribution layer (quotes go to relation mode).
//! - Relation mode holds every gold span, quotes as SPEAKER/CUE relations
//!   from each QUOTE span (the class of each quote that is not speech in
//!   `meta.quote_classes`, the group of each segment of an interrupted quote
//!   in `meta.quote_groups`, see `json::quote_lists`: doccano keeps meta,
//!   not extra keys on relations) and coreference as REFERS_TO relations. Spans of
//!   both layers overlap (a quote holds names), so the project must allow
//!   overlapping spans: the report says so.

mod keys;
#[cfg(test)]
mod tests;

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::model::{Document, Layer, OffsetIndex, Span};

use crate::formats::json::{REFERS_TO, encode_meta, insert_quote_lists, quote_links};
use crate::formats::output::exported_spans;
use crate::formats::output::losses::{self, Holds};
use crate::formats::output::parallel::{check_all, write_ordered};
use crate::formats::output::review::{ExportOptions, Kept, written};
use crate::formats::{ExportError, ExportReport};
pub use keys::{Fill, fill_keys};

/// Which doccano project type the records are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Sequence labelling: entity spans without overlaps.
    #[default]
    Sequence,
    /// Relation extraction: entities with ids, and relations between them.
    Relation,
}

/// One record, its keys written in this order ([`fill_keys`] keeps it).
#[derive(Serialize)]
struct Record<'d> {
    text: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Vec<(usize, usize, &'d str)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Entity<'d>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Vec<Relation>>,
    #[serde(flatten)]
    meta: BTreeMap<String, Value>,
}

#[derive(Serialize)]
struct Entity<'d> {
    id: u64,
    start_offset: usize,
    end_offset: usize,
    label: &'d str,
}

#[derive(Serialize)]
struct Relation {
    id: usize,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// Keys of a record that meta keys must not overwrite.
const RECORD_KEYS: [&str; 4] = ["text", "label", "entities", "relations"];

/// What a relation project needs, said in the report of a relation export.
const OVERLAP_NOTE: &str =
    "doccano: create the relation project with \"Allow overlapping spans\" on";

/// Writes one doccano record per document (gold only, and suggestions
/// counted: doccano has no place for them), in the order given, after
/// checking every document's alignment.
pub fn write(
    docs: &[Document],
    out: impl Write,
    mode: Mode,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    let mut records = Records::new(mode, options);
    let mut out = out;
    records.write_batch(docs, &mut out)
}

/// doccano records written batch by batch: every record gets every meta key
/// met so far, and [`Records::finish`] says how to fill in the records
/// written before a later batch brought new keys.
#[derive(Debug)]
pub struct Records {
    mode: Mode,
    options: ExportOptions,
    keys: keys::MetaKeys,
}

impl Records {
    /// Records for a `mode` project.
    pub fn new(mode: Mode, options: ExportOptions) -> Self {
        Self {
            mode,
            options,
            keys: keys::MetaKeys::default(),
        }
    }

    /// Writes the records of each document, in order.
    pub fn write_batch(
        &mut self,
        docs: &[Document],
        out: &mut dyn Write,
    ) -> Result<ExportReport, ExportError> {
        check_all(docs)?;
        if self.mode == Mode::Relation {
            self.keys.add_quote_lists(docs);
        }
        self.keys.add(docs, &RECORD_KEYS);
        let (mode, kept) = (self.mode, Kept::of(self.options, false));
        let keys = &self.keys;
        let mut report = write_ordered(docs, out, |doc, buffer| {
            let mut report = ExportReport::default();
            let gold = written(doc, kept, &mut report);
            let record = record(&gold, mode, keys, &mut report)?;
            serde_json::to_writer(&mut *buffer, &record)?;
            buffer.push(b'\n');
            Ok(report)
        })?;
        if mode == Mode::Relation && !docs.is_empty() {
            report.note(OVERLAP_NOTE);
        }
        Ok(report)
    }

    /// How to fill in the records written, if a later batch brought meta
    /// keys the first ones lack.
    pub fn finish(self) -> Option<Fill> {
        self.keys.fill()
    }
}

/// The record of one (gold) document.
fn record<'d>(
    doc: &'d Document,
    mode: Mode,
    keys: &keys::MetaKeys,
    report: &mut ExportReport,
) -> Result<Record<'d>, ExportError> {
    let index = OffsetIndex::new(doc.text());
    let holds = Holds {
        quote_links: mode == Mode::Relation,
        refers_to: mode == Mode::Relation,
    };
    losses::count(doc, holds, report);
    report.documents += 1;
    let to_chars = |r| index.to_chars(r);
    let mut meta = encode_meta(doc, &to_chars, report);
    if mode == Mode::Relation {
        insert_quote_lists(&mut meta, doc, &doc.quotes_sorted(), &to_chars, report);
    }
    for key in RECORD_KEYS {
        if meta.remove(key).is_some() {
            report.lose(format!("meta keys named like doccano's `{key}`"));
        }
    }
    let meta = keys.uniform(meta);
    let spans = exported_spans(doc);
    let mut record = Record {
        text: doc.text(),
        label: None,
        entities: None,
        relations: None,
        meta,
    };
    match mode {
        Mode::Sequence => {
            let label = flat_entities(&spans, report)
                .into_iter()
                .map(|s| {
                    let (start, end) = chars(doc, &index, s)?;
                    Ok((start, end, s.label.as_str()))
                })
                .collect::<Result<Vec<_>, ExportError>>()?;
            report.spans += label.len();
            record.label = Some(label);
        }
        Mode::Relation => {
            report.spans += spans.len();
            record.entities = Some(entities(doc, &index, &spans)?);
            record.relations = Some(relations(doc));
        }
    }
    Ok(record)
}

/// The entity spans placed by start, longer first, each overlapping none
/// placed before it; the others, and every attribution span, counted.
fn flat_entities<'d>(spans: &[&'d Span], report: &mut ExportReport) -> Vec<&'d Span> {
    let mut entities: Vec<&Span> = Vec::with_capacity(spans.len());
    for span in spans.iter().filter(|s| s.layer != Layer::Entity) {
        report.lose(format!(
            "{} spans (doccano's sequence export holds the entity layer; quotes go to doccano-rel)",
            span.layer.as_str()
        ));
    }
    let mut placed: Vec<&Span> = spans
        .iter()
        .copied()
        .filter(|s| s.layer == Layer::Entity)
        .collect();
    placed.sort_by_key(|s| (s.range.start, Reverse(s.range.end), s.id));
    let mut end = 0;
    for span in placed {
        if span.range.start < end {
            report.lose(
                "entity spans overlapping another (doccano's sequence labelling holds no overlaps)",
            );
        } else {
            end = span.range.end;
            entities.push(span);
        }
    }
    entities.sort_by_key(|s| (s.range.start, s.id));
    entities
}

fn chars(
    doc: &Document,
    index: &OffsetIndex<'_>,
    span: &Span,
) -> Result<(usize, usize), ExportError> {
    index
        .to_chars(span.range)
        .map(|r| (r.start, r.end))
        .map_err(|_| ExportError::Misaligned {
            document: doc.source.clone().unwrap_or_else(|| doc.id.to_string()),
            span: span.id.0,
            label: span.label.clone(),
        })
}

fn entities<'d>(
    doc: &Document,
    index: &OffsetIndex<'_>,
    spans: &[&'d Span],
) -> Result<Vec<Entity<'d>>, ExportError> {
    spans
        .iter()
        .map(|s| {
            let (start_offset, end_offset) = chars(doc, index, s)?;
            Ok(Entity {
                id: s.id.0,
                start_offset,
                end_offset,
                label: &s.label,
            })
        })
        .collect()
}

/// Quote links, then coreference links from each exported span to an exported target.
fn relations(doc: &Document) -> Vec<Relation> {
    let quotes = quote_links(doc)
        .into_iter()
        .map(|l| (l.head.0, l.child.0, l.role));
    let mentions = exported_spans(doc).into_iter().filter_map(|s| {
        let target = doc.span(s.refers_to?).filter(|t| t.is_gold())?;
        Some((s.id.0, target.id.0, REFERS_TO))
    });
    quotes
        .chain(mentions)
        .enumerate()
        .map(|(i, (from_id, to_id, kind))| Relation {
            id: i + 1,
            from_id,
            to_id,
            kind,
        })
        .collect()
}
