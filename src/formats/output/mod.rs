//! Writing machinery every writer shares, whatever its format: the checks
//! before writing ([`check_alignment`]), gold and suggestions ([`review`],
//! [`exported_spans`]), what a format cannot hold counted into the report
//! ([`losses`]), documents encoded on all cores in input order
//! ([`parallel`]), the IOB2 tagging of the token formats ([`iob`]), and
//! outputs that replace an earlier one only once complete ([`atomic`]).

pub mod atomic;
pub mod iob;
pub mod losses;
pub mod parallel;
pub mod review;

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

/// The spans of `doc` that are not rejected, sorted by start then id: what
/// an evaluation scores, and, on a document's gold ([`Document::gold`], what
/// every writer is given), every span it writes.
pub fn exported_spans(doc: &Document) -> Vec<&Span> {
    doc.spans_sorted()
        .into_iter()
        .filter(|s| s.state != SpanState::Rejected)
        .collect()
}
