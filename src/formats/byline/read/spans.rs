//! Spans of one record, from every shape we read: Prodigy/byline `spans` and
//! `rejected_spans`, doccano `label` triples and doccano `entities`. Each bad
//! span is refused with a warning naming its field; the rest are kept. The
//! [`super::table::SpanTable`] then gives them ids (keeping the file's where
//! it can) and finds them again for relations and quotes.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::formats::json::default_layer;
use crate::model::{ByteRange, CharRange, Origin, Span, SpanId, SpanState};

use super::record::Ctx;
use super::typed::SpanRec;

/// File ids above this are not kept (they would overflow the id counter);
/// links to them still resolve.
pub(super) const MAX_KEPT_ID: u64 = 1 << 53;

/// A span as read, before it has its final id.
pub(super) struct Draft {
    /// The span's `id` in the file, if it has one.
    pub file_id: Option<u64>,
    /// The span, its id still to be given.
    pub span: Span,
    /// The file id of the mention it refers to.
    pub refers_to: Option<u64>,
    /// Where it was read.
    pub field: Field,
}

/// Where a span was read (`spans[3]`), for warnings; worded only when one is given.
#[derive(Clone, Copy, Debug)]
pub(super) struct Field {
    key: &'static str,
    index: usize,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.key, self.index)
    }
}

/// A whole non-negative number, or why the value is not one.
pub(super) fn whole(value: Option<&Value>) -> Result<u64, String> {
    match value {
        None => Err("is missing".into()),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| format!("{v} is not a whole number ≥ 0")),
    }
}

/// Start and end offsets (code points) under two keys, as a byte range.
fn range(ctx: &Ctx<'_>, obj: &Value, keys: [&str; 2]) -> Result<ByteRange, String> {
    range_of(ctx, keys.map(|key| (key, obj.get(key))))
}

/// Start and end offsets (code points), each with the key it was written
/// under (for messages), as a byte range.
pub(super) fn range_of(
    ctx: &Ctx<'_>,
    ends: [(&str, Option<&Value>); 2],
) -> Result<ByteRange, String> {
    let mut at = [0usize; 2];
    for (slot, (key, value)) in at.iter_mut().zip(ends) {
        let n = whole(value).map_err(|e| format!("{key} {e}"))?;
        *slot = usize::try_from(n).map_err(|_| format!("{key} {n} is too large"))?;
    }
    ctx.offsets.to_bytes(CharRange::new(at[0], at[1]))
}

fn label(obj: &Value, key: &str) -> Result<String, String> {
    label_of(obj.get(key).and_then(Value::as_str), key)
}

fn label_of(label: Option<&str>, key: &str) -> Result<String, String> {
    match label {
        Some(l) if !l.trim().is_empty() => Ok(l.to_owned()),
        _ => Err(format!("{key} is missing or not a non-empty string")),
    }
}

/// A span with the defaults of an imported annotation.
pub(super) fn new_span(range: ByteRange, label: String, state: SpanState) -> Span {
    let layer = default_layer(&label);
    Span {
        id: SpanId(0),
        range,
        label,
        layer,
        origin: Origin::Manual,
        state,
        refers_to: None,
    }
}

/// Reads Prodigy/byline span objects under `key` (`spans` or `rejected_spans`).
pub(super) fn prodigy(
    ctx: &mut Ctx<'_>,
    value: &Value,
    key: &'static str,
    state: SpanState,
) -> Vec<Draft> {
    let mut out = Vec::new();
    for (i, obj) in items(ctx, value, key).iter().enumerate() {
        let field = Field { key, index: i };
        match prodigy_one(ctx, obj, state) {
            Ok(span) => out.push(extensions(ctx, obj, span, field)),
            Err(why) => ctx.warn(field, format!("{why}; span refused")),
        }
    }
    out
}

/// The span Prodigy's keys describe: offsets, label, and a `text` that must match.
fn prodigy_one(ctx: &Ctx<'_>, obj: &Value, state: SpanState) -> Result<Span, String> {
    let range = range(ctx, obj, ["start", "end"]);
    let text = obj.get("text").and_then(Value::as_str);
    checked(
        ctx,
        range,
        obj.get("label").and_then(Value::as_str),
        text,
        state,
    )
}

/// The checks on a Prodigy span's offsets (already converted), label and
/// `text`, in that order.
fn checked(
    ctx: &Ctx<'_>,
    range: Result<ByteRange, String>,
    label: Option<&str>,
    text: Option<&str>,
    state: SpanState,
) -> Result<Span, String> {
    let span = new_span(range?, label_of(label, "label")?, state);
    let actual = span.text(ctx.text);
    match text {
        Some(written) if written != actual => Err(format!(
            "text {written:?} differs from {actual:?} at its offsets (offsets must be code points)"
        )),
        _ => Ok(span),
    }
}

