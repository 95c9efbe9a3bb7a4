//! Reported (indirect) speech: where the clause after a cue starts once the
//! recipient (`told reporters`), time and venue phrases (`on Sunday`, `in a
//! statement`) and `that` are skipped; naming cues and the partial quote
//! they report. Where the clause ends is [`super::ends`]'s.

use super::cues::lower;
use super::lexicon;
use super::para::Para;
use super::speakers;
use super::words::{Kind, Tok};

/// Nouns that end a venue phrase after a cue: `in a statement`, `at a briefing`.
const VENUES: &[&str] = &[
    "statement",
    "interview",
    "briefing",
    "conference",
    "call",
    "email",
    "speech",
    "rally",
    "event",
    "hearing",
    "meeting",
    "post",
    "tweet",
    "twitter",
    "facebook",
    "television",
    "radio",
    "show",
    "appearance",
    "letter",
    "report",
    "filing",
    "release",
    "debate",
    "remarks",
    "address",
    "session",
    "stop",
    "news",
    "podcast",
    "video",
    "op-ed",
    "message",
    "forum",
    "summit",
];

/// Words that open a venue or time phrase.
const OPENERS: &[&str] = &[
    "on", "in", "at", "during", "last", "this", "earlier", "late", "early", "over", "after",
];

/// Objects of `told`: pronouns and `reporters`.
const RECIPIENTS: &[&str] = &[
    "him",
    "her",
    "them",
    "me",
    "us",
    "you",
    "reporters",
    "journalists",
    "lawmakers",
    "supporters",
    "viewers",
    "listeners",
    "audiences",
    "himself",
    "herself",
    "themselves",
    "myself",
    "ourselves",
    "yourself",
    "the",
];

fn lc<'b>(text: &str, t: &Tok, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if t.kind != Kind::Word {
        return None;
    }
    lower(t.text(text), buf)
}

fn is_day(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "recently"
            | "earlier"
            | "later"
            | "again"
            | "previously"
            | "also"
            | "privately"
            | "publicly"
            | "repeatedly"
            | "separately"
    )
}

/// Skips time and venue phrases from token `at`; returns the next token.
pub fn skip_time(text: &str, toks: &[Tok], at: usize, b: usize) -> usize {
    let mut p = at;
    for _ in 0..4 {
        let mut buf = [0u8; 32];
        let Some(w) = toks
            .get(p)
            .filter(|_| p < b)
            .and_then(|t| lc(text, t, &mut buf))
        else {
            break;
        };
        if is_day(w) {
            p += 1;
            continue;
        }
        if !OPENERS.contains(&w) {
            break;
        }
        let end = (p + 1..(p + 8).min(b)).find(|&j| {
            let mut buf = [0u8; 32];
            toks[j].kind == Kind::Word
                && lc(text, &toks[j], &mut buf).is_some_and(|x| {
                    is_day(x)
                        || VENUES.contains(&x)
                        || lexicon::is_time(x) && x != "on" && x != "in"
                })
        });
        match end {
            Some(e) => p = e + 1,
            None => break,
        }
    }
    p
}

