//! Model values ↔ column values: names of states, layers, kinds and statuses,
//! origins as three nullable columns, byte ranges as code points. Anything in a
//! row that does not decode is reported as damage, never guessed at.

use std::path::Path;

use rusqlite::Row;

use super::error::StoreError;
use crate::model::{
    AttributionClass, ByteRange, CharRange, DocStatus, Layer, OffsetIndex, Origin, Quote,
    QuoteGroup, QuoteId, QuoteKind, SpanId, SpanState,
};

/// A failure inside the store, before the project path is attached.
#[derive(Debug)]
pub(super) enum Bad {
    /// SQLite failed.
    Sql(rusqlite::Error),
    /// A row holds something that does not decode.
    Damaged(String),
    /// No document with this id is stored.
    Missing(String),
}

impl From<rusqlite::Error> for Bad {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sql(e)
    }
}

impl Bad {
    /// The user-facing error, once the action and the file are known.
    pub fn at(self, action: &'static str, path: &Path) -> StoreError {
        match self {
            Self::Sql(e) => StoreError::sqlite(action, path.into(), e),
            Self::Damaged(what) => StoreError::Damaged {
                what,
                path: path.into(),
            },
            Self::Missing(id) => StoreError::UnknownDocument {
                id,
                path: path.into(),
            },
        }
    }
}

/// Result of the store's internals.
pub(super) type Res<T> = Result<T, Bad>;

/// A damage report.
pub(super) fn damaged<T>(what: impl Into<String>) -> Res<T> {
    Err(Bad::Damaged(what.into()))
}

/// Span and quote states.
pub(super) fn parse_state(name: &str) -> Res<SpanState> {
    state_named(name).map_or_else(|| damaged(format!("unknown state {name:?}")), Ok)
}

fn state_named(name: &str) -> Option<SpanState> {
    match name {
        "pending" => Some(SpanState::Pending),
        "accepted" => Some(SpanState::Accepted),
        "rejected" => Some(SpanState::Rejected),
        _ => None,
    }
}

/// Annotation layers.
pub(super) fn parse_layer(name: &str) -> Res<Layer> {
    layer_named(name).map_or_else(|| damaged(format!("unknown layer {name:?}")), Ok)
}

fn layer_named(name: &str) -> Option<Layer> {
    match name {
        "entity" => Some(Layer::Entity),
        "attribution" => Some(Layer::Attribution),
        _ => None,
    }
}

/// Document statuses.
pub(super) fn parse_status(name: &str) -> Res<DocStatus> {
    DocStatus::parse(name).map_or_else(|| damaged(format!("unknown status {name:?}")), Ok)
}

/// Quote kinds.
pub(super) fn parse_kind(name: &str) -> Res<QuoteKind> {
    QuoteKind::parse(name).map_or_else(|| damaged(format!("unknown quote kind {name:?}")), Ok)
}

/// Quote attribution classes.
pub(super) fn parse_class(name: &str) -> Res<AttributionClass> {
    AttributionClass::parse(name)
        .map_or_else(|| damaged(format!("unknown quote class {name:?}")), Ok)
}

/// An origin as `(engine, rule, score)`; all three are NULL for manual work.
pub(super) fn origin_columns(origin: &Origin) -> (Option<&str>, Option<&str>, Option<f64>) {
    match origin {
        Origin::Manual => (None, None, None),
        Origin::Suggested {
            engine,
            rule,
            score,
        } => (Some(engine), Some(rule), Some(f64::from(*score))),
    }
}

/// An origin read back from its three columns.
pub(super) fn origin_from(
    engine: Option<String>,
    rule: Option<String>,
    score: Option<f64>,
) -> Origin {
    match engine {
        None => Origin::Manual,
        // Scores were written from an f32, so the narrowing is exact.
        Some(engine) => Origin::Suggested {
            engine: engine.into(),
            rule: rule.unwrap_or_default().into(),
            score: score.unwrap_or_default() as f32,
        },
    }
}

/// An id as SQLite stores it.
pub(super) fn sql_id(id: u64) -> Res<i64> {
    i64::try_from(id).or_else(|_| damaged(format!("id {id} is too large to store")))
}

/// An id read back from SQLite.
pub(super) fn model_id(id: i64) -> Res<u64> {
    u64::try_from(id).or_else(|_| damaged(format!("negative id {id}")))
}

/// A byte range as the code points stored in the file.
pub(super) fn to_chars(index: &OffsetIndex<'_>, range: ByteRange) -> Res<(i64, i64)> {
    let chars = index
        .to_chars(range)
        .or_else(|e| damaged(format!("range {range}: {e}")))?;
    Ok((sql_offset(chars.start)?, sql_offset(chars.end)?))
}