/// Reads spans that took the fast path ([`SpanRec`]): the same checks as
/// [`prodigy`]; their extension keys have the right types already.
pub(super) fn prodigy_typed(
    ctx: &mut Ctx<'_>,
    recs: Vec<SpanRec<'_>>,
    key: &'static str,
    state: SpanState,
) -> Vec<Draft> {
    let mut out = Vec::with_capacity(recs.len());
    for (i, rec) in recs.into_iter().enumerate() {
        let field = Field { key, index: i };
        let range = range_of(ctx, [("start", rec.start.get()), ("end", rec.end.get())]);
        match checked(ctx, range, rec.label.as_deref(), rec.text.as_deref(), state) {
            Ok(mut span) => {
                span.layer = rec.layer.unwrap_or(span.layer);
                span.state = rec.state.unwrap_or(span.state);
                span.origin = rec.origin.unwrap_or(span.origin);
                out.push(Draft {
                    file_id: rec.id,
                    span,
                    refers_to: rec.refers_to,
                    field,
                });
            }
            Err(why) => ctx.warn(field, format!("{why}; span refused")),
        }
    }
    out
}

/// byline's extension keys of a span, or the `engine`, `rule` and `score` of
/// a Prodigy-shaped suggestion. A bad one is warned about and left at its
/// default: the span itself is sound.
fn extensions(ctx: &mut Ctx<'_>, obj: &Value, mut span: Span, field: Field) -> Draft {
    if let Some(engine) = obj.get("engine").and_then(Value::as_str) {
        let rule = obj.get("rule").and_then(Value::as_str).unwrap_or("prodigy");
        let score = obj.get("score").and_then(Value::as_f64).unwrap_or(0.5);
        span.origin = Origin::suggested(engine, rule, score as f32);
    }
    let layer = span.layer.as_str();
    if let Some(v) = soft(ctx, obj, field, "layer", "entity or attribution", layer) {
        span.layer = v;
    }
    let state = span.state.as_str();
    let expected = "pending, accepted or rejected";
    if let Some(v) = soft(ctx, obj, field, "state", expected, state) {
        span.state = v;
    }
    let expected = "an origin ({\"kind\": \"manual\"} or suggested with engine, rule, score)";
    if let Some(v) = soft(ctx, obj, field, "origin", expected, "manual") {
        span.origin = v;
    }
    let expected = "a whole number ≥ 0";
    let file_id = soft(ctx, obj, field, "id", expected, "a new id");
    let refers_to = soft(ctx, obj, field, "refers_to", expected, "no link");
    Draft {
        file_id,
        span,
        refers_to,
        field,
    }
}

/// An optional key in one of the model's serde forms; a value of another
/// shape is warned about, naming what it falls back to.
fn soft<'v, T: Deserialize<'v>>(
    ctx: &mut Ctx<'_>,
    obj: &'v Value,
    field: Field,
    key: &str,
    expected: &str,
    fallback: &str,
) -> Option<T> {
    let value = obj.get(key).filter(|v| !v.is_null())?;
    match T::deserialize(value) {
        Ok(parsed) => Some(parsed),
        Err(_) => {
            ctx.warn(
                format!("{field}.{key}"),
                format!("{value} is not {expected}; read as {fallback}"),
            );
            None
        }
    }
}

/// Reads doccano sequence labels: `[[start, end, "LABEL"], …]`.
pub(super) fn doccano_triples(ctx: &mut Ctx<'_>, value: &Value, key: &'static str) -> Vec<Draft> {
    let mut out = Vec::new();
    for (i, item) in items(ctx, value, key).iter().enumerate() {
        let field = Field { key, index: i };
        let parsed = match item.as_array().map(Vec::as_slice) {
            Some([s, e, Value::String(l)]) => {
                triple_range(ctx, s, e).map(|r| new_span(r, l.clone(), ctx.default_state))
            }
            _ => Err(format!("{item} is not [start, end, \"LABEL\"]")),
        };
        match parsed {
            Ok(span) => out.push(Draft {
                file_id: None,
                span,
                refers_to: None,
                field,
            }),
            Err(why) => ctx.warn(field, format!("{why}; span refused")),
        }
    }
    out
}

fn triple_range(ctx: &Ctx<'_>, start: &Value, end: &Value) -> Result<ByteRange, String> {
    range_of(ctx, [("start", Some(start)), ("end", Some(end))])
}

/// Reads doccano relation-mode entities: `{id, start_offset, end_offset, label}`.
pub(super) fn doccano_entities(ctx: &mut Ctx<'_>, value: &Value) -> Vec<Draft> {
    let mut out = Vec::new();
    for (i, obj) in items(ctx, value, "entities").iter().enumerate() {
        let field = Field {
            key: "entities",
            index: i,
        };
        let parsed = range(ctx, obj, ["start_offset", "end_offset"]).and_then(|r| {
            let id = whole(obj.get("id")).map_err(|e| format!("id {e}"))?;
            Ok((id, new_span(r, label(obj, "label")?, ctx.default_state)))
        });
        match parsed {
            Ok((id, span)) => out.push(Draft {
                file_id: Some(id),
                span,
                refers_to: None,
                field,
            }),
            Err(why) => ctx.warn(field, format!("{why}; span refused")),
        }
    }
    out
}

/// The elements of an array field; anything else is warned about and read as empty.
fn items<'v>(ctx: &mut Ctx<'_>, value: &'v Value, key: &str) -> &'v [Value] {
    match value {
        Value::Array(items) => items,
        Value::Null => &[],
        other => {
            ctx.warn(key, format!("{} is not a list; ignored", kind_of(other)));
            &[]
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
