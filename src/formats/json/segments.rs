//! The segments of an interrupted quote as relations between them, for the
//! formats that carry quotes as relations or events (Label Studio, brat):
//! each segment's first content span links to the next segment's, in text
//! order ([`segment_links`]); a reader joins the linked spans into one group
//! each ([`link_segments`]) and cuts apart the segments it rebuilt as one
//! quote because they share speaker and cue ([`split_segments`]).

use std::collections::{BTreeMap, HashMap};

use crate::model::{Document, Quote, QuoteGroup, SpanId};

/// The relation label (Label Studio) and relation type (brat) of the link
/// from one segment of an interrupted quote to the next.
pub const SEGMENT: &str = "segment";

/// Links from the first content span of each segment to the next one's, for
/// the grouped quotes of `quotes` (spans of `doc`), in text order; a reader
/// rebuilds a segment with neither speaker nor cue from its link alone.
pub fn segment_links<'q>(
    doc: &Document,
    quotes: impl IntoIterator<Item = &'q Quote>,
) -> Vec<(SpanId, SpanId)> {
    let mut groups: BTreeMap<QuoteGroup, Vec<(usize, SpanId)>> = BTreeMap::new();
    for quote in quotes {
        let (Some(group), Some(&first)) = (quote.group, quote.content.first()) else {
            continue;
        };
        let start = doc.span(first).map_or(0, |s| s.range.start);
        groups.entry(group).or_default().push((start, first));
    }
    let mut links = Vec::new();
    for mut firsts in groups.into_values() {
        firsts.sort_unstable();
        firsts.dedup_by_key(|(_, id)| *id);
        links.extend(firsts.windows(2).filter_map(|w| match w {
            [(_, a), (_, b)] => Some((*a, *b)),
            _ => None,
        }));
    }
    links.sort_unstable();
    links
}

/// The group of each span `links` joins: spans joined directly or through
/// others share one, numbered from 1 in the order the links come.
pub fn link_segments(links: &[(SpanId, SpanId)]) -> HashMap<SpanId, QuoteGroup> {
    let mut group_of: HashMap<SpanId, u64> = HashMap::new();
    let mut next = 0;
    for &(a, b) in links {
        match (group_of.get(&a).copied(), group_of.get(&b).copied()) {
            (Some(x), Some(y)) if x != y => {
                for g in group_of.values_mut().filter(|g| **g == y) {
                    *g = x;
                }
            }
            (Some(_), Some(_)) => {}
            (Some(x), None) => {
                group_of.insert(b, x);
            }
            (None, Some(y)) => {
                group_of.insert(a, y);
            }
            (None, None) => {
                next += 1;
                group_of.insert(a, next);
                group_of.insert(b, next);
            }
        }
    }
    let mut numbers: Vec<u64> = Vec::new();
    for &(a, _) in links {
        if let Some(&g) = group_of.get(&a)
            && !numbers.contains(&g)
        {
            numbers.push(g);
        }
    }
    let renumbered = |g: u64| {
        numbers
            .iter()
            .position(|&n| n == g)
            .map_or(g, |i| i as u64 + 1)
    };
    group_of
        .into_iter()
        .map(|(id, g)| (id, QuoteGroup(renumbered(g))))
        .collect()
}

/// The content of one quote rebuilt from relations, cut where another
/// segment of an interrupted quote starts: relations make segments sharing
/// speaker and cue one split quote, and a format that links the segments
/// names the first content span of each (`starts`). Content before the first
/// start, or a quote with at most one, stays in one part.
pub fn split_segments(content: &[SpanId], starts: &dyn Fn(SpanId) -> bool) -> Vec<Vec<SpanId>> {
    let mut parts: Vec<Vec<SpanId>> = Vec::new();
    for &id in content {
        match parts.last_mut() {
            Some(part) if !starts(id) => part.push(id),
            _ => parts.push(vec![id]),
        }
    }
    if let [first, second, ..] = parts.as_slice()
        && !first.first().is_some_and(|&id| starts(id))
    {
        let mut head = first.clone();
        head.extend(second);
        parts.splice(0..2, [head]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;
    use crate::model::{Edit, Transaction};

    fn ids(ns: &[u64]) -> Vec<SpanId> {
        ns.iter().map(|&n| SpanId(n)).collect()
    }

    #[test]
    fn content_is_cut_where_a_segment_starts() {
        let starts = |id: SpanId| [1, 3].contains(&id.0);
        assert_eq!(
            split_segments(&ids(&[1, 2, 3]), &starts),
            [ids(&[1, 2]), ids(&[3])]
        );
        assert_eq!(
            split_segments(&ids(&[5, 1, 3]), &starts),
            [ids(&[5, 1]), ids(&[3])]
        );
        assert_eq!(split_segments(&ids(&[5, 6]), &starts), [ids(&[5, 6])]);
        assert_eq!(split_segments(&ids(&[3]), &starts), [ids(&[3])]);
    }

    #[test]
    fn linked_spans_share_a_group_numbered_in_link_order() {
        let links = [
            (SpanId(9), SpanId(4)),
            (SpanId(1), SpanId(2)),
            (SpanId(3), SpanId(9)),
            (SpanId(2), SpanId(5)),
        ];
        let groups = link_segments(&links);
        let of = |n| groups[&SpanId(n)].0;
        assert_eq!([of(9), of(4), of(3)], [1, 1, 1]);
        assert_eq!([of(1), of(2), of(5)], [2, 2, 2]);
        assert_eq!(groups.len(), 6);
    }

    #[test]
    fn segments_link_in_text_order_quotes_without_speaker_or_cue_included() {
        let mut doc = markup::document(
            "[“Ça,”|QUOTE:1] [dit|CUE:1] Zoë. [“Non.”|QUOTE:2] [“Jamais.”|QUOTE:3] [sagt|CUE:3]",
        )
        .unwrap();
        let quotes: Vec<Quote> = doc.quotes_sorted().into_iter().cloned().collect();
        let mut tx = Transaction::new("group");
        for mut q in quotes {
            q.group = Some(QuoteGroup(4));
            tx.push(Edit::ReplaceQuote(q));
        }
        doc.apply(&tx).unwrap();
        let sorted = doc.quotes_sorted();
        let first = |i: usize| sorted[i].content[0];
        assert_eq!(
            segment_links(&doc, sorted.iter().rev().copied()),
            [(first(0), first(1)), (first(1), first(2))]
        );
    }
}
