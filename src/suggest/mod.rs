//! Suggesters: engines that read a document and propose spans and quotes.
//! Deterministic, no I/O, `Send + Sync` so documents run in parallel. Every
//! suggestion carries its engine, the rule that fired and a confidence.

pub mod boilerplate;
mod classes;
pub mod engines;
pub mod entities;
pub mod external;
pub mod learned;
pub mod memory;
mod phrase_set;
pub mod pipeline;
pub mod rules;
mod settled;

use std::collections::{HashMap, HashSet};

use settled::Settled;

pub use crate::model::{AttributionClass, ClassSet};

use crate::model::{
    ByteRange, Document, Edit, Layer, Origin, Quote, QuoteGroup, QuoteKind, Span, SpanId,
    SpanState, Transaction,
};

/// A proposed span. `refers_to` is an index into [`Suggestions::spans`].
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedSpan {
    /// Bytes covered (on char boundaries).
    pub range: ByteRange,
    /// Label name.
    pub label: String,
    /// Layer of the label.
    pub layer: Layer,
    /// Engine, rule, score.
    pub origin: Origin,
    /// Earlier mention this one refers to, by index into the same list.
    pub refers_to: Option<usize>,
}

/// A proposed quote; span references are indices into [`Suggestions::spans`].
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedQuote {
    /// QUOTE spans, in text order.
    pub content: Vec<usize>,
    /// SPEAKER span.
    pub speaker: Option<usize>,
    /// CUE span.
    pub cue: Option<usize>,
    /// How the words are reported.
    pub kind: QuoteKind,
    /// Canonical name of who is quoted.
    pub speaker_entity: Option<String>,
    /// Engine, rule, score.
    pub origin: Origin,
    /// What the attribution reports: speech, writing, belief, stance, evidence.
    pub class: AttributionClass,
    /// Quotes sharing a group are the segments of one interrupted quote
    /// (`“A,” she said. “B.”` written as one record per segment). The number
    /// is the engine's own: [`to_transaction`] gives each a fresh group.
    pub group: Option<u32>,
}

/// Everything an engine proposes for one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// Proposed spans.
    pub spans: Vec<SuggestedSpan>,
    /// Proposed quotes.
    pub quotes: Vec<SuggestedQuote>,
    /// Paragraphs found to be boilerplate.
    pub boilerplate: Vec<ByteRange>,
}

/// An engine that proposes annotations.
pub trait Suggester: Send + Sync {
    /// Engine name written into every suggestion's origin.
    fn name(&self) -> &str;
    /// Proposes annotations for one document.
    fn suggest(&self, doc: &Document) -> Suggestions;
}

/// The built-in engines. The `rules` engine finds boilerplate, entities and
/// quotes in one pass (its speaker resolution uses the entity mentions), so
/// the entity finder runs once per document. The CLI, the window and the
/// benchmarks all take their engines from here.
pub fn builtin() -> Vec<Box<dyn Suggester>> {
    builtin_with(rules::RulesConfig::default())
}

/// The built-in engines with the `rules` engine set up by `config` (which
/// attribution classes to suggest, how interrupted quotes are written).
pub fn builtin_with(config: rules::RulesConfig) -> Vec<Box<dyn Suggester>> {
    vec![Box::new(rules::RulesSuggester::with_config(config))]
}

/// Turns suggestions into one transaction of pending spans and quotes. A
/// suggestion whose range and label the document already has (in any state) is
/// skipped, so a rejected span does not come back and re-running is harmless.
/// An entity suggestion that crosses an entity the editor accepted is skipped
/// too: it could only contradict what the editor (or a gold file) settled.
pub fn to_transaction(doc: &Document, suggestions: &Suggestions) -> Transaction {
    let existing: HashMap<(ByteRange, &str), SpanId> = doc
        .spans()
        .map(|e| ((e.range, e.label.as_str()), e.id))
        .collect();
    let settled = Settled::new(
        doc.spans()
            .filter(|e| e.layer == Layer::Entity && e.state == SpanState::Accepted)
            .map(|e| e.range),
    );
    let crosses_settled = |s: &SuggestedSpan| s.layer == Layer::Entity && settled.crosses(s.range);
    let quoted: HashSet<&[SpanId]> = doc.quotes().map(|q| q.content.as_slice()).collect();
    let mut ids = doc.ids();
    let mut tx = Transaction::new("Suggest");
    let mut assigned: Vec<Option<SpanId>> = Vec::with_capacity(suggestions.spans.len());
    for s in &suggestions.spans {
        if let Some(&id) = existing.get(&(s.range, s.label.as_str())) {
            assigned.push(Some(id));
            continue;
        }
        if crosses_settled(s) {
            assigned.push(None);
            continue;
        }
        let id = ids.span();
        let mut span = Span::suggested(id, s.range, s.label.clone(), s.layer, s.origin.clone());
        // Only earlier suggestions exist when this one is inserted.
        span.refers_to = s.refers_to.and_then(|i| assigned.get(i).copied().flatten());
        assigned.push(Some(id));
        tx.push(Edit::InsertSpan(span));
    }
    let id_of = |i: usize| assigned.get(i).copied().flatten();
    // An engine's groups are its own numbers: each gets a fresh document group.
    let mut groups: HashMap<u32, QuoteGroup> = HashMap::new();
    for q in &suggestions.quotes {
        let content: Vec<SpanId> = q.content.iter().filter_map(|&i| id_of(i)).collect();
        if content.is_empty() || quoted.contains(content.as_slice()) {
            continue;
        }
        tx.push(Edit::InsertQuote(Quote {
            id: ids.quote(),
            content,
            speaker: q.speaker.and_then(id_of),
            cue: q.cue.and_then(id_of),
            kind: q.kind,
            class: q.class,
            speaker_entity: q.speaker_entity.clone(),
            state: SpanState::Pending,
            origin: q.origin.clone(),
            group: q
                .group
                .map(|g| *groups.entry(g).or_insert_with(|| ids.group())),
        }));
    }
    tx
}
