//! Labels one chunk of capitalised words: a listed name, a title followed by a
//! person's name (the title stays outside the span), a name closed or opened
//! by an organisation or place word, a first name or family name, an acronym,
//! or — with weaker confidence — whatever the shape and context suggest.

use super::context::{clue, quoted_title};
use super::person::{person_evidence, person_suffix};
use super::titles::{only_titles, titled, trailing_title};
use super::words::{Shape, Word};
use super::{EntityLabel, GAZETTEER, Gender};
use crate::model::ByteRange;

/// A run of words that may name one or more entities, with the listed names in it.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    /// First word index.
    pub start: usize,
    /// One past the last word index.
    pub end: usize,
    /// Listed names inside, as word ranges with their label.
    pub listed: Vec<(usize, usize, EntityLabel)>,
}

/// An entity mention before document-level propagation.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Bytes of the name.
    pub range: ByteRange,
    /// Proposed label.
    pub label: EntityLabel,
    /// Confidence.
    pub score: f32,
    /// Rule that fired.
    pub rule: &'static str,
    /// Gender from a title or first name.
    pub gender: Option<Gender>,
    /// Title words before a person's name.
    pub title: Option<ByteRange>,
    /// Acronym defined right after this name.
    pub acronym: Option<ByteRange>,
    /// Full name when it differs from the text (`Beijing` for `BEIJING`).
    pub canonical: Option<String>,
}

impl Candidate {
    /// A candidate without gender, title or acronym.
    pub fn new(range: ByteRange, label: EntityLabel, score: f32, rule: &'static str) -> Self {
        Self {
            range,
            label,
            score,
            rule,
            gender: None,
            title: None,
            acronym: None,
            canonical: None,
        }
    }
}

/// Words that turn a place name into a part of it.
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Downtown",
];

/// Prepositions after which a bare unknown name is most often a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "near", "across", "outside", "into", "to"];

/// What the rules look at while labelling one chunk.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) words: &'a [Word],
    pub(super) listed: &'a [(usize, usize, EntityLabel)],
}

impl Ctx<'_> {
    /// The text of word `i` (empty past the end).
    pub(super) fn t(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.text(self.text))
    }

    /// The bytes from word `a` to the end of word `b - 1`.
    pub(super) fn span(&self, a: usize, b: usize) -> ByteRange {
        ByteRange::new(self.words[a].range.start, self.words[b - 1].range.end)
    }
}

