//! What a quote says beyond its relations, in a record's `meta`. Prodigy and
//! doccano records carry quotes as relations, which have no place for what
//! an attribution reports or for the link between the segments of an
//! interrupted quote, so the Prodigy and doccano-rel writers list them in
//! `meta`, each entry naming its quote by the code points of the quote's
//! first content span:
//! - `quote_classes`: `[[start, end, "belief"], …]`, the class of each quote
//!   that is not speech (a quote the list does not name is speech);
//! - `quote_groups`: `[[start, end, 7], …]`, the group of each quote that
//!   has one (the quotes sharing a number are the segments of one quote).
//!
//! `meta` is what both tools keep as it is (Prodigy in the task, doccano as
//! the example's meta). Byline JSONL says both on each quote and needs no list.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::segments::split_segments;
use crate::formats::ExportReport;
use crate::model::{
    AttributionClass, ByteRange, CharRange, Document, Edit, OffsetError, QUOTE, Quote, QuoteGroup,
    QuoteId, SpanId, Transaction,
};

/// `meta` key holding the classes of quotes that are not speech.
pub const META_QUOTE_CLASSES: &str = "quote_classes";
/// `meta` key holding the groups of the segments of interrupted quotes.
pub const META_QUOTE_GROUPS: &str = "quote_groups";
/// Every list, in the order they are read.
pub const QUOTE_LISTS: [&str; 2] = [META_QUOTE_CLASSES, META_QUOTE_GROUPS];

/// The largest group read back: what a JSON number holds exactly (the byline
/// reader keeps ids under the same bound).
const MAX_GROUP: u64 = 1 << 53;

/// One entry's value: what it sets on the quote it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// The quote's attribution class.
    Class(AttributionClass),
    /// The quote's group.
    Group(QuoteGroup),
}

impl Listed {
    fn of(key: &str, quote: &Quote) -> Option<Value> {
        match key {
            META_QUOTE_CLASSES => {
                (quote.class != AttributionClass::Speech).then(|| Value::from(quote.class.as_str()))
            }
            META_QUOTE_GROUPS => quote.group.map(|g| Value::from(g.0)),
            _ => None,
        }
    }

    fn parse(key: &str, value: &Value) -> Option<Self> {
        match key {
            META_QUOTE_CLASSES => AttributionClass::parse(value.as_str()?).map(Self::Class),
            META_QUOTE_GROUPS => {
                let g = value.as_u64().filter(|&g| g < MAX_GROUP)?;
                Some(Self::Group(QuoteGroup(g)))
            }
            _ => None,
        }
    }

    fn set(self, quote: &mut Quote) {
        match self {
            Self::Class(class) => quote.class = class,
            Self::Group(group) => quote.group = Some(group),
        }
    }
}

/// The lists `doc`'s quotes would fill (for doccano's uniform meta keys).
pub fn quote_lists_used(doc: &Document) -> impl Iterator<Item = &'static str> + '_ {
    QUOTE_LISTS
        .into_iter()
        .filter(|key| doc.quotes().any(|q| Listed::of(key, q).is_some()))
}

/// Puts the lists of `quotes` (spans looked up in `doc`) into `meta`, each
/// when it has an entry; a key `meta` had already is counted as shadowed.
/// A quote with neither speaker nor cue is listed too: its entry is what
/// makes the reader rebuild it. A content span that does not fit the text
/// is left out (the writer has checked alignment already).
pub fn insert_quote_lists(
    meta: &mut BTreeMap<String, Value>,
    doc: &Document,
    quotes: &[&Quote],
    to_chars: &dyn Fn(ByteRange) -> Result<CharRange, OffsetError>,
    report: &mut ExportReport,
) {
    for key in QUOTE_LISTS {
        if let Some(list) = encode(key, doc, quotes, to_chars)
            && meta.insert(key.to_owned(), list).is_some()
        {
            report.lose(format!("meta keys shadowed by byline's own `{key}`"));
        }
    }
}

fn encode(
    key: &str,
    doc: &Document,
    quotes: &[&Quote],
    to_chars: &dyn Fn(ByteRange) -> Result<CharRange, OffsetError>,
) -> Option<Value> {
    let mut listed: Vec<(usize, usize, String, Value)> = Vec::new();
    for quote in quotes {
        let Some(value) = Listed::of(key, quote) else {
            continue;
        };
        let first = quote.content.first().and_then(|&id| doc.span(id));
        let Some(chars) = first.and_then(|s| to_chars(s.range).ok()) else {
            continue;
        };
        let entry = (chars.start, chars.end, value.to_string(), value);
        if !listed.contains(&entry) {
            listed.push(entry);
        }
    }
    listed.sort_unstable_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    let values: Vec<Value> = listed
        .into_iter()
        .map(|(start, end, _, value)| Value::from(vec![start.into(), end.into(), value]))
        .collect();
    (!values.is_empty()).then(|| Value::from(values))
}

