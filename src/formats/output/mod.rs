//! Writing machinery every writer shares, whatever its format: the checks
//! before writing ([`check_alignment`]), the spans a training export carries
//! ([`exported_spans`]), what a format cannot hold counted into the report
//! ([`losses`]), documents encoded on all cores in input order
//! ([`parallel`]), and the IOB2 tagging of the token formats ([`iob`]).

pub mod iob;
pub mod losses;
pub mod parallel;

use crate::formats::ExportError;
use crate::model::{Document, Span, SpanState};

/// Checks that every span of `doc` slices its text; writers call it before writing.
pub fn check_alignment(doc: &Document) -> Result<(), ExportError> {
    for span in doc.spans() {
        if span.range.slice(doc.text()).is_none() || span.range.is_empty() {
            return Err(ExportError::Misaligned {
                document: doc.source.clone().unwrap_or_else(|| doc.id.to_string()),
                span: span.id.0,
                label: span.label.clone(),
            });
        }
    }
    Ok(())
}

/// The spans a training export carries: accepted and pending, not rejected,
/// sorted by start then id.
pub fn exported_spans(doc: &Document) -> Vec<&Span> {
    doc.spans_sorted()
        .into_iter()
        .filter(|s| s.state != SpanState::Rejected)
        .collect()
}
