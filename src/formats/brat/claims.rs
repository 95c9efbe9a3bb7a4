//! Which spans share a brat `T` line: each quote's content (as its kept
//! event grouped it, or one annotation in text order) and the discontinuous
//! annotations kept in `meta.brat`; the planner claims them before it gives
//! every other span a line of its own.

use std::collections::HashMap;

use super::schema::{Bound, BratMeta, ROLE_CONTENT, RawEvent, is_role};
use crate::model::{Quote, SpanId};

/// Spans grouped into text-bound annotations.
pub(super) struct Claims {
    /// The annotations, in claiming order.
    pub bounds: Vec<Bound>,
    /// The annotation each span is part of, by position in `bounds`.
    pub of_span: HashMap<SpanId, usize>,
}

impl Claims {
    /// Adds `bound` as the annotation of `spans` (those not claimed yet).
    pub fn claim(&mut self, bound: Bound, spans: &[SpanId]) {
        let index = self.bounds.len();
        self.bounds.push(bound);
        for id in spans {
            self.of_span.entry(*id).or_insert(index);
        }
    }

    /// The annotation a span is part of.
    pub fn bound_of(&self, id: SpanId) -> Option<&Bound> {
        self.of_span.get(&id).and_then(|&i| self.bounds.get(i))
    }
}

/// Content grouped as a kept event had it, if the event still covers every content span once.
pub(super) fn group_by_event(
    event: &RawEvent,
    quote: &Quote,
    chars: &HashMap<SpanId, [usize; 2]>,
) -> Option<Vec<(Bound, Vec<SpanId>)>> {
    let mut left: Vec<SpanId> = quote.content.clone();
    let mut groups = Vec::new();
    for arg in event.args.iter().filter(|a| is_role(&a.role, ROLE_CONTENT)) {
        let mut ids = Vec::new();
        for fragment in &arg.target.fragments {
            let at = left.iter().position(|id| chars.get(id) == Some(fragment))?;
            ids.push(left.remove(at));
        }
        groups.push((arg.target.clone(), ids));
    }
    left.is_empty().then_some(groups)
}

/// Content as one annotation per label (normally one), fragments in text order.
pub(super) fn default_groups(
    quote: &Quote,
    chars: &HashMap<SpanId, [usize; 2]>,
    labels: &HashMap<SpanId, String>,
) -> Vec<(Bound, Vec<SpanId>)> {
    let mut groups: Vec<(Bound, Vec<SpanId>)> = Vec::new();
    for id in &quote.content {
        let (Some(label), Some(range)) = (labels.get(id), chars.get(id)) else {
            continue;
        };
        match groups.iter_mut().find(|(b, _)| &b.label == label) {
            Some((bound, ids)) => {
                // Two content spans over one range are one fragment.
                if !bound.fragments.contains(range) {
                    bound.fragments.push(*range);
                }
                ids.push(*id);
            }
            None => groups.push((
                Bound {
                    label: label.clone(),
                    fragments: vec![*range],
                },
                vec![*id],
            )),
        }
    }
    groups
}

/// Exported spans by (brat label, code point range), in id order.
pub(super) fn spans_by_key(
    chars: &HashMap<SpanId, [usize; 2]>,
    labels: &HashMap<SpanId, String>,
) -> HashMap<(String, [usize; 2]), Vec<SpanId>> {
    let mut by_key: HashMap<(String, [usize; 2]), Vec<SpanId>> = HashMap::new();
    for (id, range) in chars {
        if let Some(label) = labels.get(id) {
            by_key.entry((label.clone(), *range)).or_default().push(*id);
        }
    }
    for ids in by_key.values_mut() {
        ids.sort_unstable();
    }
    by_key
}

/// Joins the spans of each discontinuous annotation kept in `meta.brat` back into one.
pub(super) fn claim_groups(
    meta: &BratMeta,
    by_key: &HashMap<(String, [usize; 2]), Vec<SpanId>>,
    claims: &mut Claims,
) {
    for group in &meta.groups {
        let ids: Option<Vec<SpanId>> = group
            .fragments
            .iter()
            .map(|f| {
                by_key
                    .get(&(group.label.clone(), *f))
                    .and_then(|ids| ids.iter().find(|id| !claims.of_span.contains_key(id)))
                    .copied()
            })
            .collect();
        if let Some(ids) = ids {
            claims.claim(group.clone(), &ids);
        }
    }
}
