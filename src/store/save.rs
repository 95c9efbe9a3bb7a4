//! Writing model values into rows, inside a transaction the caller owns:
//! a new document with everything on it, or the current state of the spans
//! and quotes one edit touched.

use rusqlite::{Connection, OptionalExtension, params};

use super::rows::{Res, origin_columns, sql_id, sql_offset, to_chars};
use crate::model::{Applied, DocId, Document, OffsetIndex, Quote, QuoteId, Span, SpanId};

/// Longest title kept for the document list, in chars.
const TITLE_CHARS: usize = 120;

/// The key of a stored document.
pub(super) fn find_key(conn: &Connection, id: &DocId) -> Res<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT key FROM documents WHERE id = ?1")?
        .query_row([&id.0], |row| row.get(0))
        .optional()?)
}

/// Source of the stored document with `id`, for duplicate reports.
pub(super) fn stored_source(conn: &Connection, id: &DocId) -> Res<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT source FROM documents WHERE id = ?1")?
        .query_row([&id.0], |row| row.get(0))
        .optional()?
        .flatten())
}

/// Stores a new document with its spans and quotes; `None` when a document
/// with its id is already there (nothing is written then).
pub(super) fn insert_document(conn: &Connection, doc: &Document) -> Res<Option<i64>> {
    let index = OffsetIndex::new(doc.text());
    let inserted = conn
        .prepare_cached(
            "INSERT INTO documents
               (id, source, title, status, meta, boilerplate, span_count, pending, suggested)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            doc.id.0,
            doc.source,
            title_of(doc),
            doc.status().as_str(),
            meta_json(doc),
            boilerplate_json(doc, &index)?,
            sql_offset(doc.span_count())?,
            sql_offset(doc.pending_count())?,
            doc.suggested,
        ])?;
    if inserted == 0 {
        return Ok(None);
    }
    let key = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO texts (doc, text) VALUES (?1, ?2)")?
        .execute(params![key, doc.text()])?;
    for span in doc.spans() {
        write_span(conn, key, &index, span)?;
    }
    for quote in doc.quotes() {
        write_quote(conn, key, quote)?;
    }
    Ok(Some(key))
}

/// Saves what an applied transaction changed: the current state of every
/// touched id (absent from `doc` = deleted), the status and the counts.
pub(super) fn save_changes(
    conn: &Connection,
    key: i64,
    doc: &Document,
    applied: &Applied,
) -> Res<()> {
    let index = OffsetIndex::new(doc.text());
    for &id in &applied.changes.spans {
        match doc.span(id) {
            Some(span) => write_span(conn, key, &index, span)?,
            None => delete_span(conn, key, id)?,
        }
    }
    for &id in &applied.changes.quotes {
        match doc.quote(id) {
            Some(quote) => write_quote(conn, key, quote)?,
            None => delete_quote(conn, key, id)?,
        }
    }
    // Meta, boilerplate and the suggested mark change outside edits (engines
    // flag boilerplate), so their current state goes with every commit; they
    // are small.
    conn.prepare_cached(
        "UPDATE documents SET status = ?2, span_count = ?3, pending = ?4, meta = ?5,
           boilerplate = ?6, suggested = ?7 WHERE key = ?1",
    )?
    .execute(params![
        key,
        doc.status().as_str(),
        sql_offset(doc.span_count())?,
        sql_offset(doc.pending_count())?,
        meta_json(doc),
        boilerplate_json(doc, &index)?,
        doc.suggested,
    ])?;
    Ok(())
}

fn meta_json(doc: &Document) -> String {
    serde_json::Value::Object(doc.meta.clone()).to_string()
}

/// Boilerplate ranges as `[[start, end], …]` in code points.
fn boilerplate_json(doc: &Document, index: &OffsetIndex<'_>) -> Res<String> {
    let pairs = doc
        .boilerplate
        .iter()
        .map(|r| to_chars(index, *r).map(|(s, e)| [s, e]))
        .collect::<Res<Vec<[i64; 2]>>>()?;
    Ok(serde_json::json!(pairs).to_string())
}

fn write_span(conn: &Connection, key: i64, index: &OffsetIndex<'_>, span: &Span) -> Res<()> {
    let (start, end) = to_chars(index, span.range)?;
    let (engine, rule, score) = origin_columns(&span.origin);
    conn.prepare_cached(
        r#"INSERT INTO spans (doc, id, start, "end", label, layer, state, engine, rule, score, refers_to)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
           ON CONFLICT (doc, id) DO UPDATE SET
             start = excluded.start, "end" = excluded."end", label = excluded.label,
             layer = excluded.layer, state = excluded.state, engine = excluded.engine,
             rule = excluded.rule, score = excluded.score, refers_to = excluded.refers_to"#,
    )?
    .execute(params![
        key,
        sql_id(span.id.0)?,
        start,
        end,
        span.label,
        span.layer.as_str(),
        span.state.as_str(),
        engine,
        rule,
        score,
        span.refers_to.map(|r| sql_id(r.0)).transpose()?,
    ])?;
    Ok(())
}

fn delete_span(conn: &Connection, key: i64, id: SpanId) -> Res<()> {
    conn.prepare_cached("DELETE FROM spans WHERE doc = ?1 AND id = ?2")?
        .execute(params![key, sql_id(id.0)?])?;
    Ok(())
}

fn write_quote(conn: &Connection, key: i64, quote: &Quote) -> Res<()> {
    let id = sql_id(quote.id.0)?;
    let (engine, rule, score) = origin_columns(&quote.origin);
    conn.prepare_cached(
        "INSERT INTO quotes
           (doc, id, kind, speaker, cue, speaker_entity, state, engine, rule, score, class, group_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (doc, id) DO UPDATE SET
           kind = excluded.kind, class = excluded.class, speaker = excluded.speaker, cue = excluded.cue,
           speaker_entity = excluded.speaker_entity, state = excluded.state,
           engine = excluded.engine, rule = excluded.rule, score = excluded.score,
           group_id = excluded.group_id",
    )?
    .execute(params![
        key,
        id,
        quote.kind.as_str(),
        quote.speaker.map(|s| sql_id(s.0)).transpose()?,
        quote.cue.map(|s| sql_id(s.0)).transpose()?,
        quote.speaker_entity,
        quote.state.as_str(),
        engine,
        rule,
        score,
        quote.class.as_str(),
        quote.group.map(|g| sql_id(g.0)).transpose()?,
    ])?;
    conn.prepare_cached("DELETE FROM quote_content WHERE doc = ?1 AND quote = ?2")?
        .execute(params![key, id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO quote_content (doc, quote, pos, span) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, span) in quote.content.iter().enumerate() {
        insert.execute(params![key, id, sql_offset(pos)?, sql_id(span.0)?])?;
    }
    Ok(())
}

fn delete_quote(conn: &Connection, key: i64, id: QuoteId) -> Res<()> {
    // Content rows go with it (ON DELETE CASCADE).
    conn.prepare_cached("DELETE FROM quotes WHERE doc = ?1 AND id = ?2")?
        .execute(params![key, sql_id(id.0)?])?;
    Ok(())
}

/// What the document list shows: the `title` in `meta`, else the first line.
pub(super) fn title_of(doc: &Document) -> String {
    let title = match doc.meta.get("title") {
        Some(serde_json::Value::String(t)) if !t.trim().is_empty() => t.trim(),
        _ => doc
            .text()
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(""),
    };
    title.chars().take(TITLE_CHARS).collect()
}
