//! Finite verbs without a part-of-speech tagger: whether a word, given the
//! word before it, is the verb of a clause (`the plan failed`, `costs rose`,
//! `officials want`, `it’s`) rather than part of a noun phrase (`the alleged
//! charges`, `the figures used by`). Irregular forms come from
//! `assets/verbs.txt`; regular `-ed` and `-s` forms are read by rule.

use std::sync::LazyLock;

use super::cues::lower;
use super::lexicon;
use super::shapes::WordMap;

const VERBS: &str = include_str!("../../../assets/verbs.txt");

/// Auxiliaries and modals that make a clause finite (`be`, `been` and
/// `being` do not).
const AUXILIARIES: &str = "is was are were has have had will would may might could did does do \
    can should must isn wasn aren weren hasn haven hadn didn doesn don couldn wouldn shouldn \
    isn't wasn't aren't weren't hasn't haven't hadn't didn't doesn't don't won't wouldn't \
    couldn't shouldn't can't cannot";

/// Auxiliaries, irregular pasts and plural-subject base forms, lowercase,
/// each with what it can be.
static LEXICON: LazyLock<WordMap<Candidate>> = LazyLock::new(|| {
    let mut pairs: Vec<(&'static str, Candidate)> = AUXILIARIES
        .split_whitespace()
        .map(|w| (w, Candidate::Aux))
        .collect();
    for line in VERBS.lines().map(str::trim) {
        let Some((class, words)) = line.split_once(':') else {
            continue;
        };
        let c = match class {
            "past" => Candidate::Past,
            "present" => Candidate::Present,
            _ => continue,
        };
        pairs.extend(words.split_whitespace().map(|w| (w, c)));
    }
    WordMap::new(pairs)
});

/// Base forms that end in `-ed` without being pasts.
const NOT_PAST: &[&str] = &[
    "need", "speed", "seed", "feed", "breed", "proceed", "exceed", "succeed", "indeed", "deed",
    "bleed", "weed", "heed", "greed", "hundred", "sacred", "naked", "wicked", "kindred", "shed",
    "bed", "red", "embed",
];

/// Pronouns whose `’s` is `is` or `has`, not a possessive.
const CONTRACTED: &[&str] = &[
    "he", "she", "it", "that", "there", "what", "who", "here", "where",
];

/// The word before a candidate verb, as far as the test needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// Nothing, punctuation, or the start of the clause.
    Nothing,
    /// `to`: the word after it is an infinitive.
    To,
    /// A determiner, preposition or other function word.
    Function,
    /// A capitalised word (a name).
    Name,
    /// A capitalised plural (`Democrats`, `Republicans`), which a base form
    /// can follow.
    Names,
    /// A lowercase word that can end a subject noun phrase.
    Noun {
        /// It reads as a plural (`officials`, `people`).
        plural: bool,
        /// It is a role noun (`company`, `spokesman`).
        role: bool,
    },
}

impl Before {
    /// Classifies a word token's text (`cap`: it starts with a capital).
    pub fn of(word: &str, cap: bool) -> Self {
        // `Clinton’s comments`: a possessive opens a noun phrase.
        if is_possessive(word) {
            return Self::Function;
        }
        let mut buf = [0u8; 32];
        let Some(w) = lower(word, &mut buf) else {
            return if cap { Self::Name } else { Self::noun(word) };
        };
        if w == "to" {
            Self::To
        } else if matches!(
            w,
            "it" | "this" | "two" | "three" | "four" | "five" | "both" | "all"
        ) {
            // `it underscores`, `the two raised`: a pronoun or number as subject.
            Self::Name
        } else if lexicon::is_determiner(w)
            || lexicon::is_stop(w)
            || matches!(
                w,
                "million" | "billion" | "trillion" | "thousand" | "hundred" | "dozen"
            )
        {
            // `three million dollars`: a number word counts the noun after it.
            Self::Function
        } else if cap {
            // `Democrats want`: not `Jones`, `Congress` or `Paris`.
            let plural = w.len() > 4
                && w.ends_with('s')
                && !["ss", "us", "is", "es"].iter().any(|end| w.ends_with(end));
            if plural { Self::Names } else { Self::Name }
        } else {
            Self::noun(w)
        }
    }

    fn noun(w: &str) -> Self {
        // `legislative attacks`, `political leaders`: an adjective before a
        // plural noun, not a subject before its verb.
        let adjective = !lexicon::is_role(w)
            && w.len() > 5
            && [
                "al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary",
            ]
            .iter()
            .any(|end| w.ends_with(end));
        if adjective {
            return Self::Function;
        }
        let plural = (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            || matches!(w, "people" | "police");
        Self::Noun {
            plural,
            role: lexicon::is_role(w),
        }
    }
}

/// What a word could be as a finite verb, before its neighbours are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidate {
    /// `would`, `has`, `isn’t`.
    Aux,
    /// `he’s`, `it’s`: finite whatever stands before.
    Contracted,
    /// `rose`, `led`.
    Past,
    /// `failed`.
    Regular,
    /// `wants`.
    Third,
    /// `want` after a plural subject.
    Present,
}

