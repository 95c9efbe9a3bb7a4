//! [`LearnedSuggester`]: the rules engine and a trained model as one
//! [`Suggester`], in place of the plain rules engine in a project's engine
//! list: it runs the rules once, tags with the model (the rules' output is
//! among its features) and combines the two (see `combine`).

use std::sync::Arc;

use super::{ENGINE, Model, TRUST_AFTER};
use crate::model::Document;
use crate::suggest::rules::RulesSuggester;
use crate::suggest::{Suggester, Suggestions};

/// Rules plus a trained model; the model is shared, so retraining swaps in
/// a new `Arc` without copying weights.
#[derive(Clone, Debug)]
pub struct LearnedSuggester {
    model: Arc<Model>,
}

impl LearnedSuggester {
    /// Suggests with `model` on top of the built-in rules.
    pub fn new(model: Arc<Model>) -> Self {
        Self { model }
    }

    /// The model in use.
    pub fn model(&self) -> &Model {
        &self.model
    }
}

impl Suggester for LearnedSuggester {
    fn name(&self) -> &str {
        ENGINE
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        self.on_rules(doc, RulesSuggester::new().suggest(doc))
    }
}

impl LearnedSuggester {
    /// The model's suggestions combined with `rules`, what a rules engine
    /// suggested on `doc` — a project's own, with its quote classes, when
    /// this engine runs in its place.
    pub fn on_rules(&self, doc: &Document, rules: Suggestions) -> Suggestions {
        if self.model.documents_seen() < TRUST_AFTER {
            return rules;
        }
        let learned = self.model.predict(doc, &rules);
        self.model.combine(rules, &learned)
    }
}
