//! Learning: what an applied transaction (or a newly added document) teaches
//! the memory. The state of every touched span and quote before the transaction
//! is read from its inverse, the state after from the document; the delta is
//! "after minus before", so undo unlearns exactly what the edit taught.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Delta, PhraseDelta, SpeakerDelta, is_name_like, phrase_of};
use crate::model::{
    Applied, Document, Edit, Layer, Quote, QuoteId, Span, SpanId, SpanState, Transaction,
};

/// How far a speaker's `refers_to` chain is followed ("he" → "Blinken" → …).
const MAX_CHAIN: usize = 8;

/// What `applied` (already applied to `doc`) teaches the memory.
pub fn observe(applied: &Applied, doc: &Document) -> Delta {
    let before = Before::of(&applied.inverse, doc);
    let text = doc.text();
    let mut tally = Tally::default();
    for &id in &applied.changes.spans {
        if let Some(span) = before.span(id) {
            tally.span(span, text, -1);
        }
        if let Some(span) = doc.span(id) {
            tally.span(span, text, 1);
        }
    }
    // A quote also teaches something new when its speaker mention changed.
    let mut quotes: BTreeSet<QuoteId> = applied.changes.quotes.clone();
    for quote in doc.quotes() {
        if quote
            .speaker
            .is_some_and(|s| applied.changes.spans.contains(&s))
        {
            quotes.insert(quote.id);
        }
    }
    for id in quotes {
        if let Some(quote) = before.quote(id) {
            tally.quote(quote, |s| before.span(s), text, -1);
        }
        if let Some(quote) = doc.quote(id) {
            tally.quote(quote, |s| doc.span(s), text, 1);
        }
    }
    tally.finish()
}

/// What a whole document (imported with its annotations) teaches the memory.
pub fn observe_document(doc: &Document) -> Delta {
    let mut tally = Tally::default();
    for span in doc.spans() {
        tally.span(span, doc.text(), 1);
    }
    for quote in doc.quotes() {
        tally.quote(quote, |s| doc.span(s), doc.text(), 1);
    }
    tally.finish()
}

/// The state of touched spans and quotes before a transaction; `None` inside
/// the maps means "did not exist", a missing key means "untouched".
struct Before<'a> {
    spans: HashMap<SpanId, Option<&'a Span>>,
    quotes: HashMap<QuoteId, Option<&'a Quote>>,
    doc: &'a Document,
}

impl<'a> Before<'a> {
    /// Applying the inverse in order walks back to the start, so the last
    /// inverse edit touching an id holds its state before the transaction.
    fn of(inverse: &'a Transaction, doc: &'a Document) -> Self {
        let mut spans = HashMap::new();
        let mut quotes = HashMap::new();
        for edit in &inverse.edits {
            match edit {
                Edit::InsertSpan(s) | Edit::ReplaceSpan(s) => {
                    spans.insert(s.id, Some(s));
                }
                Edit::DeleteSpan(id) => {
                    spans.insert(*id, None);
                }
                Edit::InsertQuote(q) | Edit::ReplaceQuote(q) => {
                    quotes.insert(q.id, Some(q));
                }
                Edit::DeleteQuote(id) => {
                    quotes.insert(*id, None);
                }
                Edit::SetStatus(_) => {}
            }
        }
        Self { spans, quotes, doc }
    }

    fn span(&self, id: SpanId) -> Option<&'a Span> {
        match self.spans.get(&id) {
            Some(state) => *state,
            None => self.doc.span(id),
        }
    }

    fn quote(&self, id: QuoteId) -> Option<&'a Quote> {
        match self.quotes.get(&id) {
            Some(state) => *state,
            None => self.doc.quote(id),
        }
    }
}

/// Signed counts gathered before they become a [`Delta`].
#[derive(Default)]
struct Tally {
    phrases: BTreeMap<(String, String), (i64, i64)>,
    speakers: BTreeMap<(String, String), i64>,
}

impl Tally {
    fn span(&mut self, span: &Span, text: &str, sign: i64) {
        if span.layer != Layer::Entity {
            return;
        }
        let (accepted, rejected) = match span.state {
            SpanState::Accepted => (sign, 0),
            SpanState::Rejected => (0, sign),
            SpanState::Pending => return,
        };
        let phrase = phrase_of(span.text(text));
        if phrase.is_empty() {
            return;
        }
        let counts = self
            .phrases
            .entry((span.label.clone(), phrase))
            .or_default();
        counts.0 += accepted;
        counts.1 += rejected;
    }

