//! Quotes as relations: the SPEAKER and CUE relations a document's quotes
//! become in Prodigy and doccano records, and the quotes rebuilt from them.

use std::collections::BTreeMap;

use crate::model::{CUE, Document, Quote, SPEAKER, SpanId, SpanState};

/// A quote-to-span relation, by span id: `head` is the QUOTE span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteLink {
    /// The QUOTE (content) span.
    pub head: SpanId,
    /// The speaker or cue span.
    pub child: SpanId,
    /// [`SPEAKER`] or [`CUE`].
    pub role: &'static str,
}

/// The relations a document's quotes become in Prodigy and doccano: for each
/// quote that is not rejected, each content span links to its speaker and cue.
/// Only spans a training export carries (not rejected) take part.
pub fn quote_links(doc: &Document) -> Vec<QuoteLink> {
    let exported = |id: SpanId| doc.span(id).is_some_and(|s| s.state != SpanState::Rejected);
    let mut links = Vec::new();
    for quote in doc.quotes_sorted() {
        if quote.state == SpanState::Rejected {
            continue;
        }
        let kept = |link: &QuoteLink| exported(link.head) && exported(link.child);
        links.extend(links_of(quote).into_iter().filter(kept));
    }
    links
}

/// The links of one quote: from each content span to its speaker and cue.
pub fn links_of(quote: &Quote) -> Vec<QuoteLink> {
    let mut links = Vec::new();
    for &head in &quote.content {
        let roles = [(quote.speaker, SPEAKER), (quote.cue, CUE)];
        for (child, role) in roles {
            if let Some(child) = child {
                links.push(QuoteLink { head, child, role });
            }
        }
    }
    links
}

/// One quote rebuilt from relations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedQuote {
    /// Content spans, in the order their relations came.
    pub content: Vec<SpanId>,
    /// Speaker span.
    pub speaker: Option<SpanId>,
    /// Cue span.
    pub cue: Option<SpanId>,
}

/// Rebuilds quotes from relations, the inverse of [`quote_links`]: relations
/// with one head form one quote; quotes sharing a cue span and a speaker are
/// one split quote (one cue is one act of speech). Returns the quotes and the
/// relations refused because their head already had another speaker or cue.
pub fn group_links(links: &[QuoteLink]) -> (Vec<LinkedQuote>, Vec<QuoteLink>) {
    let mut by_head: BTreeMap<SpanId, LinkedQuote> = BTreeMap::new();
    let mut order: Vec<SpanId> = Vec::new();
    let mut refused = Vec::new();
    for link in links {
        let quote = by_head.entry(link.head).or_insert_with(|| {
            order.push(link.head);
            LinkedQuote {
                content: vec![link.head],
                ..LinkedQuote::default()
            }
        });
        let slot = if link.role == SPEAKER {
            &mut quote.speaker
        } else {
            &mut quote.cue
        };
        match slot {
            Some(existing) if *existing != link.child => refused.push(*link),
            _ => *slot = Some(link.child),
        }
    }
    let mut quotes: Vec<LinkedQuote> = Vec::new();
    for head in order {
        let Some(quote) = by_head.remove(&head) else {
            continue;
        };
        let split_of = quotes
            .iter_mut()
            .find(|q| quote.cue.is_some() && q.cue == quote.cue && q.speaker == quote.speaker);
        match split_of {
            Some(first) => first.content.extend(quote.content),
            None => quotes.push(quote),
        }
    }
    (quotes, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(head: u64, child: u64, role: &'static str) -> QuoteLink {
        QuoteLink {
            head: SpanId(head),
            child: SpanId(child),
            role,
        }
    }

    #[test]
    fn groups_links_by_head_and_merges_quotes_around_one_cue() {
        let links = [
            link(1, 10, SPEAKER),
            link(1, 20, CUE),
            link(2, 10, SPEAKER),
            link(2, 20, CUE),
            link(3, 10, SPEAKER),
            link(4, 11, SPEAKER),
            link(4, 12, SPEAKER),
        ];
        let (quotes, refused) = group_links(&links);
        let content: Vec<Vec<u64>> = quotes
            .iter()
            .map(|q| q.content.iter().map(|id| id.0).collect())
            .collect();
        assert_eq!(content, [vec![1, 2], vec![3], vec![4]]);
        assert_eq!(quotes[1].cue, None, "no cue: not merged with quote 1");
        assert_eq!(refused, [link(4, 12, SPEAKER)]);
    }
}
