//! What the Prodigy and doccano shapes cannot hold of a document, counted into
//! an [`ExportReport`] so nothing is dropped silently. The byline flavor holds
//! everything and counts nothing here. brat, CoNLL and Hugging Face count the
//! review state and document fields they cannot hold through
//! [`count_review_states`] and [`count_document`].

use crate::formats::ExportReport;
use crate::formats::json::default_layer;
use crate::model::{DocStatus, Document, Origin, QuoteKind, SpanState};

/// Which of byline's links a format can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holds {
    /// Quotes as SPEAKER/CUE relations from their QUOTE spans.
    pub quote_links: bool,
    /// Coreference (`refers_to`) as relations.
    pub refers_to: bool,
}

/// Counts what a training-data shape leaves out of `doc`.
pub fn count(doc: &Document, holds: Holds, report: &mut ExportReport) {
    for span in doc.spans() {
        if span.state == SpanState::Rejected {
            report.lose("rejected spans (training exports leave them out)");
            continue;
        }
        count_review(span.state, &span.origin, report);
        if span.layer != default_layer(&span.label) {
            report.lose("layers that differ from the label's default");
        }
        let target_rejected = span
            .refers_to
            .and_then(|t| doc.span(t))
            .is_some_and(|t| t.state == SpanState::Rejected);
        if span.refers_to.is_some() && (!holds.refers_to || target_rejected) {
            report.lose("coreference links (refers_to)");
        }
    }
    for quote in doc.quotes() {
        if quote.state == SpanState::Rejected {
            report.lose("rejected quotes (training exports leave them out)");
            continue;
        }
        if !holds.quote_links {
            report.lose("quotes (links from QUOTE spans to speaker and cue)");
            continue;
        }
        count_review(quote.state, &quote.origin, report);
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
        if quote.speaker.is_none() && quote.cue.is_none() {
            report.lose("quotes without speaker or cue (only their QUOTE spans are written)");
        } else if quote.content.len() > 1 && quote.cue.is_none() {
            report.lose("split quotes without a cue (read back as separate quotes)");
        }
    }
}

/// Counts, for formats without review state (brat, CoNLL, Hugging Face), the
/// rejected spans they leave out and the pending states and suggestion origins
/// they drop; `quotes_held` when the format writes quotes (brat), whose review
/// state is then counted too.
pub fn count_review_states(doc: &Document, quotes_held: bool, report: &mut ExportReport) {
    for span in doc.spans() {
        if span.state == SpanState::Rejected {
            report.lose("rejected spans (training exports leave them out)");
        } else {
            count_review(span.state, &span.origin, report);
        }
    }
    for quote in doc.quotes().filter(|_| quotes_held) {
        if quote.state == SpanState::Rejected {
            report.lose("rejected quotes (training exports leave them out)");
            continue;
        }
        count_review(quote.state, &quote.origin, report);
        if quote.speaker_entity.is_some() {
            report.lose("speaker entity names");
        }
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

fn count_review(state: SpanState, origin: &Origin, report: &mut ExportReport) {
    if state == SpanState::Pending {
        report.lose("pending review states (written as plain annotations)");
    }
    if matches!(origin, Origin::Suggested { .. }) {
        report.lose("suggestion origins (engine, rule, score)");
    }
}
