//! One Label Studio task per document: `data.text` and `data.meta` (byline's
//! document fields), the gold as the task's one annotation, and — when asked
//! for — the suggestions as its one prediction, Label Studio's own place for
//! a model's proposals (`model_version` naming the engines, a `score` per
//! region). Regions are `labels` results on the `text` object, offsets in
//! code points; quotes are `relation` results from each QUOTE region to its
//! SPEAKER and CUE region, coreference `REFERS_TO` relations; a quote whose
//! class is not speech has it as a `choices` result (control `class`) on
//! each of its QUOTE regions, under the region's id; the segments of an
//! interrupted quote are linked by `segment` relations from each one's first
//! QUOTE region to the next one's. A relation must join regions of one result, so a suggested quote's prediction repeats
//! the gold regions it links to, under the same ids.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::{CLASS_NAME, FROM_NAME, TO_NAME};
use crate::formats::json::{
    QuoteLink, REFERS_TO, SEGMENT, encode_meta, links_of, quote_links, segment_links,
};
use crate::formats::output::losses::{count_bare, count_lone_segments, count_origins};
use crate::formats::output::review::{Kept, pending_spans, suggested_quotes, written};
use crate::formats::{ExportError, ExportReport};
use crate::model::{
    AttributionClass, Document, OffsetIndex, Origin, Quote, QuoteKind, Span, SpanId,
};

/// One task.
#[derive(Serialize)]
pub(super) struct Task<'d> {
    data: Data<'d>,
    annotations: Vec<Annotation<'d>>,
    predictions: Vec<Prediction<'d>>,
}

#[derive(Serialize)]
struct Data<'d> {
    text: &'d str,
    meta: BTreeMap<String, Value>,
}

#[derive(Serialize)]
struct Annotation<'d> {
    result: Vec<Item<'d>>,
    was_cancelled: bool,
    ground_truth: bool,
}

#[derive(Serialize)]
struct Prediction<'d> {
    model_version: String,
    score: f32,
    result: Vec<Item<'d>>,
}

/// A result item: a region or a relation.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'d> {
    Region {
        id: String,
        from_name: &'static str,
        to_name: &'static str,
        #[serde(rename = "type")]
        kind: &'static str,
        value: Region<'d>,
        #[serde(skip_serializing_if = "Option::is_none")]
        score: Option<f32>,
    },
    /// A per-region choice: the class of the quote whose content the region is.
    Choices {
        id: String,
        from_name: &'static str,
        to_name: &'static str,
        #[serde(rename = "type")]
        kind: &'static str,
        value: Choice<'d>,
    },
    Relation {
        from_id: String,
        to_id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        direction: &'static str,
        labels: [&'d str; 1],
    },
}

#[derive(Serialize)]
struct Region<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    labels: [&'d str; 1],
}

#[derive(Serialize)]
struct Choice<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    choices: [&'static str; 1],
}

/// The region id of a span: stable across exports, shared by the annotation
/// and the prediction.
pub(super) fn region_id(id: SpanId) -> String {
    format!("s{}", id.0)
}

/// The task of `doc`: its gold, and its suggestions when `kept` says so.
/// Labels used are added to `labels`, for the labeling config.
pub(super) fn task<'d>(
    doc: &'d Document,
    kept: Kept,
    labels: &mut BTreeSet<String>,
    report: &mut ExportReport,
) -> Result<Task<'d>, ExportError> {
    let index = OffsetIndex::new(doc.text());
    let gold = written(doc, kept, report);
    count_origins(&gold, true, report);
    count_quotes(&gold, report);
    let mut result = Vec::new();
    // A gold span is the document's own span (its link aside), found by id.
    for span in gold.spans_sorted().iter().filter_map(|s| doc.span(s.id)) {
        result.push(region(doc, &index, span, None, labels, report)?);
    }
    let gold_quotes: Vec<&Quote> = gold.quotes_sorted();
    result.extend(class_choices(doc, &index, gold_quotes.iter().copied())?);
    let links = quote_links(&gold);
    let mentions = gold.spans().filter_map(|s| Some((s.id, s.refers_to?)));
    let segments = segment_links(&gold, gold_quotes);
    result.extend(relations(&links, mentions, &segments));
    let done = doc.status() == crate::model::DocStatus::Done;
    let annotations = if result.is_empty() && !done {
        Vec::new()
    } else {
        vec![Annotation {
            result,
            was_cancelled: false,
            ground_truth: false,
        }]
    };
    let predictions = if kept == Kept::GoldAndSuggestions {
        prediction(doc, &index, labels, report)?
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };
    report.documents += 1;
    Ok(Task {
        data: Data {
            text: doc.text(),
            meta: encode_meta(doc, &|r| index.to_chars(r), report),
        },
        annotations,
        predictions,
    })
}

