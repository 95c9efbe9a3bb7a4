//! Finding text in the shown article (Ctrl+F): every place the query occurs
//! (any case), which one is current, and the transaction that labels them
//! all at once. Labelled matches become *pending* suggestions of the `find`
//! engine: a text search cannot tell "May" the month from "May" the person,
//! so the editor still confirms each (Enter / Tab, or Shift+A for all), and
//! nothing found this way is gold until accepted.

use crate::model::{
    ByteRange, DocId, Document, LabelSet, Origin, QUOTE, Quote, QuoteId, Span, SpanState,
    Transaction,
};
use crate::model::{Edit, SpanId};

/// The engine name of spans made by "find all and label".
pub const ENGINE: &str = "find";

/// The search in the shown article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Find {
    /// What is searched for.
    query: String,
    /// Where it occurs in the document below, in text order.
    matches: Vec<ByteRange>,
    /// Index into `matches` of the current one.
    current: Option<usize>,
    /// The document the matches were found in.
    doc: Option<DocId>,
}

impl Find {
    /// What is searched for.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every match in the shown document, in text order.
    pub fn matches(&self) -> &[ByteRange] {
        &self.matches
    }

    /// The current match.
    pub fn current(&self) -> Option<ByteRange> {
        self.matches.get(self.current?).copied()
    }

    /// Where the current match is among all: (1-based position, count).
    pub fn position(&self) -> (usize, usize) {
        (self.current.map_or(0, |c| c + 1), self.matches.len())
    }

    /// Searches `doc` for `query`; the current match becomes the first one
    /// at or after `from` (wrapping to the first).
    pub fn search(&mut self, doc: &Document, query: &str, from: usize) {
        self.query = query.to_owned();
        self.doc = Some(doc.id.clone());
        self.matches = find_all(doc.text(), query);
        self.current = (!self.matches.is_empty()).then(|| {
            self.matches
                .iter()
                .position(|m| m.start >= from)
                .unwrap_or(0)
        });
    }

    /// Searches again when `doc` is not the document the matches are for
    /// (another one is shown); true when it did.
    pub fn follow(&mut self, doc: Option<&Document>) -> bool {
        match doc {
            Some(doc) if self.doc.as_ref() != Some(&doc.id) && !self.query.is_empty() => {
                let query = std::mem::take(&mut self.query);
                self.search(doc, &query, 0);
                true
            }
            _ => false,
        }
    }

    /// Makes the next (or previous) match current, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<ByteRange> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(next);
        self.current()
    }

    /// Forgets the search.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Every non-overlapping occurrence of `query` in `text`, compared without
/// case (per character, so "ÖDEGÅRD" finds "Ødegård"), in text order.
pub fn find_all(text: &str, query: &str) -> Vec<ByteRange> {
    let wanted: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    if wanted.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(rest) = text.get(from..) {
        let Some((offset, first)) = rest.char_indices().next() else {
            break;
        };
        let start = from + offset;
        match match_at(text, start, &wanted) {
            Some(end) => {
                out.push(ByteRange::new(start, end));
                from = end;
            }
            None => from = start + first.len_utf8(),
        }
    }
    out
}

/// The end of a match of `wanted` (lower-cased chars) starting at byte
/// `start` of `text`, if there is one.
fn match_at(text: &str, start: usize, wanted: &[char]) -> Option<usize> {
    let mut at = 0;
    for (offset, c) in text.get(start..)?.char_indices() {
        for lower in c.to_lowercase() {
            if wanted.get(at) != Some(&lower) {
                return None;
            }
            at += 1;
        }
        if at == wanted.len() {
            return Some(start + offset + c.len_utf8());
        }
    }
    None
}

/// True when `range` is a whole word (or words) of `text`: no letter or
/// digit runs on across either end.
fn is_whole(text: &str, range: ByteRange) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    let after = text.get(range.end..).and_then(|t| t.chars().next());
    let inner = range.slice(text).unwrap_or("");
    let (first, last) = (inner.chars().next(), inner.chars().next_back());
    let runs_in = before.is_some_and(word) && first.is_some_and(word);
    let runs_out = after.is_some_and(word) && last.is_some_and(word);
    !runs_in && !runs_out
}

