//! [`MemoryEngine`]: the memory as a [`Suggester`] that keeps learning while
//! the editor works. The app loads the project's memory into it, calls
//! [`MemoryEngine::learn`] after each applied transaction, runs
//! [`MemoryEngine::refine`] over every engine's suggestions (so a rejected
//! phrase stays rejected whoever suggests it) and [`MemoryEngine::refresh`] on
//! a document being opened (so it benefits from what was learned since its
//! suggestions were made).

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use super::ENGINE;
use super::matcher::{Matcher, flat_suggestions};
use crate::model::memory::{Delta, Memory, Verdict, is_name_like, observe, phrase_of};
use crate::model::{
    Applied, ByteRange, DocStatus, Document, Edit, Layer, Origin, SpanState, Transaction,
};
use crate::suggest::{SuggestedSpan, Suggester, Suggestions, to_transaction};

/// How far a speaker's `refers_to` chain is followed when naming it.
const MAX_CHAIN: usize = 8;

/// The `memory` engine. Cheap to share: learning takes a write lock for a few
/// map updates, and the automaton is rebuilt lazily on the next suggestion.
#[derive(Default)]
pub struct MemoryEngine {
    memory: RwLock<Memory>,
    matcher: Mutex<Option<Arc<Matcher>>>,
}

impl MemoryEngine {
    /// An engine starting from a memory loaded from the project.
    pub fn new(memory: Memory) -> Self {
        Self {
            memory: RwLock::new(memory),
            matcher: Mutex::new(None),
        }
    }

    /// Learns from a transaction the editor just applied to `doc`.
    pub fn learn(&self, applied: &Applied, doc: &Document) {
        self.learn_delta(&observe(applied, doc));
    }

