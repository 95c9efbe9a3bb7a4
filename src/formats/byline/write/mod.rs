//! Byline JSONL, the default export: one Prodigy task per line (`text`,
//! `meta`, hashes, `tokens`, `spans`, `relations`, `answer`) that spaCy and
//! Prodigy load as is, plus byline's extension keys so [`super::read`] reads it
//! back losslessly. The Prodigy flavor is the same task without the extensions.
//!
//! Offsets are code points; `token_end` is inclusive, as in Prodigy. Relations
//! go from each QUOTE span to its SPEAKER and CUE span; `head`/`child` are the
//! last token of each span. `answer` is `accept` for a document marked done
//! and `ignore` for the others, so Prodigy trains on finished work only.
//!
//! Gold only by default ([`crate::model::Document::gold`]). With suggestions
//! the byline flavor is lossless: pending spans and quotes keep their
//! `state`, rejected spans go under `rejected_spans`; the Prodigy flavor puts
//! pending spans under `suggestions` (with `score`, `engine`, `rule`) and the
//! links of pending quotes under `suggested_relations`, keys Prodigy does not
//! train on. The Prodigy flavor gives the class of each quote that is not
//! speech in `meta.quote_classes` and the group of each segment of an
//! interrupted quote in `meta.quote_groups` (see `json::quote_lists`).

mod encode;
mod task;
#[cfg(test)]
mod tests;

use std::io::{BufWriter, Write};

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::model::{Document, Span, SpanState};

use crate::formats::json::{
    Answer, QuoteLink, encode_meta, insert_quote_lists, links_of, quote_links,
};
use crate::formats::output::losses::{self, Holds};
use crate::formats::output::parallel::{check_all, write_ordered};
use crate::formats::output::review::{
    ExportOptions, Kept, pending_spans, suggested_quotes, written,
};
use crate::formats::{ExportError, ExportReport};
use task::{Layout, QuoteOut, QuotePart, RelationOut, SpanOut, SpanRefs, Suggestions, Task};

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

/// Documents with more text than this are encoded one at a time straight
/// into the output rather than whole in memory on all cores: their task line
/// is about 20 times their text.
const STREAMED_ABOVE: usize = 1024 * 1024;

/// Writes one task per document, in the order given, encoding documents on
/// all cores (a big document's line goes to `out` as it is encoded). Every
/// document is checked for alignment before anything is written, so a bad
/// one leaves `out` untouched.
pub fn write(
    docs: &[Document],
    mut out: impl Write,
    flavor: Flavor,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    check_all(docs)?;
    let kept = match flavor {
        Flavor::Byline if options.with_suggestions => Kept::Everything,
        Flavor::Byline => Kept::Gold { asked: false },
        Flavor::Prodigy => Kept::of(options, true),
    };
    let mut report = ExportReport::default();
    let big = |doc: &Document| doc.text().len() > STREAMED_ABOVE;
    for group in docs.chunk_by(|a, b| big(a) == big(b)) {
        if group.first().is_some_and(big) {
            for doc in group {
                report.merge(line(doc, flavor, kept, Line::Stream(&mut out))?);
            }
        } else {
            report.merge(write_ordered(group, &mut out, |doc, buffer| {
                // A task line is about 20 times its text (mostly the token list).
                buffer.reserve(doc.text().len() * 24);
                line(doc, flavor, kept, Line::Buffer(buffer))
            })?);
        }
    }
    Ok(report)
}

/// Where a task line goes: a buffer, or the output as it is encoded.
enum Line<'o> {
    Buffer(&'o mut Vec<u8>),
    Stream(&'o mut dyn Write),
}

/// Writes the task line of `doc` (with its newline) to `to`.
fn line(
    doc: &Document,
    flavor: Flavor,
    kept: Kept,
    to: Line<'_>,
) -> Result<ExportReport, ExportError> {
    let mut report = ExportReport::default();
    let shown = written(doc, kept, &mut report);
    let layout = Layout::new(&shown);
    let original = (kept == Kept::GoldAndSuggestions).then_some(doc);
    let task = task(&layout, flavor, original, &mut report)?;
    match to {
        Line::Buffer(buffer) => {
            encode::write_task(buffer, &task, &layout)?;
            buffer.push(b'\n');
        }
        Line::Stream(out) => {
            let mut out = BufWriter::new(out);
            encode::stream_task(&mut out, &task, &layout)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
    }
    report.documents += 1;
    Ok(report)
}

/// The task of the document `layout` lays out (a document or its gold);
/// with the suggestions of `original` (the whole document) when given.
fn task<'d>(
    layout: &Layout<'d>,
    flavor: Flavor,
    original: Option<&'d Document>,
    report: &mut ExportReport,
) -> Result<Task<'d>, ExportError> {
    let doc = layout.doc;
    let byline = flavor == Flavor::Byline;
    let refs = SpanRefs::new(layout)?;
    let (mut spans, mut rejected_spans) = (Vec::with_capacity(doc.span_count()), Vec::new());
    for span in doc.spans_sorted() {
        let Some(out) = span_out(&refs, layout.text, span, byline) else {
            continue;
        };
        match span.state {
            SpanState::Rejected if byline => rejected_spans.push(out),
            SpanState::Rejected => {}
            _ => spans.push(out),
        }
    }
    if !byline {
        let holds = Holds {
            quote_links: true,
            refers_to: false,
        };
        losses::count(doc, holds, report);
    }
    let relations = relations(&quote_links(doc), &refs);
    let quotes = byline.then(|| quotes(doc, &refs, layout.text));
    let suggestions = original.map(|o| suggestions(layout, o)).transpose()?;
    report.spans += spans.len() + rejected_spans.len();
    report.spans += suggestions.as_ref().map_or(0, |s| s.spans.len());
    let text_hash = xxh3_64(doc.text().as_bytes());
    let to_chars = |r| layout.index().to_chars(r);
    let mut meta = encode_meta(doc, &to_chars, report);
    if !byline {
        // Prodigy's relations have no place for a quote's class or group: meta does.
        let suggested = original.map(suggested_quotes).unwrap_or_default();
        let mut quotes = doc.quotes_sorted();
        quotes.extend(&suggested);
        let spans = original.unwrap_or(doc);
        insert_quote_lists(&mut meta, spans, &quotes, &to_chars, report);
    }
    Ok(Task {
        text: doc.text(),
        meta,
        input_hash: signed32(text_hash),
        task_hash: task_hash(text_hash, &spans, &relations),
        spans,
        rejected_spans,
        relations,
        answer: Answer::of_status(doc.status()).as_str(),
        quotes,
        suggestions,
    })
}

