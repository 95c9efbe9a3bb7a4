//! Labels one chunk of capitalised words: a listed name, a title followed by a
//! person's name (the title stays outside the span), a name closed or opened
//! by an organisation or place word, a first name or family name, an acronym,
//! or — with weaker confidence — whatever the shape and context suggest.

use super::gazetteer::TitleKind;
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

/// Verbs after which a bare capitalised name is a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "explained",
    "wrote",
    "stated",
    "noted",
    "argued",
    "insisted",
    "warned",
    "replied",
    "tweeted",
    "announced",
    "who",
];

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

struct Ctx<'a> {
    text: &'a str,
    words: &'a [Word],
    listed: &'a [(usize, usize, EntityLabel)],
}

impl Ctx<'_> {
    fn t(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.text(self.text))
    }

    fn span(&self, a: usize, b: usize) -> ByteRange {
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
    if titled(&cx, s, e, out) || only_titles(&cx, s, e) {
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
    if push_headed(&cx, s, e, out) {
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

/// Splits `[title] [name]`; pushes the person and any names inside the title.
fn titled(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Candidate>) -> bool {
    let Some((k, n)) = (s..e.saturating_sub(1)).find_map(|k| title_at(cx, k, e)) else {
        return false;
    };
    let (kind, title_gender) = GAZETTEER.title(cx.t(k)).unwrap_or((TitleKind::Title, None));
    let mut person = Candidate::new(
        cx.span(n, e),
        EntityLabel::Person,
        0.9,
        if kind == TitleKind::Honorific {
            "honorific"
        } else {
            "title"
        },
    );
    person.title = Some(cx.span(s, n));
    person.gender = title_gender.or_else(|| GAZETTEER.first_name(cx.t(n)).flatten());
    // Names inside the title: `US`, `Chinese`, `NASA`, `of Washington`.
    let mut i = s;
    while i < n {
        if let Some(&(_, le, label)) = cx.listed.iter().find(|l| l.0 == i && l.1 <= n) {
            out.push(Candidate::new(cx.span(i, le), label, 0.85, "gazetteer"));
            i = le;
            continue;
        }
        let w = cx.t(i);
        if let Some(label) = GAZETTEER.name(w) {
            out.push(Candidate::new(cx.span(i, i + 1), label, 0.85, "gazetteer"));
        } else if cx.words[i].shape == Shape::Upper
            && GAZETTEER.title(w).is_none()
            && !GAZETTEER.is_not_entity(w)
        {
            out.push(Candidate::new(
                cx.span(i, i + 1),
                EntityLabel::Org,
                0.6,
                "acronym",
            ));
        }
        i += 1;
    }
    out.push(person);
    true
}

/// If word `k` is a title followed by a name within `..e`, the title word and
/// where the name starts.
fn title_at(cx: &Ctx, k: usize, e: usize) -> Option<(usize, usize)> {
    let (kind, _) = GAZETTEER.title(cx.t(k))?;
    if !matches!(kind, TitleKind::Title | TitleKind::Honorific) || !cx.words[k].is_capital() {
        return None;
    }
    let mut n = k + 1;
    if cx.t(n) == "of" {
        n += 1;
        if cx.t(n) == "the" {
            n += 1;
        }
        // The complement (`of State`, `of Foreign Affairs`, `of Washington`) runs
        // over common and listed words up to the first word that looks like a name.
        n += 1;
        while n + 1 < e && complement_word(cx.t(n)) {
            n += 1;
        }
    }
    if n >= e {
        return None;
    }
    let name = n..e;
    let last = cx.t(e - 1);
    let clean = name.clone().all(|i| {
        let w = cx.t(i);
        !matches!(
            GAZETTEER.title(w),
            Some((TitleKind::Title | TitleKind::Honorific, _))
        ) && cx.words[i].is_capital()
    });
    let org_like = GAZETTEER.head(last).is_some_and(|(_, p)| p.last())
        || GAZETTEER.head(cx.t(n)).is_some_and(|(_, p)| p.first())
        || GAZETTEER
            .name(&cx.text[cx.span(n, e).start..cx.span(n, e).end])
            .is_some();
    (clean && !org_like).then_some((k, n))
}

/// True when every capitalised word is a title or qualifies one: `Prime
/// Minister`, `Secretary of State` name an office, not an entity.
fn only_titles(cx: &Ctx, s: usize, e: usize) -> bool {
    let has_title = (s..e).any(|i| {
        GAZETTEER
            .title(cx.t(i))
            .is_some_and(|(k, _)| k != TitleKind::Modifier)
    });
    has_title
        && (s..e).all(|i| {
            let w = cx.t(i);
            !cx.words[i].is_capital() || GAZETTEER.title(w).is_some() || GAZETTEER.is_common(w)
        })
}

/// Where trailing title words start (`NASA [Administrator]`), if the chunk
/// ends with any and has a name before them.
fn trailing_title(cx: &Ctx, s: usize, e: usize) -> Option<usize> {
    let is_title = |i: usize| {
        matches!(
            GAZETTEER.title(cx.t(i)),
            Some((TitleKind::Title | TitleKind::Honorific, _))
        )
    };
    if e < s + 2 || !is_title(e - 1) {
        return None;
    }
    let mut cut = e - 1;
    while cut > s + 1
        && GAZETTEER
            .title(cx.t(cut - 1))
            .is_some_and(|(k, _)| k != TitleKind::Role)
    {
        cut -= 1;
    }
    let before = &cx.words[cut - 1];
    (before.is_capital() && GAZETTEER.title(before.text(cx.text)).is_none()).then_some(cut)
}

fn complement_word(w: &str) -> bool {
    GAZETTEER.first_name(w).is_none()
        && (GAZETTEER.is_common(w) || GAZETTEER.name(w).is_some() || GAZETTEER.title(w).is_some())
}

/// What a closing or opening organisation/place word makes of the chunk:
/// `Some((None, _))` for the name of an event or work, which is left alone.
fn head_label(cx: &Ctx, s: usize, e: usize) -> Option<(Option<EntityLabel>, &'static str)> {
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
        return (!person).then_some((label, rule(label)));
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

/// Labels a run with no listed name from its shape and context.
fn unlisted(cx: &Ctx, mut s: usize, mut e: usize, out: &mut Vec<Candidate>) {
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
    if push_headed(cx, s, e, out) {
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

/// How sure the words `s..e` are a person's name, and why.
fn person_evidence(cx: &Ctx, s: usize, e: usize) -> Option<(f32, &'static str)> {
    let n = e - s;
    // Capitalised words, with particles (`de`, `bin`) between them.
    let all_cap =
        (s..e).all(|i| cx.words[i].shape == Shape::Cap || !cx.words[i].is_capital() && i > s);
    let first = cx.t(s);
    let after = cx
        .words
        .get(e)
        .filter(|w| w.joined || cx.text[cx.words[e - 1].range.end..w.range.start].trim() == ",");
    let speech = after.is_some_and(|w| SPEECH.contains(&w.text(cx.text)));
    let appositive = appositive_person(cx, e);
    let role = s > 0
        && cx.words[s].joined
        && matches!(GAZETTEER.title(cx.t(s - 1)), Some((TitleKind::Role, _)));
    if n >= 2 && all_cap && (s..e).any(|i| is_initial(cx.t(i))) {
        Some((0.85, "initials"))
    } else if n >= 2
        && all_cap
        && GAZETTEER.first_name(first).is_some()
        && (!GAZETTEER.is_common(first)
            || !GAZETTEER.is_common(cx.t(s + 1))
            || GAZETTEER.is_surname(cx.t(s + 1)))
    {
        Some((0.85, "first-name"))
    } else if appositive && n <= 4 && all_cap {
        Some((0.85, "appositive"))
    } else if n >= 2
        && all_cap
        && GAZETTEER.is_asian_surname(first)
        && (!GAZETTEER.is_common(first) || n == 2)
        && !GAZETTEER.is_common(cx.t(s + 1))
    {
        Some((0.8, "family-name-first"))
    } else if (2..=4).contains(&n)
        && all_cap
        && GAZETTEER.is_surname(cx.t(e - 1))
        && !GAZETTEER.is_common(first)
    {
        Some((0.7, "surname"))
    } else if role && all_cap {
        Some((0.7, "role-noun"))
    } else if speech && n <= 4 && all_cap {
        Some((0.65, "speech-verb"))
    } else if (2..=4).contains(&n)
        && all_cap
        && (s..e)
            .filter(|&i| cx.words[i].is_capital())
            .all(|i| !GAZETTEER.is_common(cx.t(i)))
        && (!cx.t(e - 1).ends_with('s') || GAZETTEER.is_surname(cx.t(e - 1)))
    {
        Some((0.55, "name-shape"))
    } else {
        None
    }
}

/// True when `, a/an/the … <person noun>` or `, <age>,` follows: `Ana Ruiz, a
/// farmer,`, `Ana Ruiz, 54,`.
fn appositive_person(cx: &Ctx, e: usize) -> bool {
    let Some(next) = cx.words.get(e) else {
        return false;
    };
    if cx.text[cx.words[e - 1].range.end..next.range.start].trim() != "," {
        return false;
    }
    let first = next.text(cx.text);
    if next.shape == Shape::Number {
        return first.len() <= 3 && cx.text[next.range.end..].starts_with(',');
    }
    matches!(first, "a" | "an" | "the" | "who" | "whose")
        && cx.words[e + 1..]
            .iter()
            .take(5)
            .take_while(|w| w.joined || w.text(cx.text) == first)
            .any(|w| matches!(GAZETTEER.title(w.text(cx.text)), Some((TitleKind::Role, _))))
}

/// Where a person's name (a first name and one or two more words) closes a
/// longer chunk, if it does.
fn person_suffix(cx: &Ctx, s: usize, e: usize) -> Option<usize> {
    (s + 1..e.saturating_sub(1)).find(|&cut| {
        let first = cx.t(cut);
        (2..=3).contains(&(e - cut))
            && GAZETTEER.first_name(first).is_some()
            && !GAZETTEER.is_common(first)
            && (cut..e).all(|i| cx.words[i].shape == Shape::Cap)
            && cx.words[cut - 1].is_capital()
            && GAZETTEER.head(cx.t(e - 1)).is_none()
    })
}

/// `L.` or `F.`: a middle or first initial.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// True when `, <listed place>` follows: `Irving, Texas`.
fn place_after_comma(cx: &Ctx, e: usize) -> bool {
    let Some(next) = cx.words.get(e) else {
        return false;
    };
    let between = &cx.text[cx.words[e - 1].range.end..next.range.start];
    between == ", " && matches!(GAZETTEER.name(next.text(cx.text)), Some(EntityLabel::Gpe))
}
