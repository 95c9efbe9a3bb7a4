//! Reviewing spans: accept, reject, accept everything, relabel, and make a new
//! span from a dragged range. A quote is reviewed as a whole: accepting its
//! content accepts its speaker and cue too; rejecting it rejects the parts no
//! other quote uses.

use super::{Draft, quotes_with_content};
use crate::model::{
    ByteRange, Document, LabelSet, Origin, Quote, QuoteId, Span, SpanId, SpanState, Transaction,
};
pub use crate::model::{CUE, QUOTE, SPEAKER};

/// Accepts a span; when it is quote content, accepts the whole quote with its
/// speaker and cue.
pub fn accept(doc: &Document, id: SpanId) -> Option<Transaction> {
    let label = doc.span(id)?.label.clone();
    let mut draft = Draft::new(doc);
    draft.set_state(id, SpanState::Accepted);
    for quote in quotes_with_content(doc, id) {
        accept_quote(&mut draft, quote);
    }
    draft.finish(format!("Accept {label}"))
}

fn accept_quote(draft: &mut Draft<'_>, id: QuoteId) {
    let Some(quote) = draft.quote_mut(id) else {
        return;
    };
    quote.state = SpanState::Accepted;
    let parts: Vec<SpanId> = quote.span_ids().collect();
    for part in parts {
        draft.set_state(part, SpanState::Accepted);
    }
}

/// Turns a span down. A suggestion is kept as rejected (so it is not suggested
/// again); a span the editor made is deleted. Quotes and mentions pointing at
/// it are updated in the same transaction.
pub fn reject(doc: &Document, id: SpanId) -> Option<Transaction> {
    let span = doc.span(id)?;
    let mut draft = Draft::new(doc);
    if span.origin == Origin::Manual {
        draft.delete_span(id);
        return draft.finish(format!("Delete {}", span.label));
    }
    if span.state == SpanState::Rejected {
        return None;
    }
    draft.set_state(id, SpanState::Rejected);
    let quotes: Vec<QuoteId> = doc.quotes_of_span(id).map(|q| q.id).collect();
    for quote_id in quotes {
        let Some(quote) = draft.quote_mut(quote_id) else {
            continue;
        };
        if quote.content.contains(&id) && quote.content.len() > 1 {
            quote.content.retain(|&c| c != id);
        } else if quote.content.contains(&id) {
            reject_quote(&mut draft, quote_id);
        } else {
            quote.speaker = quote.speaker.filter(|&s| s != id);
            quote.cue = quote.cue.filter(|&s| s != id);
        }
    }
    let mentions: Vec<SpanId> = doc
        .spans()
        .filter(|s| s.refers_to == Some(id))
        .map(|s| s.id)
        .collect();
    for mention in mentions {
        if let Some(m) = draft.span_mut(mention) {
            m.refers_to = None;
        }
    }
    draft.finish(format!("Reject {}", span.label))
}

fn reject_quote(draft: &mut Draft<'_>, id: QuoteId) {
    let Some(quote) = draft.quote_mut(id) else {
        return;
    };
    quote.state = SpanState::Rejected;
    let quote = quote.clone();
    for part in quote.content {
        draft.set_state(part, SpanState::Rejected);
    }
    for part in quote.speaker.into_iter().chain(quote.cue) {
        let pending = draft
            .span(part)
            .is_some_and(|s| s.state == SpanState::Pending);
        if pending && !draft.used_elsewhere(part, id) {
            draft.set_state(part, SpanState::Rejected);
        }
    }
}

/// The ids of the document's pending spans.
fn pending_spans(doc: &Document) -> Vec<SpanId> {
    (doc.spans())
        .filter(|s| s.state == SpanState::Pending)
        .map(|s| s.id)
        .collect()
}

/// Accepts every pending span and quote of the document.
pub fn accept_all(doc: &Document) -> Option<Transaction> {
    let mut draft = Draft::new(doc);
    let pending = pending_spans(doc);
    let count = pending.len();
    for id in pending {
        draft.set_state(id, SpanState::Accepted);
    }
    let quotes: Vec<QuoteId> = doc
        .quotes()
        .filter(|q| q.state == SpanState::Pending)
        .map(|q| q.id)
        .collect();
    for id in quotes {
        if let Some(q) = draft.quote_mut(id) {
            q.state = SpanState::Accepted;
        }
    }
    draft.finish(format!("Accept all ({count})"))
}

