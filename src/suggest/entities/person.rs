//! Evidence that a run of capitalised words names a person: initials, a
//! known first name or East Asian family name, an appositive (`, a farmer,`),
//! a family name, a role noun before it, a speech verb after it, or the
//! plain shape of a name made of words no dictionary has.

use super::GAZETTEER;
use super::classify::Ctx;
use super::gazetteer::TitleKind;
use super::words::Shape;

/// Verbs after which a bare capitalised name is a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "explained",
    "wrote",
    "stated",
    "noted",
    "argued",
    "insisted",
    "warned",
    "replied",
    "tweeted",
    "announced",
    "who",
];

/// How sure the words `s..e` are a person's name, and why.
pub(super) fn person_evidence(cx: &Ctx, s: usize, e: usize) -> Option<(f32, &'static str)> {
    let n = e - s;
    // Capitalised words, with particles (`de`, `bin`) between them.
    let all_cap =
        (s..e).all(|i| cx.words[i].shape == Shape::Cap || !cx.words[i].is_capital() && i > s);
    let first = cx.t(s);
    let after = cx
        .words
        .get(e)
        .filter(|w| w.joined || cx.text[cx.words[e - 1].range.end..w.range.start].trim() == ",");
    let speech = after.is_some_and(|w| SPEECH.contains(&w.text(cx.text)));
    let appositive = appositive_person(cx, e);
    if which_follows(cx, e) {
        // `Severnside Water, which operates …` is no one.
        return None;
    }
    let role = s > 0
        && cx.words[s].joined
        && matches!(GAZETTEER.title(cx.t(s - 1)), Some((TitleKind::Role, _)));
    if n >= 2 && all_cap && (s..e).any(|i| is_initial(cx.t(i))) {
        Some((0.85, "initials"))
    } else if n >= 2
        && all_cap
        && GAZETTEER.first_name(first).is_some()
        && (!GAZETTEER.is_common(first)
            || !GAZETTEER.is_common(cx.t(s + 1))
            || GAZETTEER.is_surname(cx.t(s + 1)))
    {
        Some((0.85, "first-name"))
    } else if appositive && n <= 4 && all_cap {
        Some((0.85, "appositive"))
    } else if n >= 2
        && all_cap
        && GAZETTEER.is_asian_surname(first)
        && (!GAZETTEER.is_common(first) || n == 2)
        && !GAZETTEER.is_common(cx.t(s + 1))
    {
        Some((0.8, "family-name-first"))
    } else if (2..=4).contains(&n)
        && all_cap
        && GAZETTEER.is_surname(cx.t(e - 1))
        && !GAZETTEER.is_common(first)
    {
        Some((0.7, "surname"))
    } else if role && all_cap {
        Some((0.7, "role-noun"))
    } else if speech && n <= 4 && all_cap {
        Some((0.65, "speech-verb"))
    } else if (2..=4).contains(&n)
        && all_cap
        && (s..e)
            .filter(|&i| cx.words[i].is_capital())
            .all(|i| !GAZETTEER.is_common(cx.t(i)))
        && (!cx.t(e - 1).ends_with('s') || GAZETTEER.is_surname(cx.t(e - 1)))
        && !(s > 0 && cx.t(s - 1) == "the" && cx.words[s].joined)
    {
        // `the Chalhuanca Alta community`: a name after `the` is no person's.
        Some((0.55, "name-shape"))
    } else {
        None
    }
}

/// True when `, a/an/the … <person noun>` or `, <age>,` follows: `Ana Ruiz, a
/// farmer,`, `Ana Ruiz, 54,`.
fn appositive_person(cx: &Ctx, e: usize) -> bool {
    let Some(next) = cx.words.get(e) else {
        return false;
    };
    if cx.text[cx.words[e - 1].range.end..next.range.start].trim() != "," {
        return false;
    }
    let first = next.text(cx.text);
    if next.shape == Shape::Number {
        return first.len() <= 3 && cx.text[next.range.end..].starts_with(',');
    }
    matches!(first, "a" | "an" | "the" | "who" | "whose")
        && cx.words[e + 1..]
            .iter()
            .take(5)
            .take_while(|w| w.joined || w.text(cx.text) == first)
            .any(|w| matches!(GAZETTEER.title(w.text(cx.text)), Some((TitleKind::Role, _))))
}

/// True when `, which` follows word `e - 1`.
fn which_follows(cx: &Ctx, e: usize) -> bool {
    cx.words.get(e).is_some_and(|w| {
        w.text(cx.text) == "which" && cx.text[cx.words[e - 1].range.end..w.range.start] == *", "
    })
}

/// Where a person's name (a first name and one or two more words) closes a
/// longer chunk, if it does; never inside a name that opens with a family
/// name (`Nguyễn Thị Lan Hương`).
pub(super) fn person_suffix(cx: &Ctx, s: usize, e: usize) -> Option<usize> {
    if GAZETTEER.is_asian_surname(cx.t(s)) {
        return None;
    }
    (s + 1..e.saturating_sub(1)).find(|&cut| {
        let first = cx.t(cut);
        (2..=3).contains(&(e - cut))
            && GAZETTEER.first_name(first).is_some()
            && !GAZETTEER.is_common(first)
            && (cut..e).all(|i| cx.words[i].shape == Shape::Cap)
            && cx.words[cut - 1].is_capital()
            && GAZETTEER.head(cx.t(e - 1)).is_none()
    })
}

/// `L.` or `F.`: a middle or first initial.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}
