//! Speaker phrases read forwards, after `said` or `according to`: a name
//! or role noun with an appositive up to the next comma (`said Ana Díaz, the
//! mayor`).

use super::super::cues;
use super::super::lexicon;
use super::super::words::{Kind, Tok};
use super::{Head, MAX_WORDS, Phrase, abbreviated, name_word, role_like, word};

/// The phrase starting at token `at` (after `said` or `according to`), with an
/// appositive up to the next comma; not reaching `hi`.
pub fn after(text: &str, toks: &[Tok], at: usize, hi: usize) -> Option<Phrase> {
    let w = word(text, toks, at).filter(|_| at < hi)?;
    if let Some(g) = lexicon::pronoun(w) {
        return Some(Phrase {
            start: at,
            end: at + 1,
            head: at,
            kind: Head::Pronoun(g),
        });
    }
    let mut i = at;
    let mut head = None;
    let mut kind = Head::Role;
    while i < hi && i - at < MAX_WORDS {
        let t = &toks[i];
        let Some(w) = word(text, toks, i) else {
            let initial =
                kind == Head::Name && t.is(text, '.') && i > at && abbreviated(text, toks, i - 1);
            // `9/11 widow`, `ex-senator`: a slash or hyphen between words.
            let joiner = head.is_none()
                && (t.is(text, '/') || t.is(text, '-'))
                && word(text, toks, i + 1).is_some();
            if initial || joiner {
                i += 1;
                continue;
            }
            break;
        };
        if name_word(text, toks, i) {
            head = Some(i);
            kind = Head::Name;
        } else if kind == Head::Name {
            // `a US official`: a name modifying a role noun.
            if lexicon::is_role(w) {
                kind = Head::Role;
                head = Some(i);
                if !word(text, toks, i + 1)
                    .is_some_and(|n| lexicon::is_role(n) || name_word(text, toks, i + 1))
                {
                    break;
                }
            } else if !(lexicon::is_connector(w) && name_word(text, toks, i + 1)) {
                break;
            }
        } else if lexicon::is_role(w) {
            head = Some(i);
            if !word(text, toks, i + 1)
                .is_some_and(|n| lexicon::is_role(n) || name_word(text, toks, i + 1))
            {
                break;
            }
        } else if !(i == at && lexicon::is_determiner(w)) && (lexicon::is_stop(w) || t.cap) {
            break;
        }
        i += 1;
    }
    let head = head?;
    let mut end = head + 1;
    if kind == Head::Name
        && toks.get(end).is_some_and(|t| t.is(text, ','))
        && let Some(stop) = appositive_forward(text, toks, end + 1, hi)
    {
        end = stop;
    } else if kind == Head::Role {
        end = postmodifier(text, toks, end, hi);
    }
    Some(Phrase {
        start: at,
        end,
        head,
        kind,
    })
}

/// Words that attach a phrase to a role noun: `a spokeswoman for the
/// ministry`, `people familiar with the talks`, `an analysis by the board`.
const ATTACH: &[&str] = &[
    "of",
    "for",
    "at",
    "by",
    "with",
    "from",
    "in",
    "close",
    "familiar",
    "briefed",
    "knowledgeable",
    "involved",
];

/// End of what follows a role noun ending at `end` (`… for the ministry`),
/// up to a clause boundary or a cue; `end` when nothing attaches.
fn postmodifier(text: &str, toks: &[Tok], end: usize, hi: usize) -> usize {
    if !word(text, toks, end).is_some_and(|w| ATTACH.contains(&w)) {
        return end;
    }
    let mut last = end;
    let mut i = end + 1;
    while i < hi && i - end < 9 {
        let t = &toks[i];
        match word(text, toks, i) {
            Some(w)
                if !matches!(w, "that" | "which" | "who" | "whom" | "and" | "but")
                    && !cues::word_form(w).is_some_and(|(_, f)| f != cues::Form::Base)
                    && (ATTACH.contains(&w) || w == "on" || w == "to" || !lexicon::is_stop(w)) =>
            {
                last = i;
            }
            None if t.is(text, '.') && abbreviated(text, toks, i - 1) => {}
            _ => break,
        }
        i += 1;
    }
    while last > end
        && word(text, toks, last).is_some_and(|w| lexicon::is_stop(w) || lexicon::is_determiner(w))
    {
        last -= 1;
    }
    if last > end { last + 1 } else { end }
}

/// `, the chair of the party` — end of an appositive starting at `at`.
fn appositive_forward(text: &str, toks: &[Tok], at: usize, hi: usize) -> Option<usize> {
    let first = word(text, toks, at)?;
    let opens = lexicon::is_determiner(first) || (!toks[at].cap && role_like(first));
    if !opens {
        return None;
    }
    let mut i = at;
    while i < hi && i - at < 14 {
        let t = &toks[i];
        if t.kind == Kind::Double || (t.kind == Kind::Punct && !t.is(text, '-') && !t.is(text, '.'))
        {
            break;
        }
        i += 1;
    }
    // A sentence's full stop is not part of the appositive.
    while i > at + 1 && toks[i - 1].is(text, '.') && !abbreviated(text, toks, i - 2) {
        i -= 1;
    }
    (i > at).then_some(i)
}
