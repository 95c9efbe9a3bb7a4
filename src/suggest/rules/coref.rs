//! Speaker resolution: `he`, `she`, `they`, `the official`, `the minister`
//! and bare surnames point at the nearest compatible earlier mention, and
//! every attribution gets the canonical name of who is quoted (`Blinken`
//! and `He` → `Antony Blinken`).

use super::lexicon::{self, Gender};
use super::names::NameRun;
use super::para::{Found, Speaker, Who};
use super::speakers::Head;

/// What a speaker mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Antecedent {
    /// The speaker of attribution `n`.
    Speaker(usize),
    /// Name run `n`.
    Run(usize),
}

/// Resolution of one attribution's speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    /// The earlier mention the speaker phrase refers to.
    pub antecedent: Option<Antecedent>,
    /// Canonical name of who is quoted.
    pub entity: Option<String>,
}

/// How far back (in paragraphs) a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 4;

/// How many earlier mentions resolution looks at, so long documents stay linear.
const LOOKBACK: usize = 200;

/// Name runs ending before byte `at`, nearest first (runs are in text order).
fn before(runs: &[NameRun], at: usize) -> impl Iterator<Item = (usize, &NameRun)> + Clone {
    let end = runs.partition_point(|r| r.range.1 <= at);
    runs[..end].iter().enumerate().rev().take(LOOKBACK)
}

/// The first name run overlapping byte range `r`.
fn overlapping(runs: &[NameRun], r: (usize, usize)) -> Option<&NameRun> {
    let from = runs.partition_point(|x| x.range.1 <= r.0);
    runs.get(from).filter(|x| x.range.0 < r.1)
}

/// Resolves every attribution's speaker, in document order.
pub fn resolve(text: &str, found: &[Found], runs: &[NameRun]) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::with_capacity(found.len());
    for (k, f) in found.iter().enumerate() {
        let r = match f.who {
            Who::Unknown => Resolved::default(),
            Who::Same(n) => Resolved {
                antecedent: None,
                entity: out.get(n).and_then(|r| r.entity.clone()),
            },
            Who::Here(s) => one(text, found, runs, &out, k, &s),
        };
        out.push(r);
    }
    out
}

fn slice(text: &str, r: (usize, usize)) -> &str {
    text.get(r.0..r.1).unwrap_or("")
}

/// `s` without its leading determiner (`a`, `the`, `two`, `his` …).
pub(super) fn without_determiner(s: &str) -> String {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    if lexicon::is_determiner(first) {
        words.collect::<Vec<_>>().join(" ")
    } else {
        s.to_owned()
    }
}

fn one(
    text: &str,
    found: &[Found],
    runs: &[NameRun],
    done: &[Resolved],
    k: usize,
    s: &Speaker,
) -> Resolved {
    let head = slice(text, s.head);
    let earlier_speakers = (0..k)
        .rev()
        .take(LOOKBACK)
        .filter_map(|j| match found[j].who {
            Who::Here(o) if o.range.1 <= s.range.0 => Some((j, o)),
            _ => None,
        });
    match s.kind {
        Head::Name => {
            // The entity mention inside the phrase gives the canonical name;
            // a short form (`Blinken`) points at the nearest full mention.
            // The head's run: `Trump, speaking in Virginia,` is Trump.
            let Some(own) = overlapping(runs, s.head) else {
                let name = slice(text, s.range)
                    .split([',', '(', '—', '–'])
                    .next()
                    .and_then(|n| n.split(" -").next())
                    .unwrap_or("")
                    .trim();
                return Resolved {
                    antecedent: None,
                    entity: Some(without_determiner(name)),
                };
            };
            let full = |r: &NameRun| slice(text, r.name) == own.canonical;
            let antecedent = if full(own) {
                None
            } else {
                before(runs, s.range.0)
                    .find(|(_, r)| r.canonical == own.canonical && full(r))
                    .map(|(n, _)| Antecedent::Run(n))
            };
            Resolved {
                antecedent,
                entity: Some(own.canonical.clone()),
            }
        }
        Head::Pronoun(g) => {
            let para = found[k].para;
            let fits = |j: usize, o: &Speaker| {
                found[j].para + PRONOUN_REACH >= para
                    && match g {
                        Gender::Plural => {
                            o.kind == Head::Role && slice(text, o.head).ends_with('s')
                        }
                        Gender::Neuter => {
                            o.kind == Head::Role && !slice(text, o.head).ends_with('s')
                                || o.kind == Head::Name
                                    && done[j].entity.as_deref().is_some_and(|e| !e.contains(' '))
                        }
                        _ => {
                            gender_of(text, o, runs).is_none_or(|h| h == g)
                                && (o.kind == Head::Name
                                    || matches!(o.kind, Head::Pronoun(h) if h == g))
                        }
                    }
            };
            if let Some((j, _)) = earlier_speakers.clone().find(|(j, o)| fits(*j, o)) {
                return Resolved {
                    antecedent: Some(Antecedent::Speaker(j)),
                    entity: done[j].entity.clone(),
                };
            }
            if matches!(g, Gender::Male | Gender::Female) {
                let earlier = before(runs, s.range.0)
                    .find(|(_, r)| r.is_person() && r.gender.is_none_or(|h| h == g));
                if let Some((n, r)) = earlier {
                    return Resolved {
                        antecedent: Some(Antecedent::Run(n)),
                        entity: Some(r.canonical.clone()),
                    };
                }
            }
            Resolved::default()
        }
        Head::Role => {
            let phrase = slice(text, s.range);
            let definite = phrase
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "the" | "The" | "this" | "This"));
            if definite {
                let lower = head.to_lowercase();
                let mut same_head = earlier_speakers.clone().filter(|(_, o)| {
                    o.kind == Head::Role && slice(text, o.head).eq_ignore_ascii_case(head)
                });
                if let Some((j, _)) = same_head.next() {
                    return Resolved {
                        antecedent: Some(Antecedent::Speaker(j)),
                        entity: done[j].entity.clone(),
                    };
                }
                let titled = before(runs, s.range.0)
                    .find(|(_, r)| r.is_person() && r.titles.contains(&lower));
                if let Some((n, r)) = titled {
                    return Resolved {
                        antecedent: Some(Antecedent::Run(n)),
                        entity: Some(r.canonical.clone()),
                    };
                }
            }
            Resolved {
                antecedent: None,
                entity: Some(without_determiner(phrase)),
            }
        }
    }
}

/// Gender of a speaker phrase from its honorifics and role words, or from the name run it holds.
fn gender_of(text: &str, s: &Speaker, runs: &[NameRun]) -> Option<Gender> {
    slice(text, s.range)
        .split_whitespace()
        .find_map(lexicon::title_gender)
        .or_else(|| overlapping(runs, s.range).and_then(|r| r.gender))
}
