//! Headlines: a line of its own in title case whose cue is capitalised too —
//! `Trump Could Address Clean Energy, Lindsey Graham Says` (content, then
//! the speaker and cue closing the line) and `Obama Says Museum Will Tell of
//! ‘Suffering’` (a short speaker and cue opening it). The sentence rules
//! skip a capitalised cue, which in running text is a name or a title.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::cues::{self, CueClass, Form};
use super::lexicon;
use super::para::{Found, Para, Speaker, Who};
use super::reported;
use super::speakers::Head;
use super::words::Kind;

/// At most this many words in a headline.
const MAX_WORDS: usize = 25;

/// At most this many words in a headline's speaker.
const MAX_SPEAKER: usize = 5;

/// The attribution of a headline paragraph, and the quotes its content holds.
pub fn headline(text: &str, p: &Para, para: usize) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    // Every paragraph of one sentence comes here: the capitalised cue,
    // which few have, is looked for before the words are counted.
    if p.sents.len() != 1 {
        return None;
    }
    let end = reported::trim(text, toks, 0, toks.len());
    // `…, Lindsey Graham Says`
    let last = end.checked_sub(1)?;
    if is_cue(text, p, last) {
        let comma = (0..last).rev().find(|&j| toks[j].kind != Kind::Word)?;
        if !toks[comma].is(text, ',') || !title_case(p) {
            return None;
        }
        return attribution(text, p, (0, comma), (comma + 1, last), para);
    }
    // `Obama Says …`
    let cue = (1..=MAX_SPEAKER.min(end)).find(|&j| is_cue(text, p, j))?;
    if toks[..cue].iter().any(|t| t.kind != Kind::Word) || !title_case(p) {
        return None;
    }
    attribution(text, p, (cue + 1, end), (0, cue), para)
}

/// True when most of the paragraph's longer words (four bytes or more) are
/// capitalised and it is short: a headline, not a sentence.
fn title_case(p: &Para) -> bool {
    let (mut words, mut long, mut caps) = (0, 0, 0);
    for t in p.toks.iter().filter(|t| t.kind == Kind::Word) {
        words += 1;
        if words > MAX_WORDS {
            return false;
        }
        if t.end - t.start >= 4 {
            long += 1;
            caps += usize::from(t.cap);
        }
    }
    long >= 3 && caps * 5 >= long * 4
}

/// True for a capitalised speech cue at token `i` in the present or past
/// (`Says`, `Said`, `Tells`, `Writes`).
fn is_cue(text: &str, p: &Para, i: usize) -> bool {
    p.toks.get(i).is_some_and(|t| {
        t.kind == Kind::Word
            && t.cap
            && cues::word_form(t.text(text)).is_some_and(|(c, f)| {
                matches!(c, CueClass::Speech | CueClass::Tell | CueClass::Write)
                    && matches!(f, Form::Third | Form::Past)
            })
    })
}

/// The attribution with content tokens `content` and the speaker `who` (all
/// capitalised words), whose cue is the token right after it.
fn attribution(
    text: &str,
    p: &Para,
    content: (usize, usize),
    who: (usize, usize),
    para: usize,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let (a, b) = content;
    let speaker = toks.get(who.0..who.1)?;
    let n = speaker.len();
    if n == 0 || n > MAX_SPEAKER || speaker.iter().any(|t| t.kind != Kind::Word || !t.cap) {
        return None;
    }
    if p.word_count(a, b) < 3 {
        return None;
    }
    let cue = who.1;
    let head = who.1 - 1;
    let role = lexicon::is_role(&toks[head].text(text).to_ascii_lowercase());
    let used: Vec<usize> = p
        .segs_in(a, b)
        .filter(|&s| p.segs[s].end(toks) <= b)
        .collect();
    let found = Found {
        content: vec![p.bytes(a, b)?],
        who: Who::Here(Speaker {
            range: p.bytes(who.0, who.1)?,
            head: p.bytes(head, head + 1)?,
            kind: if role { Head::Role } else { Head::Name },
        }),
        cue: p.bytes(cue, cue + 1),
        kind: if used.is_empty() {
            QuoteKind::Indirect
        } else {
            QuoteKind::Mixed
        },
        class: AttributionClass::Speech,
        rule: "headline",
        score: 0.6,
        para,
    };
    Some((found, used))
}