/// Labels a chunk, pushing zero or more candidates.
pub fn classify(text: &str, words: &[Word], chunk: &Chunk, out: &mut Vec<Candidate>) {
    let cx = Ctx {
        text,
        words,
        listed: &chunk.listed,
    };
    let (s, e) = (chunk.start, chunk.end);
    if let Some(&(_, _, label)) = chunk.listed.iter().find(|l| l.0 == s && l.1 == e) {
        out.push(Candidate::new(cx.span(s, e), label, 0.9, "gazetteer"));
        return;
    }
    if quoted_title(&cx, s, e) {
        return;
    }
    if titled(&cx, s, e, out) {
        return;
    }
    if let Some(cut) = trailing_title(&cx, s, e) {
        // `State Department Spokesperson`: the office holder is not named.
        let rest = Chunk {
            start: s,
            end: cut,
            listed: chunk
                .listed
                .iter()
                .filter(|l| l.1 <= cut)
                .copied()
                .collect(),
        };
        classify(text, words, &rest, out);
        return;
    }
    if only_titles(&cx, s, e) {
        return;
    }
    if push_headed(&cx, s, e, out) || push_clue(&cx, s, e, out) {
        return;
    }
    // `Southern Indiana`, `East Los Angeles`: a compass word before a listed place.
    if let [(ls, le, label @ (EntityLabel::Gpe | EntityLabel::Loc))] = chunk.listed[..]
        && ls == s + 1
        && le == e
        && COMPASS.contains(&cx.t(s))
    {
        out.push(Candidate::new(cx.span(s, e), label, 0.85, "gazetteer"));
        return;
    }
    // `Environment Canada`, `Air Canada`: common words naming a body of a country.
    if let [(ls, le, EntityLabel::Gpe)] = chunk.listed[..]
        && le == e
        && ls > s
        && (s..ls).all(|i| cx.words[i].shape == Shape::Cap && GAZETTEER.is_common(cx.t(i)))
        && !COMPASS.contains(&cx.t(s))
        && GAZETTEER.first_name(cx.t(s)).is_none()
    {
        out.push(Candidate::new(
            cx.span(s, e),
            EntityLabel::Org,
            0.6,
            "org-name-place",
        ));
        return;
    }
    // `Dean Kamen` is a person although a town is called Kamen.
    let places_only = chunk.listed.iter().all(|l| {
        // `Regina Ip`: a first name that is also a town still opens a name.
        let first = l.0 == s && l.1 == s + 1 && GAZETTEER.first_name(cx.t(s)).is_some();
        (l.0 > s || first) && matches!(l.2, EntityLabel::Gpe | EntityLabel::Loc)
    });
    if places_only
        && let Some((score, rule)) = person_evidence(&cx, s, e).filter(|(score, _)| *score >= 0.85)
    {
        let mut c = Candidate::new(cx.span(s, e), EntityLabel::Person, score, rule);
        c.gender = GAZETTEER.first_name(cx.t(s)).flatten();
        out.push(c);
        return;
    }
    let mut at = s;
    for &(ls, le, label) in chunk.listed.iter().filter(|l| l.0 >= s && l.1 <= e) {
        if ls > at {
            unlisted(&cx, at, ls, out);
        }
        out.push(Candidate::new(cx.span(ls, le), label, 0.9, "gazetteer"));
        at = le;
    }
    if at < e {
        unlisted(&cx, at, e, out);
    }
}

/// What a closing or opening organisation/place word makes of the chunk:
/// `Some((None, _))` for the name of an event or work, which is left alone.
pub(super) fn head_label(
    cx: &Ctx,
    s: usize,
    e: usize,
) -> Option<(Option<EntityLabel>, &'static str)> {
    if e - s < 2 {
        return None;
    }
    let rule = |label| match label {
        Some(EntityLabel::Org) => "org-word",
        Some(_) => "place-word",
        None => "event-word",
    };
    if let Some((label, pos)) = GAZETTEER.head(cx.t(e - 1))
        && pos.last()
    {
        // `Stuart Hall`, `Jane Park`: a first name before a surname that is also a head.
        let person = e - s == 2
            && GAZETTEER.first_name(cx.t(s)).is_some()
            && GAZETTEER.is_surname(cx.t(e - 1));
        // `Hyun-woo Park, who owns a shop`: no place is a `who`.
        let who = label != Some(EntityLabel::Org) && who_follows(cx, e);
        return (!person && !who).then_some((label, rule(label)));
    }
    // `Ministry of Defence`, `Federal Bureau of Investigation`, `Corps of
    // Engineers`, `Foundation for the Visual Arts`.
    (s..e - 1)
        .filter(|&i| matches!(cx.t(i + 1), "of" | "for" | "on"))
        .find_map(|i| {
            GAZETTEER
                .head(cx.t(i))
                .filter(|(label, pos)| pos.first() || *label == Some(EntityLabel::Org))
        })
        .map(|(label, _)| (label, rule(label)))
}

/// True when `, who` follows word `e - 1`.
fn who_follows(cx: &Ctx, e: usize) -> bool {
    cx.words.get(e).is_some_and(|w| {
        w.text(cx.text) == "who" && cx.text[cx.words[e - 1].range.end..w.range.start] == *", "
    })
}

/// Pushes the candidate a head word gives; true when the chunk is settled.
fn push_headed(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Candidate>) -> bool {
    let Some((label, rule)) = head_label(cx, s, e) else {
        return false;
    };
    if let Some(label) = label {
        out.push(Candidate::new(cx.span(s, e), label, 0.85, rule));
    }
    true
}