    fn quote<'s>(
        &mut self,
        quote: &Quote,
        span: impl Fn(SpanId) -> Option<&'s Span>,
        text: &str,
        sign: i64,
    ) {
        if quote.state != SpanState::Accepted {
            return;
        }
        let (Some(entity), Some(mut at)) = (&quote.speaker_entity, quote.speaker) else {
            return;
        };
        let mut seen = BTreeSet::new();
        for _ in 0..MAX_CHAIN {
            let Some(mention) = span(at) else { break };
            let phrase = phrase_of(mention.text(text));
            if is_name_like(&phrase) && seen.insert(phrase.clone()) {
                *self.speakers.entry((phrase, entity.clone())).or_default() += sign;
            }
            match mention.refers_to {
                Some(next) => at = next,
                None => break,
            }
        }
    }

    fn finish(self) -> Delta {
        Delta {
            phrases: self
                .phrases
                .into_iter()
                .filter(|(_, (a, r))| *a != 0 || *r != 0)
                .map(|((label, phrase), (accepted, rejected))| PhraseDelta {
                    label,
                    phrase,
                    accepted,
                    rejected,
                })
                .collect(),
            speakers: self
                .speakers
                .into_iter()
                .filter(|(_, n)| *n != 0)
                .map(|((mention, entity), count)| SpeakerDelta {
                    mention,
                    entity,
                    count,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SPEAKER;
    use crate::model::memory::Memory;
    use crate::model::{ByteRange, History, Origin, markup};

    #[test]
    fn accepting_teaches_and_undo_unlearns() {
        let mut doc = Document::new(None, "Wang Yi met Ana Díaz.");
        let mut history = History::new();
        let id = doc.ids().span();
        let span = Span::suggested(
            id,
            ByteRange::new(0, 7),
            "PERSON",
            Layer::Entity,
            Origin::suggested("rules", "capitalized", 0.5),
        );
        let applied = history
            .apply(
                &mut doc,
                &Transaction::new("s").with(Edit::InsertSpan(span.clone())),
            )
            .unwrap();
        assert!(
            observe(&applied, &doc).is_empty(),
            "pending teaches nothing"
        );
        let mut accepted = span.clone();
        accepted.state = SpanState::Accepted;
        let applied = history
            .apply(
                &mut doc,
                &Transaction::new("a").with(Edit::ReplaceSpan(accepted)),
            )
            .unwrap();
        let mut memory = Memory::new();
        memory.apply(&observe(&applied, &doc));
        assert_eq!(memory.counts("PERSON", "Wang Yi").accepted, 1);
        let undone = history.undo(&mut doc).unwrap().unwrap();
        memory.apply(&observe(&undone, &doc));
        assert_eq!(memory, Memory::new());
    }

    #[test]
    fn deleting_an_accepted_speaker_unlearns_its_name() {
        let mut doc =
            markup::document("[“Ja,”|QUOTE:1] [he|SPEAKER:1] [said|CUE:1], [Blinken|PERSON]")
                .unwrap();
        let blinken = markup::ids_by_label(&doc, "PERSON")[0];
        let he = markup::ids_by_label(&doc, SPEAKER)[0];
        let mut quote = doc.quotes().next().unwrap().clone();
        quote.speaker_entity = Some("Antony Blinken".into());
        let mut mention = doc.span(he).unwrap().clone();
        mention.refers_to = Some(blinken);
        let applied = doc
            .apply(
                &Transaction::new("name")
                    .with(Edit::ReplaceSpan(mention))
                    .with(Edit::ReplaceQuote(quote)),
            )
            .unwrap();
        let mut memory = Memory::new();
        memory.apply(&observe(&applied, &doc));
        assert_eq!(memory.speaker_entity("Blinken"), Some("Antony Blinken"));
        assert_eq!(memory.speaker_entity("he"), None, "pronouns do not carry");
        let deleted = doc
            .apply(&Transaction::new("del").with(Edit::DeleteSpan(he)))
            .unwrap();
        memory.apply(&observe(&deleted, &doc));
        assert_eq!(memory.speaker_entity("Blinken"), None);
    }
}
