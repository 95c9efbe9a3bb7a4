//! Subject–verb agreement between a speaker phrase and a cue word, which
//! tells reporting verbs from nouns (`a briefing call`, `had posts`) and
//! active from passive (`is expected`).

use super::cues::{self, Form};
use super::lexicon::{self, Aux, Gender};
use super::speakers::{Head, Phrase};
use super::words::Tok;

/// True when the cue word can be the verb of subject `s`: `says` after a
/// singular subject with no auxiliary, `saying` after `is`, `said` not after
/// `was` (passive), `say` after a plural or `will` — so nouns (`a briefing
/// call`, `had posts`) and passives (`is expected`) are not cues.
pub fn agrees(text: &str, toks: &[Tok], s: &Phrase, cue: usize) -> bool {
    let Some((_, form)) = toks.get(cue).and_then(|t| cues::word_form(t.text(text))) else {
        return true;
    };
    let between = toks.get(s.end..cue).unwrap_or(&[]);
    let has = |x: Aux| {
        between
            .iter()
            .any(|t| lexicon::aux(t.text(text)) == Some(x))
    };
    let words = || {
        toks.get(s.start..s.end)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text(text))
    };
    let plural = match s.kind {
        Head::Pronoun(g) => g == Gender::Plural,
        _ => {
            toks.get(s.head).is_some_and(|t| {
                let w = t.text(text).to_ascii_lowercase();
                (w.ends_with('s') && !w.ends_with("ss"))
                    || matches!(
                        w.as_str(),
                        "people" | "police" | "i" | "we" | "you" | "percent"
                    )
                    || lexicon::is_quantifier(&w)
            }) || words().any(|w| w == "and")
        }
    };
    match form {
        Form::Ing => has(Aux::Be),
        Form::Past => !has(Aux::Be),
        Form::Third => !has(Aux::Be) && !has(Aux::Have) && !has(Aux::Modal),
        Form::Base => has(Aux::Modal) || (plural && !has(Aux::Be) && !has(Aux::Have)),
        // `are afraid`, `was sure`; `worried` with no auxiliary is a verb.
        Form::Adj => {
            has(Aux::Be)
                || (!has(Aux::Have)
                    && !has(Aux::Modal)
                    && toks.get(cue).is_some_and(|t| t.text(text).ends_with("ed")))
        }
    }
}
