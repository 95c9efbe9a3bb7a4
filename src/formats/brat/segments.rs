//! The segments of an interrupted quote in brat: each segment is an event of
//! its own, and a `Segment` relation runs from the first content annotation
//! of one segment's event to the next one's, in text order (declared in
//! `annotation.conf` like `RefersTo`). The reader joins the events whose
//! content a chain of `Segment` relations links into one group.

use std::collections::{BTreeMap, HashMap};

use super::events::first_span;
use super::kept::KeptTexts;
use super::plan::PlannedEvent;
use super::schema::{Bound, RELATION_SEGMENT, ROLE_CONTENT, is_role};
use crate::formats::ExportReport;
use crate::formats::output::losses::QUOTE_GROUPS;
use crate::model::{Quote, QuoteGroup, QuoteId, SpanId};

/// The `Segment` relations of `events`, the planned events of `quotes`: for
/// each group, from one event's first content annotation to the next one's.
/// A group left with one event has nothing to link, and is counted.
pub fn plan_segments(
    quotes: &[Quote],
    events: &[PlannedEvent],
    report: &mut ExportReport,
) -> Vec<(Bound, Bound)> {
    let group_of: HashMap<QuoteId, QuoteGroup> = quotes
        .iter()
        .filter_map(|q| Some((q.id, q.group?)))
        .collect();
    let mut groups: BTreeMap<QuoteGroup, Vec<&Bound>> = BTreeMap::new();
    for planned in events {
        let Some(group) = planned.quote.and_then(|q| group_of.get(&q)) else {
            continue;
        };
        let contents = planned
            .event
            .args
            .iter()
            .filter(|a| is_role(&a.role, ROLE_CONTENT));
        if let Some(first) = contents
            .map(|a| &a.target)
            .min_by_key(|b| b.first_in_text())
        {
            groups.entry(*group).or_default().push(first);
        }
    }
    let mut links = Vec::new();
    for mut firsts in groups.into_values() {
        firsts.sort_by_key(|b| (b.first_in_text(), &b.fragments, &b.label));
        firsts.dedup();
        if firsts.len() < 2 {
            report.lose(QUOTE_GROUPS);
        }
        links.extend(firsts.windows(2).filter_map(|w| match w {
            [a, b] => Some(((*a).clone(), (*b).clone())),
            _ => None,
        }));
    }
    links
}

/// The first spans of `Arg1` and `Arg2` of a `Segment` relation, or `None`
/// for a relation of another type.
pub fn segment_link(
    kind: &str,
    args: &[(&str, &str)],
    kept: &KeptTexts<'_>,
) -> Option<Result<(SpanId, SpanId), String>> {
    if !kind.eq_ignore_ascii_case(RELATION_SEGMENT) {
        return None;
    }
    let first = |role: &str| first_span(args, role, kept);
    Some(match (first("Arg1"), first("Arg2")) {
        (Some(a), Some(b)) if a != b => Ok((a, b)),
        _ => Err("Arg1 and Arg2 must be two kept annotations; relation skipped".to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use crate::formats::ExportOptions;
    use crate::formats::brat::{read, write_document};
    use crate::formats::output::losses::QUOTE_GROUPS;
    use crate::model::{Document, Edit, QuoteGroup, Transaction, markup};

    /// `“Ça,” dit Zoë. “Non.” « Jamais. »`: the first two quotes are the
    /// segments of one, group 7 (the second has the first's speaker and cue);
    /// the third is alone in group 9.
    fn segmented() -> Document {
        let mut doc = markup::document(
            "[“Ça,”|QUOTE:1] [dit|CUE:1] [Zoë|SPEAKER:1]. [“Non.”|QUOTE:2] [« Jamais. »|QUOTE:3]",
        )
        .unwrap();
        let quotes = doc.quotes_sorted();
        let (speaker, cue) = (quotes[0].speaker, quotes[0].cue);
        let mut tx = Transaction::new("segments");
        for (i, quote) in quotes.into_iter().enumerate() {
            let mut quote = quote.clone();
            if i == 1 {
                (quote.speaker, quote.cue) = (speaker, cue);
            }
            quote.group = Some(QuoteGroup(if i < 2 { 7 } else { 9 }));
            tx.push(Edit::ReplaceQuote(quote));
        }
        doc.apply(&tx).unwrap();
        doc
    }

    #[test]
    fn segments_are_linked_by_a_relation_between_their_contents_and_read_back_as_one_group() {
        let doc = segmented();
        let (mut txt, mut ann) = (Vec::new(), Vec::new());
        let report = write_document(&doc, &mut txt, &mut ann, ExportOptions::GOLD).unwrap();
        let ann = String::from_utf8(ann).unwrap();
        assert!(ann.ends_with("R1\tSegment Arg1:T1 Arg2:T5\n"), "{ann}");
        assert!(ann.contains("T5\tQUOTE 15 21\t“Non.”\n"), "{ann}");
        assert_eq!(report.lost.get(QUOTE_GROUPS), Some(&1), "group 9 alone");

        let txt = String::from_utf8(txt).unwrap();
        let loaded = read(&txt, &ann, "zoë.ann").unwrap();
        assert_eq!(loaded.warnings, []);
        let back = &loaded.documents[0];
        let groups: Vec<_> = back.quotes_sorted().iter().map(|q| q.group).collect();
        assert_eq!(groups, [Some(QuoteGroup(1)), Some(QuoteGroup(1)), None]);
        assert_eq!(markup::render(back), markup::render(&doc));
    }

    #[test]
    fn a_segment_relation_without_two_annotations_is_skipped_with_a_warning() {
        let txt = "“Ça,” dit-elle.";
        let ann = "T1\tQUOTE 0 5\t“Ça,”\nT2\tCUE 6 9\tdit\nE1\tAttribution:T2 Content:T1 Cue:T2\nR1\tSegment Arg1:T1 Arg2:T9\n";
        let loaded = read(txt, ann, "elle.ann").unwrap();
        assert!(
            loaded.warnings[0]
                .message
                .contains("R1: Arg1 and Arg2 must be two kept"),
            "{:?}",
            loaded.warnings
        );
        assert_eq!(loaded.documents[0].quotes().next().unwrap().group, None);
    }

    #[test]
    fn a_segment_relation_off_quote_content_is_skipped_with_a_warning_naming_its_line() {
        let txt = "“Ça,” dit Zoë. „Nie.“";
        let ann = "T1\tQUOTE 0 5\t“Ça,”\nT2\tCUE 6 9\tdit\nT3\tPERSON 10 13\tZoë\n\
            T4\tQUOTE 15 21\t„Nie.“\nE1\tAttribution:T2 Content:T1 Cue:T2\n\
            E2\tAttribution:T2 Content:T4 Cue:T2\n\
            R1\tSegment Arg1:T3 Arg2:T4\nR2\tSegment Arg1:T1 Arg2:T4\n";
        let loaded = read(txt, ann, "zoë.ann").unwrap();
        let said: Vec<_> = (loaded.warnings.iter())
            .map(|w| (w.source.as_str(), w.line, w.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [(
                "zoë.ann",
                Some(7),
                "R1: Arg1 and Arg2 must be the content of attribution events; relation skipped"
            )]
        );
        let groups: Vec<_> = (loaded.documents[0].quotes_sorted().iter())
            .map(|q| q.group)
            .collect();
        assert_eq!(
            groups,
            [Some(QuoteGroup(1)), Some(QuoteGroup(1))],
            "R2 kept"
        );
    }
}
