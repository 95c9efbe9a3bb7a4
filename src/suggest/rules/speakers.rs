//! Speaker phrases next to a cue: the subject before it (`a senior State
//! Department official said`, `Donna Brazile, the interim chair, said`) or
//! the phrase after it (`said Ana Díaz, the mayor`, `according to the
//! survey`). Pure token patterns: determiners, titles and role words, names
//! with connectors, and an appositive up to the next comma.

use super::lexicon::{self, Gender};
use super::words::{Kind, Tok};

/// What heads a speaker phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// `he`, `she`, `they`, `it`.
    Pronoun(Gender),
    /// A capitalised name: `Antony Blinken`, `the White House`.
    Name,
    /// A common noun: `the official`, `a new poll`.
    Role,
}

/// A speaker phrase by token index: `[start, end)` and its head token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The token that names the speaker (`Blinken`, `official`, `he`).
    pub head: usize,
    /// What kind of word the head is.
    pub kind: Head,
}

const MAX_WORDS: usize = 10;

fn word<'t>(text: &'t str, toks: &[Tok], i: usize) -> Option<&'t str> {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
}

/// A capitalised word that can be part of a name (not `But` or `After`).
fn name_word(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
        && word(text, toks, i).is_some_and(|w| !lexicon::is_stop(w) && !lexicon::is_determiner(w))
}

/// `J.` or `Rep.`: a capitalised initial or title abbreviation before a full stop.
fn abbreviated(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.cap
        && t.end == toks.get(i + 1).map_or(0, |n| n.start)
        && (t.end - t.start == 1 || lexicon::is_title(t.text(text)))
}

/// The subject phrase that ends right before `cue` (adverbs like `also` and
/// `has` skipped), not reaching before token `lo`.
pub fn before(text: &str, toks: &[Tok], cue: usize, lo: usize) -> Option<Phrase> {
    let mut end = cue;
    let mut skipped = 0;
    while end > lo && skipped < 3 {
        match word(text, toks, end - 1) {
            Some(w) if !toks[end - 1].cap && lexicon::is_between(w) => {
                end -= 1;
                skipped += 1;
            }
            _ => break,
        }
    }
    if end <= lo {
        return None;
    }
    let last = &toks[end - 1];
    if last.is(text, ')') {
        let open = (lo..end - 1).rev().find(|&j| toks[j].is(text, '('))?;
        let np = noun_phrase_back(text, toks, open, lo)?;
        return Some(Phrase { end, ..np });
    }
    if last.is(text, ',') {
        return appositive_back(text, toks, end - 1, lo);
    }
    if is_dash(text, last) {
        return dashed_back(text, toks, end, lo);
    }
    noun_phrase_back(text, toks, end, lo)
}

/// A dash between words: `—`, `–` or one of the two hyphens of `--`.
fn is_dash(text: &str, t: &Tok) -> bool {
    t.is(text, '-') || t.is(text, '—') || t.is(text, '–')
}

