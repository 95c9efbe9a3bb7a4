//! Sports reports name teams after their countries: in `Sweden beat South
//! Korea 1–0` both are teams, which are organisations. A document reads as a
//! report on national teams when it gives scores, speaks of goals, matches or
//! coaches, and names a country right beside a score; there every country's
//! name is labelled ORG. A club report or a transfer story (`six caps for
//! Norway`, `Norway’s top flight`) keeps its countries as places.

use std::sync::LazyLock;

use super::classify::Candidate;
use super::{EntityLabel, GAZETTEER};
use crate::suggest::phrase_set::PhraseSet;

/// Words of match reports.
const SPORTS_WORDS: &[&str] = &[
    " goal",
    " match",
    "striker",
    "midfielder",
    "goalkeeper",
    "penalty",
    "referee",
    "world cup",
    " league",
    "tournament",
    " coach",
    " scored",
    " kick",
    "innings",
    "wicket",
    " try ",
    " half-time",
    "halftime",
    " semi-final",
    " quarter-final",
    "group stage",
    " fixture",
];

/// How many sports words and scores make a sports report.
const MIN_WORDS: usize = 3;
const MIN_SCORES: usize = 2;

/// [`SPORTS_WORDS`], found in ASCII-lowercased text.
static WORDS: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(SPORTS_WORDS));

/// Counts scores such as `1–0`, `3 - 2` or `2-1`: one or two digits, a dash, one or two digits.
fn scores(text: &str) -> usize {
    score_ranges(text).len()
}

/// How far (in bytes) a country may stand from a score to be one of its teams:
/// `Sweden 1 – 0 Korea Republic`, `defeated South Korea 1 – 0`.
const NEAR_SCORE: usize = 8;

/// The byte ranges of the scores in `text`.
fn score_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let digits_at = |i: usize, forward: bool| {
        let mut n = 0;
        let mut j = i;
        while n < 3 {
            let Some(&b) = (if forward {
                bytes.get(j)
            } else {
                j.checked_sub(1).and_then(|k| bytes.get(k))
            }) else {
                break;
            };
            if !b.is_ascii_digit() {
                break;
            }
            n += 1;
            j = if forward { j + 1 } else { j - 1 };
        }
        n
    };
    let mut found = Vec::new();
    for (i, dash) in text.match_indices(['-', '–']) {
        let before = text[..i].strip_suffix(' ').unwrap_or(&text[..i]);
        let after_start = i + dash.len();
        let after = text[after_start..]
            .strip_prefix(' ')
            .map_or(after_start, |r| text.len() - r.len());
        let left = digits_at(before.len(), false);
        let right = digits_at(after, true);
        if (1..=2).contains(&left) && (1..=2).contains(&right) {
            found.push((before.len() - left, after + right));
        }
    }
    found
}

/// True when `text` reads as a sports report.
pub fn is_report(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words = WORDS.found(lower.as_bytes()).take(MIN_WORDS).count();
    words >= MIN_WORDS && scores(text) >= MIN_SCORES
}

/// Relabels countries as teams in a sports report.
pub fn teams(text: &str, cands: &mut [Candidate]) {
    let is_country = |c: &Candidate| {
        c.label == EntityLabel::Gpe
            && c.range
                .slice(text)
                .is_some_and(|name| GAZETTEER.is_country(name))
    };
    // Reading the whole text for sports words only pays when a country is named.
    if !cands.iter().any(is_country) || !is_report(text) {
        return;
    }
    let scores = score_ranges(text);
    let beside_score = |c: &Candidate| {
        scores.iter().any(|&(start, end)| {
            (c.range.end <= start && start - c.range.end <= NEAR_SCORE)
                || (c.range.start >= end && c.range.start - end <= NEAR_SCORE)
        })
    };
    if !cands.iter().any(|c| is_country(c) && beside_score(c)) {
        return;
    }
    for c in cands.iter_mut().filter(|c| is_country(c)) {
        c.label = EntityLabel::Org;
        c.rule = "team";
        c.score = c.score.min(0.7);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_words_are_lowercase_for_the_lowercased_text() {
        for w in SPORTS_WORDS {
            assert_eq!(*w, w.to_ascii_lowercase());
        }
        assert!(is_report(
            "CHILE 2-1 PERU: THE STRIKER SCORED A GOAL, 1-0 AT HALFTIME"
        ));
    }

    #[test]
    fn counts_scores_not_years() {
        assert_eq!(scores("won 2–1 after a 0 - 0 draw and a 10-3 rout"), 3);
        assert_eq!(scores("from 2004–2009, pages 120-135, a 3-year-old"), 0);
    }

    #[test]
    fn countries_are_teams_only_where_they_play_the_scores() {
        use crate::model::ByteRange;
        let labels = |text: &str| {
            let mut cands: Vec<Candidate> = ["Ghana", "Peru"]
                .iter()
                .filter_map(|name| {
                    let at = text.find(name)?;
                    let range = ByteRange::new(at, at + name.len());
                    Some(Candidate::new(range, EntityLabel::Gpe, 0.9, "gazetteer"))
                })
                .collect();
            teams(text, &mut cands);
            cands.iter().map(|c| c.label).collect::<Vec<_>>()
        };
        let national = "Ghana beat Peru 2–1 in Málaga. The striker scored a late goal                         and the coach praised the team; a 0-0 draw had come first.";
        assert_eq!(labels(national), [EntityLabel::Org, EntityLabel::Org]);
        let club = "Lindvik beat Rosdal 2–1. The striker, who has six caps for Ghana,                     scored a late goal and the coach praised the team after a 0-0 draw.";
        assert_eq!(labels(club), [EntityLabel::Gpe]);
    }

    #[test]
    fn a_match_report_is_a_sports_report() {
        assert!(is_report(
            "Chile beat Peru 2–1. The striker scored a late goal and the coach praised \
             the team; Peru had drawn 1-1 with Bolivia."
        ));
        assert!(!is_report(
            "Chile and Peru signed a trade deal on Monday, officials said."
        ));
    }
}