fn candidate(word: &str) -> Option<Candidate> {
    // `they’re`, `we’ll`, `it’d`: a pronoun and its auxiliary.
    if let Some((stem, aux)) = word.split_once(['’', '\''])
        && matches!(aux, "re" | "ll" | "d" | "ve" | "m")
    {
        let mut buf = [0u8; 32];
        return lower(stem, &mut buf)
            .is_some_and(|s| {
                matches!(
                    s,
                    "they" | "we" | "you" | "i" | "he" | "she" | "it" | "there" | "that" | "who"
                )
            })
            .then_some(Candidate::Contracted);
    }
    if let Some(stem) = contraction_stem(word) {
        let mut buf = [0u8; 32];
        return lower(stem, &mut buf)
            .is_some_and(|s| CONTRACTED.contains(&s))
            .then_some(Candidate::Contracted);
    }
    if word.ends_with("n’t") {
        return Some(Candidate::Aux);
    }
    if let Some(c) = LEXICON.get(word) {
        return Some(c);
    }
    let w = word.as_bytes();
    if w.len() >= 5 && w.ends_with(b"ed") {
        let mut buf = [0u8; 32];
        return lower(word, &mut buf)
            .is_some_and(|w| !NOT_PAST.contains(&w))
            .then_some(Candidate::Regular);
    }
    (w.len() >= 4 && w.ends_with(b"s") && !w.ends_with(b"ss") && !w.ends_with(b"us"))
        .then_some(Candidate::Third)
}

/// True when `word` is the finite verb of a clause, given the word before it
/// (`before`, asked only when it matters) and whether `by` follows it.
pub fn is_finite(
    word: &str,
    before: impl FnOnce() -> Before,
    by_next: impl FnOnce() -> bool,
) -> bool {
    let Some(c) = candidate(word) else {
        return false;
    };
    if c == Candidate::Contracted {
        return true;
    }
    let before = before();
    if before == Before::To {
        return false;
    }
    let after_noun = matches!(before, Before::Name | Before::Names | Before::Noun { .. });
    match c {
        Candidate::Aux | Candidate::Contracted => true,
        Candidate::Past => before != Before::Function,
        // `the figures used by …` is a reduced relative, not a clause;
        // `the advantage obscures`, `her team wants`: `-s` after a singular noun.
        Candidate::Regular => after_noun && !by_next(),
        Candidate::Third => matches!(
            before,
            Before::Name
                | Before::Names
                | Before::Noun { role: true, .. }
                | Before::Noun { plural: false, .. }
        ),
        Candidate::Present => matches!(before, Before::Names | Before::Noun { plural: true, .. }),
    }
}

/// `he’s` → `he`: the stem of a word ending in a contracted `’s`.
fn contraction_stem(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
}

/// True for a number written in digits or in words (`27`, `twenty`, `seven`).
pub fn is_number(word: &str) -> bool {
    let mut buf = [0u8; 32];
    !word.is_empty()
        && (word.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || lower(word, &mut buf).is_some_and(|w| {
                matches!(
                    w,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                        | "twenty"
                        | "thirty"
                        | "forty"
                        | "fifty"
                        | "sixty"
                        | "seventy"
                        | "eighty"
                        | "ninety"
                        | "hundred"
                        | "thousand"
                )
            }))
}

/// True for a possessive (`senator’s`, `Jones’`), which opens a noun phrase
/// rather than ending a subject; `he’s` and `it’s` are not possessives.
pub fn is_possessive(word: &str) -> bool {
    if let Some(stem) = contraction_stem(word) {
        let mut buf = [0u8; 32];
        return !lower(stem, &mut buf).is_some_and(|s| CONTRACTED.contains(&s));
    }
    word.len() > 2 && (word.ends_with("s’") || word.ends_with("s'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finite(word: &str, before: Before, next: &str) -> bool {
        is_finite(word, || before, || next == "by")
    }

    fn noun() -> Before {
        Before::of("plan", false)
    }

    #[test]
    fn pasts_and_auxiliaries_after_a_subject_are_finite() {
        assert!(finite("failed", noun(), ""));
        assert!(finite("rose", Before::of("Costs", true), ""));
        assert!(finite("would", Before::Nothing, ""));
        assert!(finite("it’s", Before::Nothing, ""));
        assert!(finite("wants", Before::of("Lee", true), ""));
        assert!(finite("want", Before::of("officials", false), ""));
        assert!(finite("want", Before::of("Democrats", true), ""));
    }

    #[test]
    fn noun_phrase_words_are_not_finite() {
        assert!(!finite("alleged", Before::of("the", false), ""));
        assert!(!finite("used", noun(), "by"));
        assert!(!finite("leave", Before::To, ""));
        assert!(!finite("be", Before::Nothing, ""));
        assert!(!finite("charges", Before::of("the", false), ""));
        assert!(!finite("hundred", noun(), ""));
        assert!(!finite("want", Before::of("plan", false), ""));
        assert!(!finite("need", Before::of("Congress", true), ""));
        assert!(!finite("need", Before::of("Paris", true), ""));
    }

    #[test]
    fn possessives_are_told_from_contractions() {
        assert!(is_possessive("senator’s"));
        assert!(is_possessive("Trump's"));
        assert!(is_possessive("Jones’"));
        assert!(!is_possessive("he’s"));
        assert!(!is_possessive("It's"));
        assert!(!is_possessive("says"));
    }
}
