//! The JSONL protocol spoken with an external engine (documented in the
//! README, "External engines").
//!
//! In, one line per document: `{"id": "…", "text": "…", "meta": {…}}`.
//! Out, one line per document, in the same order:
//! `{"id": "…", "spans": [{"start": 0, "end": 4, "label": "PERSON", "score": 0.9,
//! "rule": "ner", "text": "Zoë "}], "quotes": [{"content": [1], "speaker": 0,
//! "cue": 2, "kind": "direct", "class": "speech", "score": 0.8}]}`. Offsets
//! are Unicode code points; `id`, `score`, `rule`, `text` and `quotes` are
//! optional, as are a quote's `kind` (direct) and `class` (speech); quote
//! parts index the line's `spans`. One bad span or quote is skipped with a
//! warning; the rest of its line is kept.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::model::{CharRange, Document, LabelSet, OffsetIndex, Origin, QuoteKind};
use crate::suggest::{AttributionClass, SuggestedQuote, SuggestedSpan, Suggestions};

/// Engine name in the origin of every external suggestion.
pub const ENGINE: &str = "external";
/// Score of a suggestion whose line gives none.
pub const DEFAULT_SCORE: f32 = 0.5;

/// The input line for one document, with its line ending.
pub fn document_line(doc: &Document) -> String {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a str,
        text: &'a str,
        meta: &'a Map<String, Value>,
    }
    let line = Line {
        id: &doc.id.0,
        text: doc.text(),
        meta: &doc.meta,
    };
    // Strings and a JSON map always serialize.
    let mut json = serde_json::to_string(&line).unwrap_or_default();
    json.push('\n');
    json
}

#[derive(Deserialize)]
struct OutLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    spans: Vec<Value>,
    #[serde(default)]
    quotes: Vec<Value>,
}

#[derive(Deserialize)]
struct OutSpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct OutQuote {
    content: Vec<usize>,
    #[serde(default)]
    speaker: Option<usize>,
    #[serde(default)]
    cue: Option<usize>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    class: Option<String>,
    #[serde(default)]
    speaker_entity: Option<String>,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    rule: Option<String>,
    /// Quotes of one line sharing a group are the segments of one
    /// interrupted quote; each group gets a fresh one in the document.
    #[serde(default)]
    group: Option<u32>,
}

/// What one output line gave for its document.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The suggestions kept.
    pub suggestions: Suggestions,
    /// One message per thing skipped, without the command or line prefix.
    pub warnings: Vec<String>,
}

/// Reads one output line for `doc`. `rule` names suggestions whose span or
/// quote gives no `rule`. A line that cannot be used at all is an `Err`
/// saying why.
pub fn parse_line(
    line: &[u8],
    doc: &Document,
    labels: &LabelSet,
    rule: &str,
) -> Result<Parsed, String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("not UTF-8 ({e})"))?;
    let out: OutLine =
        serde_json::from_str(line).map_err(|e| format!("not a JSON suggestion line ({e})"))?;
    match &out.id {
        None => {}
        Some(Value::String(id)) if *id == doc.id.0 => {}
        Some(other) => {
            return Err(format!(
                "id {other} is not the document's id \"{}\"",
                doc.id.0
            ));
        }
    }
    let mut parsed = Parsed::default();
    let index = OffsetIndex::new(doc.text());
    // Position of each output span in the kept list, for the quotes.
    let mut kept: Vec<Option<usize>> = Vec::with_capacity(out.spans.len());
    for (i, value) in out.spans.into_iter().enumerate() {
        match span(value, &index, labels, rule) {
            Ok(s) => {
                kept.push(Some(parsed.suggestions.spans.len()));
                parsed.suggestions.spans.push(s);
            }
            Err(why) => {
                kept.push(None);
                parsed
                    .warnings
                    .push(format!("spans[{i}]: {why}; span skipped"));
            }
        }
    }
    for (i, value) in out.quotes.into_iter().enumerate() {
        match quote(value, &kept, rule) {
            Ok(q) => parsed.suggestions.quotes.push(q),
            Err(why) => parsed
                .warnings
                .push(format!("quotes[{i}]: {why}; quote skipped")),
        }
    }
    Ok(parsed)
}

fn span(
    value: Value,
    index: &OffsetIndex<'_>,
    labels: &LabelSet,
    rule: &str,
) -> Result<SuggestedSpan, String> {
    let s: OutSpan = serde_json::from_value(value).map_err(|e| format!("not a span ({e})"))?;
    let Some(label) = labels.get(&s.label) else {
        return Err(format!("label \"{}\" is not in the label set", s.label));
    };
    if s.start >= s.end {
        return Err(format!("start {} is not before end {}", s.start, s.end));
    }
    let range = index
        .to_bytes(CharRange::new(s.start, s.end))
        .map_err(|e| format!("{}..{} (code points): {e}", s.start, s.end))?;
    if let Some(expected) = &s.text {
        let found = range.slice(index.text()).unwrap_or_default();
        if found != expected {
            return Err(format!(
                "text \"{expected}\" is not the text at {}..{} (code points) \"{found}\"; are the offsets code points?",
                s.start, s.end
            ));
        }
    }
    Ok(SuggestedSpan {
        range,
        label: label.name.clone(),
        layer: label.layer,
        origin: origin(s.rule.as_deref().unwrap_or(rule), s.score),
        refers_to: None,
    })
}

fn quote(value: Value, kept: &[Option<usize>], rule: &str) -> Result<SuggestedQuote, String> {
    let q: OutQuote = serde_json::from_value(value).map_err(|e| format!("not a quote ({e})"))?;
    let part = |field: &str, i: usize| match kept.get(i) {
        Some(Some(k)) => Ok(*k),
        Some(None) => Err(format!("{field} {i} is a skipped span")),
        None => Err(format!("{field} {i} is past the {} spans", kept.len())),
    };
    if q.content.is_empty() {
        return Err("no content".to_owned());
    }
    let content = q
        .content
        .iter()
        .map(|&i| part("content", i))
        .collect::<Result<Vec<_>, _>>()?;
    let kind = match q.kind.as_deref() {
        None => QuoteKind::Direct,
        Some(name) => QuoteKind::parse(name).ok_or_else(|| {
            format!("kind \"{name}\" is none of direct, indirect, partial, mixed")
        })?,
    };
    let class = match q.class.as_deref() {
        None => AttributionClass::Speech,
        Some(name) => AttributionClass::parse(name).ok_or_else(|| {
            format!("class \"{name}\" is none of speech, writing, belief, stance, evidence")
        })?,
    };
    Ok(SuggestedQuote {
        content,
        speaker: q.speaker.map(|i| part("speaker", i)).transpose()?,
        cue: q.cue.map(|i| part("cue", i)).transpose()?,
        kind,
        speaker_entity: q.speaker_entity,
        origin: origin(q.rule.as_deref().unwrap_or(rule), q.score),
        class,
        group: q.group,
    })
}

/// A missing or non-finite score gets [`DEFAULT_SCORE`]; others are clamped to `0..=1`.
#[allow(clippy::cast_possible_truncation)]
fn origin(rule: &str, score: Option<f64>) -> Origin {
    let score = score
        .filter(|s| s.is_finite())
        .map_or(DEFAULT_SCORE, |s| s.clamp(0.0, 1.0) as f32);
    Origin::suggested(ENGINE, rule, score)
}
