//! The suggestion engines combined, once, for every caller (`byline suggest`
//! and the editor): the built-in ones, each filtered through a project's
//! `memory` when there is one (a suggestion the editor rejected anywhere in
//! the project does not come back, whichever engine makes it), then the
//! memory's own suggestions (what the editor accepted elsewhere). The memory
//! is shared with the editor, which teaches it after every edit, so the next
//! document opened already benefits. An external engine (`--engine-cmd`, or
//! a project's `byline engine --project P --cmd …`) runs once per batch of
//! documents, its quotes kept only in the project's attribution classes
//! (as the rules engine's are, by the same filter) and its suggestions
//! refined the same way. Once a project's
//! `learned` model is trusted, it takes the plain rules engine's place
//! ([`Engines::with_learned`]).

use std::sync::Arc;

use crate::model::{ClassSet, Document, EditError};
use crate::suggest::external::ExternalEngine;
use crate::suggest::learned::{LearnedSuggester, Model, TRUST_AFTER};
use crate::suggest::memory::MemoryEngine;
use crate::suggest::pipeline::{suggest_all, suggest_document};
use crate::suggest::rules::RulesSuggester;
use crate::suggest::{Suggester, Suggestions};

/// The engines to run. Cheap to clone: loads run on worker threads.
#[derive(Clone, Default)]
pub struct Engines {
    builtin: Arc<Vec<Box<dyn Suggester>>>,
    /// Runs in place of the built-in `rules` engine.
    learned: Option<Arc<LearnedSuggester>>,
    memory: Option<Arc<MemoryEngine>>,
    external: Option<Arc<ExternalEngine>>,
    /// The attribution classes the project suggests: the external engine's
    /// quotes of other classes are dropped.
    classes: ClassSet,
}

impl Engines {
    /// The built-in engines, in the order they run.
    pub fn new(builtin: Vec<Box<dyn Suggester>>) -> Self {
        Self {
            builtin: Arc::new(builtin),
            learned: None,
            memory: None,
            external: None,
            classes: ClassSet::default(),
        }
    }

    /// The same memory, external engine and learned model with other
    /// built-in engines (a project changed the rules engine's settings).
    pub fn with_builtin(&self, builtin: Vec<Box<dyn Suggester>>) -> Self {
        Self {
            builtin: Arc::new(builtin),
            ..self.clone()
        }
    }

    /// The same engines refined by, and followed by, the project's memory.
    pub fn with_memory(&self, memory: Arc<MemoryEngine>) -> Self {
        Self {
            memory: Some(memory),
            ..self.clone()
        }
    }

    /// The same engines with the project's external engine, or without one.
    pub fn with_external(&self, external: Option<ExternalEngine>) -> Self {
        Self {
            external: external.map(Arc::new),
            ..self.clone()
        }
    }

    /// The same engines keeping an external engine's quotes of `classes`
    /// only (the default: speech and writing, as the rules engine's). The
    /// built-in engines keep their own settings: set them up with the same
    /// classes ([`crate::suggest::builtin_with`]).
    pub fn with_classes(&self, classes: ClassSet) -> Self {
        Self {
            classes,
            ..self.clone()
        }
    }

    /// The same engines with a project's learned model in place of the
    /// built-in `rules` engine (it runs the rules itself and combines; see
    /// `suggest::learned`), while the model has seen at least
    /// [`TRUST_AFTER`] reviewed documents; with `None` or a younger model,
    /// the rules engine again.
    pub fn with_learned(&self, model: Option<Arc<Model>>) -> Self {
        let trusted = model.filter(|m| m.documents_seen() >= TRUST_AFTER);
        Self {
            learned: trusted.map(|m| Arc::new(LearnedSuggester::new(m))),
            ..self.clone()
        }
    }

    /// The project's memory, when the engines are refined by one.
    pub fn memory(&self) -> Option<&Arc<MemoryEngine>> {
        self.memory.as_ref()
    }