/// `Kall -- co-editor of a book on debates --` ending at token `end`: a
/// name, then an appositive between two dashes.
fn dashed_back(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<Phrase> {
    let mut close = end - 1;
    if close > lo && toks[close - 1].is(text, '-') {
        close -= 1;
    }
    let open = (lo..close)
        .rev()
        .take(25)
        .take_while(|&j| toks[j].kind != Kind::Double)
        .find(|&j| is_dash(text, &toks[j]))?;
    let mut before = open;
    if before > lo && toks[before - 1].is(text, '-') {
        before -= 1;
    }
    let np = noun_phrase_back(text, toks, before, lo).filter(|np| np.kind == Head::Name)?;
    (open + 1 < close).then_some(Phrase { end, ..np })
}

/// `Donna Brazile, the interim chair of the party,` ending at the comma
/// `comma`; the appositive may hold commas of its own (`…, which represents
/// teachers,`) and may be an age (`Quina Jones, 25,`) or a state (`R-Ky.`).
fn appositive_back(text: &str, toks: &[Tok], comma: usize, lo: usize) -> Option<Phrase> {
    let commas = (lo..comma)
        .rev()
        .take(30)
        .filter(|&j| toks[j].is(text, ','));
    for prev in commas.take(3) {
        let first = word(text, toks, prev + 1)?;
        let short = comma - prev <= 5 && toks[prev + 1].cap;
        let opens = lexicon::is_determiner(first)
            || first.chars().all(|c| c.is_ascii_digit())
            || short
            || matches!(first, "who" | "whose" | "which")
            // `Trump, speaking to a veterans group,`
            || (!toks[prev + 1].cap && first.len() > 5 && first.ends_with("ing"))
            || (!toks[prev + 1].cap && (lexicon::is_title(first) || lexicon::is_role(first)));
        if !opens || (prev + 1..comma).any(|j| toks[j].kind == Kind::Double) {
            continue;
        }
        // `A lawyer for the outlets, David Schulz, said`: a role before the name.
        let fits = |np: &Phrase| np.kind == Head::Name || (short && np.kind == Head::Role);
        if let Some(np) = noun_phrase_back(text, toks, prev, lo).filter(fits) {
            return Some(Phrase { end: comma, ..np });
        }
    }
    None
}

/// The noun phrase ending at token `end` (exclusive).
pub fn noun_phrase_back(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<Phrase> {
    let head = end.checked_sub(1).filter(|&h| h >= lo)?;
    let w = word(text, toks, head)?;
    if let Some(g) = lexicon::pronoun(w) {
        return Some(Phrase {
            start: head,
            end,
            head,
            kind: Head::Pronoun(g),
        });
    }
    let name = name_word(text, toks, head);
    if !name && (toks[head].cap || lexicon::is_stop(w) || lexicon::is_determiner(w)) {
        return None;
    }
    let role = !name && lexicon::is_role(w);
    let mut start = head;
    let mut determined = false;
    while start > lo && head + 1 - start < MAX_WORDS {
        let j = start - 1;
        let t = &toks[j];
        let Some(pw) = word(text, toks, j) else {
            // `J. Smith`: an initial's full stop stays inside the name.
            if name && t.is(text, '.') && j > lo && abbreviated(text, toks, j - 1) {
                start = j;
                continue;
            }
            break;
        };
        if lexicon::is_determiner(pw) {
            if !t.cap || j == lo || name || role {
                start = j;
                determined = true;
            }
            // `a spokeswoman for the ministry`: the phrase goes on before `for`.
            let joined = j >= lo + 2
                && matches!(word(text, toks, j - 1), Some("of" | "for" | "at" | "with"))
                && word(text, toks, j - 2)
                    .is_some_and(|w| lexicon::is_role(w) || name_word(text, toks, j - 2));
            if !joined {
                break;
            }
            start = j - 1;
            continue;
        }
        let connector = lexicon::is_connector(pw)
            && name_word(text, toks, j + 1)
            && j > lo
            && name_word(text, toks, j - 1);
        let modifier = !t.cap
            && (lexicon::is_title(pw)
                || lexicon::is_role(pw)
                || (!name && !lexicon::is_stop(pw) && !lexicon::is_between(pw)));
        if name_word(text, toks, j) || connector || modifier {
            start = j;
        } else {
            break;
        }
    }
    if !name && !role && !determined {
        return None;
    }
    if !name && !role && head - start > 3 {
        return None;
    }
    Some(Phrase {
        start,
        end,
        head,
        kind: if name { Head::Name } else { Head::Role },
    })
}

/// The phrase starting at token `at` (after `said` or `according to`), with an
/// appositive up to the next comma; not reaching `hi`.
pub fn after(text: &str, toks: &[Tok], at: usize, hi: usize) -> Option<Phrase> {
    let w = word(text, toks, at).filter(|_| at < hi)?;
    if let Some(g) = lexicon::pronoun(w) {
        return Some(Phrase {
            start: at,
            end: at + 1,
            head: at,
            kind: Head::Pronoun(g),
        });
    }
    let mut i = at;
    let mut head = None;
    let mut kind = Head::Role;
    while i < hi && i - at < MAX_WORDS {
        let t = &toks[i];
        let Some(w) = word(text, toks, i) else {
            let initial =
                kind == Head::Name && t.is(text, '.') && i > at && abbreviated(text, toks, i - 1);
            // `9/11 widow`, `ex-senator`: a slash or hyphen between words.
            let joiner = head.is_none()
                && (t.is(text, '/') || t.is(text, '-'))
                && word(text, toks, i + 1).is_some();
            if initial || joiner {
                i += 1;
                continue;
            }
            break;
        };
        if name_word(text, toks, i) {
            head = Some(i);
            kind = Head::Name;
        } else if kind == Head::Name {
            // `a US official`: a name modifying a role noun.
            if lexicon::is_role(w) {
                kind = Head::Role;
                head = Some(i);
                if !word(text, toks, i + 1)
                    .is_some_and(|n| lexicon::is_role(n) || name_word(text, toks, i + 1))
                {
                    break;
                }
            } else if !(lexicon::is_connector(w) && name_word(text, toks, i + 1)) {
                break;
            }
        } else if lexicon::is_role(w) {
            head = Some(i);
            if !word(text, toks, i + 1)
                .is_some_and(|n| lexicon::is_role(n) || name_word(text, toks, i + 1))
            {
                break;
            }
        } else if !(i == at && lexicon::is_determiner(w)) && (lexicon::is_stop(w) || t.cap) {
            break;
        }
        i += 1;
    }
    let head = head?;
    let mut end = head + 1;
    if kind == Head::Name
        && toks.get(end).is_some_and(|t| t.is(text, ','))
        && let Some(stop) = appositive_forward(text, toks, end + 1, hi)
    {
        end = stop;
    }
    Some(Phrase {
        start: at,
        end,
        head,
        kind,
    })
}

/// `, the chair of the party` — end of an appositive starting at `at`.
fn appositive_forward(text: &str, toks: &[Tok], at: usize, hi: usize) -> Option<usize> {
    let first = word(text, toks, at)?;
    let opens = lexicon::is_determiner(first)
        || (!toks[at].cap && (lexicon::is_title(first) || lexicon::is_role(first)));
    if !opens {
        return None;
    }
    let mut i = at;
    while i < hi && i - at < 14 {
        let t = &toks[i];
        if t.kind == Kind::Double || (t.kind == Kind::Punct && !t.is(text, '-') && !t.is(text, '.'))
        {
            break;
        }
        i += 1;
    }
    // A sentence's full stop is not part of the appositive.
    while i > at + 1 && toks[i - 1].is(text, '.') && !abbreviated(text, toks, i - 2) {
        i -= 1;
    }
    (i > at).then_some(i)
}