/// Start of the reported clause after a cue ending at token `at`.
pub fn clause_start(text: &str, toks: &[Tok], at: usize, b: usize, tell: bool) -> usize {
    let mut p = at;
    if tell {
        let mut buf = [0u8; 32];
        let recipient = toks
            .get(p)
            .and_then(|t| lc(text, t, &mut buf))
            .is_some_and(|w| RECIPIENTS.contains(&w));
        // `told the debate audience that …`, `told “Morgenbladet” on Friday
        // that …`: the recipient runs to `that`, quoted names included.
        let that = (p..(p + 10).min(b))
            .take_while(|&j| matches!(toks[j].kind, Kind::Word | Kind::Double | Kind::Single))
            .find(|&j| {
                toks[j].kind == Kind::Word && toks[j].text(text).eq_ignore_ascii_case("that")
            });
        if recipient && !toks[p].text(text).eq_ignore_ascii_case("the") {
            p += 1;
        } else if let Some(that) = that {
            p = that;
        } else if let Some(ph) = speakers::after(text, toks, p, b) {
            p = ph.end;
        }
    }
    for _ in 0..2 {
        p = skip_time(text, toks, p, b);
        if toks
            .get(p)
            .is_some_and(|t| t.is(text, ',') || t.is(text, ':'))
            && p < b
        {
            p += 1;
        }
    }
    // `complained bitterly that …`
    let adverb = toks.get(p).is_some_and(|t| {
        let w = t.text(text);
        t.kind == Kind::Word && !t.cap && w.len() > 4 && w.ends_with("ly")
    });
    if adverb
        && toks
            .get(p + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.text(text).eq_ignore_ascii_case("that"))
    {
        p += 1;
    }
    let is_that = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.kind == Kind::Word && t.text(text).eq_ignore_ascii_case("that"))
    };
    // `said in Colorado Springs that …`: a place or venue phrase before `that`.
    let mut buf = [0u8; 32];
    let preposition = toks
        .get(p)
        .and_then(|t| lc(text, t, &mut buf))
        .is_some_and(|w| {
            matches!(
                w,
                "in" | "at" | "on" | "during" | "after" | "before" | "with" | "to"
            )
        });
    if preposition
        && let Some(j) = (p + 1..(p + 10).min(b))
            .take_while(|&j| toks[j].kind == Kind::Word || toks[j].is(text, ','))
            .find(|&j| is_that(j))
    {
        p = j;
    }
    if is_that(p) && p + 1 < b {
        p += 1;
    }
    p
}

/// True when the sentence starting at token `a` opens with a subordinate
/// or adverbial phrase (`When asked about it, X said, “…”`), which is the
/// reporter's words, not part of what was said.
pub fn is_lead_in(text: &str, toks: &[Tok], a: usize) -> bool {
    let mut buf = [0u8; 32];
    toks.get(a)
        .and_then(|t| lc(text, t, &mut buf))
        .is_some_and(|w| {
            matches!(
                w,
                "when"
                    | "while"
                    | "after"
                    | "before"
                    | "as"
                    | "if"
                    | "since"
                    | "although"
                    | "though"
                    | "asked"
                    | "speaking"
                    | "during"
                    | "later"
                    | "earlier"
            )
        })
}

/// True when `[a, b)` holds nothing but punctuation.
pub fn only_stops(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let _ = text;
    toks.get(a..b)
        .is_some_and(|t| t.iter().all(|t| t.kind == Kind::Punct))
}

/// End of a clause `[a, b)` without its trailing punctuation.
pub fn trim(text: &str, toks: &[Tok], a: usize, b: usize) -> usize {
    let mut e = b;
    while e > a && toks[e - 1].kind == Kind::Punct && !toks[e - 1].is(text, ')') {
        e -= 1;
    }
    e
}

/// Naming cues: `called it “a personal insult”`, `described him as …`.
const NAMING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "dub",
    "dubs",
    "dubbed",
    "label",
    "labels",
    "labeled",
    "labelled",
    "brand",
    "brands",
    "branded",
    "liken",
    "likens",
    "likened",
    "hailed",
];

/// True for a naming cue, which reports the words it names someone by.
pub fn is_naming(text: &str, t: &Tok) -> bool {
    let mut buf = [0u8; 32];
    lc(text, t, &mut buf).is_some_and(|w| NAMING.contains(&w))
}

/// `called the talks “frank” on Friday`: the reported clause after a naming
/// cue, from `start` to the end of the last short quotation in `[start, b)`
/// that opens within a few words; `None` without one.
pub fn partial_after(p: &Para, start: usize, b: usize) -> Option<(usize, usize)> {
    let first = p.segs_in(start, (start + 8).min(b)).next()?;
    let short = |k: usize| p.segs.get(k).is_some_and(|s| s.words(&p.toks) <= 8);
    if !short(first) {
        return None;
    }
    // `a “nasty guy,” an “anchor baby” and “unstable”`: the whole list.
    let mut last = first;
    for k in p.segs_in(start, b).skip_while(|&k| k <= first) {
        let gap = p.segs[k].open - p.segs[last].end(&p.toks);
        if gap > 4 || !short(k) {
            break;
        }
        last = k;
    }
    Some((start, p.segs[last].end(&p.toks)))
}
