//! What the article view needs from a document, rebuilt only when the document
//! or its revision changes: paragraphs, the spans drawn in each, and a key per
//! paragraph that changes exactly when that paragraph must be laid out again.

use std::hash::{Hash, Hasher};

use crate::editor::edits::{CUE, QUOTE, SPEAKER};
use crate::model::{ByteRange, DocId, Document, SpanId, SpanState};

/// How a span is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// Coloured background and a label chip.
    Entity,
    /// A band under the text.
    Quote,
    /// An outline and a chip.
    Speaker,
    /// An outline and a chip.
    Cue,
}

impl MarkKind {
    /// The drawing style of a label.
    pub fn of(label: &str) -> Self {
        match label {
            QUOTE => Self::Quote,
            SPEAKER => Self::Speaker,
            CUE => Self::Cue,
            _ => Self::Entity,
        }
    }

    /// True when the span carries a label chip after its text.
    pub fn has_chip(self) -> bool {
        self != Self::Quote
    }
}

/// A span as the view draws it (rejected spans are not drawn).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SpanRef {
    /// The span.
    pub id: SpanId,
    /// Its whole range, possibly beyond this paragraph.
    pub range: ByteRange,
    /// Its label.
    pub label: String,
    /// Pending or accepted.
    pub state: SpanState,
    /// Drawing style.
    pub kind: MarkKind,
}

/// One paragraph of the article.
#[derive(Clone, Debug)]
pub struct Para {
    /// Bytes of the document text.
    pub range: ByteRange,
    /// Drawn dimmed.
    pub boilerplate: bool,
    /// Spans overlapping the paragraph, by start then longest first.
    pub spans: Vec<SpanRef>,
    /// Changes whenever what is drawn in the paragraph changes.
    pub key: u64,
}

/// The paragraphs of one revision of one document.
#[derive(Debug, Default)]
pub struct ViewModel {
    /// Document and revision this was built from.
    pub built_from: Option<(DocId, u64)>,
    /// Paragraphs in text order.
    pub paras: Vec<Para>,
}

impl ViewModel {
    /// Brings the model up to date with `doc` at `revision`; returns true when it changed.
    pub fn update(&mut self, doc: &Document, revision: u64) -> bool {
        let wanted = (doc.id.clone(), revision);
        if self.built_from.as_ref() == Some(&wanted) {
            return false;
        }
        let same_doc = self
            .built_from
            .as_ref()
            .is_some_and(|(id, _)| *id == doc.id);
        if !same_doc {
            self.paras = doc
                .paragraphs()
                .into_iter()
                .map(|range| Para {
                    range,
                    boilerplate: doc.is_boilerplate(range),
                    spans: Vec::new(),
                    key: 0,
                })
                .collect();
        }
        for para in &mut self.paras {
            para.spans.clear();
        }
        for span in doc.spans_sorted() {
            if span.state == SpanState::Rejected {
                continue;
            }
            let first = self
                .paras
                .partition_point(|p| p.range.end <= span.range.start);
            for para in self.paras[first..]
                .iter_mut()
                .take_while(|p| p.range.start < span.range.end)
            {
                para.spans.push(SpanRef {
                    id: span.id,
                    range: span.range,
                    label: span.label.clone(),
                    state: span.state,
                    kind: MarkKind::of(&span.label),
                });
            }
        }
        for para in &mut self.paras {
            para.spans
                .sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end), s.id));
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            para.range.hash(&mut hasher);
            para.boilerplate.hash(&mut hasher);
            para.spans.hash(&mut hasher);
            para.key = hasher.finish();
        }
        self.built_from = Some(wanted);
        true
    }

    /// Index of the paragraph holding byte `offset`, or the nearest one after it.
    pub fn para_at(&self, offset: usize) -> Option<usize> {
        let i = self.paras.partition_point(|p| p.range.end < offset);
        (i < self.paras.len()).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    #[test]
    fn spans_land_in_every_paragraph_they_touch_and_keys_track_changes() {
        let doc =
            markup::document("[“One\n\ntwo”|QUOTE] and [Ana|PERSON].\n\nNothing here.").unwrap();
        let mut vm = ViewModel::default();
        assert!(vm.update(&doc, 0));
        assert!(!vm.update(&doc, 0));
        assert_eq!(vm.paras.len(), 3);
        assert_eq!(vm.paras[0].spans.len(), 1);
        assert_eq!(vm.paras[1].spans.len(), 2);
        assert!(vm.paras[2].spans.is_empty());
        let keys: Vec<u64> = vm.paras.iter().map(|p| p.key).collect();
        assert!(vm.update(&doc, 1));
        let again: Vec<u64> = vm.paras.iter().map(|p| p.key).collect();
        assert_eq!(keys, again, "same spans, same keys");
        assert_eq!(vm.para_at(doc.text().find("Nothing").unwrap()), Some(2));
    }
}
