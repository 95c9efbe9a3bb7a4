//! Clues from the words around a chunk of capitals that tell what it names
//! when its own words do not: `the law firm [Garside Rowe]`, `an analyst at
//! [Kelet Securities]`, `[Quảng Trị] province`, `the town of [Ashcombe]`,
//! `[Grupo Meridiano]`; and names of works in quotation marks (`“The Long
//! Way Home”`), which name no entity the rules label.

use super::EntityLabel;
use super::GAZETTEER;
use super::classify::Ctx;
use super::gazetteer::TitleKind;

/// Common nouns after which a name is an organisation's: `the law firm X`,
/// `shipping agency X`, `parent company, X`.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "agency",
    "brokerage",
    "maker",
    "bank",
    "lender",
    "insurer",
    "carrier",
    "airline",
    "operator",
    "retailer",
    "startup",
    "start-up",
    "conglomerate",
    "broadcaster",
    "newspaper",
    "publisher",
    "manufacturer",
    "miner",
    "consultancy",
    "charity",
    "nonprofit",
    "club",
];

/// Lowercase nouns after which a name is a place: `[Quảng Trị] province`.
const PLACE_NOUNS_AFTER: &[&str] = &[
    "province",
    "provinces",
    "provincial",
    "port",
    "district",
    "districts",
    "region",
    "county",
    "prefecture",
    "municipality",
    "canton",
    "oblast",
    "governorate",
];

/// Lowercase nouns that name a place before `of`: `the town of [Ashcombe]`,
/// or after a comma: `[Ashcombe], a village on the border`.
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "provinces",
    "district",
    "districts",
    "region",
    "canton",
    "county",
    "island",
    "capital",
    "suburb",
    "port",
];

/// Words that open an organisation's name with no `of` after them: `Grupo
/// Meridiano`, `Banco Santander`, `Borussia Dortmund`.
const ORG_OPENERS: &[&str] = &[
    "Grupo",
    "Banco",
    "Minera",
    "Inversiones",
    "Compañía",
    "Companhia",
    "Instituto",
    "Institut",
    "Universidad",
    "Universidade",
    "Universität",
    "Fundación",
    "Fundação",
    "Borussia",
    "Fortuna",
    "Viktoria",
    "Dynamo",
    "Dinamo",
    "Atlético",
    "Olympique",
    "Eintracht",
];

/// The label the surrounding words give the chunk `s..e`, with a score and
/// the rule's name; the score is above a plain name's shape (0.55) and below
/// a title's (0.9).
pub(super) fn clue(cx: &Ctx, s: usize, e: usize) -> Option<(EntityLabel, f32, &'static str)> {
    if e - s >= 2 && ORG_OPENERS.contains(&cx.t(s)) {
        return Some((EntityLabel::Org, 0.85, "org-opener"));
    }
    if role_at(cx, s) {
        return Some((EntityLabel::Org, 0.85, "role-at"));
    }
    let next = cx
        .words
        .get(e)
        .filter(|w| w.joined)
        .map(|w| w.text(cx.text));
    if next.is_some_and(|w| PLACE_NOUNS_AFTER.contains(&w)) {
        return Some((EntityLabel::Gpe, 0.8, "place-noun"));
    }
    if s >= 2 && cx.t(s - 1) == "of" && cx.words[s].joined && PLACE_NOUNS.contains(&cx.t(s - 2)) {
        return Some((EntityLabel::Gpe, 0.8, "place-noun"));
    }
    if place_appositive(cx, e) {
        return Some((EntityLabel::Gpe, 0.8, "place-noun"));
    }
    if s >= 1 && ORG_NOUNS.contains(&cx.t(s - 1)) && separated(cx, s, &[" ", ", "]) {
        return Some((EntityLabel::Org, 0.8, "org-noun"));
    }
    None
}

/// True when only one of `gaps` lies between word `s - 1` and word `s`.
fn separated(cx: &Ctx, s: usize, gaps: &[&str]) -> bool {
    let gap = &cx.text[cx.words[s - 1].range.end..cx.words[s].range.start];
    gaps.contains(&gap)
}

/// `an analyst at [the] X`, `a researcher at X`: a role noun, `at`, the name.
fn role_at(cx: &Ctx, s: usize) -> bool {
    let mut at = s;
    if at >= 1 && cx.t(at - 1) == "the" && cx.words[at].joined {
        at -= 1;
    }
    at >= 2
        && cx.t(at - 1) == "at"
        && cx.words[at].joined
        && cx.words[at - 1].joined
        && matches!(GAZETTEER.title(cx.t(at - 2)), Some((TitleKind::Role, _)))
}

/// `X, a village …`, `X, a small town …`: a place noun within the next three words.
fn place_appositive(cx: &Ctx, e: usize) -> bool {
    let Some(comma) = cx.words.get(e) else {
        return false;
    };
    if &cx.text[cx.words[e - 1].range.end..comma.range.start] != ", "
        || !matches!(comma.text(cx.text), "a" | "an")
    {
        return false;
    }
    cx.words[e + 1..]
        .iter()
        .take(3)
        .take_while(|w| w.joined)
        .any(|w| PLACE_NOUNS.contains(&w.text(cx.text)))
}

/// True when the chunk is a title in quotation marks: `“The Long Way
/// Home,”`, `"Blue Harvest"` — a work, not a person or a company.
pub(super) fn quoted_title(cx: &Ctx, s: usize, e: usize) -> bool {
    let head = &cx.text[..cx.words[s].range.start];
    let (head, determiner) = match head.strip_suffix("The ").or(head.strip_suffix("A ")) {
        Some(h) => (h, true),
        None => (head, false),
    };
    let after = &cx.text[cx.words[e - 1].range.end..];
    let closed = ["”", "\"", ",”", ",\"", ".”", ".\""]
        .iter()
        .any(|m| after.starts_with(m));
    head.ends_with(['“', '"']) && closed && (e - s >= 2 || determiner)
}
