//! Attribution edits: tie a quote to its speaker or cue, tie a mention
//! (`the official`, `he`) to the earlier mention it refers to, and set a
//! quote's kind and class. The quote's `speaker_entity` follows the speaker's chain of
//! mentions, so an export can name who each quote belongs to.

use super::Draft;
use super::review::{CUE, SPEAKER};
use crate::editor::selection::Role;
use crate::model::{
    AttributionClass, ByteRange, Document, Layer, QuoteId, QuoteKind, Span, SpanId, SpanState,
    Transaction,
};
use crate::suggest::rules::speaker_name;

/// Mentions followed at most when resolving who a speaker is.
const MAX_CHAIN: usize = 32;

/// Makes `target` the quote's speaker or cue. A target with another label
/// (say a PERSON) gets a SPEAKER/CUE span over the same text. A pending
/// speaker or cue it replaces, used by no other quote, is rejected.
pub fn link_quote(
    doc: &Document,
    quote: QuoteId,
    role: Role,
    target: SpanId,
) -> Option<Transaction> {
    let range = doc.span(target)?.range;
    let mut draft = Draft::new(doc);
    let linked = if doc.span(target)?.label == role_label(role) {
        draft.set_state(target, SpanState::Accepted);
        target
    } else {
        role_span(&mut draft, role, range)
    };
    set_role(&mut draft, quote, role, linked)?;
    draft.finish(format!("Link {}", role_label(role)))
}

/// Makes a dragged range the quote's speaker or cue.
pub fn link_quote_to_range(
    doc: &Document,
    quote: QuoteId,
    role: Role,
    range: ByteRange,
) -> Option<Transaction> {
    range.slice(doc.text())?;
    let mut draft = Draft::new(doc);
    let linked = role_span(&mut draft, role, range);
    set_role(&mut draft, quote, role, linked)?;
    draft.finish(format!("Link {}", role_label(role)))
}

/// Says that `mention` refers to `target` (an earlier, fuller mention), and
/// renames the speaker of every quote `mention` speaks. Refuses a link that
/// would make a cycle.
pub fn link_mention(doc: &Document, mention: SpanId, target: SpanId) -> Option<Transaction> {
    doc.span(mention)?;
    doc.span(target)?;
    if chain(doc, target).contains(&mention) {
        return None;
    }
    let mut draft = Draft::new(doc);
    if let Some(span) = draft.span_mut(mention) {
        span.refers_to = Some(target);
        span.state = SpanState::Accepted;
    }
    let name = resolved_name(&draft, mention);
    let quotes: Vec<QuoteId> = doc
        .quotes()
        .filter(|q| q.speaker == Some(mention))
        .map(|q| q.id)
        .collect();
    for id in quotes {
        if let Some(q) = draft.quote_mut(id) {
            q.speaker_entity = name.clone();
        }
    }
    draft.finish("Link mention")
}

/// Changes how a quote is reported.
pub fn set_quote_kind(doc: &Document, quote: QuoteId, kind: QuoteKind) -> Option<Transaction> {
    let mut draft = Draft::new(doc);
    draft.quote_mut(quote)?.kind = kind;
    draft.finish(format!("Quote kind {}", kind.as_str()))
}

/// Changes what a quote's attribution reports (speech, writing, belief…).
/// The quote keeps its review state, as with its kind: an accepted quote
/// stays gold, a suggestion stays pending until it is accepted.
pub fn set_quote_class(
    doc: &Document,
    quote: QuoteId,
    class: AttributionClass,
) -> Option<Transaction> {
    let mut draft = Draft::new(doc);
    draft.quote_mut(quote)?.class = class;
    draft.finish(format!("Quote class {}", class.as_str()))
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Speaker => SPEAKER,
        Role::Cue => CUE,
    }
}

/// An accepted SPEAKER/CUE span over `range`: an existing one, or a new one.
fn role_span(draft: &mut Draft<'_>, role: Role, range: ByteRange) -> SpanId {
    let label = role_label(role);
    let existing = draft
        .doc
        .spans()
        .find(|s| s.range == range && s.label == label)
        .map(|s| s.id);
    match existing {
        Some(id) => {
            draft.set_state(id, SpanState::Accepted);
            id
        }
        None => draft.insert_span(Span::manual(SpanId(0), range, label, Layer::Attribution)),
    }
}

fn set_role(draft: &mut Draft<'_>, quote: QuoteId, role: Role, linked: SpanId) -> Option<()> {
    let name = resolved_name(draft, linked);
    let q = draft.quote_mut(quote)?;
    let old = match role {
        Role::Speaker => {
            q.speaker_entity = name;
            q.speaker.replace(linked)
        }
        Role::Cue => q.cue.replace(linked),
    };
    if let Some(old) = old.filter(|&o| o != linked) {
        let pending = draft
            .span(old)
            .is_some_and(|s| s.state == SpanState::Pending);
        if pending && !draft.used_elsewhere(old, quote) {
            draft.set_state(old, SpanState::Rejected);
        }
    }
    Some(())
}

/// The span ids from `start` along `refers_to` links, `start` first.
fn chain(doc: &Document, start: SpanId) -> Vec<SpanId> {
    let mut out = vec![start];
    let mut at = start;
    while let Some(next) = doc.span(at).and_then(|s| s.refers_to) {
        if out.contains(&next) || out.len() > MAX_CHAIN {
            break;
        }
        out.push(next);
        at = next;
    }
    out
}

/// The name the last mention in a speaker's chain gives (see
/// [`speaker_name`]: the name the rules give too); for a new span (not yet in
/// the document) the name its own range gives.
fn resolved_name(draft: &Draft<'_>, start: SpanId) -> Option<String> {
    let text = draft.doc.text();
    let mut at = start;
    for _ in 0..MAX_CHAIN {
        match draft.span(at).and_then(|s| s.refers_to) {
            Some(next) if next != start => at = next,
            _ => break,
        }
    }
    let range = draft.span(at).map(|s| s.range).or_else(|| {
        draft
            .inserted_spans
            .iter()
            .find(|s| s.id == at)
            .map(|s| s.range)
    })?;
    range.slice(text).map(speaker_name)
}
