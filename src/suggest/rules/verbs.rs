//! Finite verbs without a part-of-speech tagger: whether a word, given the
//! word before it, is the verb of a clause (`the plan failed`, `costs rose`,
//! `officials want`, `it’s`) rather than part of a noun phrase (`the alleged
//! charges`, `the figures used by`). Irregular forms come from
//! `assets/verbs.txt`; regular `-ed` and `-s` forms are read by rule.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::cues::lower;
use super::lexicon::{self, Fast};

const VERBS: &str = include_str!("../../../assets/verbs.txt");

/// Irregular pasts and plural-subject base forms, lowercase.
struct Verbs {
    past: HashSet<&'static str, Fast>,
    present: HashSet<&'static str, Fast>,
}

static LEXICON: LazyLock<Verbs> = LazyLock::new(|| {
    let mut verbs = Verbs {
        past: HashSet::default(),
        present: HashSet::default(),
    };
    for line in VERBS.lines().map(str::trim) {
        let Some((class, words)) = line.split_once(':') else {
            continue;
        };
        let set = match class {
            "past" => &mut verbs.past,
            "present" => &mut verbs.present,
            _ => continue,
        };
        set.extend(words.split_whitespace());
    }
    verbs
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
        let mut buf = [0u8; 32];
        let Some(w) = lower(word, &mut buf) else {
            return if cap { Self::Name } else { Self::noun(word) };
        };
        if w == "to" {
            Self::To
        } else if lexicon::is_determiner(w) || lexicon::is_stop(w) {
            Self::Function
        } else if cap {
            Self::Name
        } else {
            Self::noun(w)
        }
    }

    fn noun(w: &str) -> Self {
        let plural = (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            || matches!(w, "people" | "police");
        Self::Noun {
            plural,
            role: lexicon::is_role(w),
        }
    }
}

/// True when `word` (followed by `next`, lowercase or empty) is the finite
/// verb of a clause after a word of kind `before`.
pub fn is_finite(word: &str, before: Before, next: &str) -> bool {
    if before == Before::To {
        return false;
    }
    if lexicon::aux(word).is_some() {
        let mut buf = [0u8; 32];
        return !matches!(lower(word, &mut buf), Some("be" | "been" | "being"));
    }
    if let Some(stem) = contraction_stem(word) {
        let mut buf = [0u8; 32];
        return lower(stem, &mut buf).is_some_and(|s| CONTRACTED.contains(&s));
    }
    let mut buf = [0u8; 32];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    let after_noun = matches!(before, Before::Name | Before::Noun { .. });
    if LEXICON.past.contains(w) {
        return before != Before::Function;
    }
    if w.len() >= 5 && w.ends_with("ed") && !NOT_PAST.contains(&w) {
        // `the figures used by …` is a reduced relative, not a clause.
        return after_noun && next != "by";
    }
    if w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return matches!(before, Before::Name | Before::Noun { role: true, .. });
    }
    LEXICON.present.contains(w) && matches!(before, Before::Noun { plural: true, .. })
}

/// `he’s` → `he`: the stem of a word ending in a contracted `’s`.
fn contraction_stem(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
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

    fn noun() -> Before {
        Before::of("plan", false)
    }

    #[test]
    fn pasts_and_auxiliaries_after_a_subject_are_finite() {
        assert!(is_finite("failed", noun(), ""));
        assert!(is_finite("rose", Before::of("Costs", true), ""));
        assert!(is_finite("would", Before::Nothing, ""));
        assert!(is_finite("it’s", Before::Nothing, ""));
        assert!(is_finite("wants", Before::of("Lee", true), ""));
        assert!(is_finite("want", Before::of("officials", false), ""));
    }

    #[test]
    fn noun_phrase_words_are_not_finite() {
        assert!(!is_finite("alleged", Before::of("the", false), ""));
        assert!(!is_finite("used", noun(), "by"));
        assert!(!is_finite("leave", Before::To, ""));
        assert!(!is_finite("be", Before::Nothing, ""));
        assert!(!is_finite("charges", Before::of("the", false), ""));
        assert!(!is_finite("hundred", noun(), ""));
        assert!(!is_finite("want", Before::of("plan", false), ""));
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
