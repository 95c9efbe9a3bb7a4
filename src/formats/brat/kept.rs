//! The `T` lines of a brat file that passed their checks, by id and in file
//! order, each with the spans made of it. A dense file has hundreds of
//! thousands: they are held in one list with an index of ids, each with its
//! spans as a run of ids rather than a list of its own.

use std::collections::HashMap;

use super::schema::Bound;
use crate::model::SpanId;

/// A `T` line that passed its checks.
pub struct Kept<'p> {
    /// Its id, borrowed from the `.ann` text.
    pub id: &'p str,
    /// brat label, borrowed from the `.ann` text.
    pub label: &'p str,
    /// Code point fragments of the document text, in file order.
    pub fragments: Vec<[usize; 2]>,
    /// The spans made of it, one per fragment in text order.
    pub spans: SpanRun,
}

impl Kept<'_> {
    /// The annotation without its id.
    pub fn bound(&self) -> Bound {
        Bound {
            label: self.label.to_owned(),
            fragments: self.fragments.clone(),
        }
    }
}

/// Consecutive span ids: `len` of them from `first`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpanRun {
    /// The first id.
    pub first: u64,
    /// How many.
    pub len: u64,
}

impl SpanRun {
    /// The ids, in order.
    pub fn ids(self) -> impl Iterator<Item = SpanId> {
        (self.first..self.first + self.len).map(SpanId)
    }
}

/// The kept `T` lines, in file order, found by id.
#[derive(Default)]
pub struct KeptTexts<'p> {
    texts: Vec<Kept<'p>>,
    by_id: HashMap<&'p str, usize>,
}

impl<'p> KeptTexts<'p> {
    /// Room for `n` lines.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            texts: Vec::with_capacity(n),
            by_id: HashMap::with_capacity(n),
        }
    }

    /// True when a line with this id is kept.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Keeps a line; an id kept before is not replaced.
    pub fn insert(&mut self, kept: Kept<'p>) {
        if !self.contains(kept.id) {
            self.by_id.insert(kept.id, self.texts.len());
            self.texts.push(kept);
        }
    }

    /// The line with this id.
    pub fn get(&self, id: &str) -> Option<&Kept<'p>> {
        self.by_id.get(id).and_then(|&i| self.texts.get(i))
    }

    /// Every line in file order, to give each its spans.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Kept<'p>> {
        self.texts.iter_mut()
    }

    /// The spans made of the line `id`, none when it is not kept.
    pub fn spans_of(&self, id: &str) -> impl Iterator<Item = SpanId> + use<> {
        self.get(id).map(|k| k.spans).unwrap_or_default().ids()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(id: &'static str, label: &'static str, first: u64, len: u64) -> Kept<'static> {
        Kept {
            id,
            label,
            fragments: vec![[0, 1]],
            spans: SpanRun { first, len },
        }
    }

    #[test]
    fn lines_are_found_by_id_and_keep_their_span_runs() {
        let mut texts = KeptTexts::with_capacity(2);
        texts.insert(kept("T1", "Content", 4, 2));
        texts.insert(kept("T2", "Source", 6, 1));
        texts.insert(kept("T1", "Cue", 9, 1));
        assert_eq!(texts.get("T1").map(|k| k.label), Some("Content"));
        assert_eq!(
            texts.spans_of("T1").collect::<Vec<_>>(),
            vec![SpanId(4), SpanId(5)]
        );
        assert_eq!(texts.spans_of("T3").count(), 0);
        let order: Vec<&str> = texts.iter_mut().map(|k| k.id).collect();
        assert_eq!(order, ["T1", "T2"]);
    }
}
