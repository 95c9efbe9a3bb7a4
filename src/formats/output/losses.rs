//! What a format cannot hold of the gold of a document, counted into an
//! [`ExportReport`] so nothing is dropped silently: the Prodigy and doccano
//! shapes ([`count`]); the suggestion origins of accepted suggestions and
//! the document fields of the formats that write the text alone
//! ([`count_origins`], [`count_document`]). What is not gold is counted by
//! [`super::review::written`]. The byline flavor holds everything
//! and counts nothing here.

use std::collections::{HashMap, HashSet};

use crate::formats::ExportReport;
use crate::formats::json::default_layer;
use crate::model::{AttributionClass, DocStatus, Document, Origin, Quote, QuoteGroup, QuoteKind};

/// The loss of an interrupted quote's segments' link: for the formats
/// without quotes (CoNLL, Hugging Face), and for a segment whose partners are
/// all gone in the formats that link segments to each other (brat, Label
/// Studio; see [`count_lone_segments`]).
pub const QUOTE_GROUPS: &str =
    "interrupted-quote groups (the link between segments written one per record)";

/// Which of byline's links a format can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holds {
    /// Quotes as SPEAKER/CUE relations from their QUOTE spans.
    pub quote_links: bool,
    /// Coreference (`refers_to`) as relations.
    pub refers_to: bool,
}

/// Counts what a training-data shape leaves out of `doc`, a document's gold.
pub fn count(doc: &Document, holds: Holds, report: &mut ExportReport) {
    for span in doc.spans() {
        count_origin(&span.origin, report);
        if span.layer != default_layer(&span.label) {
            report.lose("layers that differ from the label's default");
        }
        if span.refers_to.is_some() && !holds.refers_to {
            report.lose("coreference links (refers_to)");
        }
    }
    for quote in doc.quotes() {
        if !holds.quote_links {
            report.lose("quotes (links from QUOTE spans to speaker and cue)");
            continue;
        }
        count_origin(&quote.origin, report);
        let texts = quote
            .content
            .iter()
            .filter_map(|&id| doc.span(id))
            .map(|s| s.text(doc.text()));
        if quote.kind != QuoteKind::inferred(texts) {
            report.lose("quote kinds partial/mixed (read back as direct or indirect)");
        }
        if quote.speaker_entity.is_some() {
            report.lose("speaker entity names");
        }
        count_bare(quote, report);
    }
}

/// Counts, for the formats that write quotes as relations (Prodigy, doccano,
/// Label Studio), a quote they cannot rebuild: one with neither speaker nor
/// cue comes back only when its class or group names it, and then as its
/// first QUOTE span; a split quote without a cue comes back as separate
/// quotes.
pub fn count_bare(quote: &Quote, report: &mut ExportReport) {
    if quote.speaker.is_none() && quote.cue.is_none() {
        let named = quote.class != AttributionClass::Speech || quote.group.is_some();
        if !named || quote.content.len() > 1 {
            report.lose("quotes without speaker or cue (only their QUOTE spans are written)");
        }
    } else if quote.content.len() > 1 && quote.cue.is_none() {
        report.lose("split quotes without a cue (read back as separate quotes)");
    }
}

/// Counts, for formats without origins (brat, CoNLL, Hugging Face), the
/// suggestion origins of the accepted suggestions of `doc` (a document's
/// gold); `quotes_held` when the format writes quotes (brat), whose origins
/// and speaker names are then counted too, else the interrupted-quote groups
/// (one each).
pub fn count_origins(doc: &Document, quotes_held: bool, report: &mut ExportReport) {
    for span in doc.spans() {
        count_origin(&span.origin, report);
    }
    if !quotes_held {
        let groups: HashSet<QuoteGroup> = doc.quotes().filter_map(|q| q.group).collect();
        for _ in groups {
            report.lose(QUOTE_GROUPS);
        }
        return;
    }
    for quote in doc.quotes() {
        count_origin(&quote.origin, report);
        if quote.speaker_entity.is_some() {
            report.lose("speaker entity names");
        }
    }
}

/// Counts the grouped quotes of `quotes` with no other quote of their group
/// among them: a format that writes the group as a link between segments
/// has nothing to link them to.
pub fn count_lone_segments<'q>(
    quotes: impl IntoIterator<Item = &'q Quote>,
    report: &mut ExportReport,
) {
    let mut members: HashMap<QuoteGroup, usize> = HashMap::new();
    for group in quotes.into_iter().filter_map(|q| q.group) {
        *members.entry(group).or_default() += 1;
    }
    for _ in members.values().filter(|&&n| n == 1) {
        report.lose(QUOTE_GROUPS);
    }
}

/// Counts, for formats that write the text alone (brat, CoNLL, Hugging Face),
/// a document's review status and its metadata other than `kept_meta` keys.
pub fn count_document(doc: &Document, kept_meta: &[&str], report: &mut ExportReport) {
    if doc.status() != DocStatus::New {
        report.lose("document review states (new, in progress, done, skipped)");
    }
    let meta = doc.meta.keys().any(|k| !kept_meta.contains(&k.as_str()));
    if meta || !doc.boilerplate.is_empty() {
        report.lose("document metadata (title, byline, dateline, paragraphs, boilerplate)");
    }
}

fn count_origin(origin: &Origin, report: &mut ExportReport) {
    if matches!(origin, Origin::Suggested { .. }) {
        report.lose("suggestion origins of accepted suggestions (engine, rule, score)");
    }
}
