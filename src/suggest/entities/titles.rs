//! Titles before a person's name: `Secretary of State [Antony Blinken]`,
//! `Chinese Foreign Minister [Li Wen]`. The title stays outside the person's
//! span; names inside it (`US`, `Chinese`, `NASA`) are found too. Chunks that
//! only name an office (`Prime Minister`) give no entity.

use super::classify::{Candidate, Ctx};
use super::gazetteer::TitleKind;
use super::words::Shape;
use super::{EntityLabel, GAZETTEER};

/// Splits `[title] [name]`; pushes the person and any names inside the title.
pub(super) fn titled(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Candidate>) -> bool {
    let Some((k, n)) = (s..e.saturating_sub(1)).find_map(|k| title_at(cx, k, e)) else {
        return false;
    };
    let (kind, title_gender) = GAZETTEER.title(cx.t(k)).unwrap_or((TitleKind::Title, None));
    let mut person = Candidate::new(
        cx.span(n, e),
        EntityLabel::Person,
        0.9,
        if kind == TitleKind::Honorific {
            "honorific"
        } else {
            "title"
        },
    );
    person.title = Some(cx.span(s, n));
    person.gender = title_gender.or_else(|| GAZETTEER.first_name(cx.t(n)).flatten());
    // Names inside the title: `US`, `Chinese`, `NASA`, `of Washington`.
    let mut i = s;
    while i < n {
        if let Some(&(_, le, label)) = cx.listed.iter().find(|l| l.0 == i && l.1 <= n) {
            out.push(Candidate::new(cx.span(i, le), label, 0.85, "gazetteer"));
            i = le;
            continue;
        }
        let w = cx.t(i);
        if let Some(label) = GAZETTEER.name(w) {
            out.push(Candidate::new(cx.span(i, i + 1), label, 0.85, "gazetteer"));
        } else if cx.words[i].shape == Shape::Upper
            && GAZETTEER.title(w).is_none()
            && !GAZETTEER.is_not_entity(w)
        {
            out.push(Candidate::new(
                cx.span(i, i + 1),
                EntityLabel::Org,
                0.6,
                "acronym",
            ));
        } else if i == s
            && let Some(b) = employer_end(cx, s, k)
        {
            // `Atlântica Terminais Chief Executive …`: the body the office
            // belongs to; a mayor's or governor's is a place.
            let place = (b..n).any(|i| PLACE_TITLES.contains(&cx.t(i)));
            let label = if place {
                EntityLabel::Gpe
            } else {
                EntityLabel::Org
            };
            out.push(Candidate::new(cx.span(s, b), label, 0.7, "before-title"));
            i = b;
            continue;
        }
        i += 1;
    }
    out.push(person);
    true
}

/// Titles of offices that govern a place: `Seville Mayor …`.
const PLACE_TITLES: &[&str] = &["Mayor", "Governor", "Premier", "Sheriff"];

/// The end of a name that opens the chunk and runs up to the title words at
/// `k` (`Halvard` in `Halvard Chief Executive Mark Trelawney`): capitalised
/// words no dictionary has, so not `Former` or `Treasury`.
fn employer_end(cx: &Ctx, s: usize, k: usize) -> Option<usize> {
    let mut b = k;
    while b > s && GAZETTEER.title(cx.t(b - 1)).is_some() {
        b -= 1;
    }
    let name = (s..b).all(|i| {
        let w = cx.t(i);
        cx.words[i].shape == Shape::Cap
            && !GAZETTEER.is_common(w)
            && GAZETTEER.name(w).is_none()
            && GAZETTEER.first_name(w).is_none()
    });
    (b > s && name).then_some(b)
}

/// If word `k` is a title followed by a name within `..e`, the title word and
/// where the name starts.
fn title_at(cx: &Ctx, k: usize, e: usize) -> Option<(usize, usize)> {
    let (kind, _) = GAZETTEER.title(cx.t(k))?;
    if !matches!(kind, TitleKind::Title | TitleKind::Honorific) || !cx.words[k].is_capital() {
        return None;
    }
    let mut n = k + 1;
    if cx.t(n) == "of" {
        n += 1;
        if cx.t(n) == "the" {
            n += 1;
        }
        // The complement (`of State`, `of Foreign Affairs`, `of Washington`) runs
        // over common and listed words up to the first word that looks like a name.
        n += 1;
        while n + 1 < e && complement_word(cx.t(n)) {
            n += 1;
        }
    }
    // `Chief Executive [Helena Vasconcelos]`: words that qualify the title
    // belong to it.
    while n + 1 < e && matches!(GAZETTEER.title(cx.t(n)), Some((TitleKind::Modifier, _))) {
        n += 1;
    }
    if n >= e {
        return None;
    }
    let name = n..e;
    let last = cx.t(e - 1);
    let clean = name.clone().all(|i| {
        let w = cx.t(i);
        !matches!(
            GAZETTEER.title(w),
            Some((TitleKind::Title | TitleKind::Honorific, _))
        ) && cx.words[i].is_capital()
    });
    let org_like = GAZETTEER.head(last).is_some_and(|(_, p)| p.last())
        || GAZETTEER.head(cx.t(n)).is_some_and(|(_, p)| p.first())
        || GAZETTEER
            .name(&cx.text[cx.span(n, e).start..cx.span(n, e).end])
            .is_some();
    (clean && !org_like).then_some((k, n))
}

/// True when every capitalised word is a title or qualifies one: `Prime
/// Minister`, `Secretary of State` name an office, not an entity.
pub(super) fn only_titles(cx: &Ctx, s: usize, e: usize) -> bool {
    let has_title = (s..e).any(|i| {
        GAZETTEER
            .title(cx.t(i))
            .is_some_and(|(k, _)| k != TitleKind::Modifier)
    });
    has_title
        && (s..e).all(|i| {
            let w = cx.t(i);
            !cx.words[i].is_capital() || GAZETTEER.title(w).is_some() || GAZETTEER.is_common(w)
        })
}

/// Where trailing title words start (`NASA [Administrator]`), if the chunk
/// ends with any and has a name before them.
pub(super) fn trailing_title(cx: &Ctx, s: usize, e: usize) -> Option<usize> {
    let is_title = |i: usize| {
        matches!(
            GAZETTEER.title(cx.t(i)),
            Some((TitleKind::Title | TitleKind::Honorific, _))
        )
    };
    if e < s + 2 || !is_title(e - 1) {
        return None;
    }
    let mut cut = e - 1;
    while cut > s + 1
        && GAZETTEER
            .title(cx.t(cut - 1))
            .is_some_and(|(k, _)| k != TitleKind::Role)
    {
        cut -= 1;
    }
    let before = &cx.words[cut - 1];
    (before.is_capital() && GAZETTEER.title(before.text(cx.text)).is_none()).then_some(cut)
}

fn complement_word(w: &str) -> bool {
    GAZETTEER.first_name(w).is_none()
        && (GAZETTEER.is_common(w) || GAZETTEER.name(w).is_some() || GAZETTEER.title(w).is_some())
}
