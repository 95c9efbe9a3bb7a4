//! `according to X`: the speaker after the cue, the content the clause
//! before it (`The plant will close, according to a filing`) or after it
//! (`According to police, the driver fled`).

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::claims::Cue;
use super::content;
use super::frames::speaker;
use super::para::{Found, Para, Who};
use super::reported;
use super::speakers;

/// The attribution around the `according to` cue `cue` in sentence `[a, b)`.
pub fn frame(
    text: &str,
    p: &Para,
    (a, b): (usize, usize),
    cue: Cue,
    cue_range: (usize, usize),
    para: usize,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let mut who = speakers::after(text, toks, cue.at + cue.len, b)?;
    // `According to Ana Díaz, the new rules will …`: what looked like her
    // appositive is the subject of the reported clause, which the comma opens.
    let comma = who.head + 1;
    if cue.at == a
        && comma < who.end
        && toks[comma].is(text, ',')
        && !toks.get(who.end).is_some_and(|t| t.is(text, ','))
    {
        who.end = comma;
    }
    let found = Found {
        content: Vec::new(),
        who: Who::Here(speaker(p, who)?),
        cue: Some(cue_range),
        kind: QuoteKind::Indirect,
        class: AttributionClass::Speech,
        rule: "",
        score: 0.8,
        para,
    };
    if cue.at == a {
        let mut start = who.end;
        if toks.get(start).is_some_and(|t| t.is(text, ',')) {
            start += 1;
        }
        let end = reported::trim(text, toks, start, b);
        return content::clause(p, (start, end), found, "according-to-x-clause", Vec::new());
    }
    let mut end = cue.at;
    if toks[end - 1].is(text, ',') {
        end -= 1;
    }
    content::clause(p, (a, end), found, "clause-according-to-x", Vec::new())
}
