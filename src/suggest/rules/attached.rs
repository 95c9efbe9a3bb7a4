//! The quotation a cue follows (`“…,” she said`, `“…,” said Ortiz`): it
//! closes a few words before the cue, and is not a show's title.

use super::lexicon;
use super::marks::Seg;
use super::para::Para;
use super::verbs;
use super::words::Kind;

/// The quote closing just before token `at` — with at most a comma and a few
/// words between — and the first token after it and its comma.
pub fn quote_before(text: &str, p: &Para, at: usize, a: usize) -> Option<(usize, usize)> {
    let toks = &p.toks;
    let mut j = at;
    while j > a
        && at - j < 5
        && (toks[j - 1].kind == Kind::Word
            && !toks[j - 1].cap
            && !lexicon::is_stop(toks[j - 1].text(text))
            || matches!(toks[j - 1].first(text), '/' | '-' | '0'..='9'))
    {
        j -= 1;
    }
    let lead = j;
    if j > a && toks[j - 1].is(text, ',') {
        j -= 1;
    }
    let close = j.checked_sub(1)?;
    let (si, seg) = p.seg_closing_at(close)?;
    // `on CBS’s “Face the Nation,” Ryan said …`, `an ad titled “Arrogant,”`:
    // a short title after a preposition, a possessive or a naming word
    // names a show or a work, not what was said; so does a quotation in
    // title case (`the anthem “A Change Is Gonna Come,” she added`).
    let titled = seg.open.checked_sub(1).is_some_and(|k| {
        let w = toks[k].text(text);
        toks[k].kind == Kind::Word
            && (verbs::is_possessive(w)
                || matches!(
                    w,
                    "on" | "in" | "at" | "to" | "from" | "of" | "titled" | "entitled" | "named"
                ))
    });
    let capital = toks.get(seg.open + 1).is_some_and(|t| t.cap);
    if (titled && capital || title_case(text, p, seg)) && seg.words(toks) <= 5 {
        return None;
    }
    // A quote ending the sentence before (`… for him.” She says …`) is not
    // this cue's; one ending in `?` or `!` is (`“Why?” Lee asked.`).
    if j == a && close.checked_sub(1).is_some_and(|s| toks[s].is(text, '.')) {
        return None;
    }
    Some((si, lead))
}

/// True when the quotation `seg` has at least two words of more than three
/// letters and all of them are capitalised: `“Make Your Kid a Millionaire”`.
fn title_case(text: &str, p: &Para, seg: &Seg) -> bool {
    let inner = p.toks.get(seg.open + 1..seg.end(&p.toks)).unwrap_or(&[]);
    let long = || {
        inner
            .iter()
            .filter(|t| t.kind == Kind::Word && t.text(text).chars().count() > 3)
    };
    long().count() >= 2 && long().all(|t| t.cap)
}