/// The prediction holding the suggestions, if there are any: pending spans
/// (with their scores), the gold spans suggested quotes link to, and the
/// suggested quotes' relations.
fn prediction<'d>(
    doc: &'d Document,
    index: &OffsetIndex<'_>,
    labels: &mut BTreeSet<String>,
    report: &mut ExportReport,
) -> Result<Option<Prediction<'d>>, ExportError> {
    let pending = pending_spans(doc);
    let quotes = suggested_quotes(doc);
    if pending.is_empty() && quotes.is_empty() {
        return Ok(None);
    }
    let links: Vec<QuoteLink> = quotes.iter().flat_map(links_of).collect();
    let mut ids: BTreeSet<SpanId> = pending.iter().map(|s| s.id).collect();
    ids.extend(links.iter().flat_map(|l| [l.head, l.child]));
    let (mut engines, mut scores) = (BTreeSet::new(), Vec::new());
    let mut result = Vec::new();
    for span in doc
        .spans_sorted()
        .into_iter()
        .filter(|s| ids.contains(&s.id))
    {
        let score = match &span.origin {
            Origin::Suggested { engine, score, .. } if !span.is_gold() => {
                engines.insert(engine.to_string());
                report.lose("suggestion rules (Label Studio keeps the engine and score)");
                scores.push(*score);
                Some(*score)
            }
            _ => None,
        };
        result.push(region(doc, index, span, score, labels, report)?);
    }
    result.extend(class_choices(doc, index, quotes.iter())?);
    // A relation links regions of one result list: a suggested segment whose
    // partners are gold has none to link to.
    count_lone_segments(&quotes, report);
    let segments = segment_links(doc, &quotes);
    result.extend(relations(&links, std::iter::empty(), &segments));
    let score = if scores.is_empty() {
        1.0
    } else {
        scores.iter().sum::<f32>() / scores.len() as f32
    };
    let model_version = if engines.is_empty() {
        "byline".to_owned()
    } else {
        engines.into_iter().collect::<Vec<_>>().join("+")
    };
    Ok(Some(Prediction {
        model_version,
        score,
        result,
    }))
}

fn region<'d>(
    doc: &'d Document,
    index: &OffsetIndex<'_>,
    span: &'d Span,
    score: Option<f32>,
    labels: &mut BTreeSet<String>,
    report: &mut ExportReport,
) -> Result<Item<'d>, ExportError> {
    let chars = index
        .to_chars(span.range)
        .map_err(|_| ExportError::Misaligned {
            document: doc.source.clone().unwrap_or_else(|| doc.id.to_string()),
            span: span.id.0,
            label: span.label.clone(),
        })?;
    if !labels.contains(&span.label) {
        labels.insert(span.label.clone());
    }
    report.spans += 1;
    Ok(Item::Region {
        id: region_id(span.id),
        from_name: FROM_NAME,
        to_name: TO_NAME,
        kind: "labels",
        value: Region {
            start: chars.start,
            end: chars.end,
            text: span.text(doc.text()),
            labels: [&span.label],
        },
        score,
    })
}

/// The class of each quote that is not speech, as a choice on each of its
/// QUOTE regions (a region two quotes share takes the first one's).
fn class_choices<'d, 'q>(
    doc: &'d Document,
    index: &OffsetIndex<'_>,
    quotes: impl IntoIterator<Item = &'q Quote>,
) -> Result<Vec<Item<'d>>, ExportError> {
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for quote in quotes {
        if quote.class == AttributionClass::Speech {
            continue;
        }
        let content = quote.content.iter().filter_map(|&id| doc.span(id));
        for span in content.filter(|s| seen.insert(s.id)) {
            let chars = index
                .to_chars(span.range)
                .map_err(|_| ExportError::Misaligned {
                    document: doc.source.clone().unwrap_or_else(|| doc.id.to_string()),
                    span: span.id.0,
                    label: span.label.clone(),
                })?;
            items.push(Item::Choices {
                id: region_id(span.id),
                from_name: CLASS_NAME,
                to_name: TO_NAME,
                kind: "choices",
                value: Choice {
                    start: chars.start,
                    end: chars.end,
                    text: span.text(doc.text()),
                    choices: [quote.class.as_str()],
                },
            });
        }
    }
    Ok(items)
}

/// Quote links, coreference links, then links between segments, as relation results.
fn relations<'d>(
    links: &[QuoteLink],
    mentions: impl Iterator<Item = (SpanId, SpanId)>,
    segments: &[(SpanId, SpanId)],
) -> impl Iterator<Item = Item<'d>> {
    let quotes: Vec<(SpanId, SpanId, &'static str)> =
        links.iter().map(|l| (l.head, l.child, l.role)).collect();
    let mentions: Vec<_> = mentions.map(|(from, to)| (from, to, REFERS_TO)).collect();
    let segments = segments.iter().map(|&(from, to)| (from, to, SEGMENT));
    quotes
        .into_iter()
        .chain(mentions)
        .chain(segments)
        .map(|(from, to, label)| Item::Relation {
            from_id: region_id(from),
            to_id: region_id(to),
            kind: "relation",
            direction: "right",
            labels: [label],
        })
}

/// Counts what Label Studio's relations cannot say of the gold quotes.
fn count_quotes(gold: &Document, report: &mut ExportReport) {
    count_lone_segments(gold.quotes(), report);
    for quote in gold.quotes() {
        let texts = quote
            .content
            .iter()
            .filter_map(|&id| gold.span(id))
            .map(|s| s.text(gold.text()));
        if quote.kind != QuoteKind::inferred(texts) {
            report.lose("quote kinds partial/mixed (read back as direct or indirect)");
        }
        count_bare(quote, report);
    }
}
