//! One JSON record → one [`Document`]: finds the text (`text`, or `data` in
//! older doccano exports), the meta (the `meta` object plus any top-level key
//! we do not read, as doccano keeps extra columns), Prodigy's `answer`, and
//! the annotations of every shape, then applies them in one transaction.

use std::fmt::Display;

use serde_json::{Map, Value};

use crate::formats::Warning;
use crate::formats::json::{Answer, Entry, decode_meta, set_quote_lists, take_quote_lists};
use crate::model::{DocStatus, Document, Edit, SpanState, Transaction};

use super::links;
use super::spans;
use super::table::SpanTable;
use super::typed::{Items, Typed};
use crate::formats::input::offsets::FileOffsets;

/// What every part of a record's reading needs: where it is, its text, and
/// where warnings go.
pub(super) struct Ctx<'a> {
    source: &'a str,
    line: usize,
    /// The normalized text.
    pub text: &'a str,
    /// Code points of the record → bytes of the normalized text.
    pub offsets: FileOffsets<'a>,
    /// State of spans that do not say theirs (from `answer`; accepted if none).
    pub default_state: SpanState,
    warnings: &'a mut Vec<Warning>,
}

impl Ctx<'_> {
    /// Records a problem with one field of the record.
    pub fn warn(&mut self, field: impl Display, message: impl Display) {
        self.warnings.push(Warning::at_line(
            self.source,
            self.line,
            format!("{field}: {message}"),
        ));
    }
}

/// Top-level keys byline recomputes on writing: not read at all.
pub(super) const RECOMPUTED: [&str; 3] = ["tokens", "_input_hash", "_task_hash"];

/// Top-level keys read as annotations; every other key (but [`RECOMPUTED`])
/// goes into the document's meta.
const ANNOTATION_KEYS: [&str; 9] = [
    "spans",
    "rejected_spans",
    "suggestions",
    "relations",
    "suggested_relations",
    "quotes",
    "entities",
    "answer",
    "meta",
];