/// Labels every whole-word match as a pending `label` suggestion of the
/// `find` engine, as one transaction; matches inside a word and those the
/// label already covers are left alone. `None` when nothing is left to label.
pub fn label_all(
    doc: &Document,
    labels: &LabelSet,
    matches: &[ByteRange],
    label: &str,
) -> Option<Transaction> {
    let layer = labels.get(label)?.layer;
    let text = doc.text();
    let mut ids = doc.ids();
    let mut tx = Transaction::new(format!("Label found as {label}"));
    let origin = Origin::suggested(ENGINE, "find all", 1.0);
    for &range in matches {
        let taken = doc.spans().any(|s| s.range == range && s.label == label);
        if taken || !is_whole(text, range) {
            continue;
        }
        let id: SpanId = ids.span();
        let span = Span::suggested(id, range, label, layer, origin.clone());
        tx.push(Edit::InsertSpan(span));
        if label == QUOTE {
            let mut quote = Quote::manual(QuoteId(0), id, range.slice(text).unwrap_or(""));
            quote.id = ids.quote();
            quote.state = SpanState::Pending;
            quote.origin = origin.clone();
            tx.push(Edit::InsertQuote(quote));
        }
    }
    (!tx.is_empty()).then_some(tx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    fn texts<'t>(text: &'t str, ranges: &[ByteRange]) -> Vec<&'t str> {
        ranges.iter().map(|r| r.slice(text).unwrap()).collect()
    }

    #[test]
    fn matches_ignore_case_per_character_and_do_not_overlap() {
        let text = "Ødegård met ØDEGÅRD; aaaa and İstanbul 😀 ødegård, not Ödegård.";
        assert_eq!(
            texts(text, &find_all(text, "ødegård")),
            ["Ødegård", "ØDEGÅRD", "ødegård"]
        );
        assert_eq!(find_all(text, "aa").len(), 2);
        assert_eq!(texts(text, &find_all(text, "😀 Ø")), ["😀 ø"]);
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "Zürich").is_empty());
    }

    #[test]
    fn stepping_wraps_and_the_search_follows_the_shown_document() {
        let doc = Document::new(None, "May said in May that may is May.");
        let mut find = Find::default();
        find.search(&doc, "may", 5);
        assert_eq!(find.position(), (2, 4), "first match after the selection");
        assert_eq!(find.step(false), Some(ByteRange::new(0, 3)));
        assert_eq!(find.step(false), Some(ByteRange::new(28, 31)));
        assert_eq!(find.step(true), Some(ByteRange::new(0, 3)));
        let other = Document::new(None, "Nothing of the kind, but MAY.");
        assert!(find.follow(Some(&other)));
        assert_eq!(find.position(), (1, 1));
        assert!(!find.follow(Some(&other)));
    }

    #[test]
    fn labelling_all_takes_whole_words_as_pending_suggestions_once() {
        let doc = markup::document("[Wang|PERSON] met Wang Yi; Wangs and Wang.").unwrap();
        let labels = LabelSet::builtin();
        let matches = find_all(doc.text(), "wang");
        assert_eq!(matches.len(), 4);
        let tx = label_all(&doc, &labels, &matches, "PERSON").unwrap();
        let mut labelled = doc.clone();
        labelled.apply(&tx).unwrap();
        let found: Vec<(&str, SpanState, bool)> = labelled
            .spans_sorted()
            .into_iter()
            .map(|s| {
                let find = matches!(&s.origin, Origin::Suggested { engine, .. } if engine.as_ref() == ENGINE);
                (s.text(labelled.text()), s.state, find)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Wang", SpanState::Accepted, false),
                ("Wang", SpanState::Pending, true),
                ("Wang", SpanState::Pending, true),
            ],
            "the accepted one is kept, `Wangs` is not a match"
        );
        assert!(label_all(&labelled, &labels, &matches, "PERSON").is_none());
        assert!(label_all(&doc, &labels, &matches, "NO_SUCH_LABEL").is_none());
    }

    #[test]
    fn a_found_quote_gets_its_pending_quote() {
        let doc = Document::new(None, "“Yes,” she said. “Yes,” he said.");
        let matches = find_all(doc.text(), "“yes,”");
        let tx = label_all(&doc, &LabelSet::builtin(), &matches, QUOTE).unwrap();
        let mut labelled = doc.clone();
        labelled.apply(&tx).unwrap();
        assert_eq!(labelled.quotes().count(), 2);
        assert!(labelled.quotes().all(|q| q.state == SpanState::Pending));
    }
}