/// One entry read from a list: its key, its position there, the code points
/// it names and what it sets.
pub type Entry = (&'static str, usize, CharRange, Listed);

/// Takes each list out of `meta` when it has the writer's shape (or is
/// doccano's `""` for a record without one); another value is someone
/// else's data and stays.
pub fn take_quote_lists(meta: &mut Map<String, Value>) -> Vec<Entry> {
    let mut entries = Vec::new();
    for key in QUOTE_LISTS {
        let decoded = match meta.get(key) {
            Some(Value::String(s)) if s.is_empty() => Some(Vec::new()),
            Some(value) => decode(key, value),
            None => None,
        };
        if let Some(decoded) = decoded {
            meta.remove(key);
            entries.extend(decoded);
        }
    }
    entries
}

fn decode(key: &'static str, value: &Value) -> Option<Vec<Entry>> {
    (value.as_array()?.iter().enumerate())
        .map(|(i, entry)| match entry.as_array()?.as_slice() {
            [s, e, listed] => Some((
                key,
                i,
                CharRange::new(
                    usize::try_from(s.as_u64()?).ok()?,
                    usize::try_from(e.as_u64()?).ok()?,
                ),
                Listed::parse(key, listed)?,
            )),
            _ => None,
        })
        .collect()
}

/// Sets on each quote `tx` inserts what is listed for the range of its first
/// content span (spans looked up among those `tx` inserts), after cutting a
/// quote whose content holds several listed segments into one quote per
/// segment (relations make segments sharing speaker and cue one quote) and
/// adding a quote for each listed QUOTE span no quote holds (one with
/// neither speaker nor cue; `text` gives its kind). Returns the positions in
/// `listed` that named no quote.
pub fn set_quote_lists(
    tx: &mut Transaction,
    text: &str,
    listed: &[(ByteRange, Listed)],
) -> Vec<usize> {
    let ranges: HashMap<_, _> = tx
        .edits
        .iter()
        .filter_map(|e| match e {
            Edit::InsertSpan(span) => Some((span.id, span.range)),
            _ => None,
        })
        .collect();
    split_listed_segments(tx, listed, &ranges);
    add_bare_quotes(tx, text, listed);
    // Of two entries of one kind for one range, the first one counts.
    let first: Vec<bool> = (listed.iter().enumerate())
        .map(|(at, (r, v))| !(listed.iter().take(at)).any(|(e, w)| e == r && same_kind(v, w)))
        .collect();
    let mut used = vec![false; listed.len()];
    for edit in &mut tx.edits {
        let Edit::InsertQuote(quote) = edit else {
            continue;
        };
        let Some(range) = quote.content.first().and_then(|id| ranges.get(id)) else {
            continue;
        };
        for (at, (r, value)) in listed.iter().enumerate() {
            if r == range && first.get(at) == Some(&true) {
                value.set(quote);
                if let Some(flag) = used.get_mut(at) {
                    *flag = true;
                }
            }
        }
    }
    (0..listed.len())
        .filter(|&i| used.get(i) == Some(&false))
        .collect()
}

/// Cuts each quote `tx` inserts where another listed group member starts;
/// the parts after the first get fresh ids.
fn split_listed_segments(
    tx: &mut Transaction,
    listed: &[(ByteRange, Listed)],
    ranges: &HashMap<SpanId, ByteRange>,
) {
    let starts: Vec<ByteRange> = (listed.iter())
        .filter(|(_, v)| matches!(v, Listed::Group(_)))
        .map(|(r, _)| *r)
        .collect();
    if starts.len() < 2 {
        return;
    }
    let is_start = |id: SpanId| ranges.get(&id).is_some_and(|r| starts.contains(r));
    let mut next = largest_id(tx);
    let edits = std::mem::take(&mut tx.edits);
    for edit in edits {
        let Edit::InsertQuote(quote) = edit else {
            tx.edits.push(edit);
            continue;
        };
        for (i, content) in split_segments(&quote.content, &is_start)
            .into_iter()
            .enumerate()
        {
            let mut part = quote.clone();
            if i > 0 {
                next += 1;
                part.id = QuoteId(next);
            }
            part.content = content;
            tx.edits.push(Edit::InsertQuote(part));
        }
    }
}

/// Adds a quote for each listed QUOTE span that no quote `tx` inserts holds:
/// a quote with neither speaker nor cue has no relation to be rebuilt from,
/// and its entry is all that says it was a quote.
fn add_bare_quotes(tx: &mut Transaction, text: &str, listed: &[(ByteRange, Listed)]) {
    let held: HashSet<SpanId> = (tx.edits.iter())
        .filter_map(|e| match e {
            Edit::InsertQuote(quote) => Some(quote.content.iter().copied()),
            _ => None,
        })
        .flatten()
        .collect();
    let mut next = largest_id(tx);
    let bare: Vec<Quote> = (tx.edits.iter())
        .filter_map(|e| match e {
            Edit::InsertSpan(span)
                if span.label == QUOTE
                    && !held.contains(&span.id)
                    && listed.iter().any(|(r, _)| *r == span.range) =>
            {
                next += 1;
                let words = span.range.slice(text).unwrap_or_default();
                Some(Quote::bare(QuoteId(next), span, words))
            }
            _ => None,
        })
        .collect();
    tx.edits.extend(bare.into_iter().map(Edit::InsertQuote));
}

/// The largest span or quote id `tx` inserts, after which new ids are free.
fn largest_id(tx: &Transaction) -> u64 {
    (tx.edits.iter())
        .filter_map(|e| match e {
            Edit::InsertSpan(span) => Some(span.id.0),
            Edit::InsertQuote(quote) => Some(quote.id.0),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

fn same_kind(a: &Listed, b: &Listed) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

#[cfg(test)]
mod tests;
