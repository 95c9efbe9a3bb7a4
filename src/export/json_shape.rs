//! The JSON conventions shared by the JSONL reader (`read::jsonl`) and the
//! byline, Prodigy and doccano writers, so that what one writes the other reads:
//! relation labels, the document fields that travel inside `meta`, how
//! Prodigy's `answer` maps to review state, and how quotes become relations
//! (and relations quotes again).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::model::markup::has_quote_mark;
use crate::model::{
    ByteRange, CharRange, DocId, DocStatus, Document, LabelSet, Layer, OffsetError, QuoteKind,
    SpanId, SpanState,
};

use super::ExportReport;

/// Label of a quote span.
pub const QUOTE: &str = "QUOTE";
/// Relation from a QUOTE span to its speaker span.
pub const SPEAKER: &str = "SPEAKER";
/// Relation from a QUOTE span to its cue span.
pub const CUE: &str = "CUE";
/// Relation from a mention (`he`, `the official`) to the mention it refers to.
pub const REFERS_TO: &str = "REFERS_TO";

/// `meta` key holding the document's source path (`null` when it has none).
pub const META_SOURCE: &str = "source";
/// `meta` key holding the document id (recomputed on reading).
pub const META_DOC_ID: &str = "doc_id";
/// `meta` key holding the review status.
pub const META_STATUS: &str = "status";
/// `meta` key holding boilerplate paragraphs as `[start, end]` code-point pairs.
pub const META_BOILERPLATE: &str = "boilerplate";

static BUILTIN_LABELS: LazyLock<LabelSet> = LazyLock::new(LabelSet::builtin);

/// The layer a label has when a file does not say: the built-in label set's
/// (unknown labels are entities). Parsed once, as readers call it per span.
pub fn default_layer(label: &str) -> Layer {
    BUILTIN_LABELS.layer_of(label)
}

/// Prodigy's verdict on a task. Byline writes `accept`, or `ignore` for a
/// skipped document; on reading it sets the default review state of spans
/// that carry none of their own, and the status when `meta` has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The annotations are right (Prodigy trains on them).
    Accept,
    /// The annotations are wrong: their spans are read as rejected.
    Reject,
    /// Skipped by the annotator: spans stay pending, the document is skipped.
    Ignore,
}

impl Answer {
    /// Parses Prodigy's spelling.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "accept" => Some(Self::Accept),
            "reject" => Some(Self::Reject),
            "ignore" => Some(Self::Ignore),
            _ => None,
        }
    }

    /// Prodigy's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Reject => "reject",
            Self::Ignore => "ignore",
        }
    }

    /// The answer written for a document: skipped documents are not training data.
    pub fn of_status(status: DocStatus) -> Self {
        if status == DocStatus::Skipped {
            Self::Ignore
        } else {
            Self::Accept
        }
    }

    /// The status of a document read with this answer and no `meta.status`.
    pub fn status(self) -> DocStatus {
        match self {
            Self::Accept | Self::Reject => DocStatus::Done,
            Self::Ignore => DocStatus::Skipped,
        }
    }

    /// The state of a span read with this answer and no `state` of its own.
    pub fn span_state(self) -> SpanState {
        match self {
            Self::Accept => SpanState::Accepted,
            Self::Reject => SpanState::Rejected,
            Self::Ignore => SpanState::Pending,
        }
    }
}

/// A quote read back from relations has this kind: direct when a content span
/// holds a quotation mark, indirect otherwise (partial and mixed cannot be told).
pub fn inferred_kind<'t>(content: impl IntoIterator<Item = &'t str>) -> QuoteKind {
    if content.into_iter().any(has_quote_mark) {
        QuoteKind::Direct
    } else {
        QuoteKind::Indirect
    }
}

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
    /// `Some(None)` when `meta.source` is `null`; `None` when absent.
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
        Some(Value::Null) => Some(None),
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

/// A quote-to-span relation, by span id: `head` is the QUOTE span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteLink {
    /// The QUOTE (content) span.
    pub head: SpanId,
    /// The speaker or cue span.
    pub child: SpanId,
    /// [`SPEAKER`] or [`CUE`].
    pub role: &'static str,
}

