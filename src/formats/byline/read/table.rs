//! The spans of one record with their final ids: the file's id when it is
//! unique (a fresh one above every file id otherwise), coreference links by
//! file id, and spans found again by id or by range and label for relations
//! and quotes.

use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{ByteRange, Span, SpanId};

use super::record::Ctx;
use super::spans::{Draft, Field, MAX_KEPT_ID};

/// The spans of one record with their final ids.
#[derive(Default)]
pub(super) struct SpanTable {
    spans: Vec<Span>,
    position: HashMap<SpanId, usize>,
    by_file_id: HashMap<u64, SpanId>,
    /// First and last span (positions) on each range…
    on_range: HashMap<ByteRange, (usize, usize)>,
    /// …and for each span, the next one on its range, in the order read.
    next_on_range: Vec<Option<usize>>,
    next: u64,
}

impl SpanTable {
    /// Gives drafts their ids: the file's id when it is unique, a fresh one
    /// (above every file id) otherwise.
    pub fn assign(ctx: &mut Ctx<'_>, drafts: Vec<Draft>) -> Self {
        let max = drafts
            .iter()
            .filter_map(|d| d.file_id)
            .filter(|&id| id < MAX_KEPT_ID)
            .max()
            .unwrap_or(0);
        let mut table = Self {
            next: max + 1,
            ..Self::default()
        };
        let mut kept = HashSet::default();
        let mut links = Vec::new();
        for draft in drafts {
            let keep = draft
                .file_id
                .filter(|&id| id < MAX_KEPT_ID && kept.insert(id));
            if let Some(dup) = draft.file_id.filter(|id| table.by_file_id.contains_key(id)) {
                ctx.warn(
                    draft.field,
                    format!("id {dup} is used twice; this span gets a new id and links to {dup} go to the first"),
                );
            }
            let id = table.push(draft.span, keep);
            if let Some(file_id) = draft.file_id {
                table.by_file_id.entry(file_id).or_insert(id);
            }
            if let Some(target) = draft.refers_to {
                links.push((id, target, draft.field));
            }
        }
        for (id, target, field) in links {
            table.link(ctx, id, target, field);
        }
        table
    }

    fn link(&mut self, ctx: &mut Ctx<'_>, id: SpanId, file_target: u64, field: Field) {
        match self.by_file_id.get(&file_target).copied() {
            Some(target) if target != id => {
                self.set_refers_to(id, target);
            }
            _ => ctx.warn(
                format!("{field}.refers_to"),
                format!("no other span has id {file_target}; link dropped"),
            ),
        }
    }

    fn push(&mut self, mut span: Span, id: Option<u64>) -> SpanId {
        let id = SpanId(id.unwrap_or_else(|| {
            self.next += 1;
            self.next - 1
        }));
        span.id = id;
        let at = self.spans.len();
        self.position.insert(id, at);
        match self.on_range.entry(span.range) {
            Entry::Occupied(mut ends) => {
                let (_, last) = ends.get_mut();
                if let Some(next) = self.next_on_range.get_mut(*last) {
                    *next = Some(at);
                }
                *last = at;
            }
            Entry::Vacant(ends) => {
                ends.insert((at, at));
            }
        }
        self.next_on_range.push(None);
        self.spans.push(span);
        id
    }

    /// Adds a span found only in a relation or a quote.
    pub fn add(&mut self, span: Span) -> SpanId {
        self.push(span, None)
    }

    /// The span with this id in the file.
    pub fn by_file_id(&self, id: u64) -> Option<SpanId> {
        self.by_file_id.get(&id).copied()
    }

    /// The first span on `range`, with `label` if one has it, else any.
    pub fn find(&self, range: ByteRange, label: &str) -> Option<SpanId> {
        let &(first, _) = self.on_range.get(&range)?;
        let mut at = Some(first);
        while let Some(span) = at.and_then(|i| self.spans.get(i)) {
            if span.label == label {
                return Some(span.id);
            }
            at = at.and_then(|i| self.next_on_range.get(i).copied().flatten());
        }
        self.spans.get(first).map(|s| s.id)
    }

    /// A span by its final id.
    pub fn get(&self, id: SpanId) -> Option<&Span> {
        self.spans.get(*self.position.get(&id)?)
    }

    /// Sets a coreference link found in a relation; `false` if the mention already has one.
    pub fn set_refers_to(&mut self, id: SpanId, target: SpanId) -> bool {
        let span = self.position.get(&id).and_then(|&i| self.spans.get_mut(i));
        match span {
            Some(span) if span.refers_to.is_none() || span.refers_to == Some(target) => {
                span.refers_to = Some(target);
                true
            }
            _ => false,
        }
    }

    /// The first id above every span id.
    pub fn next_id(&self) -> u64 {
        self.next
    }

    /// The spans, in the order read.
    pub fn into_spans(self) -> Vec<Span> {
        self.spans
    }
}
