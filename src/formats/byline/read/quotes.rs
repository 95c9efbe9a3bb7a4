//! byline's `quotes` extension: each quote's content, speaker and cue (found
//! by span id, else by range, else made), kind, class (speech when absent),
//! speaker entity, state, origin and the group linking the segments of an
//! interrupted quote (none when absent; kept as written). A bad part is dropped with a warning; a quote without content is refused.

use serde::Deserialize;
use serde_json::Value;

use crate::model::{
    AttributionClass, CUE, Origin, QUOTE, Quote, QuoteGroup, QuoteId, QuoteKind, SPEAKER, SpanId,
};

use super::links::{part, typed_part};
use super::record::Ctx;
use super::spans::{MAX_KEPT_ID, whole};
use super::table::SpanTable;
use super::typed::{Items, PartRec, QuoteRec};

/// byline's `quotes`, each with its file id.
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    quotes: Items<'_, QuoteRec<'_>>,
) -> Vec<(Option<u64>, Quote)> {
    let mut out = Vec::new();
    let mut take = |ctx: &mut Ctx<'_>, field: &str, quote| match quote {
        Ok(quote) => out.push(quote),
        Err(why) => ctx.warn(field, format!("{why}; quote refused")),
    };
    match quotes {
        Items::Typed(recs) => {
            for (i, q) in recs.iter().enumerate() {
                let field = format!("quotes[{i}]");
                let quote = typed_quote(ctx, table, q, &field);
                take(ctx, &field, quote);
            }
        }
        Items::Json(quotes) => {
            let Some(items) = quotes.as_array() else {
                ctx.warn("quotes", "is not a list; ignored");
                return Vec::new();
            };
            for (i, q) in items.iter().enumerate() {
                let field = format!("quotes[{i}]");
                let quote = byline_quote(ctx, table, q, &field);
                take(ctx, &field, quote);
            }
        }
    }
    out
}

/// [`byline_quote`] for a quote that took the fast path: the same steps in
/// the same order, on fields that have the right types already.
fn typed_quote(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    q: &QuoteRec<'_>,
    field: &str,
) -> Result<(Option<u64>, Quote), String> {
    let mut content = Vec::new();
    for (i, p) in q.content.iter().flatten().enumerate() {
        match typed_part(ctx, table, Some(p), Some(QUOTE)) {
            Ok(id) => content.push(id),
            Err(why) => ctx.warn(
                format!("{field}.content[{i}]"),
                format!("{why}; part dropped"),
            ),
        }
    }
    if content.is_empty() {
        return Err("no content span".into());
    }
    let mut role = |ctx: &mut Ctx<'_>, part: Option<&PartRec<'_>>, key: &str, label: &str| {
        let part = part?;
        typed_part(ctx, table, Some(part), Some(label))
            .map_err(|why| ctx.warn(format!("{field}.{key}"), format!("{why}; link dropped")))
            .ok()
    };
    let speaker = role(ctx, q.speaker.as_ref(), "speaker", SPEAKER);
    let cue = role(ctx, q.cue.as_ref(), "cue", CUE);
    let kind = q
        .kind
        .unwrap_or_else(|| inferred(ctx.text, table, &content));
    let quote = Quote {
        id: QuoteId(0),
        content,
        speaker,
        cue,
        kind,
        class: q.class.unwrap_or_default(),
        speaker_entity: q.speaker_entity.as_deref().map(str::to_owned),
        state: q.state.unwrap_or(ctx.default_state),
        origin: q.origin.clone().unwrap_or(Origin::Manual),
        group: group(ctx, field, q.group),
    };
    Ok((q.id, quote))
}

/// The kind of a quote whose file does not say it, from its content.
fn inferred(text: &str, table: &SpanTable, content: &[SpanId]) -> QuoteKind {
    let texts = content
        .iter()
        .filter_map(|&id| table.get(id))
        .map(|s| s.text(text));
    QuoteKind::inferred(texts)
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
                format!("{field}.content[{i}]"),
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
                ctx.warn(format!("{field}.kind"), format!("{why}; kind inferred"));
            }
            inferred(ctx.text, table, &content)
        }
    };
    let class = match parse_field(q, "class") {
        Ok(class) => class.unwrap_or_default(),
        Err(why) => {
            ctx.warn(format!("{field}.class"), format!("{why}; speech assumed"));
            AttributionClass::Speech
        }
    };
    let speaker_entity = get("speaker_entity")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let written_group = match get("group").map(|v| whole(Some(v))) {
        Some(Err(why)) => {
            ctx.warn(format!("{field}.group"), format!("{why}; group dropped"));
            None
        }
        Some(Ok(g)) => Some(g),
        None => None,
    };
    let quote = Quote {
        id: QuoteId(0),
        content,
        speaker,
        cue,
        kind,
        class,
        speaker_entity,
        state,
        origin,
        group: group(ctx, field, written_group),
    };
    Ok((file_id, quote))
}

/// A quote's group as written; one too large to keep is dropped with a warning.
fn group(ctx: &mut Ctx<'_>, field: &str, written: Option<u64>) -> Option<QuoteGroup> {
    let g = written?;
    if g < MAX_KEPT_ID {
        return Some(QuoteGroup(g));
    }
    ctx.warn(
        format!("{field}.group"),
        format!("{g} is too large; group dropped"),
    );
    None
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
            ctx.warn(format!("{field}.{key}"), format!("{why}; link dropped"));
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
