//! The suggestion engines run on every opened document: the built-in ones,
//! each filtered through the project's `memory` (a suggestion the editor
//! rejected anywhere in the project does not come back, whichever engine makes
//! it), then the memory's own suggestions (what the editor accepted
//! elsewhere). The memory is shared with the window, which teaches it after
//! every edit, so the next document opened already benefits.

use std::sync::Arc;

use crate::model::{Document, EditError};
use crate::suggest::memory::MemoryEngine;
use crate::suggest::pipeline::suggest_document;
use crate::suggest::{Suggester, Suggestions};

/// The engines of a load. Cheap to clone: loads run on worker threads.
#[derive(Clone, Default)]
pub struct Engines {
    builtin: Arc<Vec<Box<dyn Suggester>>>,
    memory: Option<Arc<MemoryEngine>>,
}

impl Engines {
    /// The built-in engines, in the order they run.
    pub fn new(builtin: Vec<Box<dyn Suggester>>) -> Self {
        Self {
            builtin: Arc::new(builtin),
            memory: None,
        }
    }

    /// The same engines refined by, and followed by, the project's memory.
    pub fn with_memory(&self, memory: Arc<MemoryEngine>) -> Self {
        Self {
            builtin: Arc::clone(&self.builtin),
            memory: Some(memory),
        }
    }

    /// Names of the engines, in the order they run.
    pub fn names(&self) -> Vec<String> {
        let memory = self.memory.as_ref().map(|m| m.name().to_owned());
        self.builtin
            .iter()
            .map(|e| e.name().to_owned())
            .chain(memory)
            .collect()
    }

    /// Runs every engine on `doc` as pending suggestions; returns the number
    /// of spans added.
    pub fn suggest(&self, doc: &mut Document) -> Result<usize, EditError> {
        let refined: Vec<Refined<'_>> = self
            .builtin
            .iter()
            .map(|engine| Refined {
                engine: engine.as_ref(),
                memory: self.memory.as_deref(),
            })
            .collect();
        let mut engines: Vec<&dyn Suggester> =
            refined.iter().map(|r| r as &dyn Suggester).collect();
        if let Some(memory) = &self.memory {
            engines.push(memory.as_ref());
        }
        suggest_document(doc, &engines)
    }
}

/// An engine whose suggestions pass through the memory's verdicts.
struct Refined<'a> {
    engine: &'a dyn Suggester,
    memory: Option<&'a MemoryEngine>,
}

impl Suggester for Refined<'_> {
    fn name(&self) -> &str {
        self.engine.name()
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        let mut suggestions = self.engine.suggest(doc);
        if let Some(memory) = self.memory {
            memory.refine(doc, &mut suggestions);
        }
        suggestions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ByteRange, Edit, Layer, Origin, Span, SpanState, Transaction};
    use crate::suggest::SuggestedSpan;

    /// Suggests every capitalised word as PERSON.
    struct Capitals;

    impl Suggester for Capitals {
        fn name(&self) -> &str {
            "capitals"
        }
        fn suggest(&self, doc: &Document) -> Suggestions {
            let text = doc.text();
            let mut spans = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (start, c.is_alphabetic()) {
                    (None, true) if c.is_uppercase() => start = Some(i),
                    (Some(s), false) => {
                        spans.push(SuggestedSpan {
                            range: ByteRange::new(s, i),
                            label: "PERSON".into(),
                            layer: Layer::Entity,
                            origin: Origin::suggested("capitals", "word", 0.5),
                            refers_to: None,
                        });
                        start = None;
                    }
                    _ => {}
                }
            }
            Suggestions {
                spans,
                ..Suggestions::default()
            }
        }
    }

    fn labelled(doc: &Document) -> Vec<(&str, &str, SpanState)> {
        doc.spans_sorted()
            .into_iter()
            .map(|s| (s.text(doc.text()), s.label.as_str(), s.state))
            .collect()
    }

    #[test]
    fn what_the_editor_rejected_or_added_elsewhere_shapes_the_next_document() {
        let memory = Arc::new(MemoryEngine::default());
        let engines = Engines::new(vec![Box::new(Capitals)]).with_memory(Arc::clone(&memory));
        assert_eq!(engines.names(), ["capitals", "memory"]);

        let mut first = Document::new(None, "Monday: Zoë met Ana Díaz in Zürich.");
        engines.suggest(&mut first).unwrap();
        let monday = first.spans().find(|s| s.text(first.text()) == "Monday");
        let mut rejected = monday.unwrap().clone();
        rejected.state = SpanState::Rejected;
        let gpe = Span::manual(
            first.ids().span(),
            ByteRange::new(30, 37),
            "GPE",
            Layer::Entity,
        );
        let tx = Transaction::new("Review")
            .with(Edit::ReplaceSpan(rejected))
            .with(Edit::InsertSpan(gpe));
        let applied = first.apply(&tx).unwrap();
        memory.learn(&applied, &first);

        let mut next = Document::new(None, "Monday in Zürich.");
        engines.suggest(&mut next).unwrap();
        assert_eq!(
            labelled(&next),
            [
                ("Zürich", "PERSON", SpanState::Pending),
                ("Zürich", "GPE", SpanState::Pending)
            ],
            "Monday is not suggested again; Zürich is a GPE by memory"
        );
    }
}