/// Pushes the candidate the surrounding words give, unless they are weaker
/// than the evidence of a person's name; true when the chunk is settled.
fn push_clue(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Candidate>) -> bool {
    let Some((label, score, rule)) = clue(cx, s, e) else {
        return false;
    };
    if score < 0.85 && person_evidence(cx, s, e).is_some_and(|(p, _)| p >= 0.85) {
        return false;
    }
    out.push(Candidate::new(cx.span(s, e), label, score, rule));
    true
}

/// Labels a run with no listed name from its shape and context.
pub(super) fn unlisted(cx: &Ctx, mut s: usize, mut e: usize, out: &mut Vec<Candidate>) {
    while s < e && !cx.words[s].is_capital() {
        s += 1;
    }
    while e > s && !cx.words[e - 1].is_capital() {
        e -= 1;
    }
    if s == e || (s..e).all(|i| GAZETTEER.is_not_entity(cx.t(i))) {
        return;
    }
    if titled(cx, s, e, out) || only_titles(cx, s, e) {
        return;
    }
    if push_headed(cx, s, e, out) || push_clue(cx, s, e, out) {
        return;
    }
    if let Some(cut) = person_suffix(cx, s, e) {
        // `Refugee Council Enver Solomon`: a body, then a person speaking for it.
        unlisted(cx, s, cut, out);
        let mut c = Candidate::new(cx.span(cut, e), EntityLabel::Person, 0.8, "first-name");
        c.gender = GAZETTEER.first_name(cx.t(cut)).flatten();
        out.push(c);
        return;
    }
    let range = cx.span(s, e);
    if let Some((score, rule)) = person_evidence(cx, s, e) {
        let mut c = Candidate::new(range, EntityLabel::Person, score, rule);
        c.gender = GAZETTEER.first_name(cx.t(s)).flatten();
        out.push(c);
        return;
    }
    let n = e - s;
    let single = cx.t(s);
    let (label, score, rule) = if n == 1 && cx.words[s].shape == Shape::Upper {
        let letters = single.chars().filter(|c| c.is_alphabetic()).count();
        let roman = single
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
        if single.contains(|c: char| c.is_ascii_digit())
            || letters < 3
            || roman
            || (letters > 4 && GAZETTEER.is_common(single))
        {
            // `IE6`, `QC`, `XVII`, `UNLESS`: codes, numerals and shouted words.
            return;
        }
        (EntityLabel::Org, 0.6, "acronym")
    } else if place_after_comma(cx, e) {
        (EntityLabel::Gpe, 0.6, "place-comma")
    } else if n >= 2 {
        (EntityLabel::Org, 0.4, "capitalised-phrase")
    } else if s > 0
        && cx.t(s - 1) == "the"
        && cx.words[s].joined
        && matches!(GAZETTEER.head(single), Some((Some(EntityLabel::Org), _)))
    {
        // `the Church`, `the Court`: an institution the story has named before.
        (EntityLabel::Org, 0.5, "org-word")
    } else if GAZETTEER.is_common(single) || cx.words[s].starts_sentence {
        // Without other evidence a sentence's first word says nothing.
        return;
    } else if s > 0 && PLACE_PREPOSITIONS.contains(&cx.t(s - 1)) && cx.words[s].joined {
        (EntityLabel::Gpe, 0.4, "place-preposition")
    } else {
        (EntityLabel::Org, 0.35, "capitalised-word")
    };
    out.push(Candidate::new(range, label, score, rule));
}

/// True when `, <listed place>` follows: `Irving, Texas`.
fn place_after_comma(cx: &Ctx, e: usize) -> bool {
    let Some(next) = cx.words.get(e) else {
        return false;
    };
    let between = &cx.text[cx.words[e - 1].range.end..next.range.start];
    between == ", " && matches!(GAZETTEER.name(next.text(cx.text)), Some(EntityLabel::Gpe))
}
