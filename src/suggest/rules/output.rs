//! Turns the attributions found into [`Suggestions`]: SPEAKER, QUOTE and CUE
//! spans in the attribution layer, quotes linking them by index, and the
//! `refers_to` links of resolved speakers (an antecedent that is only a name
//! becomes a PERSON span so the link has something to point at).

use std::collections::HashMap;

use crate::model::{ByteRange, CUE, Layer, Origin, QUOTE, SPEAKER};
use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggestions};

use super::config::{Interrupted, RulesConfig};
use super::coref::{Antecedent, Resolved};
use super::para::{Found, Who};

/// The engine name written into every origin.
pub const ENGINE: &str = "rules";

fn origin(rule: &'static str, score: f32) -> Origin {
    Origin::suggested_static(ENGINE, rule, score)
}

fn range((a, b): (usize, usize)) -> ByteRange {
    ByteRange::new(a, b)
}

/// Builds the suggestions: the entity spans first (`entities[n]` is name run
/// `n`), then SPEAKER spans in text order, then QUOTE and CUE spans;
/// `found` and `resolved` are parallel lists. Attributions of a class the
/// `config` does not suggest are left out with the spans only they use
/// ([`Suggestions::keep_classes`], as for an external engine's: a kept quote
/// whose speaker was named by a dropped one keeps that span).
pub fn build(
    found: &[Found],
    resolved: &[Resolved],
    entities: Vec<SuggestedSpan>,
    config: &RulesConfig,
) -> Suggestions {
    let named = entities.len();
    let mut out = Suggestions {
        spans: entities,
        ..Suggestions::default()
    };
    // Speakers are written for kept quotes only: which attribution's rule
    // and antecedent a shared SPEAKER span carries is then a kept one's.
    let mut needed = vec![false; found.len()];
    for k in (0..found.len()).filter(|&k| config.suggests(found[k].class)) {
        if let Some(n) = speaker_of(found, k).and_then(|j| needed.get_mut(j)) {
            *n = true;
        }
    }
    let mut speakers: Vec<((usize, usize), usize)> = found
        .iter()
        .enumerate()
        .filter(|&(k, _)| needed[k])
        .filter_map(|(k, f)| match f.who {
            Who::Here(s) => Some((s.range, k)),
            _ => None,
        })
        .collect();
    speakers.sort_unstable();
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut by_range: HashMap<(usize, usize), usize> = HashMap::new();
    for (r, k) in speakers {
        if let Some(&i) = by_range.get(&r) {
            index.insert(k, i);
            continue;
        }
        let i = out.spans.len();
        // Antecedents come earlier in the text, so their spans already exist.
        let refers_to = antecedent_span(resolved, k, &index, named);
        let f = &found[k];
        out.spans.push(SuggestedSpan {
            range: range(r),
            label: SPEAKER.into(),
            layer: Layer::Attribution,
            origin: origin(f.rule, f.score),
            refers_to,
        });
        index.insert(k, i);
        by_range.insert(r, i);
    }
    for (k, f) in found.iter().enumerate() {
        let mut content = Vec::with_capacity(f.content.len());
        for &c in &f.content {
            content.push(out.spans.len());
            out.spans.push(attribution(c, QUOTE, f));
        }
        let cue = f.cue.map(|c| {
            out.spans.push(attribution(c, CUE, f));
            out.spans.len() - 1
        });
        let quote = SuggestedQuote {
            content,
            speaker: speaker_of(found, k).and_then(|j| index.get(&j).copied()),
            cue,
            kind: f.kind,
            speaker_entity: resolved.get(k).and_then(|r| r.entity.clone()),
            origin: origin(f.rule, f.score),
            class: f.class,
            group: None,
        };
        if config.interrupted == Interrupted::PerSegment && quote.content.len() > 1 {
            segments(quote, u32::try_from(k).ok(), &mut out.quotes);
        } else {
            out.quotes.push(quote);
        }
    }
    out.keep_classes(config.classes);
    out
}

/// One quote per content part of `quote`, linked by `group`.
fn segments(quote: SuggestedQuote, group: Option<u32>, out: &mut Vec<SuggestedQuote>) {
    for &part in &quote.content {
        out.push(SuggestedQuote {
            content: vec![part],
            group,
            ..quote.clone()
        });
    }
}

/// The SPEAKER span a resolved speaker refers to: a name run's entity span,
/// or the span of an earlier speaker (past speakers whose span was left out).
fn antecedent_span(
    resolved: &[Resolved],
    k: usize,
    index: &HashMap<usize, usize>,
    named: usize,
) -> Option<usize> {
    let mut k = k;
    for _ in 0..resolved.len() {
        match resolved.get(k)?.antecedent? {
            Antecedent::Run(n) => return Some(n).filter(|&n| n < named),
            Antecedent::Speaker(j) => match index.get(&j) {
                Some(&i) => return Some(i),
                None if j < k => k = j,
                None => return None,
            },
        }
    }
    None
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