/// Rejects every pending span and quote of the document. A quote that stays
/// loses its links to the spans rejected here (rejected whole when nothing
/// of its content stays), and so does a mention referring to one.
pub fn reject_all(doc: &Document) -> Option<Transaction> {
    let mut draft = Draft::new(doc);
    let pending = pending_spans(doc);
    for &id in &pending {
        draft.set_state(id, SpanState::Rejected);
    }
    let gone = |id: &SpanId| pending.contains(id);
    for id in doc.quotes().map(|q| q.id).collect::<Vec<_>>() {
        let Some(quote) = draft.quote_mut(id) else {
            continue;
        };
        if quote.state == SpanState::Pending || quote.content.iter().all(gone) {
            quote.state = SpanState::Rejected;
            continue;
        }
        quote.content.retain(|c| !gone(c));
        quote.speaker = quote.speaker.filter(|s| !gone(s));
        quote.cue = quote.cue.filter(|c| !gone(c));
    }
    let mentions: Vec<SpanId> = doc
        .spans()
        .filter(|s| s.refers_to.is_some_and(|t| gone(&t)))
        .map(|s| s.id)
        .collect();
    for id in mentions {
        if let Some(span) = draft.span_mut(id) {
            span.refers_to = None;
        }
    }
    draft.finish(format!("Reject all ({})", pending.len()))
}

/// Gives a span another label (and accepts it). Leaving QUOTE, SPEAKER or CUE
/// takes the span out of that role in its quotes; becoming QUOTE makes a new
/// quote around it.
pub fn relabel(doc: &Document, labels: &LabelSet, id: SpanId, label: &str) -> Option<Transaction> {
    let span = doc.span(id)?;
    let def = labels.get(label)?;
    if span.label == label && span.state == SpanState::Accepted {
        return None;
    }
    let old = span.label.clone();
    let mut draft = Draft::new(doc);
    if let Some(s) = draft.span_mut(id) {
        s.label = label.to_owned();
        s.layer = def.layer;
        s.state = SpanState::Accepted;
    }
    if old != label {
        let quotes: Vec<QuoteId> = doc.quotes_of_span(id).map(|q| q.id).collect();
        for quote_id in quotes {
            let Some(q) = draft.quote_mut(quote_id) else {
                continue;
            };
            match old.as_str() {
                QUOTE => q.content.retain(|&c| c != id),
                SPEAKER => q.speaker = q.speaker.filter(|&s| s != id),
                CUE => q.cue = q.cue.filter(|&s| s != id),
                _ => {}
            }
            if q.content.is_empty() {
                draft.delete_quote(quote_id);
            }
        }
        if label == QUOTE && quotes_with_content(doc, id).is_empty() {
            draft.insert_quote(Quote::manual(QuoteId(0), id, span.text(doc.text())));
        }
    }
    draft.finish(format!("Label {label}"))
}

/// Makes a new accepted span over `range`; a QUOTE span gets its own quote.
/// A rejected span with the same range and label is revived instead of
/// duplicated. Returns the transaction and the id the span will have.
pub fn create_span(
    doc: &Document,
    labels: &LabelSet,
    range: ByteRange,
    label: &str,
) -> Option<(Transaction, SpanId)> {
    let def = labels.get(label)?;
    let text = range.slice(doc.text())?;
    if let Some(existing) = doc.spans().find(|s| s.range == range && s.label == label) {
        let id = existing.id;
        return accept(doc, id).map(|tx| (tx, id));
    }
    let mut draft = Draft::new(doc);
    let id = draft.insert_span(Span::manual(SpanId(0), range, label, def.layer));
    if label == QUOTE {
        draft.insert_quote(Quote::manual(QuoteId(0), id, text));
    }
    draft.finish(format!("Add {label}")).map(|tx| (tx, id))
}
