//! Speaker phrases next to a cue: the subject before it (`a senior State
//! Department official said`, `Donna Brazile, the interim chair, said`) or
//! the phrase after it (`said Ana Díaz, the mayor`, `according to the
//! survey`). Pure token patterns: determiners, titles and role words, names
//! with connectors, and an appositive up to the next comma; the noun a
//! relative `who` refers to (`Ana Díaz, who said`). Days, months and
//! time phrases are never part of a speaker (`the council on Friday said`).

mod attach;
mod back;
mod forward;

use super::lexicon::{self, Gender};
use super::words::{Kind, Tok};

pub use forward::after;

/// What heads a speaker phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// `he`, `she`, `they`, `it`.
    Pronoun(Gender),
    /// A capitalised name: `Antony Blinken`, `the White House`.
    Name,
    /// A common noun: `the official`, `a new poll`.
    Role,
}

/// A speaker phrase by token index: `[start, end)` and its head token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The token that names the speaker (`Blinken`, `official`, `he`).
    pub head: usize,
    /// What kind of word the head is.
    pub kind: Head,
}

const MAX_WORDS: usize = 10;

fn word<'t>(text: &'t str, toks: &[Tok], i: usize) -> Option<&'t str> {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
}

/// A capitalised word that can be part of a name (not `But`, `After`,
/// `Friday` or `Let’s`).
fn name_word(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
        && word(text, toks, i).is_some_and(|w| {
            !lexicon::is_stop(w)
                && !lexicon::is_determiner(w)
                && !lexicon::is_calendar(w)
                && !matches!(w, "Let’s" | "Let's")
        })
}

/// A lowercase word that names a role: a role noun or title (`spokeswoman`,
/// `chief`) or an agent noun (`co-founder`, `economist`, `historian`).
fn role_like(w: &str) -> bool {
    lexicon::is_role(w)
        || lexicon::is_title(w)
        || (w.len() > 5
            && ["er", "or", "ist", "ian", "ant", "ent", "man"]
                .iter()
                .any(|end| w.ends_with(end))
            && !lexicon::is_stop(w))
}

/// `J.` or `Rep.`: a capitalised initial or title abbreviation before a full stop.
fn abbreviated(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.cap
        && t.end == toks.get(i + 1).map_or(0, |n| n.start)
        && (t.end - t.start == 1 || lexicon::is_title(t.text(text)))
}

/// The subject phrase that ends right before `cue` (adverbs like `also` and
/// `has`, and time phrases like `on Friday`, skipped), not reaching before
/// token `lo`.
pub fn before(text: &str, toks: &[Tok], cue: usize, lo: usize) -> Option<Phrase> {
    let mut end = skip_adverbs(text, toks, cue, lo);
    let untimed = back::skip_time(text, toks, end, lo);
    if untimed < end {
        end = skip_adverbs(text, toks, untimed, lo);
    }
    if end <= lo {
        return None;
    }
    if word(text, toks, end - 1) == Some("who") {
        return back::relative(text, toks, end - 1, lo);
    }
    // `relatives, many of whom say …`
    if end >= lo + 3
        && word(text, toks, end - 1) == Some("whom")
        && word(text, toks, end - 2) == Some("of")
        && word(text, toks, end - 3).is_some_and(lexicon::is_quantifier)
    {
        return Some(Phrase {
            start: end - 3,
            end,
            head: end - 3,
            kind: Head::Role,
        });
    }
    let last = &toks[end - 1];
    if last.is(text, ',') {
        return back::parenthetical(text, toks, end - 1, lo)
            .or_else(|| back::appositive(text, toks, end - 1, lo));
    }
    if is_dash(text, last) {
        return back::dashed(text, toks, end, lo);
    }
    attach::familiar(text, toks, end, lo).or_else(|| back::closed(text, toks, end, lo))
}

/// The first token before `end` once at most three lowercase adverbs and
/// auxiliaries (`also`, `has`) are skipped.
fn skip_adverbs(text: &str, toks: &[Tok], end: usize, lo: usize) -> usize {
    let mut end = end;
    let mut skipped = 0;
    while end > lo && skipped < 3 {
        match word(text, toks, end - 1) {
            Some(w) if !toks[end - 1].cap && lexicon::is_between(w) => {
                end -= 1;
                skipped += 1;
            }
            _ => break,
        }
    }
    end
}

/// A dash between words: `—`, `–` or one of the two hyphens of `--`.
fn is_dash(text: &str, t: &Tok) -> bool {
    t.is(text, '-') || t.is(text, '—') || t.is(text, '–')
}