    /// True when nothing but the memory would suggest (no built-in and no
    /// external engine): such a run does not count as the project's
    /// engines having seen a document.
    pub fn runs_only_memory(&self) -> bool {
        self.builtin.is_empty() && self.external.is_none()
    }

    /// Names of the engines, in the order they run.
    pub fn names(&self) -> Vec<String> {
        let memory = self.memory.as_ref().map(|m| m.name().to_owned());
        let external = self.external.as_ref().map(|_| "external".to_owned());
        self.builtin
            .iter()
            .map(|e| match self.in_place(e.as_ref()) {
                Some(learned) => learned.name().to_owned(),
                None => e.name().to_owned(),
            })
            .chain(memory)
            .chain(external)
            .collect()
    }

    /// Runs the project's external engine, if any, once on all of `docs`,
    /// after [`suggest`](Self::suggest), keeping its quotes of the
    /// project's classes; returns its warnings.
    pub fn suggest_external(&self, docs: &mut [&mut Document]) -> Vec<String> {
        let Some(external) = &self.external else {
            return Vec::new();
        };
        let memory = self.memory.as_deref();
        external.suggest_with(docs, |doc, suggestions| {
            suggestions.keep_classes(self.classes);
            if let Some(memory) = memory {
                memory.refine(doc, suggestions);
            }
        })
    }

    /// Runs every engine but the external one on `doc` as pending
    /// suggestions; returns the number of spans added.
    pub fn suggest(&self, doc: &mut Document) -> Result<usize, EditError> {
        self.with_engines(|engines| suggest_document(doc, engines))
    }

    /// [`suggest`](Self::suggest) on every document on all cores, calling
    /// `progress(done)` as documents finish; results in input order.
    pub fn suggest_all(
        &self,
        docs: &mut [Document],
        progress: &(dyn Fn(usize) + Sync),
    ) -> Vec<Result<usize, EditError>> {
        self.with_engines(|engines| suggest_all(docs, engines, progress))
    }

    /// The learned engine that runs in place of built-in `engine`, on its
    /// output: for the rules engine, when there is one.
    fn in_place(&self, engine: &dyn Suggester) -> Option<&LearnedSuggester> {
        let rules = RulesSuggester::default();
        (self.learned.as_deref()).filter(|_| engine.name() == rules.name())
    }

    /// Calls `run` with the engines in the order they run: each built-in one
    /// refined by the memory, then the memory.
    fn with_engines<R>(&self, run: impl FnOnce(&[&dyn Suggester]) -> R) -> R {
        let refined: Vec<Refined<'_>> = self
            .builtin
            .iter()
            .map(|engine| Refined {
                engine: engine.as_ref(),
                learned: self.in_place(engine.as_ref()),
                memory: self.memory.as_deref(),
            })
            .collect();
        let mut engines: Vec<&dyn Suggester> =
            refined.iter().map(|r| r as &dyn Suggester).collect();
        if let Some(memory) = &self.memory {
            engines.push(memory.as_ref());
        }
        run(&engines)
    }
}

/// An engine whose suggestions pass through the memory's verdicts.
struct Refined<'a> {
    engine: &'a dyn Suggester,
    /// The learned engine that runs on this (rules) engine's output, if any.
    learned: Option<&'a LearnedSuggester>,
    memory: Option<&'a MemoryEngine>,
}

impl Suggester for Refined<'_> {
    fn name(&self) -> &str {
        match self.learned {
            Some(learned) => learned.name(),
            None => self.engine.name(),
        }
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        let mut suggestions = self.engine.suggest(doc);
        if let Some(learned) = self.learned {
            suggestions = learned.on_rules(doc, suggestions);
        }
        if let Some(memory) = self.memory {
            memory.refine(doc, &mut suggestions);
        }
        suggestions
    }
}

#[cfg(test)]
mod tests;
