//! Plans the brat annotations of one document: which spans share a `T` line
//! (quote content, discontinuous annotations), which events, relations, kinds
//! and notes to write. The reader runs the same plan to see which events need
//! to be kept verbatim in `meta.brat` (see [`super::schema`]).

use std::collections::{BTreeSet, HashMap};

use super::claims::{Claims, claim_groups, default_groups, group_by_event, spans_by_key};
use super::schema::{
    Bound, BratMeta, Note, ROLE_CONTENT, ROLE_CUE, ROLE_SOURCE, RawArg, RawEvent, Signature,
    default_event_type,
};
use super::segments::plan_segments;
use crate::formats::output::exported_spans;
use crate::formats::{ExportError, ExportReport};
use crate::model::{
    AttributionClass, Document, OffsetIndex, Quote, QuoteId, QuoteKind, SpanId, SpanState,
};

/// One event to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedEvent {
    /// The quote it renders (none for events without content kept in `meta.brat`).
    pub quote: Option<QuoteId>,
    /// Type, trigger and arguments.
    pub event: RawEvent,
    /// The quote's kind when a reader would not infer it from the text.
    pub kind: Option<QuoteKind>,
    /// The quote's class when it is not speech (what a reader takes without one).
    pub class: Option<AttributionClass>,
}

/// Everything one `.ann` file holds, without ids yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standoff {
    /// Every text-bound annotation, triggers included, in writing order.
    pub bounds: Vec<Bound>,
    /// Events, in quote order.
    pub events: Vec<PlannedEvent>,
    /// `RefersTo` relations: (mention, antecedent).
    pub relations: Vec<(Bound, Bound)>,
    /// `Segment` relations: (one segment's content, the next one's).
    pub segments: Vec<(Bound, Bound)>,
    /// Annotator notes on annotations that are still there.
    pub notes: Vec<Note>,
}

/// Plans the annotations of `doc`, counting what brat cannot hold in `report`.
pub fn plan(doc: &Document, report: &mut ExportReport) -> Result<Standoff, ExportError> {
    let meta = BratMeta::from_meta(&doc.meta);
    let spans = exported_spans(doc);
    let index = OffsetIndex::new(doc.text());
    let mut chars: HashMap<SpanId, [usize; 2]> = HashMap::with_capacity(spans.len());
    let mut labels: HashMap<SpanId, String> = HashMap::with_capacity(spans.len());
    for span in &spans {
        let range = index
            .to_chars(span.range)
            .map_err(|_| misaligned(doc, span.id.0, &span.label))?;
        chars.insert(span.id, [range.start, range.end]);
        labels.insert(span.id, meta.brat_label(&span.label));
    }
    let quotes = exported_quotes(doc, &chars);
    let mut claims = Claims {
        bounds: Vec::new(),
        of_span: HashMap::new(),
    };
    let overrides = claim_quotes(&quotes, &meta, &chars, &labels, &mut claims);
    claim_groups(&meta, &spans_by_key(&chars, &labels), &mut claims);
    for span in &spans {
        if !claims.of_span.contains_key(&span.id) {
            let bound = Bound {
                label: labels.get(&span.id).cloned().unwrap_or_default(),
                fragments: chars.get(&span.id).copied().into_iter().collect(),
            };
            claims.claim(bound, &[span.id]);
        }
    }
    let events = plan_events(doc, &quotes, &overrides, &meta, &claims, report);
    let segments = plan_segments(&quotes, &events, report);
    let relations = spans
        .iter()
        .filter_map(|s| Some((claims.bound_of(s.id)?, claims.bound_of(s.refers_to?)?)))
        .map(|(a, b)| (a.clone(), b.clone()))
        .collect();
    let bounds = sorted_bounds(claims.bounds, &events);
    let notes = meta
        .notes
        .iter()
        .filter(|n| {
            bounds
                .binary_search_by(|b| bound_order(b, &n.target))
                .is_ok()
        })
        .cloned()
        .collect();
    Ok(Standoff {
        bounds,
        events,
        relations,
        segments,
        notes,
    })
}

/// Groups each quote's content into annotations: as its kept event had it
/// (returned by quote), or one annotation in text order.
fn claim_quotes<'m>(
    quotes: &[Quote],
    meta: &'m BratMeta,
    chars: &HashMap<SpanId, [usize; 2]>,
    labels: &HashMap<SpanId, String>,
    claims: &mut Claims,
) -> HashMap<QuoteId, &'m RawEvent> {
    let mut overrides = HashMap::new();
    for quote in quotes {
        let signature = signature_of(quote, chars);
        let found = meta
            .events
            .iter()
            .find(|e| !signature.content.is_empty() && e.signature() == signature);
        let grouped = found.and_then(|e| Some((e, group_by_event(e, quote, chars)?)));
        let groups = match grouped {
            Some((event, groups)) => {
                overrides.insert(quote.id, event);
                groups
            }
            None => default_groups(quote, chars, labels),
        };
        for (bound, ids) in groups {
            claims.claim(bound, &ids);
        }
    }
    overrides
}

