//! Relations of one record: Prodigy's (`head_span`/`child_span`) and doccano's
//! (`from_id`/`to_id`/`type`). SPEAKER and CUE relations from a QUOTE span
//! become quotes, unless the record has byline's `quotes` (read by `quotes`),
//! which say it exactly; REFERS_TO relations become coreference. The
//! Prodigy flavor's `suggested_relations` become pending quotes.

use rustc_hash::FxHashSet as HashSet;

use serde_json::Value;

use crate::formats::json::{LinkedQuote, QuoteLink, REFERS_TO, group_links};
use crate::model::{
    AttributionClass, CUE, Origin, QUOTE, Quote, QuoteId, QuoteKind, SPEAKER, SpanId, SpanState,
};

use super::quotes;
use super::record::Ctx;
use super::spans::{MAX_KEPT_ID, new_span, range_of, whole};
use super::table::SpanTable;
use super::typed::{Items, PartRec, QuoteRec, RelationRec};

/// Reads relations and quotes; returns the quotes with their final ids.
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    relations: Items<'_, RelationRec<'_>>,
    suggested: &Value,
    quotes: Items<'_, QuoteRec<'_>>,
) -> Vec<Quote> {
    let exact_quotes = match quotes {
        Items::Typed(_) => true,
        Items::Json(v) => !v.is_null(),
    };
    let mut links = Vec::new();
    let mut take = |ctx: &mut Ctx<'_>, table: &mut SpanTable, i: usize, found| {
        let field = format!("relations[{i}]");
        match found {
            Ok(Some(found)) => link(ctx, table, &field, found, &mut links),
            Ok(None) => {}
            Err(why) => ctx.warn(&field, format!("{why}; relation refused")),
        }
    };
    match relations {
        Items::Typed(recs) => {
            for (i, rel) in recs.iter().enumerate() {
                let found = typed_relation(ctx, table, rel, exact_quotes);
                take(ctx, table, i, found);
            }
        }
        Items::Json(relations) => {
            let items = match relations {
                Value::Array(items) => items.as_slice(),
                Value::Null => &[],
                _ => {
                    ctx.warn("relations", "is not a list; ignored");
                    &[]
                }
            };
            for (i, rel) in items.iter().enumerate() {
                let found = relation(ctx, table, rel, exact_quotes);
                take(ctx, table, i, found);
            }
        }
    }
    let mut suggested_links = Vec::new();
    let suggested = suggested.as_array().map_or(&[][..], Vec::as_slice);
    for (i, rel) in suggested.iter().enumerate() {
        let field = format!("suggested_relations[{i}]");
        match relation(ctx, table, rel, false) {
            Ok(Some(found)) => link(ctx, table, &field, found, &mut suggested_links),
            Ok(None) => {}
            Err(why) => ctx.warn(&field, format!("{why}; relation refused")),
        }
    }
    let drafts = if exact_quotes {
        quotes::read(ctx, table, quotes)
    } else {
        let default_state = ctx.default_state;
        let mut drafts = from_links(ctx, table, &links, default_state);
        drafts.extend(from_links(ctx, table, &suggested_links, SpanState::Pending));
        drafts
    };
    let mut next = drafts
        .iter()
        .filter_map(|(id, _)| *id)
        .filter(|&id| id < MAX_KEPT_ID)
        .fold(table.next_id(), |n, id| n.max(id + 1));
    let mut used = HashSet::default();
    drafts
        .into_iter()
        .map(|(file_id, mut quote)| {
            quote.id = match file_id.filter(|&id| id < next && used.insert(id)) {
                Some(id) => QuoteId(id),
                None => {
                    next += 1;
                    QuoteId(next - 1)
                }
            };
            quote
        })
        .collect()
}

