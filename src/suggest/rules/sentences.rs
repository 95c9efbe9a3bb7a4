//! Sentence boundaries inside one paragraph, by token index. A quotation is
//! an atom: full stops inside it never end the reporter's sentence, so
//! `“One. Two,” she said.` stays one sentence.

use super::marks::Seg;
use super::words::{Kind, Tok};

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "maj", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "prof", "rev", "fr", "pres", "supt", "det", "insp",
    "atty", "u.s", "u.k", "u.n", "d.c", "etc", "ft", "mt", "gov't", "approx",
];

/// Splits a paragraph's tokens into sentences: `[start, end)` token ranges.
pub fn split(text: &str, toks: &[Tok], segs: &[Seg]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut next_seg = segs.iter().peekable();
    while i < toks.len() {
        if let Some(seg) = next_seg.peek().filter(|s| s.open == i).copied() {
            let end = seg.end(toks);
            let last_inner = end.saturating_sub(2);
            let closes_sentence = seg.close.is_some()
                && end - 1 > i
                && toks.get(last_inner).is_some_and(|t| is_stop(text, t));
            next_seg.next();
            i = end.max(i + 1);
            if (closes_sentence || seg.close.is_none()) && starts_sentence(text, toks, i) {
                out.push((start, i));
                start = i;
            }
            continue;
        }
        let t = &toks[i];
        i += 1;
        if is_stop(text, t)
            && !after_abbreviation(text, toks, i - 1)
            && starts_sentence(text, toks, i)
        {
            // Stops doubled (`?!`, `...`) stay with their sentence.
            while toks.get(i).is_some_and(|n| is_stop(text, n)) {
                i += 1;
            }
            out.push((start, i));
            start = i;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

fn is_stop(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Punct && matches!(t.first(text), '.' | '!' | '?' | '…')
}

/// The next token begins a sentence: end of paragraph, a capital, a digit or an opening mark.
fn starts_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    match toks.get(i) {
        None => true,
        Some(t) => match t.kind {
            Kind::Word => t.cap || t.first(text).is_ascii_digit(),
            Kind::Double | Kind::Single => true,
            Kind::Punct => matches!(t.first(text), '(' | '[' | '—' | '–'),
        },
    }
}

fn after_abbreviation(text: &str, toks: &[Tok], stop: usize) -> bool {
    if !toks[stop].is(text, '.') || stop == 0 || toks[stop - 1].end != toks[stop].start {
        return false;
    }
    let word = &toks[stop - 1];
    if word.kind != Kind::Word {
        return false;
    }
    let w = word.text(text);
    let single_initial = w.chars().count() == 1 && word.cap;
    single_initial || w.contains('.') || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::super::marks::pair;
    use super::super::words::tokenize;
    use super::*;

    fn sentences(s: &str) -> Vec<String> {
        let toks = tokenize(s, 0, s.len());
        let segs = pair(s, &toks, false);
        split(s, &toks, &segs)
            .into_iter()
            .map(|(a, b)| s[toks[a].start..toks[b - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn quotes_are_atoms() {
        assert_eq!(
            sentences("“One. Two,” she said. Mr. Lee in the U.S. left. “Three.” Then"),
            [
                "“One. Two,” she said.",
                "Mr. Lee in the U.S. left.",
                "“Three.”",
                "Then"
            ]
        );
    }

    #[test]
    fn lowercase_after_question_continues() {
        assert_eq!(
            sentences("“Why?” he asked. Yes."),
            ["“Why?” he asked.", "Yes."]
        );
        assert_eq!(sentences("J. R. Smith said so."), ["J. R. Smith said so."]);
        assert_eq!(
            sentences("Then the S.E.C. said so. Ørsted left."),
            ["Then the S.E.C. said so.", "Ørsted left."]
        );
    }
}
