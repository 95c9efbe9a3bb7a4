//! Which events of a brat file the writer would not give back, to keep
//! them verbatim in `meta.brat`. The writer renders each quote by
//! [`plan`]: its content grouped into annotations, its speaker and cue each
//! the annotation that first claims its span. A quote no other quote or kept
//! group shares a span with gets the event it would get alone
//! ([`lone_event`]); when every quote is alone, that is the plan, and the
//! whole document need not be planned (a dense file's plan holds several
//! times its annotations).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use super::build::keep_meta;
use super::claims::{Claims, default_groups};
use super::plan::{default_event, plan};
use super::schema::{Bound, BratMeta, RawEvent};
use crate::formats::ExportReport;
use crate::model::{Document, OffsetIndex, Quote, QuoteId, SpanId, SpanState};

/// The events read as quotes whose event as written is not the one they get
/// alone, for [`Events::keep_overrides`]; that step may plan the whole
/// document as the writer would, so it runs once the parsed lines are dropped.
pub struct Events {
    meta: BratMeta,
    originals: Vec<(QuoteId, RawEvent)>,
}

impl Events {
    /// The record so far and the events that differ from their quote's lone event.
    pub fn new(meta: BratMeta, originals: Vec<(QuoteId, RawEvent)>) -> Self {
        Self { meta, originals }
    }

    /// Keeps in `meta.brat` every event the writer's default would not give back.
    pub fn keep_overrides(self, doc: &mut Document) {
        let Self {
            mut meta,
            originals,
        } = self;
        if doc.quotes().next().is_none() && originals.is_empty() {
            return;
        }
        let kept = {
            let index = OffsetIndex::new(doc.text());
            if every_quote_alone(doc, &meta, &index) {
                Some(originals.into_iter().map(|(_, event)| event).collect())
            } else {
                differing_from_plan(doc, &meta, &index, originals)
            }
        };
        let Some(kept) = kept else {
            return;
        };
        meta.events.extend(kept);
        keep_meta(doc, &meta);
    }
}

/// The events the plan does not give back, in quote order: each quote's
/// original is the one kept for it, or else its lone event. `None` when the
/// document cannot be planned.
fn differing_from_plan(
    doc: &Document,
    meta: &BratMeta,
    index: &OffsetIndex<'_>,
    originals: Vec<(QuoteId, RawEvent)>,
) -> Option<Vec<RawEvent>> {
    let standoff = plan(doc, &mut ExportReport::default()).ok()?;
    let mut all: Vec<(QuoteId, RawEvent)> = originals;
    let kept: HashSet<QuoteId> = all.iter().map(|(id, _)| *id).collect();
    for quote in doc.quotes().filter(|q| !kept.contains(&q.id)) {
        all.extend(lone_event(quote, doc, meta, index).map(|event| (quote.id, event)));
    }
    all.sort_by_key(|(id, _)| *id);
    let planned: HashMap<QuoteId, &RawEvent> = standoff
        .events
        .iter()
        .filter_map(|e| Some((e.quote?, &e.event)))
        .collect();
    let differs = |(quote, original): &(QuoteId, RawEvent)| {
        planned
            .get(quote)
            .is_none_or(|p| p.canonical() != original.canonical())
    };
    Some(all.into_iter().filter(differs).map(|(_, e)| e).collect())
}

/// True when the plan gives every quote its lone event: no kept group, no
/// span in the content of two quotes or in one's content and another's
/// speaker or cue, no two quotes with the same event (the writer drops the
/// second), and every span on character boundaries.
fn every_quote_alone(doc: &Document, meta: &BratMeta, index: &OffsetIndex<'_>) -> bool {
    if !meta.groups.is_empty() {
        return false;
    }
    let quotes: Vec<&Quote> = doc
        .quotes()
        .filter(|q| q.state != SpanState::Rejected)
        .collect();
    let mut content: HashSet<SpanId> = HashSet::new();
    for id in quotes.iter().flat_map(|q| &q.content) {
        if !content.insert(*id) {
            return false;
        }
    }
    let roles = quotes
        .iter()
        .flat_map(|q| q.speaker.into_iter().chain(q.cue));
    if roles.into_iter().any(|id| content.contains(&id)) {
        return false;
    }
    let hasher = RandomState::new();
    let mut seen: HashSet<u64> = HashSet::with_capacity(quotes.len());
    quotes.iter().all(|quote| {
        lone_event(quote, doc, meta, index).is_some_and(|e| seen.insert(hasher.hash_one(&e)))
    })
}

/// The event the writer gives `quote` when no other annotation claims its
/// spans: its exported content grouped by label, its speaker and cue as
/// annotations of their own. `None` when a span is not on character boundaries.
pub fn lone_event(
    quote: &Quote,
    doc: &Document,
    meta: &BratMeta,
    index: &OffsetIndex<'_>,
) -> Option<RawEvent> {
    let mut chars: HashMap<SpanId, [usize; 2]> = HashMap::new();
    let mut labels: HashMap<SpanId, String> = HashMap::new();
    let ids = quote.content.iter().chain(&quote.speaker).chain(&quote.cue);
    for span in ids.filter_map(|id| doc.span(*id)) {
        if span.state == SpanState::Rejected {
            continue;
        }
        let range = index.to_chars(span.range).ok()?;
        chars.insert(span.id, [range.start, range.end]);
        labels.insert(span.id, meta.brat_label(&span.label));
    }
    let mut quote = quote.clone();
    quote.content.retain(|id| chars.contains_key(id));
    quote.content.sort_by_key(|id| chars.get(id).copied());
    quote.speaker = quote.speaker.filter(|id| chars.contains_key(id));
    quote.cue = quote.cue.filter(|id| chars.contains_key(id));
    if quote.content.is_empty() {
        return None;
    }
    let mut claims = Claims {
        bounds: Vec::new(),
        of_span: HashMap::new(),
    };
    for (bound, ids) in default_groups(&quote, &chars, &labels) {
        claims.claim(bound, &ids);
    }
    for id in quote.speaker.into_iter().chain(quote.cue) {
        let own = Bound {
            label: labels.get(&id).cloned().unwrap_or_default(),
            fragments: chars.get(&id).copied().into_iter().collect(),
        };
        claims.claim(own, &[id]);
    }
    Some(default_event(&quote, &claims))
}