    /// Learns a delta computed elsewhere (an import, another window's work).
    pub fn learn_delta(&self, delta: &Delta) {
        if delta.is_empty() {
            return;
        }
        self.memory
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .apply(delta);
        *self.matcher.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// A copy of what the engine knows now.
    pub fn memory(&self) -> Memory {
        self.memory
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn matcher(&self) -> Arc<Matcher> {
        let mut slot = self.matcher.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(matcher) = slot.as_ref() {
            return Arc::clone(matcher);
        }
        let memory = self.memory.read().unwrap_or_else(PoisonError::into_inner);
        let matcher = Arc::new(Matcher::new(&memory));
        *slot = Some(Arc::clone(&matcher));
        matcher
    }

    /// Ranges and labels the editor rejected, found in `text`.
    fn vetoes(&self, text: &str) -> HashSet<(ByteRange, String)> {
        self.matcher()
            .find(text)
            .into_iter()
            .filter(|h| h.verdict == Verdict::Veto)
            .map(|h| (h.range, h.label))
            .collect()
    }

    /// The canonical name the memory knows for any of `names`, first hit wins.
    fn canonical<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Option<String> {
        let memory = self.memory.read().unwrap_or_else(PoisonError::into_inner);
        names
            .into_iter()
            .map(phrase_of)
            .filter(|p| is_name_like(p))
            .find_map(|p| memory.speaker_entity(&p).map(str::to_owned))
    }

    /// Drops suggestions the editor rejected before (from any engine) and
    /// names quoted speakers the editor named before.
    pub fn refine(&self, doc: &Document, suggestions: &mut Suggestions) {
        let vetoes = self.vetoes(doc.text());
        let mut renumber: Vec<Option<usize>> = Vec::with_capacity(suggestions.spans.len());
        let mut kept = Vec::with_capacity(suggestions.spans.len());
        for span in std::mem::take(&mut suggestions.spans) {
            if vetoes.contains(&(span.range, span.label.clone())) {
                renumber.push(None);
            } else {
                renumber.push(Some(kept.len()));
                kept.push(span);
            }
        }
        let map = |i: usize| renumber.get(i).copied().flatten();
        for span in &mut kept {
            span.refers_to = span.refers_to.and_then(map);
        }
        suggestions.spans = kept;
        suggestions.quotes.retain_mut(|q| {
            q.content = q.content.iter().filter_map(|&i| map(i)).collect();
            q.speaker = q.speaker.and_then(map);
            q.cue = q.cue.and_then(map);
            !q.content.is_empty()
        });
        let text = doc.text();
        let spans = &suggestions.spans;
        for quote in &mut suggestions.quotes {
            let names = chain_names(quote.speaker_entity.as_deref(), quote.speaker, |i| {
                let span = spans.get(i)?;
                Some((span.range.slice(text).unwrap_or(""), span.refers_to))
            });
            if let Some(name) = self.canonical(names) {
                quote.speaker_entity = Some(name);
            }
        }
    }

    /// Brings an opened document up to date with the memory, as one
    /// transaction: new memory suggestions, pending suggestions the editor has
    /// since rejected elsewhere withdrawn, pending quotes given the speaker
    /// names learned since.
    pub fn refresh(&self, doc: &Document) -> Transaction {
        let mut tx = to_transaction(doc, &self.suggest(doc));
        tx.label = "Memory suggestions".to_owned();
        let vetoes = self.vetoes(doc.text());
        for span in doc.spans() {
            if span.state == SpanState::Pending
                && vetoes.contains(&(span.range, span.label.clone()))
            {
                tx.push(Edit::DeleteSpan(span.id));
            }
        }
        for quote in doc.quotes().filter(|q| q.state == SpanState::Pending) {
            let names = chain_names(quote.speaker_entity.as_deref(), quote.speaker, |id| {
                let span = doc.span(id)?;
                Some((span.text(doc.text()), span.refers_to))
            });
            if let Some(name) = self.canonical(names)
                && quote.speaker_entity.as_deref() != Some(name.as_str())
            {
                let mut named = quote.clone();
                named.speaker_entity = Some(name);
                tx.push(Edit::ReplaceQuote(named));
            }
        }
        tx
    }
}

/// The names a quote's speaker goes by: the name already given, then the
/// mention and each earlier mention it refers to ("he" → "Blinken").
fn chain_names<'t, I: Copy>(
    given: Option<&'t str>,
    speaker: Option<I>,
    step: impl Fn(I) -> Option<(&'t str, Option<I>)>,
) -> Vec<&'t str> {
    let mut names: Vec<&str> = given.into_iter().collect();
    let mut at = speaker;
    for _ in 0..MAX_CHAIN {
        let Some((name, next)) = at.and_then(&step) else {
            break;
        };
        names.push(name);
        at = next;
    }
    names
}

impl Suggester for MemoryEngine {
    fn name(&self) -> &str {
        ENGINE
    }

    /// What the editor accepted elsewhere, found in `doc` — but nothing in a
    /// document marked done, nothing in boilerplate, and nothing over a span
    /// of the same label the document has (a "Blinken" inside "Antony
    /// Blinken" would be a second PERSON chip on the same person).
    fn suggest(&self, doc: &Document) -> Suggestions {
        if doc.status() == DocStatus::Done {
            return Suggestions::default();
        }
        let hits = self.matcher().find(doc.text());
        let taken: Vec<(ByteRange, &str)> = (doc.spans())
            .filter(|s| s.state != SpanState::Rejected)
            .map(|s| (s.range, s.label.as_str()))
            .collect();
        let free = |range: &ByteRange, label: &str| {
            !doc.boilerplate.iter().any(|b| b.overlaps(range))
                && !(taken.iter()).any(|(r, l)| *l == label && r.overlaps(range))
        };
        let spans = flat_suggestions(&hits)
            .into_iter()
            .filter(|(range, label, _)| free(range, label))
            .map(|(range, label, score)| SuggestedSpan {
                range,
                label: label.to_owned(),
                layer: Layer::Entity,
                origin: Origin::suggested(ENGINE, "phrase", score),
                refers_to: None,
            })
            .collect();
        Suggestions {
            spans,
            ..Suggestions::default()
        }
    }
}
