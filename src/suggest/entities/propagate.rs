//! Document-level consistency. Once `Antony Blinken` is a PERSON, every
//! `Blinken` is too (also in a headline or opening a sentence) and all share
//! the canonical name `Antony Blinken`; an acronym defined after a name takes
//! the name's label and canonical form; the same text gets the label of its
//! best-supported mention; a person's gender, once known, holds for all their
//! mentions.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::capitals::Mode;
use super::classify::Candidate;
use super::words::Word;
use super::{EntityLabel, EntityMention, GAZETTEER, Gender};
use crate::model::ByteRange;

/// Every label, in `EntityLabel as usize` order.
const ALL_LABELS: [EntityLabel; 5] = [
    EntityLabel::Person,
    EntityLabel::Org,
    EntityLabel::Gpe,
    EntityLabel::Loc,
    EntityLabel::Norp,
];

/// Longest run of words tried when matching a known name in uncovered text.
const MAX_NAME_WORDS: usize = 4;

/// What the document says about names: people by key, labels by text.
#[derive(Default)]
struct Known {
    /// Surname, family name or full name → canonical full names with first position.
    people: HashMap<String, Vec<(usize, String)>>,
    /// First name → full names, for a person called by first name alone
    /// (`Daniel` in a quote).
    given: HashMap<String, Vec<(usize, String)>>,
    /// Keys that are also common words (`Key`, `Image`): they relabel mentions
    /// found otherwise but find none of their own.
    common_keys: rustc_hash::FxHashSet<String>,
    /// Text → best (label, score, canonical) among non-person mentions.
    labels: HashMap<String, (EntityLabel, f32, String)>,
    /// Text → summed score of its mentions per label (indexed by `EntityLabel as usize`).
    votes: HashMap<String, [f32; 5]>,
    /// Acronym → (label, canonical) of the name it was defined after.
    acronyms: HashMap<String, (EntityLabel, String)>,
}

impl Known {
    /// The label the mentions of `name` support most, with their summed score.
    fn vote(&self, name: &str) -> Option<(EntityLabel, f32)> {
        let votes = self.votes.get(name)?;
        ALL_LABELS
            .into_iter()
            .map(|l| (l, votes[l as usize]))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn person(&self, key: &str, at: usize) -> Option<&str> {
        nearest(self.people.get(key)?, at)
    }

    fn given_name(&self, key: &str, at: usize) -> Option<&str> {
        nearest(self.given.get(key)?, at)
    }
}

/// The full name mentioned nearest before `at`, else the first one at all.
fn nearest(all: &[(usize, String)], at: usize) -> Option<&str> {
    all.iter()
        .rfind(|(p, _)| *p <= at)
        .or(all.first())
        .map(|(_, name)| name.as_str())
}

/// The name with runs of whitespace (a line break, a no-break space) made one space.
fn normalize(s: &str) -> Cow<'_, str> {
    if s.split(' ')
        .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Applies document-level rules and turns candidates into mentions.
pub fn run(
    text: &str,
    paragraphs: &[(Vec<Word>, Mode)],
    mut cands: Vec<Candidate>,
) -> Vec<EntityMention> {
    cands.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
    });
    cands = drop_overlaps(cands);
    let known = learn(text, &cands);
    for c in &mut cands {
        relabel(text, &known, c);
    }
    cands.extend(uncovered(text, paragraphs, &cands, &known));
    drop_lone_guesses(text, &mut cands);
    cands.sort_by_key(|c| c.range.start);
    let genders = genders(text, &cands);
    cands
        .into_iter()
        .map(|c| {
            let canonical = c
                .canonical
                .unwrap_or_else(|| normalize(c.range.slice(text).unwrap_or("")).into_owned());
            let gender = if c.label == EntityLabel::Person {
                genders.get(&canonical).copied().flatten()
            } else {
                None
            };
            EntityMention {
                range: c.range,
                label: c.label,
                canonical,
                gender,
                title: c.title,
                rule: c.rule,
                score: c.score,
            }
        })
        .collect()
}

