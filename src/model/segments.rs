//! Interrupted quotes (`“A,” she said. “B.”`): how a project writes them —
//! one record whose content has several parts, or one record per part — and
//! the group that links the records of one interrupted quote either way.
//! Datasets differ here: PolNeAR and Byline's own gold keep one record, quote
//! sets that hold one span of content per record want one per segment.

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::quote::Quote;

/// How an interrupted quote becomes records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Interrupted {
    /// One quote whose content has several parts (PolNeAR, Byline's own gold).
    #[default]
    OneRecord,
    /// One quote per part, the parts sharing a [`QuoteGroup`] (datasets that
    /// hold one span of content per record).
    PerSegment,
}

impl Interrupted {
    /// Both conventions, in menu order.
    pub const ALL: [Self; 2] = [Self::OneRecord, Self::PerSegment];

    /// The name used in settings and on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OneRecord => "one-record",
            Self::PerSegment => "per-segment",
        }
    }

    /// Parses a name as written by [`Interrupted::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The words shown in the window's menu.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::OneRecord => "One record",
            Self::PerSegment => "One per segment",
        }
    }
}

/// The link between the segments of one interrupted quote written one
/// record per segment: the quotes sharing it are its parts. Unique inside
/// its document (the id allocator hands out fresh ones); the number means
/// nothing across documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuoteGroup(pub u64);

/// Where a quote stands among the segments of its group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// 1-based position of the quote among its group's quotes, in text order.
    pub part: usize,
    /// How many quotes the group has in the document now (a deleted
    /// segment no longer counts).
    pub of: usize,
}

impl Document {
    /// The quotes of `group`, in text order.
    pub fn segments(&self, group: QuoteGroup) -> Vec<&Quote> {
        let mut parts: Vec<&Quote> = self.quotes().filter(|q| q.group == Some(group)).collect();
        parts.sort_by_key(|q| (self.quote_start(q), q.id));
        parts
    }

    /// Where `quote` stands in its group, when it has one.
    pub fn segment(&self, quote: &Quote) -> Option<Segment> {
        let parts = self.segments(quote.group?);
        let at = parts.iter().position(|q| q.id == quote.id)?;
        Some(Segment {
            part: at + 1,
            of: parts.len(),
        })
    }

    /// The highest group any quote of the document has (0 when none), so
    /// new groups are allocated above it.
    pub(super) fn max_group(&self) -> u64 {
        self.quotes()
            .filter_map(|q| q.group)
            .map(|g| g.0)
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;
    use crate::model::{Edit, Transaction};

    #[test]
    fn conventions_round_trip_by_name() {
        for c in Interrupted::ALL {
            assert_eq!(Interrupted::parse(c.as_str()), Some(c));
        }
        assert_eq!(Interrupted::default(), Interrupted::OneRecord);
        assert_eq!(Interrupted::parse("both"), None);
    }

    #[test]
    fn segments_count_in_text_order_and_fresh_groups_do_not_collide() {
        let mut doc =
            markup::document("[“Ça,”|QUOTE:1] dit-elle. [“Non.”|QUOTE:2] [“Oui.”|QUOTE:3]")
                .unwrap();
        let quotes: Vec<Quote> = doc.quotes_sorted().into_iter().cloned().collect();
        let mut tx = Transaction::new("group");
        for (q, group) in quotes.iter().zip([7, 7, 2]) {
            let mut q = q.clone();
            q.group = Some(QuoteGroup(group));
            tx.push(Edit::ReplaceQuote(q));
        }
        doc.apply(&tx).unwrap();
        let seg = |doc: &Document, i: usize| doc.segment(doc.quote(quotes[i].id).unwrap());
        assert_eq!(seg(&doc, 0), Some(Segment { part: 1, of: 2 }));
        assert_eq!(seg(&doc, 1), Some(Segment { part: 2, of: 2 }));
        assert_eq!(seg(&doc, 2), Some(Segment { part: 1, of: 1 }));
        assert!(doc.ids().group().0 > 7);
        doc.apply(&Transaction::new("drop").with(Edit::DeleteQuote(quotes[0].id)))
            .unwrap();
        let partner = seg(&doc, 1);
        assert_eq!(
            partner,
            Some(Segment { part: 1, of: 1 }),
            "the partner keeps its group"
        );
    }
}