/// The pending spans and the links of the pending quotes of the whole
/// document, for the Prodigy flavor's suggestion keys (laid out on its
/// gold's layout: same text, same tokens).
fn suggestions<'d>(
    layout: &Layout<'d>,
    original: &'d Document,
) -> Result<Suggestions<'d>, ExportError> {
    let pending = pending_spans(original);
    let links: Vec<QuoteLink> = suggested_quotes(original)
        .iter()
        .flat_map(links_of)
        .collect();
    let ends = links.iter().flat_map(|l| [l.head, l.child]);
    let mut spans = pending.clone();
    spans.extend(ends.filter_map(|id| original.span(id)));
    let refs = SpanRefs::of(layout, spans)?;
    let spans = pending
        .into_iter()
        .filter_map(|span| {
            Some(SpanOut {
                span: refs.get(span.id)?,
                text: span.text(layout.text),
                id: None,
                layer: None,
                state: None,
                origin: None,
                refers_to: None,
                scored: Some(&span.origin),
            })
        })
        .collect();
    Ok(Suggestions {
        spans,
        relations: relations(&links, &refs),
    })
}

/// A span with its extension keys in the byline flavor; `None` only for a
/// span the table lacks, which cannot happen.
fn span_out<'d>(
    refs: &SpanRefs<'d>,
    text: &'d str,
    span: &'d Span,
    byline: bool,
) -> Option<SpanOut<'d>> {
    Some(SpanOut {
        span: refs.get(span.id)?,
        text: span.text(text),
        id: byline.then_some(span.id.0),
        layer: byline.then_some(span.layer),
        state: byline.then_some(span.state),
        origin: byline.then_some(&span.origin),
        refers_to: span.refers_to.filter(|_| byline).map(|id| id.0),
        scored: None,
    })
}

fn relations<'d>(links: &[QuoteLink], refs: &SpanRefs<'d>) -> Vec<RelationOut<'d>> {
    links
        .iter()
        .filter_map(|&link| {
            let (head_span, child_span) = (refs.get(link.head)?, refs.get(link.child)?);
            Some(RelationOut {
                head: head_span.token_end,
                child: child_span.token_end,
                head_span,
                child_span,
                label: link.role,
            })
        })
        .collect()
}

fn quotes<'d>(doc: &'d Document, refs: &SpanRefs<'d>, text: &'d str) -> Vec<QuoteOut<'d>> {
    let part = |id| {
        let (span, r) = (doc.span(id)?, refs.get(id)?);
        Some(QuotePart {
            start: r.start,
            end: r.end,
            text: span.text(text),
            id: id.0,
        })
    };
    doc.quotes_sorted()
        .into_iter()
        .map(|q| QuoteOut {
            id: q.id.0,
            content: q.content.iter().filter_map(|&id| part(id)).collect(),
            speaker: q.speaker.and_then(part),
            cue: q.cue.and_then(part),
            kind: q.kind,
            class: q.class,
            group: q.group.map(|g| g.0),
            speaker_entity: q.speaker_entity.as_deref(),
            state: q.state,
            origin: &q.origin,
        })
        .collect()
}

/// Prodigy's hashes are signed 32-bit integers; ours keep the low half of xxh3.
fn signed32(hash: u64) -> i32 {
    i32::from_ne_bytes((hash as u32).to_ne_bytes())
}

/// Hash of the text and of what is annotated on it (not of the flavor or ids),
/// so the same annotations give the same `_task_hash` in either flavor: the
/// hash of the lines `s{start}:{end}:{label}` and
/// `r{start}:{end}>{start}:{end}:{label}`, seeded with the text's hash.
fn task_hash(text_hash: u64, spans: &[SpanOut<'_>], relations: &[RelationOut<'_>]) -> i32 {
    let mut key = Vec::with_capacity(24 * (spans.len() + 2 * relations.len()));
    let mut numbers = itoa::Buffer::new();
    let mut number = |key: &mut Vec<u8>, n: usize, after: u8| {
        key.extend_from_slice(numbers.format(n).as_bytes());
        key.push(after);
    };
    for SpanOut { span: s, .. } in spans {
        key.push(b's');
        number(&mut key, s.start, b':');
        number(&mut key, s.end, b':');
        key.extend_from_slice(s.label.as_bytes());
        key.push(b'\n');
    }
    for r in relations {
        let (h, c) = (&r.head_span, &r.child_span);
        key.push(b'r');
        number(&mut key, h.start, b':');
        number(&mut key, h.end, b'>');
        number(&mut key, c.start, b':');
        number(&mut key, c.end, b':');
        key.extend_from_slice(r.label.as_bytes());
        key.push(b'\n');
    }
    signed32(xxh3_64_with_seed(&key, text_hash))
}
