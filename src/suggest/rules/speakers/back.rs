//! Speaker phrases read backwards from a cue: a noun phrase (`a senior
//! State Department official`), a name with an appositive (`Donna Brazile,
//! the interim chair,`) or between dashes, across time phrases and
//! parentheticals (`Ortiz, however,`); a head with a phrase after it is
//! [`super::attach`]'s.

use super::super::cues;
use super::super::lexicon;
use super::super::verbs;
use super::super::words::{Kind, Tok};
use super::attach;
use super::{Head, MAX_WORDS, Phrase, abbreviated, is_dash, name_word, role_like, word};

/// `Kall -- co-editor of a book on debates --` ending at token `end`: a
/// name, then an appositive between two dashes.
pub(super) fn dashed(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<Phrase> {
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

/// The noun phrase ending at token `end`, which may close with a state in
/// brackets (`Rep. Lena Ortiz (D-Texas)`) or an abbreviation's full stop
/// (`The S.E.C.`, `Acme Inc.`).
pub(super) fn closed(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<Phrase> {
    let last = toks.get(end.checked_sub(1)?)?;
    if last.is(text, ')') {
        let open = (lo..end - 1).rev().find(|&j| toks[j].is(text, '('))?;
        let np = noun_phrase_back(text, toks, open, lo)?;
        return Some(Phrase { end, ..np });
    }
    if last.is(text, '.') && end >= lo + 2 {
        let w = word(text, toks, end - 2)?;
        let touching = toks[end - 2].end == last.start;
        if touching && (w.contains('.') || abbreviated(text, toks, end - 2) || is_company(w)) {
            let np = noun_phrase_back(text, toks, end - 1, lo)?;
            return Some(Phrase { end, ..np });
        }
        return None;
    }
    noun_phrase_back(text, toks, end, lo)
}

fn is_company(w: &str) -> bool {
    matches!(
        w,
        "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr" | "Bros" | "Cos" | "Plc"
    )
}

/// `A lawyer for the outlets, David Schulz,`: the role phrase before a short
/// name set off by commas, which the name heads. `name` is the first token of
/// the name, `comma` the comma after it.
fn role_before_name(text: &str, toks: &[Tok], name: usize, comma: usize, lo: usize) -> Phrase {
    let head = comma - 1;
    let only_name = Phrase {
        start: name,
        end: comma,
        head,
        kind: Head::Name,
    };
    let prev = name - 1;
    let mut j = prev;
    while j > lo && prev - j < 8 {
        let Some(w) = word(text, toks, j - 1) else {
            break;
        };
        let joins = matches!(w, "of" | "for" | "at" | "with" | "in" | "from");
        if lexicon::is_determiner(w) {
            j -= 1;
            // `a lawyer for the outlets`: the phrase goes on before `for`.
            if !word(text, toks, j.wrapping_sub(1))
                .is_some_and(|p| matches!(p, "of" | "for" | "at" | "with" | "in" | "from"))
                || j <= lo
            {
                break;
            }
            continue;
        }
        if !joins && (lexicon::is_stop(w) || cues::word_class(w).is_some()) {
            break;
        }
        j -= 1;
    }
    let role = (j..prev).any(|k| word(text, toks, k).is_some_and(role_like));
    let opens = j == lo || lexicon::is_determiner(word(text, toks, j).unwrap_or(""));
    if role && opens {
        Phrase {
            start: j,
            ..only_name
        }
    } else {
        only_name
    }
}

/// `Donna Brazile, the interim chair of the party,` ending at the comma
/// `comma`; the appositive may hold commas of its own (`…, which represents
/// teachers,`) and may be an age (`Quina Jones, 25,`) or a state (`R-Ky.`).
pub(super) fn appositive(text: &str, toks: &[Tok], comma: usize, lo: usize) -> Option<Phrase> {
    let commas = (lo..comma)
        .rev()
        .take(30)
        .filter(|&j| toks[j].is(text, ','));
    for prev in commas.take(3) {
        let first = word(text, toks, prev + 1)?;
        let short = comma - prev <= 5 && toks[prev + 1].cap;
        // `Mia Chen, co-founder of the clinic,`: a bare role noun phrase.
        let bare_role = !toks[prev + 1].cap
            && (prev + 1..comma.min(prev + 5))
                .filter_map(|j| word(text, toks, j))
                .any(role_like);
        let opens = lexicon::is_determiner(first)
            || bare_role
            || first.chars().all(|c| c.is_ascii_digit())
            || short
            || matches!(first, "who" | "whose" | "which")
            // `China, Pyongyang’s only ally,`
            || verbs::is_possessive(first)
            // `Trump, speaking to a veterans group,`
            || (!toks[prev + 1].cap && first.len() > 5 && first.ends_with("ing"))
            || (!toks[prev + 1].cap && (lexicon::is_title(first) || lexicon::is_role(first)));
        if !opens || (prev + 1..comma).any(|j| toks[j].kind == Kind::Double) {
            continue;
        }
        // `A lawyer for the outlets, David Schulz, said`: a role before the name.
        if let Some(np) = closed(text, toks, prev, lo).filter(|np| np.kind == Head::Name) {
            return Some(Phrase { end: comma, ..np });
        }
        let name_or_initial = |j: usize| {
            name_word(text, toks, j) || (toks[j].is(text, '.') && abbreviated(text, toks, j - 1))
        };
        if short && (prev + 1..comma).all(name_or_initial) {
            return Some(role_before_name(text, toks, prev + 1, comma, lo));
        }
    }
    None
}

/// `Ana Díaz, who said`, `an architect who said`: the noun phrase that the
/// relative pronoun at token `who` refers to is the speaker.
pub(super) fn relative(text: &str, toks: &[Tok], who: usize, lo: usize) -> Option<Phrase> {
    let comma = who
        .checked_sub(1)
        .filter(|&c| c > lo && toks[c].is(text, ','));
    match comma {
        Some(c) => parenthetical(text, toks, c, lo)
            .or_else(|| appositive(text, toks, c, lo))
            .or_else(|| closed(text, toks, c, lo)),
        None => closed(text, toks, who, lo),
    }
}

/// `, however,`, `, in a statement,`, `, on Friday,` ending at the comma
/// `comma`: the speaker is the noun phrase before it (`Ortiz, however, said`).
pub(super) fn parenthetical(text: &str, toks: &[Tok], comma: usize, lo: usize) -> Option<Phrase> {
    let open = (lo..comma)
        .rev()
        .take(7)
        .take_while(|&j| toks[j].kind == Kind::Word || toks[j].is(text, ','))
        .find(|&j| toks[j].is(text, ','))?;
    let first = toks.get(open + 1).filter(|t| !t.cap)?.text(text);
    let words = comma - open - 1;
    let adverb = words == 1 && lexicon::is_parenthetical(first);
    let phrase = words > 1 && matches!(first, "in" | "on" | "at" | "for" | "during" | "after");
    if !(adverb || phrase) {
        return None;
    }
    let np = noun_phrase_back(text, toks, open, lo)?;
    Some(Phrase { end: open, ..np })
}

/// Where a speaker phrase ending at `end` ends once a time phrase is left
/// out (`the council on Friday`, `Ortiz this week`); `end` when none.
pub(super) fn skip_time(text: &str, toks: &[Tok], end: usize, lo: usize) -> usize {
    // `who in 2010 said`: a year.
    let year = end > lo + 1
        && word(text, toks, end - 1)
            .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        && word(text, toks, end - 2).is_some_and(|w| matches!(w, "in" | "In" | "since"));
    if year {
        return end - 2;
    }
    if !(end > lo && word(text, toks, end - 1).is_some_and(lexicon::is_time_noun)) {
        return end;
    }
    let mut j = end;
    while j > lo && end - j < 5 {
        match word(text, toks, j - 1) {
            Some(w)
                if lexicon::is_time_noun(w)
                    || (!toks[j - 1].cap && lexicon::is_time(w))
                    || w.chars().all(|c| c.is_ascii_digit()) =>
            {
                j -= 1;
            }
            _ => break,
        }
    }
    j
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
    // `Some suggested …`, `Others argued …`: a quantifier standing alone.
    let alone = head == lo
        || toks[head - 1].kind == Kind::Punct
        || word(text, toks, head - 1).is_some_and(|p| matches!(p, "and" | "but" | "while"));
    if alone && lexicon::is_quantifier(w) {
        return Some(Phrase {
            start: head,
            end,
            head,
            kind: Head::Role,
        });
    }
    if lexicon::is_time_noun(w) {
        return None;
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
            // `LAGOS (Reuters) - The central bank`: a dateline before `The`.
            let opens = j == lo || toks[j - 1].kind == Kind::Punct;
            if !t.cap || opens || name || role {
                start = j;
                determined = true;
            }
            break;
        }
        let connector = lexicon::is_connector(pw)
            && name_word(text, toks, j + 1)
            && j > lo
            && name_word(text, toks, j - 1);
        let modifier = !t.cap
            && (lexicon::is_title(pw)
                || lexicon::is_role(pw)
                || (!name && !lexicon::is_stop(pw) && !lexicon::is_between(pw)));
        // Before a possessive its own modifiers go on (`the Democratic
        // presidential candidate’s doctor`), but no verb (`insured
        // Patriot’s obligations`).
        let verb = determined && pw.ends_with("ed");
        if !verb && (name_word(text, toks, j) || connector || modifier) {
            start = j;
            // `Clinton’s team`, `Connecticut’s tax commissioner`: a
            // possessive determines the noun it owns.
            determined |= verbs::is_possessive(pw);
        } else {
            break;
        }
    }
    if let Some(outer) = attach::attached_to(text, toks, start, end, lo) {
        return Some(Phrase { end, ..outer });
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
