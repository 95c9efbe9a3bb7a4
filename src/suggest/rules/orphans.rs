//! Quotations no cue claimed: a quote-only sentence joins the attributed
//! quote of its paragraph (`“A,” she said. “B.”`), a quote continued from the
//! paragraph before joins that quote, a quote-only paragraph inherits the
//! previous paragraph's speaker, and short or Title Case stretches (scare
//! quotes, titles) are left alone.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::lexicon;
use super::para::{Found, Para, Speaker, Who};
use super::speakers::{self, Head};
use super::words::Kind;

/// Handles the unclaimed quotes of paragraph `para`; `first` is the index of
/// its first attribution in `found`.
/// `pending` is a `X said:` that closed the paragraph before.
pub fn attach(
    text: &str,
    p: &Para,
    para: usize,
    used: &[bool],
    first: usize,
    mut pending: Option<Found>,
    found: &mut Vec<Found>,
) {
    let quote_only = paragraph_is_quotes(text, p);
    for (si, seg) in p.segs.iter().enumerate() {
        if used.get(si).copied().unwrap_or(true) || seg.words(&p.toks) == 0 {
            continue;
        }
        let Some(outer) = seg.outer(&p.toks) else {
            continue;
        };
        if let Some(mut f) = pending.take().filter(|_| seg.open == 0) {
            f.content.push(outer);
            f.kind = QuoteKind::Direct;
            f.para = para;
            found.push(f);
            continue;
        }
        if let Some(f) = dash_speaker(text, p, si, para) {
            found.push(f);
            continue;
        }
        let whole_sentence = p.sentence_of(seg.open).is_some_and(|(a, b)| {
            a == seg.open
                && p.toks
                    .get(seg.end(&p.toks)..b)
                    .is_some_and(|rest| rest.iter().all(|t| t.kind == Kind::Punct))
        });
        let short = seg.words(&p.toks) <= 3 || title_case(text, p, si);
        if seg.continues
            && let Some(prev) = found
                .last_mut()
                .filter(|f| f.para + 1 == para && f.kind == QuoteKind::Direct)
        {
            prev.content.push(outer);
            continue;
        }
        if whole_sentence && let Some(k) = same_paragraph(found, first, outer.0) {
            found[k].content.push(outer);
            found[k].content.sort_unstable();
            continue;
        }
        if short {
            continue;
        }
        let (kind, rule, score) = if whole_sentence && quote_only {
            (QuoteKind::Direct, "inherit-paragraph", 0.6)
        } else if whole_sentence {
            (QuoteKind::Direct, "inherit-nearby", 0.45)
        } else {
            (QuoteKind::Partial, "partial-uncued", 0.3)
        };
        let who = if whole_sentence && quote_only {
            inherited(found, para)
        } else {
            subject_of(text, p, seg.open, para).map_or_else(|| nearest(found, para), Who::Here)
        };
        found.push(Found {
            content: vec![outer],
            who,
            cue: None,
            kind,
            class: AttributionClass::Speech,
            rule,
            score,
            para,
        });
    }
}

/// `“…” ― Sonya Herridge`: a dash and a name right after the quote; or a
/// caption, a paragraph that is a quote and a name with its title
/// (`“We will stay.” Ana Ruiz, a farmer`), which has no cue at all.
fn dash_speaker(text: &str, p: &Para, si: usize, para: usize) -> Option<Found> {
    let seg = p.segs.get(si)?;
    let toks = &p.toks;
    let mut d = seg.end(toks);
    while toks
        .get(d)
        .is_some_and(|t| t.is(text, '.') || t.is(text, ','))
    {
        d += 1;
    }
    let dash = toks
        .get(d)
        .filter(|t| t.kind == Kind::Punct && matches!(t.first(text), '―' | '—' | '–'));
    let caption = dash.is_none() && seg.open == 0;
    if dash.is_none() && !caption {
        return None;
    }
    let from = if caption { d } else { d + 1 };
    let ph = speakers::after(text, toks, from, toks.len())?;
    let rest_is_punct = toks.get(ph.end..).is_some_and(|r| {
        r.iter()
            .take_while(|t| caption || t.kind != Kind::Double)
            .all(|t| t.kind == Kind::Punct)
    });
    if ph.kind != Head::Name || !rest_is_punct {
        return None;
    }
    let who = Speaker {
        range: p.bytes(ph.start, ph.end)?,
        head: p.bytes(ph.head, ph.head + 1)?,
        kind: ph.kind,
    };
    Some(Found {
        content: vec![seg.outer(toks)?],
        who: Who::Here(who),
        cue: dash.map(|t| (t.start, t.end)),
        kind: QuoteKind::Direct,
        class: AttributionClass::Speech,
        rule: if caption {
            "caption-quote-x"
        } else {
            "quote-dash-x"
        },
        score: if caption { 0.55 } else { 0.7 },
        para,
    })
}

