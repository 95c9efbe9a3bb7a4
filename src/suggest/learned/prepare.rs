//! A document made ready for the tagger: its lines, the rules' tag of each
//! token, the token features; and, for training, the gold tags that the
//! reviewed spans give and the labels the editor turned down on each token.
//!
//! Gold is what the editor settled: entity spans that are accepted (made by
//! hand, or suggested and accepted) are their label; every other token is
//! `O`. Rejected spans are negative evidence: the token must not carry the
//! rejected label (see `train`). Pending spans are not gold, and a line
//! that holds one is not settled (a document marked done with suggestions
//! left pending): training leaves that line out rather than teach that
//! its tokens are outside any entity.

use super::context::DocContext;
use super::features::{LineFeatures, RulesTag, extract};
use super::lines::{Line, lay, lines, spans_in};
use super::tags::TagSet;
use crate::model::labels::{CUE, QUOTE, SPEAKER};
use crate::model::{ByteRange, Document, Layer, Origin, SpanState};
use crate::suggest::Suggestions;

/// Labels of the attribution layer, never learned whatever layer a reader gave them.
const ATTRIBUTION: [&str; 3] = [QUOTE, SPEAKER, CUE];

/// A document's lines and their token features.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Non-blank lines outside the skipped ranges.
    pub lines: Vec<Line>,
    /// The features of each line's tokens.
    pub features: Vec<LineFeatures>,
}

/// True for an entity span the tagger may learn from or propose.
pub fn is_entity(layer: Layer, label: &str) -> bool {
    layer == Layer::Entity && !ATTRIBUTION.contains(&label)
}

/// Reads `doc` with the `rules` engine's suggestions for it; lines that
/// overlap `skip` (boilerplate) are left out.
pub fn prepare(doc: &Document, rules: &Suggestions, skip: &[ByteRange]) -> Prepared {
    let text = doc.text();
    let found = lines(text, skip);
    let rule_spans: Vec<(ByteRange, (&str, &str))> = rules
        .spans
        .iter()
        .filter(|s| is_entity(s.layer, &s.label))
        .map(|s| {
            let rule = match &s.origin {
                Origin::Suggested { rule, .. } => rule.as_ref(),
                Origin::Manual => "manual",
            };
            (s.range, (s.label.as_str(), rule))
        })
        .collect();
    let tags: Vec<Vec<RulesTag>> = found
        .iter()
        .map(|line| {
            lay(&line.tokens, &spans_in(line.range, &rule_spans))
                .into_iter()
                .map(|t| t.map(|((label, rule), part)| (label, part, rule)))
                .collect()
        })
        .collect();
    let labels: Vec<Vec<Option<&str>>> = tags
        .iter()
        .map(|line| line.iter().map(|t| t.map(|(l, _, _)| l)).collect())
        .collect();
    let ctx = DocContext::new(text, &found, &labels);
    let features = found
        .iter()
        .zip(&tags)
        .map(|(line, rules)| extract(text, line, rules, &ctx))
        .collect();
    Prepared {
        lines: found,
        features,
    }
}

/// The entity labels the editor accepted in `docs`, sorted.
pub fn accepted_labels(docs: &[Document]) -> Vec<String> {
    let mut labels: Vec<String> = docs
        .iter()
        .flat_map(Document::spans)
        .filter(|s| s.state == SpanState::Accepted && is_entity(s.layer, &s.label))
        .map(|s| s.label.clone())
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// The entity labels `docs` only ever reject: suggestions of these the
/// editor turned down every time and never accepted.
pub fn refused_labels(docs: &[Document], accepted: &[String]) -> Vec<String> {
    let mut labels: Vec<String> = docs
        .iter()
        .flat_map(Document::spans)
        .filter(|s| s.state == SpanState::Rejected && is_entity(s.layer, &s.label))
        .filter(|s| !accepted.contains(&s.label))
        .map(|s| s.label.clone())
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// Gold tags and rejected labels of one line's tokens.
pub struct Gold {
    /// The tag each token should get.
    pub tags: Vec<usize>,
    /// The label number the editor rejected on each token, if any.
    pub rejected: Vec<Option<usize>>,
    /// True when an entity span on the line is still pending.
    pub unsettled: bool,
}

/// The gold of `line` in `doc` for the tag set `tags`.
pub fn gold(doc: &Document, line: &Line, tags: &TagSet) -> Gold {
    let spans_of = |state: SpanState| -> Vec<(ByteRange, usize)> {
        let all: Vec<(ByteRange, usize)> = doc
            .spans()
            .filter(|s| s.state == state && is_entity(s.layer, &s.label))
            .filter_map(|s| Some((s.range, tags.index(&s.label)?)))
            .collect();
        spans_in(line.range, &all)
    };
    let unsettled = doc.spans().any(|s| {
        s.state == SpanState::Pending
            && is_entity(s.layer, &s.label)
            && s.range.overlaps(&line.range)
    });
    let accepted = lay(&line.tokens, &spans_of(SpanState::Accepted));
    let rejected = lay(&line.tokens, &spans_of(SpanState::Rejected));
    Gold {
        tags: accepted
            .iter()
            .map(|t| t.map_or(0, |(label, part)| TagSet::tag(label, part)))
            .collect(),
        rejected: rejected
            .iter()
            .zip(&accepted)
            .map(|(r, a)| match (r, a) {
                (Some((l, _)), Some((m, _))) if l == m => None,
                (Some((l, _)), _) => Some(*l),
                (None, _) => None,
            })
            .collect(),
        unsettled,
    }
}
