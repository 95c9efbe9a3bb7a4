//! doccano JSONL: sequence labelling (`{"text", "label": [[start, end, "L"]]}`)
//! or relation mode (`{"text", "entities": […], "relations": […]}`), with the
//! document's meta flattened into each record as doccano keeps extra columns.
//! Offsets are code points. Relation mode carries quotes as SPEAKER/CUE
//! relations from each QUOTE span and coreference as REFERS_TO relations;
//! sequence mode carries spans only. The report counts the rest.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::model::{Document, OffsetIndex, Span, SpanState};

use crate::formats::json::{REFERS_TO, encode_meta, quote_links};
use crate::formats::output::exported_spans;
use crate::formats::output::losses::{self, Holds};
use crate::formats::output::parallel::{check_all, write_ordered};
use crate::formats::{ExportError, ExportReport};

/// Which doccano project type the records are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Sequence labelling: spans only.
    #[default]
    Sequence,
    /// Relation extraction: entities with ids, and relations between them.
    Relation,
}

#[derive(Serialize)]
struct SequenceRecord<'d> {
    text: &'d str,
    label: Vec<(usize, usize, &'d str)>,
    #[serde(flatten)]
    meta: BTreeMap<String, Value>,
}

#[derive(Serialize)]
struct RelationRecord<'d> {
    text: &'d str,
    entities: Vec<Entity<'d>>,
    relations: Vec<Relation>,
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

/// Writes one doccano record per document, in the order given (encoded on
/// all cores), after checking every document's alignment.
pub fn write(docs: &[Document], out: impl Write, mode: Mode) -> Result<ExportReport, ExportError> {
    check_all(docs)?;
    write_ordered(docs, out, |doc, buffer| {
        let mut report = ExportReport::default();
        let index = OffsetIndex::new(doc.text());
        let spans = exported_spans(doc);
        let meta = meta(doc, &index, &mut report);
        let holds = Holds {
            quote_links: mode == Mode::Relation,
            refers_to: mode == Mode::Relation,
        };
        losses::count(doc, holds, &mut report);
        report.spans += spans.len();
        report.documents += 1;
        match mode {
            Mode::Sequence => {
                let label = spans
                    .iter()
                    .map(|s| {
                        let (start, end) = chars(doc, &index, s)?;
                        Ok((start, end, s.label.as_str()))
                    })
                    .collect::<Result<_, ExportError>>()?;
                let record = SequenceRecord {
                    text: doc.text(),
                    label,
                    meta,
                };
                serde_json::to_writer(&mut *buffer, &record)?;
            }
            Mode::Relation => {
                let record = RelationRecord {
                    text: doc.text(),
                    entities: entities(doc, &index, &spans)?,
                    relations: relations(doc),
                    meta,
                };
                serde_json::to_writer(&mut *buffer, &record)?;
            }
        }
        buffer.push(b'\n');
        Ok(report)
    })
}

fn meta(
    doc: &Document,
    index: &OffsetIndex<'_>,
    report: &mut ExportReport,
) -> BTreeMap<String, Value> {
    let mut meta = encode_meta(doc, &|r| index.to_chars(r), report);
    for key in RECORD_KEYS {
        if meta.remove(key).is_some() {
            report.lose(format!("meta keys named like doccano's `{key}`"));
        }
    }
    meta
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
    let exported = |s: &&Span| s.state != SpanState::Rejected;
    let mentions = doc
        .spans_sorted()
        .into_iter()
        .filter(exported)
        .filter_map(|s| {
            let target = doc.span(s.refers_to?).filter(exported)?;
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

#[cfg(test)]
mod tests;
