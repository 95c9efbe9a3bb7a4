//! The regions and relations of one Label Studio task, gathered from its
//! annotation and predictions, then made one transaction: spans (accepted
//! from the annotation, pending from a prediction), quotes rebuilt from
//! SPEAKER/CUE relations (their class from the `class` choice on a QUOTE
//! region, their group from `segment` relations between QUOTE regions),
//! coreference from REFERS_TO relations.

use std::collections::HashMap;

use super::CLASS_NAME;

use serde_json::Value;

use super::quotes::{Named, quotes};
use crate::formats::input::offsets::FileOffsets;
use crate::formats::json::{QuoteLink, REFERS_TO, SEGMENT, default_layer, link_segments};
use crate::model::{
    AttributionClass, ByteRange, CUE, CharRange, Document, Edit, Origin, QUOTE, SPEAKER, Span,
    SpanId, SpanState, Transaction,
};

/// Where results come from.
pub(super) enum Source {
    /// The annotation: gold.
    Gold,
    /// A prediction: suggestions of `engine` (its `model_version`).
    Prediction { engine: String, score: Option<f64> },
}

impl Source {
    fn state(&self) -> SpanState {
        match self {
            Self::Gold => SpanState::Accepted,
            Self::Prediction { .. } => SpanState::Pending,
        }
    }

    fn origin(&self, score: Option<f64>) -> Origin {
        match self {
            Self::Gold => Origin::Manual,
            Self::Prediction { engine, score: all } => {
                let score = score.or(*all).unwrap_or(0.5) as f32;
                Origin::suggested(engine.clone(), "labelstudio", score)
            }
        }
    }
}

/// What one task's results hold so far.
pub(super) struct Parts<'t> {
    offsets: FileOffsets<'t>,
    spans: Vec<Span>,
    by_region: HashMap<String, SpanId>,
    gold_links: Vec<QuoteLink>,
    suggested_links: Vec<(QuoteLink, Origin)>,
    refers: Vec<(SpanId, SpanId)>,
    /// Region ids with the attribution class chosen on them.
    classes: Vec<(String, AttributionClass)>,
    /// Links from one segment's QUOTE region to the next one's.
    segments: Vec<(SpanId, SpanId)>,
}