/// The speaker handed on by a direct quote ending the paragraph before.
fn inherited(found: &[Found], para: usize) -> Who {
    match found.last() {
        Some(f) if f.para + 1 == para && f.kind == QuoteKind::Direct => {
            same_as(found, found.len() - 1)
        }
        _ => Who::Unknown,
    }
}

/// The speaker of the latest attribution in this paragraph or the one before.
fn nearest(found: &[Found], para: usize) -> Who {
    found
        .iter()
        .enumerate()
        .rev()
        .take(64)
        .take_while(|(_, f)| f.para + 1 >= para)
        .find(|(_, f)| !matches!(f.who, Who::Unknown))
        .map_or(Who::Unknown, |(k, _)| same_as(found, k))
}

fn same_as(found: &[Found], k: usize) -> Who {
    match found.get(k).map(|f| f.who) {
        Some(Who::Same(n)) => Who::Same(n),
        Some(Who::Here(_)) => Who::Same(k),
        _ => Who::Unknown,
    }
}

/// The name or pronoun opening the sentence that holds token `at`
/// (`he blasted the media as “dishonest”`).
fn subject_of(text: &str, p: &Para, at: usize, para: usize) -> Option<Speaker> {
    let _ = para;
    let (a, _) = p.sentence_of(at)?;
    let ph =
        speakers::after(text, &p.toks, a, at).filter(|ph| ph.kind != Head::Role && ph.end < at)?;
    Some(Speaker {
        range: p.bytes(ph.start, ph.end)?,
        head: p.bytes(ph.head, ph.head + 1)?,
        kind: ph.kind,
    })
}

/// The attributed direct quote of this paragraph nearest before `at` (or else after it).
fn same_paragraph(found: &[Found], first: usize, at: usize) -> Option<usize> {
    let direct = |f: &Found| {
        matches!(f.kind, QuoteKind::Direct) && !matches!(f.who, Who::Unknown) && f.cue.is_some()
    };
    let first = first.max(found.len().saturating_sub(64));
    let before = (first..found.len())
        .rev()
        .find(|&k| direct(&found[k]) && found[k].content.first().is_some_and(|c| c.0 < at));
    before.or_else(|| (first..found.len()).find(|&k| direct(&found[k])))
}

/// True when every word of the paragraph lies inside quotation marks.
fn paragraph_is_quotes(text: &str, p: &Para) -> bool {
    let _ = text;
    let mut inside = vec![false; p.toks.len()];
    for s in &p.segs {
        for i in s.open..s.end(&p.toks) {
            if let Some(x) = inside.get_mut(i) {
                *x = true;
            }
        }
    }
    p.toks
        .iter()
        .zip(&inside)
        .all(|(t, &q)| q || t.kind != Kind::Word)
}

/// A title: every word capitalised except short joiners (`The Art of the Deal`).
fn title_case(text: &str, p: &Para, si: usize) -> bool {
    let seg = &p.segs[si];
    let inner = p
        .toks
        .get(seg.open + 1..seg.end(&p.toks).saturating_sub(1))
        .unwrap_or(&[]);
    let words: Vec<_> = inner.iter().filter(|t| t.kind == Kind::Word).collect();
    words.len() <= 6
        && words.iter().all(|t| {
            let w = t.text(text);
            t.cap
                || lexicon::is_connector(w)
                || matches!(w, "the" | "a" | "an" | "in" | "on" | "to" | "for" | "at")
        })
}
