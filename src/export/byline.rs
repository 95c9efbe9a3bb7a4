//! Byline JSONL, the default export: one Prodigy task per line (`text`,
//! `meta`, hashes, `tokens`, `spans`, `relations`, `answer`) that spaCy and
//! Prodigy load as is, plus byline's extension keys so `read::jsonl` reads it
//! back losslessly. The Prodigy flavor is the same task without the extensions.
//!
//! Offsets are code points; `token_end` is inclusive, as in Prodigy. Relations
//! go from each QUOTE span to its SPEAKER and CUE span; `head`/`child` are the
//! last token of each span. Rejected spans never go under `spans` (nobody trains
//! on them): the byline flavor keeps them under `rejected_spans`.

mod task;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::io::{BufWriter, Write};

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::model::{Document, Span, SpanState};

use super::json_shape::{Answer, encode_meta, quote_links};
use super::losses::{self, Holds};
use super::{ExportError, ExportReport, check_alignment, exported_spans};
use task::{Layout, QuoteOut, RelationOut, SpanOut, Task};

/// Which keys a task carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flavor {
    /// Prodigy's keys plus byline's extensions (`id`, `layer`, `state`,
    /// `origin`, `refers_to` on spans; `rejected_spans`; `quotes`): lossless.
    #[default]
    Byline,
    /// Prodigy's keys only; what they cannot hold is counted in the report.
    Prodigy,
}

/// Writes one task per document, in the order given. Every document is checked
/// for alignment before anything is written, so a bad one leaves `out` untouched.
pub fn write(
    docs: &[Document],
    out: impl Write,
    flavor: Flavor,
) -> Result<ExportReport, ExportError> {
    for doc in docs {
        check_alignment(doc)?;
    }
    let mut out = BufWriter::new(out);
    let mut report = ExportReport::default();
    for doc in docs {
        let task = task(doc, flavor, &mut report)?;
        serde_json::to_writer(&mut out, &task)?;
        out.write_all(b"\n")?;
        report.documents += 1;
    }
    out.flush()?;
    Ok(report)
}

fn task<'d>(
    doc: &'d Document,
    flavor: Flavor,
    report: &mut ExportReport,
) -> Result<Task<'d>, ExportError> {
    let layout = Layout::new(doc);
    let byline = flavor == Flavor::Byline;
    let spans = exported_spans(doc)
        .into_iter()
        .map(|s| span_out(&layout, s, byline))
        .collect::<Result<Vec<_>, _>>()?;
    let rejected_spans = if byline {
        doc.spans_sorted()
            .into_iter()
            .filter(|s| s.state == SpanState::Rejected)
            .map(|s| span_out(&layout, s, true))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        losses::count(
            doc,
            Holds {
                quote_links: true,
                refers_to: false,
            },
            report,
        );
        Vec::new()
    };
    let relations = relations(&layout)?;
    let quotes = if byline { Some(quotes(&layout)?) } else { None };
    report.spans += spans.len() + rejected_spans.len();
    let text_hash = xxh3_64(doc.text().as_bytes());
    Ok(Task {
        text: doc.text(),
        meta: encode_meta(doc, &layout.index, report),
        input_hash: signed32(text_hash),
        task_hash: task_hash(text_hash, &spans, &relations),
        tokens: layout.tokens_out()?,
        spans,
        rejected_spans,
        relations,
        answer: Answer::of_status(doc.status()).as_str(),
        quotes,
    })
}

fn span_out<'d>(
    layout: &Layout<'d>,
    span: &'d Span,
    byline: bool,
) -> Result<SpanOut<'d>, ExportError> {
    let r = layout.span_ref(span)?;
    Ok(SpanOut {
        start: r.start,
        end: r.end,
        token_start: r.token_start,
        token_end: r.token_end,
        label: r.label,
        text: span.text(layout.text),
        id: byline.then_some(span.id.0),
        layer: byline.then_some(span.layer),
        state: byline.then_some(span.state),
        origin: byline.then_some(&span.origin),
        refers_to: span.refers_to.filter(|_| byline).map(|id| id.0),
    })
}

fn relations<'d>(layout: &Layout<'d>) -> Result<Vec<RelationOut<'d>>, ExportError> {
    let doc = layout.doc;
    quote_links(doc)
        .into_iter()
        .filter_map(|link| Some((doc.span(link.head)?, doc.span(link.child)?, link.role)))
        .map(|(head, child, label)| {
            let head_span = layout.span_ref(head)?;
            let child_span = layout.span_ref(child)?;
            Ok(RelationOut {
                head: head_span.token_end,
                child: child_span.token_end,
                head_span,
                child_span,
                label,
            })
        })
        .collect()
}

fn quotes<'d>(layout: &Layout<'d>) -> Result<Vec<QuoteOut<'d>>, ExportError> {
    let doc = layout.doc;
    let part = |id| doc.span(id).map(|s| layout.quote_part(s)).transpose();
    doc.quotes_sorted()
        .into_iter()
        .map(|q| {
            Ok(QuoteOut {
                id: q.id.0,
                content: q
                    .content
                    .iter()
                    .filter_map(|&id| part(id).transpose())
                    .collect::<Result<_, _>>()?,
                speaker: q.speaker.map(part).transpose()?.flatten(),
                cue: q.cue.map(part).transpose()?.flatten(),
                kind: q.kind,
                speaker_entity: q.speaker_entity.as_deref(),
                state: q.state,
                origin: &q.origin,
            })
        })
        .collect()
}

/// Prodigy's hashes are signed 32-bit integers; ours keep the low half of xxh3.
fn signed32(hash: u64) -> i32 {
    i32::from_ne_bytes((hash as u32).to_ne_bytes())
}

/// Hash of the text and of what is annotated on it (not of the flavor or ids),
/// so the same annotations give the same `_task_hash` in either flavor.
fn task_hash(text_hash: u64, spans: &[SpanOut<'_>], relations: &[RelationOut<'_>]) -> i32 {
    let mut key = String::new();
    for s in spans {
        let _ = writeln!(key, "s{}:{}:{}", s.start, s.end, s.label);
    }
    for r in relations {
        let (h, c) = (&r.head_span, &r.child_span);
        let _ = writeln!(
            key,
            "r{}:{}>{}:{}:{}",
            h.start, h.end, c.start, c.end, r.label
        );
    }
    signed32(xxh3_64_with_seed(key.as_bytes(), text_hash))
}
