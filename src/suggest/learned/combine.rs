//! Rules and learned suggestions made one list. Until the model has learned
//! from [`TRUST_AFTER`] reviewed documents the rules' suggestions pass
//! unchanged. From then on the model's entity spans come first and a rules
//! entity span is kept only where the model says nothing: it overlaps no
//! learned span, its label is not one the editor only ever rejected, and,
//! for a label the model knows, the model is not sure the tokens are
//! outside any entity (its confidence there is below one half). Quotes,
//! speakers and cues pass unchanged; links that pointed at a dropped rules
//! span move to the learned span over it (or go).

use super::prepare::is_entity;
use super::{Model, Prediction};
use crate::suggest::{SuggestedSpan, Suggestions};

/// Reviewed documents the model must have seen before its suggestions lead.
pub const TRUST_AFTER: usize = 20;

/// Below this confidence in "no entity here" the rules may fill in.
const FILL_BELOW: f32 = 0.5;

impl Model {
    /// The combined suggestions for a document: `rules` from the rules
    /// engine, `learned` from [`Model::predict`] on the same document.
    pub fn combine(&self, rules: Suggestions, learned: &Prediction) -> Suggestions {
        if self.documents_seen < TRUST_AFTER {
            return rules;
        }
        merge(rules, learned, self.labels(), &self.refused)
    }
}

/// What becomes of one rules span.
fn keep(
    span: &SuggestedSpan,
    learned: &Prediction,
    known: &[String],
    refused: &[String],
) -> Result<(), Option<usize>> {
    if !is_entity(span.layer, &span.label) {
        return Ok(());
    }
    if let Some(i) = learned
        .spans
        .iter()
        .position(|l| l.range.overlaps(&span.range))
    {
        return Err(Some(i));
    }
    let sure_nothing =
        known.contains(&span.label) && learned.confidence_over(span.range) >= FILL_BELOW;
    if refused.contains(&span.label) || sure_nothing {
        return Err(None);
    }
    Ok(())
}

/// Merges with the policy of the module doc; `known` are the model's
/// labels, `refused` those the editor only ever rejected.
pub fn merge(
    rules: Suggestions,
    learned: &Prediction,
    known: &[String],
    refused: &[String],
) -> Suggestions {
    let mut spans = learned.spans.clone();
    let mut moved: Vec<Option<usize>> = Vec::with_capacity(rules.spans.len());
    let mut kept = Vec::new();
    for span in rules.spans {
        match keep(&span, learned, known, refused) {
            Ok(()) => {
                moved.push(Some(spans.len() + kept.len()));
                kept.push(span);
            }
            Err(to) => moved.push(to),
        }
    }
    let at = |i: usize| moved.get(i).copied().flatten();
    for mut span in kept {
        span.refers_to = span.refers_to.and_then(at);
        spans.push(span);
    }
    let quotes = rules
        .quotes
        .into_iter()
        .map(|mut q| {
            q.content = q.content.iter().filter_map(|&i| at(i)).collect();
            q.speaker = q.speaker.and_then(at);
            q.cue = q.cue.and_then(at);
            q
        })
        .collect();
    Suggestions {
        spans,
        quotes,
        boilerplate: rules.boilerplate,
    }
}