/// One event per quote (as kept in `meta.brat` when its annotations are all
/// still there, else the default), then the kept events without content.
fn plan_events(
    doc: &Document,
    quotes: &[Quote],
    overrides: &HashMap<QuoteId, &RawEvent>,
    meta: &BratMeta,
    claims: &Claims,
    report: &mut ExportReport,
) -> Vec<PlannedEvent> {
    let known: BTreeSet<&Bound> = claims.bounds.iter().collect();
    let all_known = |e: &RawEvent| e.args.iter().all(|a| known.contains(&a.target));
    let mut events: Vec<PlannedEvent> = Vec::new();
    for quote in quotes {
        let event = match overrides.get(&quote.id) {
            Some(kept) if all_known(kept) => (*kept).clone(),
            _ => default_event(quote, claims),
        };
        let texts = quote
            .content
            .iter()
            .filter_map(|id| doc.span(*id))
            .map(|s| s.text(doc.text()));
        let kind = (quote.kind != QuoteKind::inferred(texts)).then_some(quote.kind);
        events.push(PlannedEvent {
            quote: Some(quote.id),
            event,
            kind,
            class: (quote.class != AttributionClass::Speech).then_some(quote.class),
        });
    }
    drop_repeated(&mut events, report);
    for event in meta
        .events
        .iter()
        .filter(|e| e.signature().content.is_empty())
    {
        if all_known(event) {
            events.push(PlannedEvent {
                quote: None,
                event: event.clone(),
                kind: None,
                class: None,
            });
        } else {
            report.lose("brat events without content whose annotations are gone");
        }
    }
    events
}

/// Keeps the first of events that are the same (quotes repeating
/// another's content, speaker and cue): found by sorting, not by comparing
/// each event with every one before it, which took minutes on a document
/// of a hundred thousand quotes.
fn drop_repeated(events: &mut Vec<PlannedEvent>, report: &mut ExportReport) {
    let mut order: Vec<(&RawEvent, usize)> = events.iter().map(|e| &e.event).zip(0..).collect();
    order.sort_unstable();
    let mut repeated = vec![false; events.len()];
    for pair in order.windows(2) {
        if let [(first, _), (then, at)] = pair
            && first == then
            && let Some(mark) = repeated.get_mut(*at)
        {
            *mark = true;
            report.lose(
                "quotes repeating another's content, speaker and cue (brat writes one event)",
            );
        }
    }
    let mut marks = repeated.into_iter();
    events.retain(|_| !marks.next().unwrap_or(false));
}

fn misaligned(doc: &Document, span: u64, label: &str) -> ExportError {
    ExportError::Misaligned {
        document: doc.source.clone().unwrap_or_else(|| doc.id.to_string()),
        span,
        label: label.to_owned(),
    }
}

/// Quotes that are not rejected, restricted to spans that are exported.
fn exported_quotes(doc: &Document, chars: &HashMap<SpanId, [usize; 2]>) -> Vec<Quote> {
    doc.quotes_sorted()
        .into_iter()
        .filter(|q| q.state != SpanState::Rejected)
        .filter_map(|q| {
            let mut quote = q.clone();
            quote.content.retain(|id| chars.contains_key(id));
            quote.content.sort_by_key(|id| chars.get(id).copied());
            quote.speaker = quote.speaker.filter(|id| chars.contains_key(id));
            quote.cue = quote.cue.filter(|id| chars.contains_key(id));
            (!quote.content.is_empty()).then_some(quote)
        })
        .collect()
}

/// A quote's signature in code points, as [`RawEvent::signature`] reads an event.
pub fn signature_of(quote: &Quote, chars: &HashMap<SpanId, [usize; 2]>) -> Signature {
    let mut content: Vec<[usize; 2]> = quote
        .content
        .iter()
        .filter_map(|id| chars.get(id).copied())
        .collect();
    content.sort_unstable();
    Signature {
        content,
        speaker: quote.speaker.and_then(|id| chars.get(&id).copied()),
        cue: quote.cue.and_then(|id| chars.get(&id).copied()),
    }
}

/// The event a quote gets unless `meta.brat` kept another one: `Attribution`
/// (or `Attribution-no-source`) triggered on the cue, else on the content.
pub(super) fn default_event(quote: &Quote, claims: &Claims) -> RawEvent {
    let mut args = Vec::new();
    let mut seen: Vec<&Bound> = Vec::new();
    for id in &quote.content {
        if let Some(bound) = claims.bound_of(*id).filter(|b| !seen.contains(b)) {
            seen.push(bound);
        }
    }
    for (i, bound) in seen.iter().enumerate() {
        let role = if i == 0 {
            ROLE_CONTENT.to_owned()
        } else {
            format!("{ROLE_CONTENT}{}", i + 1)
        };
        args.push(RawArg {
            role,
            target: (*bound).clone(),
        });
    }
    let cue = quote.cue.and_then(|id| claims.bound_of(id));
    for (role, bound) in [
        (ROLE_CUE, cue),
        (
            ROLE_SOURCE,
            quote.speaker.and_then(|id| claims.bound_of(id)),
        ),
    ] {
        if let Some(bound) = bound {
            args.push(RawArg {
                role: role.to_owned(),
                target: bound.clone(),
            });
        }
    }
    let trigger = cue
        .or_else(|| seen.first().copied())
        .map(|b| b.fragments.clone())
        .unwrap_or_default();
    RawEvent {
        kind: default_event_type(quote.speaker.is_some()).to_owned(),
        trigger,
        args,
    }
}

/// Span annotations plus event triggers, deduplicated, sorted by position then label.
fn sorted_bounds(mut bounds: Vec<Bound>, events: &[PlannedEvent]) -> Vec<Bound> {
    bounds.extend(events.iter().map(|e| Bound {
        label: e.event.kind.clone(),
        fragments: e.event.trigger.clone(),
    }));
    bounds.sort_by(bound_order);
    bounds.dedup();
    bounds
}

/// Writing order of annotations: by first position in the text, then fragments, then label.
fn bound_order(a: &Bound, b: &Bound) -> std::cmp::Ordering {
    (a.first_in_text(), &a.fragments, &a.label).cmp(&(b.first_in_text(), &b.fragments, &b.label))
}