/// The two spans and the label of one relation, in either dialect; `None`
/// for SPEAKER/CUE relations when byline's `quotes` say the same exactly.
fn relation(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    rel: &Value,
    exact_quotes: bool,
) -> Result<Option<(SpanId, SpanId, String)>, String> {
    let doccano = rel.get("from_id").is_some() || rel.get("to_id").is_some();
    let label_key = if doccano { "type" } else { "label" };
    let label = rel
        .get(label_key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{label_key} is missing or not a string"))?;
    if exact_quotes && (label == SPEAKER || label == CUE) {
        return Ok(None);
    }
    let (head, child) = if doccano {
        let end = |key: &str| {
            let id = whole(rel.get(key)).map_err(|e| format!("{key} {e}"))?;
            table
                .by_file_id(id)
                .ok_or_else(|| format!("{key}: no entity has id {id}"))
        };
        (end("from_id")?, end("to_id")?)
    } else {
        let head =
            part(ctx, table, rel.get("head_span"), None).map_err(|e| format!("head_span {e}"))?;
        let child =
            part(ctx, table, rel.get("child_span"), None).map_err(|e| format!("child_span {e}"))?;
        (head, child)
    };
    Ok(Some((head, child, label.to_owned())))
}

/// [`relation`] for a relation that took the fast path (a Prodigy relation).
fn typed_relation(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    rel: &RelationRec<'_>,
    exact_quotes: bool,
) -> Result<Option<(SpanId, SpanId, String)>, String> {
    let label = rel
        .label
        .as_deref()
        .ok_or_else(|| "label is missing or not a string".to_owned())?;
    if exact_quotes && (label == SPEAKER || label == CUE) {
        return Ok(None);
    }
    let head = typed_part(ctx, table, rel.head_span.as_ref(), None)
        .map_err(|e| format!("head_span {e}"))?;
    let child = typed_part(ctx, table, rel.child_span.as_ref(), None)
        .map_err(|e| format!("child_span {e}"))?;
    Ok(Some((head, child, label.to_owned())))
}

/// Files one relation as a coreference link or a quote link.
fn link(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    field: &str,
    (head, child, label): (SpanId, SpanId, String),
    links: &mut Vec<QuoteLink>,
) {
    let is_quote = |table: &SpanTable, id| table.get(id).is_some_and(|s| s.label == QUOTE);
    match label.as_str() {
        REFERS_TO if head != child && table.set_refers_to(head, child) => {}
        REFERS_TO => ctx.warn(
            field,
            "a mention cannot refer to itself or to two spans; relation refused",
        ),
        SPEAKER | CUE => {
            let role = if label == SPEAKER { SPEAKER } else { CUE };
            if is_quote(table, head) {
                links.push(QuoteLink { head, child, role });
            } else if is_quote(table, child) {
                links.push(QuoteLink {
                    head: child,
                    child: head,
                    role,
                });
            } else {
                ctx.warn(
                    field,
                    format!("{label} relation has no QUOTE span at either end; relation refused"),
                );
            }
        }
        other => ctx.warn(
            field,
            format!("relation label {other:?} is not SPEAKER, CUE or REFERS_TO; relation refused"),
        ),
    }
}

/// Quotes rebuilt from SPEAKER/CUE relations, in `state`; a pending one
/// takes the origin of its first content span.
fn from_links(
    ctx: &mut Ctx<'_>,
    table: &SpanTable,
    links: &[QuoteLink],
    state: SpanState,
) -> Vec<(Option<u64>, Quote)> {
    let (grouped, refused) = group_links(links);
    for link in refused {
        ctx.warn(
            "relations",
            format!(
                "QUOTE span {} already has a {}; a second one refused",
                link.head.0, link.role
            ),
        );
    }
    grouped
        .into_iter()
        .map(
            |LinkedQuote {
                 content,
                 speaker,
                 cue,
             }| {
                let texts = content
                    .iter()
                    .filter_map(|&id| table.get(id))
                    .map(|s| s.text(ctx.text));
                let origin = match (state, content.first().and_then(|&id| table.get(id))) {
                    (SpanState::Pending, Some(head)) => head.origin.clone(),
                    _ => Origin::Manual,
                };
                let quote = Quote {
                    id: QuoteId(0),
                    kind: QuoteKind::inferred(texts),
                    class: AttributionClass::Speech,
                    content,
                    speaker,
                    cue,
                    speaker_entity: None,
                    state,
                    origin,
                    group: None,
                };
                (None, quote)
            },
        )
        .collect()
}

/// The span a relation end or quote part points at: by `id` when the file's
/// span has one, else by range (and label); a range no span covers becomes a
/// new span labelled `label` (or the part's own label).
pub(super) fn part(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    value: Option<&Value>,
    role: Option<&str>,
) -> Result<SpanId, String> {
    let obj = value
        .filter(|v| v.is_object())
        .ok_or("is missing or not an object")?;
    let ends = ["start", "end"].map(|key| (key, obj.get(key)));
    let id = obj.get("id").and_then(Value::as_u64);
    resolve(
        ctx,
        table,
        id,
        ends,
        obj.get("label").and_then(Value::as_str),
        role,
    )
}

/// [`part`] for a part that took the fast path; `None` when it is absent or `null`.
pub(super) fn typed_part(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    part: Option<&PartRec<'_>>,
    role: Option<&str>,
) -> Result<SpanId, String> {
    let part = part.ok_or("is missing or not an object")?;
    let ends = [("start", part.start.get()), ("end", part.end.get())];
    resolve(ctx, table, part.id, ends, part.label.as_deref(), role)
}

fn resolve(
    ctx: &mut Ctx<'_>,
    table: &mut SpanTable,
    id: Option<u64>,
    ends: [(&str, Option<&Value>); 2],
    label: Option<&str>,
    role: Option<&str>,
) -> Result<SpanId, String> {
    if let Some(id) = id.and_then(|id| table.by_file_id(id)) {
        return Ok(id);
    }
    let range = range_of(ctx, ends)?;
    let label = label.or(role);
    if let Some(id) = table.find(range, label.unwrap_or(QUOTE)) {
        return Ok(id);
    }
    let label = label.ok_or("has no label and no span has its range")?;
    Ok(table.add(new_span(range, label.to_owned(), ctx.default_state)))
}