/// Code points read from the file, as a byte range of `index`'s text.
pub(super) fn to_bytes(index: &OffsetIndex<'_>, start: i64, end: i64) -> Res<ByteRange> {
    let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
        return damaged(format!("negative offset in {start}..{end}"));
    };
    index
        .to_bytes(CharRange::new(start, end))
        .or_else(|e| damaged(format!("range {start}..{end}: {e}")))
}

/// An offset as SQLite stores it.
pub(super) fn sql_offset(offset: usize) -> Res<i64> {
    i64::try_from(offset).or_else(|_| damaged(format!("offset {offset} is too large")))
}

/// A span row before its offsets are converted (that needs the text).
pub(super) struct RawSpan {
    pub doc: i64,
    pub id: i64,
    pub start: i64,
    pub end: i64,
    pub label: String,
    /// `None` when the stored name is unknown.
    pub layer: Option<Layer>,
    /// `None` when the stored name is unknown.
    pub state: Option<SpanState>,
    pub origin: Origin,
    pub refers_to: Option<i64>,
}

/// Columns selected for a span, in [`RawSpan::from_row`] order.
pub(super) const SPAN_COLUMNS: &str =
    r#"doc, id, start, "end", label, layer, state, engine, rule, score, refers_to"#;

impl RawSpan {
    pub fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            doc: row.get(0)?,
            id: row.get(1)?,
            start: row.get(2)?,
            end: row.get(3)?,
            label: row.get(4)?,
            // Parsed in place: no string is allocated for these two columns.
            layer: layer_named(row.get_ref(5)?.as_str()?),
            state: state_named(row.get_ref(6)?.as_str()?),
            origin: origin_from(row.get(7)?, row.get(8)?, row.get(9)?),
            refers_to: row.get(10)?,
        })
    }

    /// The model span, with offsets converted for the document's text.
    pub fn into_span(self, index: &OffsetIndex<'_>) -> Res<crate::model::Span> {
        Ok(crate::model::Span {
            id: SpanId(model_id(self.id)?),
            range: to_bytes(index, self.start, self.end)?,
            label: self.label,
            layer: self.layer.map_or_else(|| damaged("unknown layer"), Ok)?,
            origin: self.origin,
            state: self.state.map_or_else(|| damaged("unknown state"), Ok)?,
            refers_to: self.refers_to.map(model_id).transpose()?.map(SpanId),
        })
    }
}

/// Columns selected for a quote, in [`quote_from_row`] order.
pub(super) const QUOTE_COLUMNS: &str =
    "doc, id, kind, speaker, cue, speaker_entity, state, engine, rule, score, class, group_id";

/// A quote row (its content comes from `quote_content`), with its document key.
pub(super) fn quote_from_row(row: &Row<'_>) -> rusqlite::Result<(i64, Res<Quote>)> {
    let doc: i64 = row.get(0)?;
    let id: i64 = row.get(1)?;
    let kind: String = row.get(2)?;
    let speaker: Option<i64> = row.get(3)?;
    let cue: Option<i64> = row.get(4)?;
    let speaker_entity: Option<String> = row.get(5)?;
    let state: String = row.get(6)?;
    let origin = origin_from(row.get(7)?, row.get(8)?, row.get(9)?);
    let class: String = row.get(10)?;
    let group: Option<i64> = row.get(11)?;
    let quote = (|| {
        Ok(Quote {
            id: QuoteId(model_id(id)?),
            content: Vec::new(),
            speaker: speaker.map(model_id).transpose()?.map(SpanId),
            cue: cue.map(model_id).transpose()?.map(SpanId),
            kind: parse_kind(&kind)?,
            class: parse_class(&class)?,
            speaker_entity,
            state: parse_state(&state)?,
            origin,
            group: group.map(model_id).transpose()?.map(QuoteGroup),
        })
    })();
    Ok((doc, quote))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_round_trip_through_columns() {
        for origin in [Origin::Manual, Origin::suggested("rules", "said-X", 0.731)] {
            let (e, r, s) = origin_columns(&origin);
            assert_eq!(origin_from(e.map(Into::into), r.map(Into::into), s), origin);
        }
    }

    #[test]
    fn offsets_are_code_points_in_the_file() {
        let text = "“Ça va,” 李明 said 👍.";
        let index = OffsetIndex::new(text);
        let start = text.find("李明").unwrap();
        let range = ByteRange::new(start, start + "李明".len());
        assert_eq!(to_chars(&index, range).unwrap(), (9, 11));
        assert_eq!(to_bytes(&index, 9, 11).unwrap(), range);
        assert!(to_bytes(&index, 11, 9).is_err());
        assert!(to_bytes(&index, -1, 2).is_err());
        assert!(to_bytes(&index, 0, 99).is_err());
    }
}
