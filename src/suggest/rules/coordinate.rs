//! Coordinated cues: a reported clause ends where the same subject reports
//! again — `X said A, adding B`, `X said A and warned B` — so each cue gets
//! its own attribution.

use super::cues::{self, CueClass, Form};
use super::lexicon;
use super::para::Para;
use super::words::Kind;

/// At most this many adverbs between a comma or `and` and its cue.
const MAX_ADVERBS: usize = 2;

/// The first token before `at` once lowercase adverbs (`even`, `also`) are
/// skipped, not reaching before `lo`.
pub fn adverbs_before(text: &str, toks: &[super::words::Tok], at: usize, lo: usize) -> usize {
    let mut j = at;
    while j > lo
        && at - j < MAX_ADVERBS
        && toks[j - 1].kind == Kind::Word
        && !toks[j - 1].cap
        && lexicon::is_between(toks[j - 1].text(text))
    {
        j -= 1;
    }
    j
}

/// True for a cue that opens a second report of the same subject at token
/// `i`: `, (also) adding`, `and (later) warned`.
pub fn starts_report(text: &str, p: &Para, i: usize, lo: usize) -> bool {
    let toks = &p.toks;
    let Some(t) = toks.get(i).filter(|t| t.kind == Kind::Word && !t.cap) else {
        return false;
    };
    let Some((class, form)) = cues::word_form(t.text(text)) else {
        return false;
    };
    if !matches!(
        class,
        CueClass::Speech | CueClass::Commit | CueClass::Tell | CueClass::Write
    ) {
        return false;
    }
    let j = adverbs_before(text, toks, i, lo);
    let Some(prev) = j.checked_sub(1).filter(|&j| j >= lo).map(|j| &toks[j]) else {
        return false;
    };
    match form {
        Form::Ing => prev.is(text, ','),
        Form::Past | Form::Third => {
            prev.kind == Kind::Word && matches!(prev.text(text), "and" | "but")
        }
        Form::Base | Form::Adj => false,
    }
}

/// End of the reported clause `[start, b)`: the comma or `and` before the
/// first coordinated cue outside quotation marks, or `b`.
pub fn clause_end(text: &str, p: &Para, start: usize, b: usize) -> usize {
    let mut segs = p.segs[p.segs_in(start + 1, b)].iter().peekable();
    let mut i = start + 1;
    while i < b {
        if let Some(seg) = segs.next_if(|s| s.open == i) {
            i = seg.end(&p.toks).max(i + 1);
            continue;
        }
        if starts_report(text, p, i, start) {
            let mut j = adverbs_before(text, &p.toks, i, start) - 1;
            // `…, and said`: the comma goes too.
            if j > start && p.toks[j - 1].is(text, ',') {
                j -= 1;
            }
            return j;
        }
        i += 1;
    }
    b
}
