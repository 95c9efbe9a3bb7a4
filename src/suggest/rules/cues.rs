//! The cue lexicon (`assets/cues.txt`): reporting verbs in every inflection
//! and multiword cues such as `according to`, looked up without allocating.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::shapes::{Fast, ShapeFilter, WordSet, lower_bytes};
use super::words::{Kind, Tok};
use crate::suggest::AttributionClass;

const CUES: &str = include_str!("../../../assets/cues.txt");

/// How a cue word reports what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// `say`, `add`, `insist`: subject speaks, content follows or precedes.
    Speech,
    /// `promise`, `urge`, `accuse`: a speech act that reports a stance
    /// unless a quotation follows.
    Commit,
    /// `tell`, `warn`: like speech, with a recipient before the content.
    Tell,
    /// `write`, `tweet`.
    Write,
    /// Documents and polls: `the survey found`.
    Report,
    /// Beliefs: `believes`, `expects` (lower confidence).
    Belief,
    /// Stances whose object is the content: `wants`, `blasted`.
    Stance,
}

impl CueClass {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "speech" => Self::Speech,
            "commit" => Self::Commit,
            "tell" => Self::Tell,
            "write" => Self::Write,
            "report" => Self::Report,
            "belief" => Self::Belief,
            "stance" => Self::Stance,
            _ => return None,
        })
    }

    /// The attribution class of a cue of this class before its complement is
    /// read (a quotation after `vowed` is still speech; see `complement`).
    pub fn attribution(self) -> AttributionClass {
        match self {
            Self::Speech | Self::Tell => AttributionClass::Speech,
            Self::Commit => AttributionClass::Stance,
            Self::Write => AttributionClass::Writing,
            Self::Report => AttributionClass::Evidence,
            Self::Belief => AttributionClass::Belief,
            Self::Stance => AttributionClass::Stance,
        }
    }

    /// Base confidence of an attribution introduced by this class of cue.
    pub fn score(self) -> f32 {
        match self {
            Self::Speech | Self::Tell => 0.85,
            Self::Write => 0.8,
            Self::Report | Self::Commit => 0.6,
            Self::Belief => 0.45,
            Self::Stance => 0.35,
        }
    }
}

/// The verb form of a cue word, for telling verbs from nouns (`the claims`)
/// and active from passive (`is expected`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `say`, `call`.
    Base,
    /// `says`, `calls`.
    Third,
    /// `said`, `written`.
    Past,
    /// `saying`.
    Ing,
    /// An adjective of belief after `be`: `afraid`, `sure`, `convinced`.
    Adj,
}

impl Form {
    /// The form of the `i`-th word of a lexicon line (base, -s, past…, -ing).
    fn of(i: usize, form: &str) -> Self {
        if i == 0 {
            Self::Base
        } else if form.ends_with("ing") {
            Self::Ing
        } else if i == 1 && form.ends_with('s') {
            Self::Third
        } else {
            Self::Past
        }
    }
}

/// Parsed lexicon: single words by lowercase form, phrases as word lists.
struct Lexicon {
    words: HashMap<&'static [u8], (CueClass, Form), Fast>,
    /// The (length, first byte, last byte) of every word in `words`, so most
    /// words of a text are turned away before being lowercased and hashed.
    shapes: ShapeFilter,
    phrases: Vec<Vec<&'static str>>,
    /// Cue forms that are also plural nouns (`states`, `remarks`).
    nouns: WordSet,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(CUES));

fn parse(src: &'static str) -> Lexicon {
    let mut words = HashMap::default();
    let mut phrases = Vec::new();
    let mut nouns = Vec::new();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((class, rest)) = line.split_once(':') else {
            continue;
        };
        if class.trim() == "phrase" {
            phrases.push(rest.split_whitespace().collect());
        } else if class.trim() == "noun" {
            nouns.extend(rest.split_whitespace());
        } else if class.trim() == "belief-adj" {
            for form in rest.split_whitespace() {
                words
                    .entry(form.as_bytes())
                    .or_insert((CueClass::Belief, Form::Adj));
            }
        } else if let Some(class) = CueClass::parse(class.trim()) {
            for (i, form) in rest.split_whitespace().enumerate() {
                words
                    .entry(form.as_bytes())
                    .or_insert((class, Form::of(i, form)));
            }
        }
    }
    let mut shapes = ShapeFilter::new();
    for word in words.keys() {
        shapes.insert(word);
    }
    Lexicon {
        words,
        shapes,
        phrases,
        nouns: WordSet::new(nouns),
    }
}

/// Lowercases an ASCII word into `buf`; `None` for long or non-ASCII words,
/// which no lexicon holds.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    std::str::from_utf8(lower_bytes(word, buf)?).ok()
}

/// The cue class of a single word, if it is a cue.
pub fn word_class(word: &str) -> Option<CueClass> {
    word_form(word).map(|(c, _)| c)
}

/// The cue class and verb form of a single word, if it is a cue.
pub fn word_form(word: &str) -> Option<(CueClass, Form)> {
    if word.len() < 3 || !LEXICON.shapes.may_hold(word.as_bytes()) {
        return None;
    }
    let mut buf = [0u8; 32];
    LEXICON.words.get(lower_bytes(word, &mut buf)?).copied()
}

/// True for a cue form that is also a plural noun (`states`, `remarks`).
pub fn is_noun_form(word: &str) -> bool {
    LEXICON.nouns.contains(word)
}

/// Number of tokens of a multiword cue starting at token `i` (0 when none).
pub fn phrase_len(text: &str, toks: &[Tok], i: usize) -> usize {
    LEXICON
        .phrases
        .iter()
        .find(|p| {
            p.iter().enumerate().all(|(k, w)| {
                toks.get(i + k)
                    .is_some_and(|t| t.kind == Kind::Word && t.text(text).eq_ignore_ascii_case(w))
            })
        })
        .map_or(0, Vec::len)
}

#[cfg(test)]
mod tests {
    use super::super::words::tokenize;
    use super::*;

    #[test]
    fn every_inflection_is_a_cue() {
        for w in [
            "say",
            "says",
            "said",
            "saying",
            "Told",
            "wrote",
            "according",
        ] {
            assert!(word_class(w).is_some() || w == "according", "{w}");
        }
        assert_eq!(word_class("told"), Some(CueClass::Tell));
        assert_eq!(word_class("believes"), Some(CueClass::Belief));
        assert_eq!(word_form("afraid"), Some((CueClass::Belief, Form::Adj)));
        assert_eq!(word_form("worried"), Some((CueClass::Belief, Form::Adj)));
        assert_eq!(word_class("table"), None);
        assert_eq!(word_class("déclaré"), None);
    }

    #[test]
    fn the_shape_filter_keeps_every_cue_in_any_case() {
        for word in LEXICON.words.keys() {
            assert!(LEXICON.shapes.may_hold(word));
            assert!(LEXICON.shapes.may_hold(&word.to_ascii_uppercase()));
        }
        assert!(!LEXICON.shapes.may_hold(b"zzz"));
        assert!(!LEXICON.shapes.may_hold(b""));
    }

    #[test]
    fn finds_multiword_cues() {
        let s = "according to the report";
        let toks = tokenize(s, 0, s.len());
        assert_eq!(phrase_len(s, &toks, 0), 2);
        assert_eq!(phrase_len(s, &toks, 1), 0);
    }
}
