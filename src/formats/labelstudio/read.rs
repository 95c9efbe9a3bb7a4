//! Reads Label Studio's JSON exports: the full export (tasks with `data`,
//! `annotations` and `predictions`, which is also what Byline writes) and
//! JSON_MIN (one flat record per annotated task, regions under the control's
//! name). The first annotation not cancelled is gold (its regions accepted);
//! predictions are suggestions (pending, with the `model_version` as engine
//! and the region's score). Relation results labelled SPEAKER and CUE from a
//! QUOTE region become quotes, REFERS_TO coreference. A region or relation
//! that cannot be read is a warning naming the task and the field; the rest
//! of the task still loads.

use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;

use serde::Deserializer as _;
use serde::de::{SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::TO_NAME;
use super::regions::{Parts, Source};
use crate::formats::json::{Answer, decode_meta};
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::{DocStatus, Document, Edit, Transaction};

/// Top-level keys of a JSON_MIN record that are Label Studio's own, not data.
const MIN_KEYS: [&str; 6] = [
    "id",
    "annotator",
    "annotation_id",
    "created_at",
    "updated_at",
    "lead_time",
];

/// True when `first`, the first record of a `.json` file, looks like a
/// Label Studio export: a task with a `data` object, or a JSON_MIN record
/// whose regions carry `labels` lists.
pub fn is_export(first: &Value) -> bool {
    first.as_object().is_some_and(|r| {
        r.get("data").is_some_and(Value::is_object) || min_regions(r).next().is_some()
    })
}

/// Reads every task of a Label Studio export. Each task is parsed when its
/// turn comes and dropped once it is a document: the whole export parsed at
/// once held over ten times the file.
pub fn read(records: &[&RawValue], source: &str) -> Result<Loaded, ReadError> {
    let mut tasks = Tasks::new(source);
    for raw in records {
        match serde_json::from_str(raw.get()) {
            Ok(record) => tasks.add(record),
            Err(err) => tasks.skip(format!("not read ({err})")),
        }
    }
    tasks.finish()
}

/// Reads a Label Studio export too big to hold whole (over
/// [`crate::formats::MAX_FILE_BYTES`]) from `input`, task by task as the
/// JSON list is parsed; a list that does not start with a task is refused.
pub fn read_stream(input: impl BufRead, source: &str) -> Result<Loaded, ReadError> {
    let mut tasks = Tasks::new(source);
    let mut refused = false;
    let mut each = |record: Value| {
        if tasks.seen == 0 && !is_export(&record) {
            refused = true;
        }
        if !refused {
            tasks.add(record);
        }
        !refused
    };
    let mut parser = serde_json::Deserializer::from_reader(input);
    let parsed = parser
        .deserialize_seq(Elements(&mut each))
        .and_then(|()| parser.end());
    if refused {
        return Err(ReadError::syntax(
            source,
            None,
            "over the size limit, a .json file is read only as a Label Studio export (a list of tasks); write other records as JSONL, which is read line by line",
        ));
    }
    if let Err(err) = parsed {
        let line = Some(err.line()).filter(|&l| l > 0);
        return Err(ReadError::syntax(
            source,
            line,
            format!("not valid JSON: {err}"),
        ));
    }
    tasks.finish()
}

/// Calls its function with each element of a JSON list as it is parsed,
/// until the function answers false.
struct Elements<'f, F>(&'f mut F);

impl<'de, F: FnMut(Value) -> bool> Visitor<'de> for Elements<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of Label Studio tasks")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<Value>()? {
            if !(self.0)(record) {
                break;
            }
        }
        Ok(())
    }
}

/// The tasks read so far: documents, warnings and how many were skipped.
struct Tasks<'s> {
    source: &'s str,
    loaded: Loaded,
    seen: usize,
}

impl<'s> Tasks<'s> {
    fn new(source: &'s str) -> Self {
        Self {
            source,
            loaded: Loaded::default(),
            seen: 0,
        }
    }

    /// Reads the next task.
    fn add(&mut self, record: Value) {
        let name = task_name(self.seen, &record);
        self.seen += 1;
        let (source, loaded) = (self.source, &mut self.loaded);
        let mut warn = |message: String| {
            loaded
                .warnings
                .push(Warning::new(source, format!("{name}: {message}")));
        };
        let Value::Object(record) = record else {
            warn("is not an object; skipped".into());
            loaded.skipped += 1;
            return;
        };
        match task(record, source, &mut warn) {
            Some(doc) => loaded.documents.push(doc),
            None => loaded.skipped += 1,
        }
    }

    /// Skips the next task, saying why.
    fn skip(&mut self, why: String) {
        self.seen += 1;
        let message = format!("task {}: {why}; skipped", self.seen);
        self.loaded
            .warnings
            .push(Warning::new(self.source, message));
        self.loaded.skipped += 1;
    }

    /// What was read; an error when there were tasks and none could be read.
    fn finish(self) -> Result<Loaded, ReadError> {
        if self.loaded.documents.is_empty() && self.seen > 0 {
            let first = self
                .loaded
                .warnings
                .first()
                .map_or("", |w| w.message.as_str());
            return Err(ReadError::syntax(
                self.source,
                None,
                format!(
                    "none of {} Label Studio tasks could be read; the first: {first}",
                    self.seen
                ),
            ));
        }
        Ok(self.loaded)
    }
}

