//! byline's `quotes` extension: each quote's content, speaker and cue (found
//! by span id, else by range, else made), kind, speaker entity, state and
//! origin. A bad part is dropped with a warning; a quote without content is refused.

use serde::Deserialize;
use serde_json::Value;

use crate::export::json_shape::{CUE, QUOTE, SPEAKER, inferred_kind};
use crate::model::{Origin, Quote, QuoteId, SpanId};

use super::links::part;
use super::record::Ctx;
use super::spans::{SpanTable, whole};

/// byline's `quotes`, each with its file id.
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    quotes: &Value,
) -> Vec<(Option<u64>, Quote)> {
    let Some(items) = quotes.as_array() else {
        ctx.warn("quotes", "is not a list; ignored");
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, q) in items.iter().enumerate() {
        let field = format!("quotes[{i}]");
        match byline_quote(ctx, table, q, &field) {
            Ok(quote) => out.push(quote),
            Err(why) => ctx.warn(&field, format!("{why}; quote refused")),
        }
    }
    out
}

fn byline_quote(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    q: &Value,
    field: &str,
) -> Result<(Option<u64>, Quote), String> {
    let get = |key: &str| q.get(key).filter(|v| !v.is_null());
    let state = parse_field(q, "state")?.unwrap_or(ctx.default_state);
    let origin = parse_field(q, "origin")?.unwrap_or(Origin::Manual);
    let file_id = get("id")
        .map(|v| whole(Some(v)).map_err(|e| format!("id {e}")))
        .transpose()?;
    let parts = get("content")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let mut content = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        match part(ctx, table, Some(p), Some(QUOTE)) {
            Ok(id) => content.push(id),
            Err(why) => ctx.warn(
                &format!("{field}.content[{i}]"),
                format!("{why}; part dropped"),
            ),
        }
    }
    if content.is_empty() {
        return Err("no content span".into());
    }
    let speaker = role(ctx, table, q, field, "speaker", SPEAKER);
    let cue = role(ctx, table, q, field, "cue", CUE);
    let kind = match parse_field(q, "kind") {
        Ok(Some(kind)) => kind,
        written => {
            if let Err(why) = written {
                ctx.warn(&format!("{field}.kind"), format!("{why}; kind inferred"));
            }
            let texts = content
                .iter()
                .filter_map(|&id| table.get(id))
                .map(|s| s.text(ctx.text));
            inferred_kind(texts)
        }
    };
    let speaker_entity = get("speaker_entity")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let quote = Quote {
        id: QuoteId(0),
        content,
        speaker,
        cue,
        kind,
        speaker_entity,
        state,
        origin,
    };
    Ok((file_id, quote))
}

/// A quote's speaker or cue; a bad one is dropped with a warning, the quote kept.
fn role(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    q: &Value,
    field: &str,
    key: &str,
    label: &str,
) -> Option<SpanId> {
    let value = q.get(key).filter(|v| !v.is_null())?;
    match part(ctx, table, Some(value), Some(label)) {
        Ok(id) => Some(id),
        Err(why) => {
            ctx.warn(&format!("{field}.{key}"), format!("{why}; link dropped"));
            None
        }
    }
}

/// An optional field in one of the model's serde forms.
fn parse_field<'v, T: Deserialize<'v>>(obj: &'v Value, key: &str) -> Result<Option<T>, String> {
    obj.get(key)
        .filter(|v| !v.is_null())
        .map(|v| T::deserialize(v).map_err(|e| format!("{key} {v}: {e}")))
        .transpose()
}