/// Reads one record; `None` (with a warning) when it has no text to annotate.
pub(super) fn document(
    mut obj: Map<String, Value>,
    typed: Typed<'_>,
    source: &str,
    line: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Document> {
    let warn = |warnings: &mut Vec<Warning>, message: String| {
        warnings.push(Warning::at_line(source, line, message));
    };
    let Some(raw) = take_text(&mut obj) else {
        warn(
            warnings,
            "record has no \"text\" string (nor doccano's \"data\"); skipped".into(),
        );
        return None;
    };
    let mut doc = Document::new(Some(source.to_owned()), &raw);
    if doc.text().is_empty() {
        warn(warnings, "text is empty; document kept".into());
    }
    let text = doc.text().to_owned();
    let answer = obj.get("answer").and_then(Value::as_str);
    let answer_parsed = answer.and_then(Answer::parse);
    if let (Some(written), None) = (answer, answer_parsed) {
        warn(
            warnings,
            format!("answer: {written:?} is not accept, reject or ignore; ignored"),
        );
    }
    let mut ctx = Ctx {
        source,
        line,
        text: &text,
        offsets: FileOffsets::new(&raw, &text),
        default_state: answer_parsed.map_or(SpanState::Accepted, Answer::span_state),
        warnings,
    };
    let triples = take_span_triples(&mut obj);
    let mut annotations = Map::new();
    for key in ANNOTATION_KEYS {
        if let Some(v) = obj.remove(key) {
            annotations.insert(key.to_owned(), v);
        }
    }
    let mut meta = meta_of(&mut ctx, annotations.remove("meta"), obj);
    let lists = take_quote_lists(&mut meta);
    let decoded = decode_meta(meta, &doc.id);
    doc.meta = decoded.meta;
    if let Some(source) = decoded.source {
        doc.source = source;
    }
    for (i, r) in decoded.boilerplate.into_iter().enumerate() {
        match ctx.offsets.to_bytes(r) {
            Ok(range) => doc.boilerplate.push(range),
            Err(why) => ctx.warn(format!("meta.boilerplate[{i}]"), format!("{why}; dropped")),
        }
    }
    let mut tx = annotations_of(&mut ctx, &annotations, triples.as_ref(), typed);
    quote_lists(&mut ctx, &mut tx, &lists);
    let status = decoded
        .status
        .or(answer_parsed.map(Answer::status))
        .unwrap_or(DocStatus::New);
    if status != DocStatus::New {
        tx.push(Edit::SetStatus(status));
    }
    // Moved in, not copied with an inverse kept as `apply` would: a file
    // of small records held each record's annotations three times.
    let mut loading = doc.load();
    for edit in tx.edits {
        loading.push(edit);
    }
    if let Err(err) = loading.finish() {
        ctx.warn("annotations", format!("not loaded ({err}); text kept"));
    }
    Some(doc)
}

/// Sets the classes and groups `meta.quote_classes` and `meta.quote_groups`
/// give the quotes read from relations (Prodigy and doccano records; see
/// `json::quote_lists`).
fn quote_lists(ctx: &mut Ctx<'_>, tx: &mut Transaction, entries: &[Entry]) {
    let (mut listed, mut at) = (Vec::with_capacity(entries.len()), Vec::new());
    for &(key, i, r, value) in entries {
        match ctx.offsets.to_bytes(r) {
            Ok(range) => {
                listed.push((range, value));
                at.push((key, i));
            }
            Err(why) => ctx.warn(format!("meta.{key}[{i}]"), format!("{why}; dropped")),
        }
    }
    for (key, i) in set_quote_lists(tx, ctx.text, &listed)
        .into_iter()
        .filter_map(|n| at.get(n))
    {
        ctx.warn(
            format!("meta.{key}[{i}]"),
            "names no quote's content; dropped",
        );
    }
}

/// The `meta` object plus every top-level key no reader consumed (the
/// object's own keys win).
fn meta_of(ctx: &mut Ctx<'_>, meta: Option<Value>, rest: Map<String, Value>) -> Map<String, Value> {
    let mut meta = match meta {
        Some(Value::Object(meta)) => meta,
        None | Some(Value::Null) => Map::new(),
        Some(_) => {
            ctx.warn("meta", "is not an object; ignored");
            Map::new()
        }
    };
    for (key, value) in rest {
        meta.entry(key).or_insert(value);
    }
    meta
}

/// Spans, coreference and quotes of every shape, as one transaction; the
/// lists in `typed` took the fast path and are absent from `annotations`.
fn annotations_of(
    ctx: &mut Ctx<'_>,
    annotations: &Map<String, Value>,
    triples: Option<&(&'static str, Value)>,
    typed: Typed<'_>,
) -> Transaction {
    let get = |key: &str| annotations.get(key).unwrap_or(&Value::Null);
    let default_state = ctx.default_state;
    let mut drafts = match typed.spans {
        Some(recs) => spans::prodigy_typed(ctx, recs, "spans", default_state),
        None => spans::prodigy(ctx, get("spans"), "spans", default_state),
    };
    let rejected = SpanState::Rejected;
    drafts.extend(match typed.rejected_spans {
        Some(recs) => spans::prodigy_typed(ctx, recs, "rejected_spans", rejected),
        None => spans::prodigy(ctx, get("rejected_spans"), "rejected_spans", rejected),
    });
    let pending = SpanState::Pending;
    drafts.extend(spans::prodigy(
        ctx,
        get("suggestions"),
        "suggestions",
        pending,
    ));
    if let Some((key, value)) = triples {
        drafts.extend(spans::doccano_triples(ctx, value, key));
    }
    drafts.extend(spans::doccano_entities(ctx, get("entities")));
    let mut table = SpanTable::assign(ctx, drafts);
    let relations = typed
        .relations
        .as_deref()
        .map_or(Items::Json(get("relations")), Items::Typed);
    let quotes = typed
        .quotes
        .as_deref()
        .map_or(Items::Json(get("quotes")), Items::Typed);
    let suggested = get("suggested_relations");
    let quotes = links::read(ctx, &mut table, relations, suggested, quotes);
    let mut tx = Transaction::new("Import");
    let spans = table.into_spans();
    // A link may point at a span inserted after it, so links come second.
    let mut linked = Vec::new();
    for span in spans {
        if span.refers_to.is_some() {
            let mut bare = span.clone();
            bare.refers_to = None;
            tx.push(Edit::InsertSpan(bare));
            linked.push(Edit::ReplaceSpan(span));
        } else {
            tx.push(Edit::InsertSpan(span));
        }
    }
    tx.edits.extend(linked);
    for quote in quotes {
        tx.push(Edit::InsertQuote(quote));
    }
    tx
}

/// The record's text: `text`, or doccano's older `data` when there is no `text`.
fn take_text(obj: &mut Map<String, Value>) -> Option<String> {
    for key in ["text", "data"] {
        if let Some(Value::String(_)) = obj.get(key)
            && let Some(Value::String(text)) = obj.remove(key)
        {
            return Some(text);
        }
    }
    None
}

/// doccano's `label`/`labels` when it holds span triples rather than
/// category names (a string, or a list of strings, stays in meta).
fn take_span_triples(obj: &mut Map<String, Value>) -> Option<(&'static str, Value)> {
    for key in ["label", "labels"] {
        let is_spans = obj
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|items| items.is_empty() || !items.iter().all(Value::is_string));
        if is_spans {
            return obj.remove(key).map(|v| (key, v));
        }
    }
    None
}
