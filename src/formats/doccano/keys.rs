//! One set of meta keys for every doccano record. doccano 1.8 reads a batch
//! of records into a pandas table: a key one record lacks becomes NaN there,
//! and so does a `null` beside numbers, and its database then refuses the
//! record (`JSON_VALID("meta")`). Every record of an export is written with
//! every meta key met, `""` standing for a missing key or a `null`.
//!
//! An export written in batches learns keys as it goes: [`MetaKeys::fill`]
//! says, at the end, which keys the first records were written without, and
//! [`fill_keys`] rewrites them with those keys added, byte for byte as if the
//! keys had been known from the start.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};

use serde_json::Value;
use serde_json::value::RawValue;

use crate::formats::ExportError;
use crate::formats::json::{
    META_BOILERPLATE, META_DOC_ID, META_SOURCE, META_STATUS, quote_lists_used,
};
use crate::model::Document;

/// The meta keys met so far, and whether records were written before some.
#[derive(Debug, Default)]
pub(super) struct MetaKeys {
    keys: BTreeSet<String>,
    written: bool,
    grew: bool,
}

impl MetaKeys {
    /// Takes in the meta keys of `docs` (byline's own and each document's,
    /// less the record's own `reserved` keys), before their records are written.
    pub fn add(&mut self, docs: &[Document], reserved: &[&str]) {
        let before = self.keys.len();
        let ours = [META_SOURCE, META_DOC_ID, META_STATUS, META_BOILERPLATE];
        let keys = docs
            .iter()
            .flat_map(|d| d.meta.keys().map(String::as_str))
            .chain(ours.into_iter().filter(|_| !docs.is_empty()))
            .filter(|k| !reserved.contains(k));
        for key in keys {
            if !self.keys.contains(key) {
                self.keys.insert(key.to_owned());
            }
        }
        self.grew |= self.written && self.keys.len() > before;
        self.written |= !docs.is_empty();
    }

    /// Takes in `meta.quote_classes` and `meta.quote_groups` when a document
    /// has quotes they list (a record without one writes `""`, read back as none).
    pub fn add_quote_lists(&mut self, docs: &[Document]) {
        for key in docs.iter().flat_map(quote_lists_used) {
            if !self.keys.contains(key) {
                self.keys.insert(key.to_owned());
                self.grew |= self.written;
            }
        }
    }

    /// `meta` with every key met so far: a missing one or a `null` as `""`.
    pub fn uniform(&self, mut meta: BTreeMap<String, Value>) -> BTreeMap<String, Value> {
        for key in &self.keys {
            match meta.get_mut(key) {
                Some(value) if value.is_null() => *value = Value::from(""),
                Some(_) => {}
                None => {
                    meta.insert(key.clone(), Value::from(""));
                }
            }
        }
        meta
    }

    /// The keys to fill in, if records were written before some of them were met.
    pub fn fill(self) -> Option<Fill> {
        self.grew.then_some(Fill { keys: self.keys })
    }
}

/// The meta keys every record must have (see [`fill_keys`]).
#[derive(Debug, PartialEq, Eq)]
pub struct Fill {
    keys: BTreeSet<String>,
}

/// Keys a record writes before its meta, in this order.
const FIRST: [&str; 4] = ["text", "label", "entities", "relations"];

/// Copies records from `from` to `to`, adding each key of `fill` a record
/// lacks as `""`. The record's own keys come first as the writer puts them,
/// then the meta keys sorted, every value's bytes as they were.
pub fn fill_keys(
    from: &mut dyn BufRead,
    to: &mut dyn Write,
    fill: &Fill,
) -> Result<(), ExportError> {
    let empty = RawValue::from_string("\"\"".to_owned())?;
    for line in from.lines() {
        let line = line?;
        let fields: BTreeMap<&str, &RawValue> = serde_json::from_str(&line)?;
        let first = FIRST.iter().filter_map(|k| Some((*k, *fields.get(k)?)));
        let mut meta: BTreeMap<&str, &RawValue> = fields
            .iter()
            .filter(|(k, _)| !FIRST.contains(k))
            .map(|(k, v)| (*k, *v))
            .collect();
        for key in &fill.keys {
            meta.entry(key.as_str()).or_insert(&empty);
        }
        to.write_all(b"{")?;
        for (i, (key, value)) in first.chain(meta).enumerate() {
            if i > 0 {
                to.write_all(b",")?;
            }
            serde_json::to_writer(&mut *to, key)?;
            to.write_all(b":")?;
            to.write_all(value.get().as_bytes())?;
        }
        to.write_all(b"}\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::document;

    #[test]
    fn records_written_before_a_key_was_met_get_it_as_they_would_have() {
        let mut first = document("[Zoë|PERSON] 👋").unwrap();
        first.meta.insert("id".into(), Value::from(7));
        let mut second = document("[北京|GPE]").unwrap();
        second.meta.insert("title".into(), Value::Null);
        let mut keys = MetaKeys::default();
        keys.add(std::slice::from_ref(&first), &[]);
        let before = keys.uniform(first.meta.clone().into_iter().collect());
        assert_eq!(before.get("title"), None);
        keys.add(std::slice::from_ref(&second), &[]);
        let after = keys.uniform(second.meta.clone().into_iter().collect());
        assert_eq!(after["title"], "", "a null is NaN in doccano's table");
        assert_eq!(after["id"], "");
        let fill = keys.fill().unwrap();
        let line = serde_json::to_string(&serde_json::json!({
            "text": "Zoë 👋", "label": [[0, 3, "PERSON"]], "id": 7, "source": null
        }))
        .unwrap();
        let mut out = Vec::new();
        fill_keys(&mut format!("{line}\n").as_bytes(), &mut out, &fill).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"text\":\"Zoë 👋\",\"label\":[[0,3,\"PERSON\"]],\"boilerplate\":\"\",\"doc_id\":\"\",\"id\":7,\"source\":null,\"status\":\"\",\"title\":\"\"}\n"
        );
    }
}
