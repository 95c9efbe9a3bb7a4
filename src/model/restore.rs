//! Rebuilding a document from stored parts (a project file, a database row set)
//! in one step, instead of replaying its edit history. The parts are checked
//! with the same rules [`Document::apply`] enforces, so a damaged store yields an
//! error rather than a document the rest of Byline cannot trust.

use serde_json::{Map, Value};

use super::document::{DocId, DocStatus, Document};
use super::edit::EditError;
use super::offsets::ByteRange;
use super::quote::Quote;
use super::span::Span;

/// Everything a document is made of, as a store keeps it. The text is taken as
/// already normalized and the id as given (it is the key the store files it under).
#[derive(Clone, Debug, Default)]
pub struct DocumentParts {
    /// The stored id.
    pub id: Option<DocId>,
    /// Path or name the document came from.
    pub source: Option<String>,
    /// The normalized text.
    pub text: String,
    /// Free-form metadata.
    pub meta: Map<String, Value>,
    /// Boilerplate paragraphs.
    pub boilerplate: Vec<ByteRange>,
    /// Whether the project's engines have run on it.
    pub suggested: bool,
    /// Review status.
    pub status: DocStatus,
    /// Spans, in any order.
    pub spans: Vec<Span>,
    /// Quotes, in any order.
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Rebuilds a document from its parts, refusing ranges off the text, ids
    /// used twice, and links to spans that are not there.
    pub fn restore(parts: DocumentParts) -> Result<Self, EditError> {
        // Stored text is already normalized, so `new` keeps it as it is.
        let mut doc = Self::new(parts.source, &parts.text);
        if let Some(id) = parts.id {
            doc.id = id;
        }
        doc.meta = parts.meta;
        doc.boilerplate = parts.boilerplate;
        doc.suggested = parts.suggested;
        doc.status = parts.status;
        for span in parts.spans {
            if ByteRange::checked(doc.text(), span.range.start, span.range.end).is_err() {
                return Err(EditError::BadRange {
                    id: span.id.0,
                    range: span.range,
                    len: doc.text().len(),
                });
            }
            let id = span.id;
            if doc.spans.insert(id, Box::new(span)).is_some() {
                return Err(EditError::DuplicateId(id.0));
            }
        }
        for span in doc.spans.values() {
            match span.refers_to {
                Some(target) if target == span.id || !doc.spans.contains_key(&target) => {
                    return Err(EditError::UnknownSpan(target.0));
                }
                _ => {}
            }
        }
        for quote in parts.quotes {
            if quote.content.is_empty() {
                return Err(EditError::EmptyQuote(quote.id.0));
            }
            if let Some(missing) = quote.span_ids().find(|id| !doc.spans.contains_key(id)) {
                return Err(EditError::UnknownSpan(missing.0));
            }
            let id = quote.id;
            if doc.quotes.insert(id, Box::new(quote)).is_some() {
                return Err(EditError::DuplicateId(id.0));
            }
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    fn parts_of(doc: &Document) -> DocumentParts {
        DocumentParts {
            id: Some(doc.id.clone()),
            source: doc.source.clone(),
            text: doc.text().to_owned(),
            meta: doc.meta.clone(),
            boilerplate: doc.boilerplate.clone(),
            suggested: doc.suggested,
            status: doc.status(),
            spans: doc.spans().cloned().collect(),
            quotes: doc.quotes().cloned().collect(),
        }
    }

    #[test]
    fn restores_an_equal_document() {
        let doc =
            markup::document("[“Wir bauen auf,”|QUOTE:1] [Frau Müller|SPEAKER:1] [sagte|CUE:1].")
                .unwrap();
        assert_eq!(Document::restore(parts_of(&doc)).unwrap(), doc);
    }

    #[test]
    fn refuses_ranges_inside_a_character_and_dangling_links() {
        let doc = markup::document("[“Hé,”|QUOTE:1] [she|SPEAKER:1] said.").unwrap();
        let mut parts = parts_of(&doc);
        parts.spans[0].range = ByteRange::new(1, 4);
        assert!(matches!(
            Document::restore(parts),
            Err(EditError::BadRange { .. })
        ));
        let mut parts = parts_of(&doc);
        let speaker = parts.quotes[0].speaker.unwrap();
        parts.spans.retain(|s| s.id != speaker);
        assert_eq!(
            Document::restore(parts),
            Err(EditError::UnknownSpan(speaker.0))
        );
    }
}
