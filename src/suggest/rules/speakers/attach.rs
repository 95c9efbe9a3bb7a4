//! Heads with a phrase attached after them: `experts on Korea and arms
//! control`, `a spokeswoman for the ministry`, `people familiar with the
//! talks`, read backwards from a cue.

use super::super::cues;
use super::super::lexicon;
use super::super::words::{Kind, Tok};
use super::back::noun_phrase_back;
use super::{Head, MAX_WORDS, Phrase, name_word, role_like, word};

/// Adjectives that make a vague source of a noun: `people familiar with the
/// talks`, `those close to him`, `officials briefed on the plan`.
const VAGUE: &[&str] = &["familiar", "close", "briefed", "knowledgeable", "involved"];

/// `two people familiar with the matter`, `Those close to the mayor`: a
/// vague source ending at token `end`, headed by the noun before the
/// adjective.
pub(super) fn familiar(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<Phrase> {
    let adj = (lo + 1..end.saturating_sub(2))
        .rev()
        .take(8)
        .take_while(|&j| {
            toks[j].kind == Kind::Word && cues::word_class(toks[j].text(text)).is_none()
        })
        .find(|&j| {
            word(text, toks, j).is_some_and(|w| VAGUE.contains(&w))
                && word(text, toks, j + 1).is_some_and(|w| matches!(w, "with" | "to" | "on" | "in"))
        })?;
    let head = adj - 1;
    let w = word(text, toks, head)?.to_ascii_lowercase();
    if !(role_like(&w) || lexicon::is_quantifier(&w) || matches!(w.as_str(), "those" | "people")) {
        return None;
    }
    let start = match word(text, toks, head.wrapping_sub(1)) {
        Some(d) if head > lo && (lexicon::is_determiner(d) || lexicon::is_quantifier(d)) => {
            head - 1
        }
        _ => head,
    };
    Some(Phrase {
        start,
        end,
        head,
        kind: Head::Role,
    })
}

/// Prepositions that attach a phrase to the noun before them.
const ATTACHING: &[&str] = &[
    "of", "for", "at", "with", "in", "from", "on", "to", "around", "across",
];

/// `a spokeswoman for the ministry`, `A survey of farmers`, `experts on
/// Korea and arms control`, `observers in Virginia and around the country`:
/// the role or name before a preposition heads a subject whose own words
/// start at token `start` and end at `end`, across objects joined by `and`
/// or `or`.
pub(super) fn attached_to(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    lo: usize,
) -> Option<Phrase> {
    let mut at = start;
    for _ in 0..4 {
        if at < lo + 2 {
            return None;
        }
        let before = word(text, toks, at - 1)?;
        if ATTACHING.contains(&before) {
            let outer = noun_phrase_back(text, toks, at - 1, lo).filter(|o| {
                matches!(o.kind, Head::Role | Head::Name) && end - o.start <= 2 * MAX_WORDS
            });
            if let Some(o) = outer.filter(|o| {
                o.kind == Head::Name || lexicon::is_role(word(text, toks, o.head).unwrap_or(""))
            }) {
                return Some(o);
            }
            // `and around the country`: a conjunction may stand before it.
            at -= 1;
        } else if matches!(before, "and" | "or") {
            at = conjunct_start(text, toks, at - 1, lo)?;
        } else {
            return None;
        }
    }
    None
}

/// Start of the object of a preposition that ends at token `end` before a
/// conjunction (`North Korea`, `the country`, `arms control`): up to four
/// names or lowercase content words, maybe after a determiner.
fn conjunct_start(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<usize> {
    let mut j = end;
    while j > lo && end - j < 4 {
        let Some(w) = word(text, toks, j - 1) else {
            break;
        };
        let content = !lexicon::is_stop(w)
            && !lexicon::is_determiner(w)
            && cues::word_class(w).is_none()
            && (name_word(text, toks, j - 1) || !toks[j - 1].cap);
        if !content {
            break;
        }
        j -= 1;
    }
    if j > lo && word(text, toks, j - 1).is_some_and(lexicon::is_determiner) {
        j -= 1;
    }
    (j < end).then_some(j)
}
