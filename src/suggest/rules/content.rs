//! The content of an attribution once cue and speaker are known: a clause
//! as one span (direct when it is exactly one quotation, mixed when it holds
//! quoted words), and the reported clause after a cue.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::attribution;
use super::complement;
use super::cues::{self, CueClass};
use super::ends;
use super::lexicon;
use super::marks::Seg;
use super::para::{Found, Para};
use super::reported;
use super::words::Kind;

/// The reported clause `[start, b)` after the cue of class `class` — or, after
/// a naming cue, the clause holding the words it names someone by — with the
/// attribution class its complement gives; `None` when the cue reports
/// nothing (`denied the charges`).
pub fn clause_after(
    text: &str,
    p: &Para,
    (start, b): (usize, usize),
    mut found: Found,
    mut used: Vec<usize>,
    class: CueClass,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let cue = toks.binary_search_by_key(&found.cue?.0, |t| t.start).ok()?;
    let a = p.sentence_of(cue).map_or(0, |(a, _)| a);
    let negated = complement::negated(text, toks, cue, a);
    if reported::is_naming(text, &toks[cue]) {
        if let Some((from, to)) = reported::partial_after(p, start, b).filter(|_| !negated) {
            found.content.push(p.bytes(from, to)?);
            used.extend(p.segs_in(from, to));
            found.kind = QuoteKind::Partial;
            found.class = AttributionClass::Speech;
            found.rule = "x-called-partial";
            return Some((found, used));
        }
        // `called the charges unsubstantiated`: a stance, not words.
        found.class = AttributionClass::Stance;
    } else {
        let complement = complement::read(text, toks, cue, start, b);
        found.class = attribution::class_of(class, toks[cue].text(text), complement, negated)?;
    }
    // `has said the same thing`, `said as much`: words said before, again.
    let echo = class == CueClass::Speech && !negated && echoes(text, p, start);
    if echo {
        found.class = AttributionClass::Speech;
    }
    let end = match echo {
        // `the same thing`: the words stand for it, what follows is the reporter's.
        true => (start + 2..(start + 3).min(b))
            .find(|&j| toks[j].kind == Kind::Word && toks[j].text(text) == "thing")
            .map_or(start + 2, |j| j + 1),
        false => ends::reported_end(text, p, start, b),
    };
    if p.word_count(start, end) < if echo { 2 } else { 3 } {
        return None;
    }
    clause(p, (start, end), found, "x-said-clause", used)
}

/// True when the object at token `start` stands for words said before:
/// `the same (thing)`, `as much`.
fn echoes(text: &str, p: &Para, start: usize) -> bool {
    let word = |j: usize| {
        p.toks
            .get(j)
            .filter(|t| t.kind == Kind::Word)
            .map_or("", |t| t.text(text))
    };
    matches!(
        (word(start), word(start + 1)),
        ("the", "same") | ("as", "much")
    )
}

/// Fills `found` with the clause `[a, b)` as content (direct when it is one quote).
pub fn clause(
    p: &Para,
    (a, b): (usize, usize),
    mut found: Found,
    rule: &'static str,
    mut used: Vec<usize>,
) -> Option<(Found, Vec<usize>)> {
    if p.word_count(a, b) < 2 {
        return None;
    }
    let inside: Vec<usize> = p
        .segs_in(a, b)
        .filter(|&s| p.segs[s].end(&p.toks) <= b)
        .collect();
    let whole =
        inside.len() == 1 && p.segs[inside[0]].open == a && p.segs[inside[0]].end(&p.toks) >= b;
    found.kind = if whole {
        QuoteKind::Direct
    } else if inside.is_empty() {
        QuoteKind::Indirect
    } else {
        QuoteKind::Mixed
    };
    used.extend(inside);
    found.content.push(p.bytes(a, b)?);
    found.rule = rule;
    Some((found, used))
}

/// `CONTENT, said X, the title.` and `A, said X, B.`: the clause before an
/// inverted cue at token `cue` (and the one after its speaker, which ends
/// at token `rest`).
pub fn before_inverted(
    text: &str,
    p: &Para,
    (a, b): (usize, usize),
    cue: usize,
    rest: usize,
    found: Found,
    used: Vec<usize>,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let comma = cue
        .checked_sub(1)
        .filter(|&c| c > a && toks[c].is(text, ','))?;
    // `…, said Brian Baker, a longtime adviser to the family who oversees
    // the campaign.`: an appositive longer than the speaker phrase reads
    // runs on to the sentence's end with no mark of its own.
    let appositive = (cue..rest).any(|j| toks[j].is(text, ','))
        && toks
            .get(rest..reported::trim(text, toks, rest, b))
            .is_some_and(|t| t.iter().all(|t| t.kind == Kind::Word));
    if appositive || reported::only_stops(text, toks, rest, b) {
        return clause(p, (a, comma), found, "clause-said-x", used);
    }
    if !toks.get(rest).is_some_and(|t| t.is(text, ',')) {
        return None;
    }
    // `…, said Ruiz, who heads the union` or `…, adding …` is no second part.
    let next = toks.get(rest + 1).filter(|t| t.kind == Kind::Word)?;
    let w = next.text(text);
    if cues::word_class(w).is_some() || lexicon::is_stop(w) {
        return None;
    }
    let tail = reported::trim(text, toks, rest + 1, b);
    let (mut f, mut u) = clause(p, (a, comma), found, "clause-said-x-clause", used)?;
    f.content.push(p.bytes(rest + 1, tail)?);
    u.extend(p.segs_in(rest + 1, tail));
    if u.is_empty() {
        f.kind = QuoteKind::Indirect;
    } else if f.kind != QuoteKind::Direct {
        f.kind = QuoteKind::Mixed;
    }
    Some((f, u))
}

/// `With a thousand systems, “there is no single point of failure,” he
/// said`: a quotation opening lowercase after words of its sentence (from
/// token `a`) that hold no cue continues them; the token they start at.
pub fn lead_in(text: &str, p: &Para, a: usize, seg: &Seg) -> Option<usize> {
    let toks = &p.toks;
    let first = toks.get(seg.open + 1).filter(|t| t.kind == Kind::Word)?;
    if first.cap || seg.open <= a || seg.continues {
        return None;
    }
    let before = toks.get(a..seg.open)?;
    let clean = before.iter().all(|t| match t.kind {
        Kind::Word => cues::word_class(t.text(text)).is_none(),
        Kind::Punct => t.is(text, ','),
        _ => false,
    });
    // `In a statement, “we will …”`: a venue or time phrase says nothing.
    let said = reported::skip_time(text, toks, a, seg.open);
    // `Mills “got an immunity agreement,” Jordan said`: a name alone is a subject too.
    let words = p.word_count(said, seg.open);
    let named = words == 1 && toks[said].cap && !lexicon::is_stop(toks[said].text(text));
    (clean && (words >= 2 || named)).then_some(a)
}