/// The relations a document's quotes become in Prodigy and doccano: for each
/// quote that is not rejected, each content span links to its speaker and cue.
/// Only spans a training export carries (not rejected) take part.
pub fn quote_links(doc: &Document) -> Vec<QuoteLink> {
    let exported = |id: SpanId| doc.span(id).is_some_and(|s| s.state != SpanState::Rejected);
    let mut links = Vec::new();
    for quote in doc.quotes_sorted() {
        if quote.state == SpanState::Rejected {
            continue;
        }
        for &head in quote.content.iter().filter(|&&id| exported(id)) {
            let roles = [(quote.speaker, SPEAKER), (quote.cue, CUE)];
            for (child, role) in roles {
                if let Some(child) = child.filter(|&c| exported(c)) {
                    links.push(QuoteLink { head, child, role });
                }
            }
        }
    }
    links
}

/// One quote rebuilt from relations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedQuote {
    /// Content spans, in the order their relations came.
    pub content: Vec<SpanId>,
    /// Speaker span.
    pub speaker: Option<SpanId>,
    /// Cue span.
    pub cue: Option<SpanId>,
}

/// Rebuilds quotes from relations, the inverse of [`quote_links`]: relations
/// with one head form one quote; quotes sharing a cue span and a speaker are
/// one split quote (one cue is one act of speech). Returns the quotes and the
/// relations refused because their head already had another speaker or cue.
pub fn group_links(links: &[QuoteLink]) -> (Vec<LinkedQuote>, Vec<QuoteLink>) {
    let mut by_head: BTreeMap<SpanId, LinkedQuote> = BTreeMap::new();
    let mut order: Vec<SpanId> = Vec::new();
    let mut refused = Vec::new();
    for link in links {
        let quote = by_head.entry(link.head).or_insert_with(|| {
            order.push(link.head);
            LinkedQuote {
                content: vec![link.head],
                ..LinkedQuote::default()
            }
        });
        let slot = if link.role == SPEAKER {
            &mut quote.speaker
        } else {
            &mut quote.cue
        };
        match slot {
            Some(existing) if *existing != link.child => refused.push(*link),
            _ => *slot = Some(link.child),
        }
    }
    let mut quotes: Vec<LinkedQuote> = Vec::new();
    for head in order {
        let Some(quote) = by_head.remove(&head) else {
            continue;
        };
        let split_of = quotes
            .iter_mut()
            .find(|q| quote.cue.is_some() && q.cue == quote.cue && q.speaker == quote.speaker);
        match split_of {
            Some(first) => first.content.extend(quote.content),
            None => quotes.push(quote),
        }
    }
    (quotes, refused)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn link(head: u64, child: u64, role: &'static str) -> QuoteLink {
        QuoteLink {
            head: SpanId(head),
            child: SpanId(child),
            role,
        }
    }

    #[test]
    fn groups_links_by_head_and_merges_quotes_around_one_cue() {
        let links = [
            link(1, 10, SPEAKER),
            link(1, 20, CUE),
            link(2, 10, SPEAKER),
            link(2, 20, CUE),
            link(3, 10, SPEAKER),
            link(4, 11, SPEAKER),
            link(4, 12, SPEAKER),
        ];
        let (quotes, refused) = group_links(&links);
        let content: Vec<Vec<u64>> = quotes
            .iter()
            .map(|q| q.content.iter().map(|id| id.0).collect())
            .collect();
        assert_eq!(content, [vec![1, 2], vec![3], vec![4]]);
        assert_eq!(quotes[1].cue, None, "no cue: not merged with quote 1");
        assert_eq!(refused, [link(4, 12, SPEAKER)]);
    }

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

    #[test]
    fn answers_map_both_ways() {
        for status in DocStatus::ALL {
            let answer = Answer::of_status(status);
            assert_eq!(Answer::parse(answer.as_str()), Some(answer));
            assert_eq!(answer == Answer::Ignore, status == DocStatus::Skipped);
        }
        assert_eq!(Answer::Reject.span_state(), SpanState::Rejected);
        assert_eq!(Answer::parse("Accept"), None);
    }
}
