//! The quotes of one Label Studio task, rebuilt from its relations: SPEAKER
//! and CUE relations from QUOTE regions make quotes (gold from the
//! annotation, pending from a prediction), cut apart where a `segment`
//! relation starts another segment; a QUOTE region that no such relation
//! leaves from is a quote of its own when a `class` choice or a `segment`
//! relation names it (a quote with neither speaker nor cue).

use std::collections::{HashMap, HashSet};

use crate::formats::json::{LinkedQuote, QuoteLink, group_links, split_segments};
use crate::model::{
    AttributionClass, Origin, QUOTE, Quote, QuoteGroup, QuoteId, QuoteKind, Span, SpanId, SpanState,
};

/// What the task says of QUOTE regions besides relations to speaker and cue.
pub(super) struct Named {
    /// The class chosen on a QUOTE region, by its span.
    pub classes: HashMap<SpanId, AttributionClass>,
    /// The group of each QUOTE region a `segment` relation joins.
    pub groups: HashMap<SpanId, QuoteGroup>,
}

/// The quotes `links` make of `spans` (each set of links with the state and
/// origin of its quotes), then the bare quotes `named` names; `text` is the
/// document's, for each quote's kind.
pub(super) fn quotes(
    spans: &[Span],
    text: &str,
    links: [(Vec<QuoteLink>, SpanState, Origin); 2],
    named: &Named,
    warn: &mut dyn FnMut(String),
) -> Vec<Quote> {
    let starts = |id: SpanId| named.groups.contains_key(&id);
    let by_id: HashMap<SpanId, &Span> = spans.iter().map(|s| (s.id, s)).collect();
    let mut next = spans.len() as u64 + 1;
    let mut quotes = Vec::new();
    for (links, state, origin) in links {
        let (linked, refused) = group_links(&links);
        for link in refused {
            warn(format!(
                "QUOTE region {} already has a {}; a second one refused",
                link.head.0, link.role
            ));
        }
        for LinkedQuote {
            content,
            speaker,
            cue,
        } in linked
        {
            for content in split_segments(&content, &starts) {
                let texts = content
                    .iter()
                    .filter_map(|id| by_id.get(id))
                    .map(|s| s.text(text));
                quotes.push(Quote {
                    id: QuoteId(next),
                    kind: QuoteKind::inferred(texts),
                    class: named.class(&content),
                    group: content.iter().find_map(|id| named.groups.get(id)).copied(),
                    content,
                    speaker,
                    cue,
                    speaker_entity: None,
                    state,
                    origin: origin.clone(),
                });
                next += 1;
            }
        }
    }
    let held: HashSet<SpanId> = quotes.iter().flat_map(|q| q.content.clone()).collect();
    for span in spans
        .iter()
        .filter(|s| s.label == QUOTE && !held.contains(&s.id))
    {
        if named.classes.contains_key(&span.id) || named.groups.contains_key(&span.id) {
            let mut quote = Quote::bare(QuoteId(next), span, span.text(text));
            quote.class = named.class(&quote.content);
            quote.group = named.groups.get(&span.id).copied();
            quotes.push(quote);
            next += 1;
        }
    }
    quotes
}

impl Named {
    /// The class chosen on the first of `content` that has one; speech else.
    fn class(&self, content: &[SpanId]) -> AttributionClass {
        (content.iter().find_map(|id| self.classes.get(id)).copied()).unwrap_or_default()
    }
}