/// Drops a guess made from capitalisation alone (`capitalised-word`) whose
/// text the document mentions only once: a name that matters comes back.
fn drop_lone_guesses(text: &str, cands: &mut Vec<Candidate>) {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for c in cands.iter() {
        *counts.entry(c.range.slice(text).unwrap_or("")).or_default() += 1;
    }
    cands.retain(|c| {
        !matches!(c.rule, "capitalised-word" | "capitalised-phrase")
            || counts
                .get(c.range.slice(text).unwrap_or(""))
                .is_some_and(|&n| n > 1)
    });
}

/// Keeps the better of overlapping candidates (higher score, then longer).
fn drop_overlaps(cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        match out.last_mut() {
            Some(last) if last.range.overlaps(&c.range) => {
                if c.score > last.score
                    || (c.score == last.score && c.range.len() > last.range.len())
                {
                    *last = c;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Collects people's names and the best label of every text.
fn learn(text: &str, cands: &[Candidate]) -> Known {
    let mut known = Known::default();
    for c in cands {
        let name = normalize(c.range.slice(text).unwrap_or("")).into_owned();
        known.votes.entry(name.clone()).or_default()[c.label as usize] += c.score;
        if c.label == EntityLabel::Person && c.score >= 0.6 {
            let parts: Vec<&str> = name.split(' ').collect();
            let mut keys = vec![name.clone()];
            if parts.len() >= 2 && GAZETTEER.first_name(parts[0]).is_some() {
                let given = known.given.entry(parts[0].to_owned()).or_default();
                if !given.iter().any(|(_, n)| *n == name) {
                    given.push((c.range.start, name.clone()));
                }
            }
            if parts.len() >= 2 {
                keys.extend(parts.last().map(|s| (*s).to_owned()));
                if GAZETTEER.is_asian_surname(parts[0]) {
                    keys.push(parts[0].to_owned());
                }
            } else if known.people.contains_key(&name) || c.score < 0.9 {
                // A lone word makes a key only when a title vouches for it.
                continue;
            }
            for key in keys {
                let place = key != name && GAZETTEER.name(&key).is_some();
                if place && (c.score < 0.85 || c.score < 0.9 && !GAZETTEER.is_surname(&key)) {
                    // `Canada` from a doubtful `Fan Expo Canada` stays a
                    // place, and so does `Nairobi`, which is nobody's
                    // surname unless a title vouches for it (`Mrs. Dana
                    // Kirov`); `Clinton` may be Hillary Clinton.
                    continue;
                }
                if GAZETTEER.is_common(&key) {
                    known.common_keys.insert(key.clone());
                }
                let entry = known.people.entry(key).or_default();
                if !entry.iter().any(|(_, n)| *n == name) {
                    entry.push((c.range.start, name.clone()));
                }
            }
        } else if c.label != EntityLabel::Person {
            let canonical = c.canonical.clone().unwrap_or_else(|| name.clone());
            let best =
                known
                    .labels
                    .entry(name.clone())
                    .or_insert((c.label, c.score, canonical.clone()));
            if c.score > best.1 {
                *best = (c.label, c.score, canonical.clone());
            }
        }
        if let Some(acr) = c.acronym.and_then(|a| a.slice(text)) {
            let canonical = c.canonical.clone().unwrap_or_else(|| name.clone());
            known
                .acronyms
                .entry(acr.to_owned())
                .or_insert((c.label, canonical));
        }
    }
    // A single-word person with a known full name takes that name.
    for names in known.people.values_mut() {
        if names.iter().any(|(_, n)| n.contains(' ')) {
            names.retain(|(_, n)| n.contains(' '));
        }
    }
    known
}

/// Gives a candidate the label and canonical name the document supports best.
fn relabel(text: &str, known: &Known, c: &mut Candidate) {
    let owned = normalize(c.range.slice(text).unwrap_or(""));
    let name: &str = &owned;
    let strong_elsewhere = known
        .labels
        .get(name)
        .filter(|(_, s, _)| *s > c.score && *s >= 0.6);
    if let Some((label, canonical)) = known.acronyms.get(name) {
        c.label = *label;
        c.canonical = Some(canonical.clone());
        c.score = c.score.max(0.8);
    } else if let Some(full) = known.person(name, c.range.start).or_else(|| {
        known
            .given_name(name, c.range.start)
            .filter(|_| c.score < 0.8)
    }) && (c.label == EntityLabel::Person || c.score <= 0.9)
    {
        if full != name || c.label != EntityLabel::Person {
            c.score = c.score.max(0.75);
            c.rule = "propagation";
        }
        c.label = EntityLabel::Person;
        c.canonical = Some(full.to_owned());
    } else if let Some((label, score, canonical)) = strong_elsewhere
        && (c.label != EntityLabel::Person || c.score < 0.6)
    {
        c.label = *label;
        c.score = *score;
        c.canonical = Some(canonical.clone());
    } else if c.score < 0.7
        && let Some((best, _)) = known.vote(name)
    {
        // Weak guesses about the same text agree on the label guessed most.
        c.label = best;
    }
}

/// Mentions of known names in words no candidate covers (headlines, sentence starts).
fn uncovered(
    text: &str,
    paragraphs: &[(Vec<Word>, Mode)],
    cands: &[Candidate],
    known: &Known,
) -> Vec<Candidate> {
    let mut covered: Vec<ByteRange> = cands.iter().map(|c| c.range).collect();
    covered.sort();
    let is_covered = |r: &ByteRange| {
        let i = covered.partition_point(|c| c.end <= r.start);
        covered.get(i).is_some_and(|c| c.overlaps(r))
    };
    let mut out = Vec::new();
    for (words, mode) in paragraphs {
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_capital() {
                i += 1;
                continue;
            }
            let found = (1..=MAX_NAME_WORDS).rev().find_map(|n| {
                let run = words.get(i..i + n)?;
                if !run.iter().all(Word::is_capital) || !run.iter().skip(1).all(|w| w.joined) {
                    return None;
                }
                let range = ByteRange::new(run[0].range.start, run[n - 1].range.end);
                if is_covered(&range) {
                    return None;
                }
                let owned = normalize(range.slice(text)?);
                let name: &str = &owned;
                let cand = if let Some((label, canonical)) = known.acronyms.get(name) {
                    let mut c = Candidate::new(range, *label, 0.8, "acronym-definition");
                    c.canonical = Some(canonical.clone());
                    c
                } else if known.common_keys.contains(name)
                    && (*mode == Mode::Headline
                        || run[0].starts_sentence && !subject_of_verb(text, words.get(i + n)))
                {
                    // `Key` opening a sentence may be the word, not Mr Key;
                    // `Key said` is the man.
                    return None;
                } else if let Some(full) = known.person(name, range.start).or_else(|| {
                    let plain = n == 1 && !GAZETTEER.is_common(name);
                    known.given_name(name, range.start).filter(|_| plain)
                }) {
                    let mut c = Candidate::new(range, EntityLabel::Person, 0.7, "propagation");
                    c.canonical = Some(full.to_owned());
                    c
                } else if let Some((label, score, canonical)) =
                    known.labels.get(name).filter(|l| l.1 >= 0.8)
                {
                    let mut c = Candidate::new(range, *label, score * 0.9, "propagation");
                    c.canonical = Some(canonical.clone());
                    c
                } else {
                    // A name guessed weakly but often (`Scientology`) also in a headline.
                    let (label, total) = known.vote(name).filter(|v| v.1 >= 0.7)?;
                    Candidate::new(range, label, total.min(0.6), "propagation")
                };
                Some((n, cand))
            });
            match found {
                Some((n, cand)) => {
                    out.push(cand);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Verbs after which a sentence-opening word is the name of their subject.
const SUBJECT_VERBS: &[&str] = &[
    "said", "says", "told", "added", "was", "is", "has", "had", "will", "would", "also", "who",
    "later", "then", "did", "does",
];

fn subject_of_verb(text: &str, next: Option<&Word>) -> bool {
    next.is_some_and(|w| w.joined && SUBJECT_VERBS.contains(&w.text(text)))
}

/// Each person's gender, from any of their mentions; `None` when they disagree.
fn genders(text: &str, cands: &[Candidate]) -> HashMap<String, Option<Gender>> {
    let mut out: HashMap<String, Option<Gender>> = HashMap::default();
    for c in cands.iter().filter(|c| c.label == EntityLabel::Person) {
        let Some(g) = c.gender else { continue };
        let key = c
            .canonical
            .clone()
            .unwrap_or_else(|| normalize(c.range.slice(text).unwrap_or("")).into_owned());
        out.entry(key)
            .and_modify(|e| {
                if *e != Some(g) {
                    *e = None
                }
            })
            .or_insert(Some(g));
    }
    out
}