/// `task 3 (id 17)`: its place in the file and its Label Studio id.
fn task_name(i: usize, record: &Value) -> String {
    match record.get("id") {
        Some(id) if !id.is_null() => format!("task {} (id {id})", i + 1),
        _ => format!("task {}", i + 1),
    }
}

/// One task as a document; `None` (with a warning) when it has no text.
fn task(
    mut record: Map<String, Value>,
    source: &str,
    warn: &mut dyn FnMut(String),
) -> Option<Document> {
    let full = record.get("data").is_some_and(Value::is_object);
    let mut data = match record.remove("data") {
        Some(Value::Object(data)) => data,
        _ => {
            let mut data = record.clone();
            data.retain(|k, v| !MIN_KEYS.contains(&k.as_str()) && !is_region_list(v));
            data
        }
    };
    let Some(raw) = take_text(&mut data) else {
        warn("no text in its data; skipped".into());
        return None;
    };
    let mut doc = Document::new(Some(source.to_owned()), &raw);
    let mut meta = match data.remove("meta").or_else(|| record.remove("meta")) {
        Some(Value::Object(meta)) => meta,
        _ => Map::new(),
    };
    for (key, value) in data {
        meta.entry(key).or_insert(value);
    }
    let decoded = decode_meta(meta, &doc.id);
    doc.meta = decoded.meta;
    if let Some(source) = decoded.source {
        doc.source = source;
    }
    let text = doc.text().to_owned();
    let mut parts = Parts::new(&raw, &text);
    for (i, range) in decoded.boilerplate.into_iter().enumerate() {
        match parts.bytes(range) {
            Ok(range) => doc.boilerplate.push(range),
            Err(why) => warn(format!("meta.boilerplate[{i}]: {why}; dropped")),
        }
    }
    let annotated = if full {
        read_full(&record, &mut parts, warn)
    } else {
        for (key, regions) in min_regions(&record) {
            parts.regions(regions, key, &Source::Gold, warn);
        }
        true
    };
    let status = decoded.status.unwrap_or(if annotated {
        Answer::Accept.status()
    } else {
        DocStatus::New
    });
    let mut tx: Transaction = parts.finish(&doc, warn);
    if status != DocStatus::New {
        tx.push(Edit::SetStatus(status));
    }
    if let Err(err) = doc.apply(&tx) {
        warn(format!("annotations not loaded ({err}); text kept"));
    }
    Some(doc)
}

/// The annotations and predictions of a full export; true when the task has
/// an annotation that is not cancelled.
fn read_full(
    record: &Map<String, Value>,
    parts: &mut Parts<'_>,
    warn: &mut dyn FnMut(String),
) -> bool {
    let list = |key: &str| {
        record
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    };
    let annotations: Vec<(usize, &Value)> = list("annotations")
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            !a.get("was_cancelled")
                .and_then(Value::as_bool)
                .unwrap_or(false)
        })
        .collect();
    if annotations.len() > 1 {
        warn(format!(
            "{} annotations; the first is read as gold, the others are not",
            annotations.len()
        ));
    }
    if let Some((i, annotation)) = annotations.first() {
        let field = format!("annotations[{i}].result");
        parts.results(annotation.get("result"), &field, &Source::Gold, warn);
    }
    let mut engines: HashMap<String, usize> = HashMap::new();
    for (i, prediction) in list("predictions").iter().enumerate() {
        let engine = prediction
            .get("model_version")
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
            .unwrap_or("labelstudio")
            .to_owned();
        *engines.entry(engine.clone()).or_default() += 1;
        let score = prediction.get("score").and_then(Value::as_f64);
        let field = format!("predictions[{i}].result");
        let from = Source::Prediction { engine, score };
        parts.results(prediction.get("result"), &field, &from, warn);
    }
    !annotations.is_empty()
}

/// The task's text: `data.text`, else its only string field.
fn take_text(data: &mut Map<String, Value>) -> Option<String> {
    if let Some(Value::String(text)) = data.remove(TO_NAME) {
        return Some(text);
    }
    let strings: Vec<String> = data
        .iter()
        .filter(|(_, v)| v.is_string())
        .map(|(k, _)| k.clone())
        .collect();
    match strings.as_slice() {
        [only] => data
            .remove(only)
            .and_then(|v| v.as_str().map(str::to_owned)),
        _ => None,
    }
}

/// A JSON_MIN list of regions: objects with a `labels` list.
fn is_region_list(value: &Value) -> bool {
    value.as_array().is_some_and(|items| {
        !items.is_empty()
            && items
                .iter()
                .all(|i| i.get("labels").is_some_and(Value::is_array))
    })
}

/// The region lists of a JSON_MIN record, by control name.
fn min_regions(record: &Map<String, Value>) -> impl Iterator<Item = (&str, &[Value])> {
    record
        .iter()
        .filter(|(_, v)| is_region_list(v))
        .filter_map(|(k, v)| Some((k.as_str(), v.as_array()?.as_slice())))
}
