//! Turns the attributions found into [`Suggestions`]: SPEAKER, QUOTE and CUE
//! spans in the attribution layer, quotes linking them by index, and the
//! `refers_to` links of resolved speakers (an antecedent that is only a name
//! becomes a PERSON span so the link has something to point at).

use std::collections::HashMap;

use crate::model::{ByteRange, Layer, Origin};
use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggestions};

use super::coref::{Antecedent, Resolved};
use super::names::NameRun;
use super::para::{Found, Who};

/// The engine name written into every origin.
pub const ENGINE: &str = "rules";

fn origin(rule: &str, score: f32) -> Origin {
    Origin::suggested(ENGINE, rule, score)
}

fn range((a, b): (usize, usize)) -> ByteRange {
    ByteRange::new(a, b)
}

/// Builds the suggestions; `found`, `resolved` are parallel lists.
pub fn build(found: &[Found], resolved: &[Resolved], runs: &[NameRun]) -> Suggestions {
    let mut mentions: Vec<((usize, usize), Antecedent, &'static str, f32)> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        if let Who::Here(s) = f.who {
            mentions.push((s.range, Antecedent::Speaker(k), f.rule, f.score));
        }
        if let Some(Antecedent::Run(n)) = resolved.get(k).and_then(|r| r.antecedent)
            && let Some(run) = runs.get(n)
        {
            mentions.push((run.name, Antecedent::Run(n), "coref-antecedent", 0.5));
        }
    }
    mentions.sort_by_key(|m| (m.0, matches!(m.1, Antecedent::Run(_))));
    let mut out = Suggestions::default();
    let mut index: HashMap<Antecedent, usize> = HashMap::new();
    let mut by_range: HashMap<((usize, usize), bool), usize> = HashMap::new();
    for (r, key, rule, score) in mentions {
        let person = matches!(key, Antecedent::Run(_));
        if let Some(&i) = by_range.get(&(r, person)) {
            index.insert(key, i);
            continue;
        }
        let i = out.spans.len();
        let refers_to = match key {
            Antecedent::Speaker(k) => resolved
                .get(k)
                .and_then(|x| x.antecedent)
                .and_then(|a| index.get(&a).copied())
                .filter(|&a| a < i),
            Antecedent::Run(_) => None,
        };
        let (label, layer) = if person {
            ("PERSON", Layer::Entity)
        } else {
            ("SPEAKER", Layer::Attribution)
        };
        out.spans.push(SuggestedSpan {
            range: range(r),
            label: label.into(),
            layer,
            origin: origin(rule, score),
            refers_to,
        });
        index.insert(key, i);
        by_range.insert((r, person), i);
    }
    for (k, f) in found.iter().enumerate() {
        let mut content = Vec::with_capacity(f.content.len());
        for &c in &f.content {
            content.push(out.spans.len());
            out.spans.push(attribution(c, "QUOTE", f));
        }
        let cue = f.cue.map(|c| {
            out.spans.push(attribution(c, "CUE", f));
            out.spans.len() - 1
        });
        out.quotes.push(SuggestedQuote {
            content,
            speaker: speaker_of(found, k).and_then(|j| index.get(&Antecedent::Speaker(j)).copied()),
            cue,
            kind: f.kind,
            speaker_entity: resolved.get(k).and_then(|r| r.entity.clone()),
            origin: origin(f.rule, f.score),
        });
    }
    out
}

fn attribution(r: (usize, usize), label: &str, f: &Found) -> SuggestedSpan {
    SuggestedSpan {
        range: range(r),
        label: label.into(),
        layer: Layer::Attribution,
        origin: origin(f.rule, f.score),
        refers_to: None,
    }
}

/// The attribution whose own phrase names the speaker of attribution `k`.
fn speaker_of(found: &[Found], k: usize) -> Option<usize> {
    let mut k = k;
    for _ in 0..found.len() {
        match found.get(k)?.who {
            Who::Here(_) => return Some(k),
            Who::Same(n) if n != k => k = n,
            _ => return None,
        }
    }
    None
}
