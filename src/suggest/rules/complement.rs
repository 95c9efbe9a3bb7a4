//! What follows a cue: a clause (`said (that) the plan failed`), an indirect
//! question (`asked whether …`), an infinitive (`agreed to meet`, `asked
//! them to leave`) or a noun object (`denied the charges`), read without a
//! tagger; and whether the cue is negated (`would not say whether …`).
//! [`super::attribution`] turns these into an attribution class.

use super::cues::lower;
use super::lexicon;
use super::verbs::{self, Before};
use super::words::{Kind, Tok};

/// What stands after a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Complement {
    /// A clause: `(that) the plan failed`, `he would resign`.
    Clause,
    /// An indirect question: `whether …`, `how …`.
    Question,
    /// An infinitive, maybe after an object: `to meet`, `them to leave`.
    Infinitive,
    /// A noun phrase with no clause in it: `the charges`.
    Object,
}

/// Tokens read after a cue before giving up on finding a verb.
const WINDOW: usize = 28;

/// Words that open an indirect question.
const QUESTION: &[&str] = &[
    "whether", "if", "how", "why", "what", "when", "where", "who", "which",
];

/// Subject pronouns: a clause starts here.
const SUBJECTS: &[&str] = &["he", "she", "they", "we", "i", "you", "there"];

fn lc<'b>(text: &str, t: &Tok, buf: &'b mut [u8; 32]) -> &'b str {
    if t.kind == Kind::Word {
        lower(t.text(text), buf).unwrap_or("")
    } else {
        ""
    }
}

/// Reads the complement `[start, end)` of the cue at token `cue` (recipient,
/// time phrases and `that` already skipped by the caller).
pub fn read(text: &str, toks: &[Tok], cue: usize, start: usize, end: usize) -> Complement {
    let is = |j: usize, w: &str| {
        toks.get(j)
            .is_some_and(|t| t.kind == Kind::Word && t.text(text).eq_ignore_ascii_case(w))
    };
    if (cue + 1..start).any(|j| is(j, "that")) {
        return Complement::Clause;
    }
    let Some(first) = toks.get(start).filter(|_| start < end) else {
        return Complement::Object;
    };
    if matches!(first.kind, Kind::Double | Kind::Single) {
        return Complement::Clause;
    }
    let mut buf = [0u8; 32];
    let w = lc(text, first, &mut buf);
    if w == "to" {
        return Complement::Infinitive;
    }
    // `who said and did the same things`: a second verb, nothing reported.
    if matches!(w, "and" | "or" | "but") {
        return Complement::Object;
    }
    if QUESTION.contains(&w) {
        return Complement::Question;
    }
    // `they’re`, `we'll`: a subject pronoun, contracted.
    let stem = first.text(text).split(['’', '\'']).next().unwrap_or("");
    if SUBJECTS.contains(&w) || SUBJECTS.iter().any(|s| stem.eq_ignore_ascii_case(s)) {
        return Complement::Clause;
    }
    if w == "as" {
        // `said as he entered the hall`: a time adjunct, not what was said.
        return Complement::Object;
    }
    // `said after the vote he would resign`: a phrase before the clause.
    let from = if matches!(w, "after" | "before" | "during" | "since" | "until") {
        start + 1
    } else {
        start
    };
    scan(text, toks, from, end)
}

/// Looks for a finite verb in `[start, end)`, skipping relative and
/// subordinate clauses set off by commas.
fn scan(text: &str, toks: &[Tok], start: usize, end: usize) -> Complement {
    let mut infinitive = false;
    // A relative clause with no comma to close it was stepped into.
    let mut embedded = false;
    let mut i = start;
    let stop = end.min(start + WINDOW).min(toks.len());
    while i < stop {
        let t = &toks[i];
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        let mut buf = [0u8; 32];
        let w = lc(text, t, &mut buf);
        if i > start && subordinate(w) {
            // `parents who adopt would …`: a relative pronoun right after its
            // noun opens a clause that no comma closes; the word after it is
            // that clause's verb (or subject) and the next verb is the
            // complement's.
            let restrictive =
                matches!(w, "that" | "who" | "which") && toks[i - 1].kind == Kind::Word;
            let comma = (i + 1..stop).find(|&j| toks[j].is(text, ','));
            match comma {
                _ if restrictive && !embedded => {
                    embedded = true;
                    i += 2;
                    continue;
                }
                // `the plan, which Congress passed, was dead`: go on after the comma.
                Some(comma) => {
                    i = comma + 1;
                    continue;
                }
                // `…, who adopt would …`: no comma closes it either.
                None if !embedded && matches!(w, "that" | "who" | "which") => {
                    embedded = true;
                    i += 2;
                    continue;
                }
                None => break,
            }
        }
        // `parents still want`: the word before the verb, past adverbs.
        let before = || {
            let prev = (start..i)
                .rev()
                .take(3)
                .map(|j| &toks[j])
                .find(|p| p.kind != Kind::Word || p.cap || !lexicon::is_between(p.text(text)));
            match prev {
                Some(p) if p.kind == Kind::Word => Before::of(p.text(text), p.cap),
                _ => Before::Nothing,
            }
        };
        let by_next = || {
            toks.get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.text(text).eq_ignore_ascii_case("by"))
        };
        if verbs::is_finite(t.text(text), before, by_next) {
            return Complement::Clause;
        }
        let after_to = i > start
            && toks[i - 1].kind == Kind::Word
            && toks[i - 1].text(text).eq_ignore_ascii_case("to");
        if after_to && !t.cap && !lexicon::is_determiner(w) {
            infinitive = true;
        }
        i += 1;
    }
    if infinitive {
        Complement::Infinitive
    } else {
        Complement::Object
    }
}

/// Words that open a subordinate clause or a relative clause, inside which a
/// verb says nothing about the complement itself.
fn subordinate(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "which"
            | "whom"
            | "whose"
            | "that"
            | "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "until"
            | "since"
            | "after"
            | "before"
            | "as"
            | "where"
            | "whether"
            | "once"
    )
}

/// True when the cue at token `cue` is negated: `did not say`, `won’t comment`,
/// `never said` (looking back over at most three adverbs and auxiliaries).
pub fn negated(text: &str, toks: &[Tok], cue: usize, lo: usize) -> bool {
    let mut j = cue;
    while j > lo && cue - j < 3 {
        let t = &toks[j - 1];
        if t.kind != Kind::Word {
            return false;
        }
        let w = t.text(text);
        if w.eq_ignore_ascii_case("not")
            || w.eq_ignore_ascii_case("never")
            || w.ends_with("n’t")
            || w.ends_with("n't")
        {
            return true;
        }
        if !lexicon::is_between(w) {
            return false;
        }
        j -= 1;
    }
    false
}