impl<'t> Parts<'t> {
    /// Nothing yet, for a task whose text is `raw` (`text` normalized).
    pub fn new(raw: &'t str, text: &'t str) -> Self {
        Self {
            offsets: FileOffsets::new(raw, text),
            spans: Vec::new(),
            by_region: HashMap::new(),
            gold_links: Vec::new(),
            suggested_links: Vec::new(),
            refers: Vec::new(),
            classes: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// Code points of the task's text as bytes of the document's.
    pub fn bytes(&self, range: CharRange) -> Result<ByteRange, String> {
        self.offsets.to_bytes(range)
    }

    /// Reads an annotation's or a prediction's `result` list: regions first,
    /// then the relations between them.
    pub fn results(
        &mut self,
        result: Option<&Value>,
        field: &str,
        from: &Source,
        warn: &mut dyn FnMut(String),
    ) {
        let items = match result {
            Some(Value::Array(items)) => items.as_slice(),
            None | Some(Value::Null) => &[],
            Some(_) => {
                warn(format!("{field}: is not a list; ignored"));
                &[]
            }
        };
        for (i, item) in items.iter().enumerate() {
            let field = format!("{field}[{i}]");
            match item.get("type").and_then(Value::as_str) {
                Some("relation") => {}
                Some("choices") if item.get("from_name") == Some(&Value::from(CLASS_NAME)) => {
                    self.class_choice(item, &field, warn);
                }
                Some("labels") => {
                    let id = item.get("id").and_then(Value::as_str);
                    let score = item.get("score").and_then(Value::as_f64);
                    let value = item.get("value").unwrap_or(&Value::Null);
                    self.region(value, id, score, &format!("{field}.value"), from, warn);
                }
                other => warn(format!(
                    "{field}: a {} result is not read (Byline reads labels and relations)",
                    other.unwrap_or("untyped")
                )),
            }
        }
        for (i, item) in items.iter().enumerate() {
            if item.get("type").and_then(Value::as_str) == Some("relation") {
                self.relation(item, &format!("{field}[{i}]"), from, warn);
            }
        }
    }

    /// A quote's class chosen on its QUOTE region (the region's id).
    fn class_choice(&mut self, item: &Value, field: &str, warn: &mut dyn FnMut(String)) {
        let id = item.get("id").and_then(Value::as_str);
        let choices = item.pointer("/value/choices").and_then(Value::as_array);
        let name = choices.and_then(|c| c.first()).and_then(Value::as_str);
        match (id, name.and_then(AttributionClass::parse)) {
            (Some(id), Some(class)) => self.classes.push((id.to_owned(), class)),
            (None, _) => warn(format!(
                "{field}: a class choice without a region id; ignored"
            )),
            (Some(_), None) => warn(format!(
                "{field}: class {} is none of speech, writing, belief, stance, evidence; ignored",
                name.map_or("(none)".to_owned(), |n| format!("{n:?}"))
            )),
        }
    }

    /// Reads JSON_MIN regions (`{start, end, text, labels}`) under `key`.
    pub fn regions(
        &mut self,
        regions: &[Value],
        key: &str,
        from: &Source,
        warn: &mut dyn FnMut(String),
    ) {
        for (i, value) in regions.iter().enumerate() {
            self.region(value, None, None, &format!("{key}[{i}]"), from, warn);
        }
    }

    /// One region: a span per label; a region id already read (a prediction
    /// repeating a gold region) is the same span.
    fn region(
        &mut self,
        value: &Value,
        id: Option<&str>,
        score: Option<f64>,
        field: &str,
        from: &Source,
        warn: &mut dyn FnMut(String),
    ) {
        if id.is_some_and(|id| self.by_region.contains_key(id)) {
            return;
        }
        let range = match self.range(value) {
            Ok(range) => range,
            Err(why) => return warn(format!("{field}: {why}; region refused")),
        };
        let labels: Vec<&str> = (value.get("labels").and_then(Value::as_array))
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if labels.is_empty() {
            return warn(format!("{field}: no labels; region refused"));
        }
        for label in labels {
            let span_id = SpanId(self.spans.len() as u64 + 1);
            if let Some(id) = id {
                self.by_region.entry(id.to_owned()).or_insert(span_id);
            }
            self.spans.push(Span {
                id: span_id,
                range,
                label: label.to_owned(),
                layer: default_layer(label),
                origin: from.origin(score),
                state: from.state(),
                refers_to: None,
            });
        }
    }

    /// A region's offsets, checked against its `text` when it has one.
    fn range(&self, value: &Value) -> Result<ByteRange, String> {
        let end = |key: &str| {
            let v = value.get(key).ok_or(format!("{key} is missing"))?;
            let n = v
                .as_u64()
                .ok_or(format!("{key} {v} is not a whole number ≥ 0"))?;
            usize::try_from(n).map_err(|_| format!("{key} {n} is too large"))
        };
        let range = self
            .offsets
            .to_bytes(CharRange::new(end("start")?, end("end")?))?;
        let actual = range.slice(self.offsets_text()).unwrap_or("");
        match value.get("text").and_then(Value::as_str) {
            Some(written) if written != actual => Err(format!(
                "text {written:?} differs from {actual:?} at its offsets (offsets must be code points)"
            )),
            _ => Ok(range),
        }
    }

    fn offsets_text(&self) -> &'t str {
        self.offsets.normalized()
    }

    /// One relation result: a quote link or a coreference link.
    fn relation(&mut self, item: &Value, field: &str, from: &Source, warn: &mut dyn FnMut(String)) {
        let end = |key: &str| {
            let id = item.get(key).and_then(Value::as_str);
            id.and_then(|id| self.by_region.get(id).copied())
                .ok_or_else(|| format!("{key} names no region read"))
        };
        let label = (item.get("labels").and_then(Value::as_array))
            .and_then(|l| l.first())
            .and_then(Value::as_str);
        let (from_span, to_span) = match (end("from_id"), end("to_id")) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(why), _) | (_, Err(why)) => {
                return warn(format!("{field}: {why}; relation refused"));
            }
        };
        let is_quote = |id: SpanId| self.spans.iter().any(|s| s.id == id && s.label == QUOTE);
        let link = match label {
            Some(REFERS_TO) if from_span != to_span => {
                self.refers.push((from_span, to_span));
                return;
            }
            Some(SEGMENT) if is_quote(from_span) && is_quote(to_span) => {
                self.segments.push((from_span, to_span));
                return;
            }
            Some(role @ (SPEAKER | CUE)) => {
                let role = if role == SPEAKER { SPEAKER } else { CUE };
                if is_quote(from_span) {
                    QuoteLink {
                        head: from_span,
                        child: to_span,
                        role,
                    }
                } else if is_quote(to_span) {
                    QuoteLink {
                        head: to_span,
                        child: from_span,
                        role,
                    }
                } else {
                    return warn(format!(
                        "{field}: {role} relation has no QUOTE region at either end; relation refused"
                    ));
                }
            }
            other => {
                return warn(format!(
                    "{field}: relation label {other:?} is not SPEAKER, CUE, REFERS_TO or a segment between QUOTE regions; relation refused"
                ));
            }
        };
        match from {
            Source::Gold => self.gold_links.push(link),
            Source::Prediction { .. } => self.suggested_links.push((link, from.origin(None))),
        }
    }

    /// Everything read, as one transaction on `doc`.
    pub fn finish(self, doc: &Document, warn: &mut dyn FnMut(String)) -> Transaction {
        let mut tx = Transaction::new("Read Label Studio");
        let mut spans = self.spans;
        for (mention, target) in &self.refers {
            match spans.iter_mut().find(|s| s.id == *mention) {
                Some(span) if span.refers_to.is_none() => span.refers_to = Some(*target),
                _ => warn("a mention refers to two spans; the second link refused".into()),
            }
        }
        let linked: Vec<Span> = spans
            .iter()
            .filter(|s| s.refers_to.is_some())
            .cloned()
            .collect();
        for mut span in spans.iter().cloned() {
            span.refers_to = None;
            tx.push(Edit::InsertSpan(span));
        }
        tx.edits.extend(linked.into_iter().map(Edit::ReplaceSpan));
        let mut classes: HashMap<SpanId, AttributionClass> = HashMap::new();
        for (region, class) in &self.classes {
            if let Some(&span) = self.by_region.get(region) {
                classes.entry(span).or_insert(*class);
            }
        }
        let groups_of = link_segments(&self.segments);
        let origin = self.suggested_links.first().map(|(_, o)| o.clone());
        let suggested: Vec<QuoteLink> = self.suggested_links.into_iter().map(|(l, _)| l).collect();
        let links = [
            (self.gold_links, SpanState::Accepted, Origin::Manual),
            (
                suggested,
                SpanState::Pending,
                origin.unwrap_or(Origin::Manual),
            ),
        ];
        let named = Named {
            classes,
            groups: groups_of,
        };
        let quotes = quotes(&spans, doc.text(), links, &named, warn);
        tx.edits.extend(quotes.into_iter().map(Edit::InsertQuote));
        tx
    }
}
