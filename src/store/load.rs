//! Reading documents back: one pass over four tables ordered by document key
//! (documents with their text, spans, quotes, quote content), merged as they
//! stream, so loading one document and loading ten thousand are the same four
//! queries and memory holds one document at a time unless the caller keeps them.

use std::iter::Peekable;

use rusqlite::{Connection, params};
use serde_json::{Map, Value};

use super::rows::{
    QUOTE_COLUMNS, RawSpan, Res, SPAN_COLUMNS, damaged, model_id, parse_status, quote_from_row,
    to_bytes,
};
use crate::model::{ByteRange, DocId, Document, DocumentParts, OffsetIndex, Quote, SpanId};

/// Which documents to read: a key range and an optional status.
#[derive(Clone, Copy, Debug)]
pub(super) struct Selection<'a> {
    /// First key.
    pub from: i64,
    /// Last key (inclusive).
    pub to: i64,
    /// Only documents with this status name.
    pub status: Option<&'a str>,
}

impl Selection<'_> {
    /// Every document.
    pub const ALL: Self = Self {
        from: i64::MIN,
        to: i64::MAX,
        status: None,
    };

    /// The document with `key`.
    pub fn one(key: i64) -> Self {
        Self {
            from: key,
            to: key,
            status: None,
        }
    }
}

/// Calls `each` with every selected document in key (= import) order; stops
/// early when it returns `false`.
pub(super) fn read_documents(
    conn: &Connection,
    selection: Selection<'_>,
    mut each: impl FnMut(Document) -> Res<bool>,
) -> Res<()> {
    let Selection { from, to, status } = selection;
    let mut docs = conn.prepare_cached(
        "SELECT d.key, d.id, d.source, d.status, d.meta, d.boilerplate, t.text, d.suggested
         FROM documents d JOIN texts t ON t.doc = d.key
         WHERE d.key BETWEEN ?1 AND ?2 AND (?3 IS NULL OR d.status = ?3) ORDER BY d.key",
    )?;
    let mut spans = conn.prepare_cached(&format!(
        "SELECT {SPAN_COLUMNS} FROM spans WHERE doc BETWEEN ?1 AND ?2 ORDER BY doc, id"
    ))?;
    let mut quotes = conn.prepare_cached(&format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes WHERE doc BETWEEN ?1 AND ?2 ORDER BY doc, id"
    ))?;
    let mut content = conn.prepare_cached(
        "SELECT doc, quote, span FROM quote_content WHERE doc BETWEEN ?1 AND ?2
         ORDER BY doc, quote, pos",
    )?;
    let mut span_rows = spans
        .query_map(params![from, to], RawSpan::from_row)?
        .peekable();
    let mut quote_rows = quotes
        .query_map(params![from, to], quote_from_row)?
        .peekable();
    let mut content_rows = content
        .query_map(params![from, to], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?
        .peekable();
    let rows = docs.query_map(params![from, to, status], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            DocumentParts {
                id: Some(DocId(row.get(1)?)),
                source: row.get(2)?,
                text: row.get(6)?,
                suggested: row.get(7)?,
                ..DocumentParts::default()
            },
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (key, mut parts, status, meta, boilerplate) = row?;
        let spans = take_for(&mut span_rows, key, |s| s.doc)?;
        let quotes = take_for(&mut quote_rows, key, |q| q.0)?;
        let content = take_for(&mut content_rows, key, |c| c.0)?;
        let index = OffsetIndex::new(&parts.text);
        parts.status = parse_status(&status)?;
        parts.meta = parse_meta(&meta)?;
        parts.boilerplate = parse_boilerplate(&boilerplate, &index)?;
        parts.spans = spans
            .into_iter()
            .map(|s| s.into_span(&index))
            .collect::<Res<_>>()?;
        parts.quotes = assemble_quotes(quotes, &content)?;
        drop(index);
        let name = parts.id.as_ref().map(|id| id.0.clone()).unwrap_or_default();
        let doc = Document::restore(parts).or_else(|e| damaged(format!("document {name}: {e}")))?;
        if !each(doc)? {
            break;
        }
    }
    Ok(())
}

/// Takes the rows of document `key` off the front of an ordered stream,
/// skipping rows of documents that were not selected.
fn take_for<T>(
    rows: &mut Peekable<impl Iterator<Item = rusqlite::Result<T>>>,
    key: i64,
    doc_of: impl Fn(&T) -> i64,
) -> Res<Vec<T>> {
    let mut taken = Vec::new();
    loop {
        let doc = match rows.peek() {
            None => break,
            Some(Ok(row)) => doc_of(row),
            Some(Err(_)) => match rows.next() {
                Some(Err(e)) => return Err(e.into()),
                _ => continue,
            },
        };
        if doc > key {
            break;
        }
        if let Some(Ok(row)) = rows.next()
            && doc == key
        {
            taken.push(row);
        }
    }
    Ok(taken)
}

/// Quotes with their content spans; both lists are ordered by quote id.
fn assemble_quotes(quotes: Vec<(i64, Res<Quote>)>, content: &[(i64, i64, i64)]) -> Res<Vec<Quote>> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut rows = content.iter().peekable();
    for (_, quote) in quotes {
        let mut quote = quote?;
        let id = super::rows::sql_id(quote.id.0)?;
        while rows.next_if(|c| c.1 < id).is_some() {}
        while let Some(&(_, _, span)) = rows.next_if(|c| c.1 == id) {
            quote.content.push(SpanId(model_id(span)?));
        }
        out.push(quote);
    }
    Ok(out)
}

fn parse_meta(json: &str) -> Res<Map<String, Value>> {
    match serde_json::from_str(json) {
        Ok(Value::Object(map)) => Ok(map),
        _ => damaged("document meta is not a JSON object"),
    }
}

fn parse_boilerplate(json: &str, index: &OffsetIndex<'_>) -> Res<Vec<ByteRange>> {
    let Ok(pairs) = serde_json::from_str::<Vec<[i64; 2]>>(json) else {
        return damaged("boilerplate is not a list of [start, end] pairs");
    };
    pairs
        .into_iter()
        .map(|[start, end]| to_bytes(index, start, end))
        .collect()
}
