//! The fast path for the annotation lists byline and Prodigy write (`spans`,
//! `rejected_spans`, `relations`, `quotes`): parsed straight into structs
//! that borrow from the line, instead of a `serde_json::Value` tree per span.
//!
//! A list takes this path only when every item has exactly byline's shape —
//! no unknown or repeated key, each key of the type byline writes. Anything
//! else fails here and is read as a `Value` by the general path, which
//! knows every other dialect and words every warning. The fields the checks
//! word messages from (`start`, `end`) are kept as raw JSON values, so both
//! paths run the same checks on the same values: a list read here gives the
//! same document and warnings as the general path gives it.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::model::{AttributionClass, Layer, Origin, QuoteKind, SpanState};

/// A key's value as written, told apart from an absent key (`null` is present),
/// as the general path's `obj.get(key)` tells them apart.
#[derive(Debug, Default)]
pub(super) struct Raw(Option<Value>);

impl Raw {
    /// The value, as `Value::get` would give it.
    pub fn get(&self) -> Option<&Value> {
        self.0.as_ref()
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(|v| Self(Some(v)))
    }
}

/// A key byline does not read back, parsed (so it fails where a `Value`
/// would) and dropped.
#[derive(Debug, Default)]
struct Ignored;

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(|_| Self)
    }
}

/// A JSON string, borrowed from the line unless it holds escapes.
#[derive(Debug)]
pub(super) struct Str<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s))
            }
        }
        d.deserialize_str(Visit).map(Str)
    }
}

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// A span of `spans` or `rejected_spans`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SpanRec<'a> {
    #[serde(default)]
    pub start: Raw,
    #[serde(default)]
    pub end: Raw,
    /// Not read: recomputed from the offsets.
    #[serde(rename = "token_start", default)]
    _token_start: Ignored,
    /// Not read: recomputed from the offsets.
    #[serde(rename = "token_end", default)]
    _token_end: Ignored,
    #[serde(borrow)]
    pub label: Option<Str<'a>>,
    #[serde(borrow)]
    pub text: Option<Str<'a>>,
    pub id: Option<u64>,
    pub layer: Option<Layer>,
    pub state: Option<SpanState>,
    pub origin: Option<Origin>,
    pub refers_to: Option<u64>,
}

/// A relation end (`head_span`, `child_span`) or a quote part.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PartRec<'a> {
    #[serde(default)]
    pub start: Raw,
    #[serde(default)]
    pub end: Raw,
    /// Not read: recomputed from the offsets.
    #[serde(rename = "token_start", default)]
    _token_start: Ignored,
    /// Not read: recomputed from the offsets.
    #[serde(rename = "token_end", default)]
    _token_end: Ignored,
    #[serde(borrow)]
    pub label: Option<Str<'a>>,
    /// Not read: the span's text is checked where the span is listed.
    #[serde(rename = "text", default)]
    _text: Ignored,
    pub id: Option<u64>,
}

/// A Prodigy relation (doccano's have other keys and take the general path).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RelationRec<'a> {
    /// Not read: the last token of `head_span`.
    #[serde(rename = "head", default)]
    _head: Ignored,
    /// Not read: the last token of `child_span`.
    #[serde(rename = "child", default)]
    _child: Ignored,
    #[serde(borrow)]
    pub head_span: Option<PartRec<'a>>,
    #[serde(borrow)]
    pub child_span: Option<PartRec<'a>>,
    #[serde(borrow)]
    pub label: Option<Str<'a>>,
}

/// One quote of byline's `quotes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuoteRec<'a> {
    pub id: Option<u64>,
    #[serde(borrow)]
    pub content: Option<Vec<PartRec<'a>>>,
    #[serde(borrow)]
    pub speaker: Option<PartRec<'a>>,
    #[serde(borrow)]
    pub cue: Option<PartRec<'a>>,
    pub kind: Option<QuoteKind>,
    pub class: Option<AttributionClass>,
    pub group: Option<u64>,
    #[serde(borrow)]
    pub speaker_entity: Option<Str<'a>>,
    pub state: Option<SpanState>,
    pub origin: Option<Origin>,
}

/// The annotation lists of one record that took the fast path.
#[derive(Debug, Default)]
pub(super) struct Typed<'a> {
    pub spans: Option<Vec<SpanRec<'a>>>,
    pub rejected_spans: Option<Vec<SpanRec<'a>>>,
    pub relations: Option<Vec<RelationRec<'a>>>,
    pub quotes: Option<Vec<QuoteRec<'a>>>,
}

impl<'a> Typed<'a> {
    /// Reads the list under `key` on the fast path if it has byline's shape;
    /// `false` when the key is not one of the lists or the list needs the
    /// general path.
    pub fn take(&mut self, key: &str, raw: &'a RawValue) -> bool {
        fn list<'a, T: Deserialize<'a>>(raw: &'a RawValue, slot: &mut Option<T>) -> bool {
            *slot = serde_json::from_str(raw.get()).ok();
            slot.is_some()
        }
        match key {
            "spans" => list(raw, &mut self.spans),
            "rejected_spans" => list(raw, &mut self.rejected_spans),
            "relations" => list(raw, &mut self.relations),
            "quotes" => list(raw, &mut self.quotes),
            _ => false,
        }
    }
}

/// One annotation list, read by either path.
pub(super) enum Items<'v, T> {
    /// Read on the fast path.
    Typed(&'v [T]),
    /// As a JSON value (`null` when the record does not have it).
    Json(&'v Value),
}
