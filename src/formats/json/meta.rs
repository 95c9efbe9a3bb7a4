//! The document fields that travel inside a JSON record's `meta`: byline
//! writes `source`, `doc_id`, `status` and `boilerplate` there beside the
//! document's own keys, and splits them out again on reading.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::formats::ExportReport;
use crate::model::{ByteRange, CharRange, DocId, DocStatus, Document, OffsetError};

/// `meta` key holding the document's source path (`null` when it has none).
pub const META_SOURCE: &str = "source";
/// `meta` key holding the document id (recomputed on reading).
pub const META_DOC_ID: &str = "doc_id";
/// `meta` key holding the review status.
pub const META_STATUS: &str = "status";
/// `meta` key holding boilerplate paragraphs as `[start, end]` code-point pairs.
pub const META_BOILERPLATE: &str = "boilerplate";

/// The document's `meta` as written: its own keys plus `source`, `doc_id`,
/// `status` and `boilerplate` (which win over same-named keys, counted as lost).
/// `to_chars` converts boilerplate ranges to code points (an
/// [`crate::model::OffsetIndex`]'s, usually).
pub fn encode_meta(
    doc: &Document,
    to_chars: &dyn Fn(ByteRange) -> Result<CharRange, OffsetError>,
    report: &mut ExportReport,
) -> BTreeMap<String, Value> {
    let mut meta: BTreeMap<String, Value> = doc
        .meta
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut boilerplate = Vec::with_capacity(doc.boilerplate.len());
    for range in &doc.boilerplate {
        match to_chars(*range) {
            Ok(r) => boilerplate.push(Value::from(vec![r.start, r.end])),
            Err(_) => report.lose("boilerplate ranges that do not fit the text"),
        }
    }
    let ours = [
        (
            META_SOURCE,
            doc.source.clone().map_or(Value::Null, Value::from),
        ),
        (META_DOC_ID, Value::from(doc.id.0.clone())),
        (META_STATUS, Value::from(doc.status().as_str())),
        (META_BOILERPLATE, Value::from(boilerplate)),
    ];
    for (key, value) in ours {
        if meta.insert(key.to_owned(), value).is_some() {
            report.lose(format!("meta keys shadowed by byline's own `{key}`"));
        }
    }
    meta
}

/// Document fields found in a record's `meta`.
#[derive(Debug, Default, PartialEq)]
pub struct DecodedMeta {
    /// `Some(None)` when `meta.source` is `null` or `""`; `None` when absent.
    pub source: Option<Option<String>>,
    /// A valid `meta.status`.
    pub status: Option<DocStatus>,
    /// `meta.boilerplate` ranges, still to be checked against the text.
    pub boilerplate: Vec<CharRange>,
    /// Everything else, kept as the document's meta.
    pub meta: Map<String, Value>,
}

/// Splits byline's own fields out of `meta`. A key whose value does not have
/// byline's shape (a numeric `status`, a `doc_id` of another text) is someone
/// else's data and stays in `meta`.
pub fn decode_meta(mut meta: Map<String, Value>, id: &DocId) -> DecodedMeta {
    let source = match meta.get(META_SOURCE) {
        // doccano records write a missing source as "" (see `doccano::keys`).
        Some(Value::Null) => Some(None),
        Some(Value::String(s)) if s.is_empty() => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        _ => None,
    };
    if source.is_some() {
        meta.remove(META_SOURCE);
    }
    let status = meta
        .get(META_STATUS)
        .and_then(Value::as_str)
        .and_then(DocStatus::parse);
    if status.is_some() {
        meta.remove(META_STATUS);
    }
    if meta.get(META_DOC_ID).and_then(Value::as_str) == Some(id.0.as_str()) {
        meta.remove(META_DOC_ID);
    }
    let boilerplate = meta.get(META_BOILERPLATE).and_then(char_ranges);
    if boilerplate.is_some() {
        meta.remove(META_BOILERPLATE);
    }
    DecodedMeta {
        source,
        status,
        boilerplate: boilerplate.unwrap_or_default(),
        meta,
    }
}

/// `[[start, end], …]` as code-point ranges, or `None` if the value has another shape.
fn char_ranges(value: &Value) -> Option<Vec<CharRange>> {
    value
        .as_array()?
        .iter()
        .map(|pair| match pair.as_array()?.as_slice() {
            [s, e] => Some(CharRange::new(
                usize::try_from(s.as_u64()?).ok()?,
                usize::try_from(e.as_u64()?).ok()?,
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn meta_keeps_values_that_are_not_ours() {
        let id = DocId::of_text("x");
        let meta = json!({
            "source": "nyt", "status": 3, "doc_id": "someone-else", "boilerplate": "none",
            "title": "T"
        });
        let Value::Object(meta) = meta else {
            unreachable!()
        };
        let decoded = decode_meta(meta, &id);
        assert_eq!(decoded.source, Some(Some("nyt".into())));
        assert_eq!(decoded.status, None);
        let kept: Vec<&str> = decoded.meta.keys().map(String::as_str).collect();
        assert_eq!(kept, ["boilerplate", "doc_id", "status", "title"]);
        let ours =
            json!({"source": null, "status": "done", "doc_id": id.0, "boilerplate": [[0, 1]]});
        let Value::Object(ours) = ours else {
            unreachable!()
        };
        let decoded = decode_meta(ours, &id);
        assert_eq!(
            (decoded.source, decoded.status, decoded.boilerplate),
            (
                Some(None),
                Some(DocStatus::Done),
                vec![CharRange::new(0, 1)]
            )
        );
        assert!(decoded.meta.is_empty());
    }
}
