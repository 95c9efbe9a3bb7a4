//! Subject–verb agreement between a speaker phrase and a cue word, which
//! tells reporting verbs from nouns (`a briefing call`, `had posts`, `the
//! swing states`, `Trump’s comments`) and active from passive (`is expected`).

use super::cues::{self, Form};
use super::lexicon::{self, Aux, Gender};
use super::speakers::{Head, Phrase};
use super::verbs;
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
                        "people"
                            | "those"
                            | "police"
                            | "i"
                            | "we"
                            | "you"
                            | "percent"
                            | "data"
                            | "media"
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

/// False for a subject that is the start of a noun phrase holding the cue
/// word as a noun: a possessive (`Trump’s comments`) or, before a cue form
/// that is also a plural noun, a common noun that names no one (`the swing
/// states`, `his latest remarks`; but `one slide says`).
pub fn plausible_subject(text: &str, toks: &[Tok], s: &Phrase, cue: usize) -> bool {
    let head = toks[s.head].text(text);
    if verbs::is_possessive(head) {
        return false;
    }
    // `Twenty-seven states led by …`: a number names no one.
    if cues::is_noun_form(toks[cue].text(text)) && head.split('-').all(verbs::is_number) {
        return false;
    }
    // Past the head, the word right before the cue decides: a singular
    // noun there makes a compound (`voters in battleground states`); a role,
    // a plural or a pronoun ends the phrase (`a survey of farmers shows`,
    // `those close to him say`).
    let compound =
        |w: &str| !lexicon::is_role(w) && !matches!(w, "him" | "her" | "them" | "us" | "whom");
    let last = s.end.checked_sub(1).map_or(head, |j| toks[j].text(text));
    let noun_before = if s.head + 1 == s.end {
        compound(head)
    } else {
        compound(last) && !last.ends_with('s')
    };
    !(cues::is_noun_form(toks[cue].text(text)) && s.kind == Head::Role && noun_before)
}
