//! DATE mentions, after the OntoNotes conventions spaCy follows, kept to
//! the forms that are dates beyond doubt:
//! - weekdays (`Tuesday`, `Mondays`, `last Friday`), extended over a
//!   following date (`Friday, July 21, 2017`);
//! - month and day, with or without year (`March 3`, `March 3, 2024`,
//!   `3 March 2024`, `Sept. 3rd`), month and year (`March 2024`);
//! - a month alone only after a word that makes it a time (`in March`,
//!   `early March`, `since May`);
//! - years after a preposition of time (`in 2019`, `since 1998`), decades
//!   (`the 1990s`), ISO dates (`2024-03-05`);
//! - the relative dates OntoNotes marks: `yesterday`, `today`, `tomorrow`,
//!   `last`/`next`/`this`/`earlier this`/`the past` + `week`, `month`,
//!   `year`, `weekend`, `decade` or a season, and `two years ago`.
//!
//! Left out, as TIME or too often not a date: times of day (`9 a.m.`,
//! `Tuesday night` gives `Tuesday`), bare durations (`for three years`),
//! `now`, `recently`, holidays, seasons alone, numeric dates such as
//! `3/4/2024` whose order is ambiguous.
//!
//! One Aho-Corasick pass finds the month, weekday and relative words, one
//! byte scan finds four-digit years; nothing is allocated per word.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::ByteRange;

/// What a trigger word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Month,
    Weekday,
    /// `yesterday`, `today`, `tomorrow`: a date alone.
    Day,
    /// `week`, `month`, `year`: a date after `last`, `next`, `this`, `ago`.
    Period,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations newswires write (AP style), with their dot.
const MONTH_ABBREVIATIONS: [&str; 9] = [
    "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Apr.",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const DAYS: [&str; 6] = [
    "yesterday",
    "today",
    "tomorrow",
    "Yesterday",
    "Today",
    "Tomorrow",
];

const PERIODS: [&str; 9] = [
    "week", "weekend", "month", "year", "decade", "spring", "summer", "autumn", "winter",
];

/// Words after which a month alone or a year is a date: `in March`, `since 2019`.
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "through", "early",
    "late", "mid", "In", "Since", "Until", "By", "From", "During", "Before", "After", "Early",
    "Late",
];

/// Words opening a relative date: `last week`, `next year`, `this month`.
const RELATIVE: &[&str] = &[
    "last", "next", "this", "Last", "Next", "This", "past", "coming",
];

/// Counts before `ago`: `two years ago`, `a week ago`.
const COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "several", "few",
];

struct Triggers {
    automaton: AhoCorasick,
    kinds: Vec<Kind>,
}

static TRIGGERS: LazyLock<Option<Triggers>> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    let mut add = |p: &str, k: Kind| {
        patterns.push(p.to_owned());
        kinds.push(k);
    };
    for m in MONTHS.iter().chain(MONTH_ABBREVIATIONS.iter()) {
        add(m, Kind::Month);
    }
    for d in WEEKDAYS {
        add(d, Kind::Weekday);
        add(&format!("{d}s"), Kind::Weekday);
    }
    for d in DAYS {
        add(d, Kind::Day);
    }
    for p in PERIODS {
        add(p, Kind::Period);
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some(Triggers { automaton, kinds })
});

/// The DATE mentions of `text`, sorted and not overlapping, none inside `skip`.
pub fn find(text: &str, skip: &[ByteRange]) -> Vec<ByteRange> {
    let mut found = Vec::new();
    if let Some(t) = TRIGGERS.as_ref() {
        for m in t.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let kind = t.kinds.get(m.pattern().as_usize()).copied();
            // `years ago`: a period word may take a plural `s`.
            let plural = kind == Some(Kind::Period) && text[e..].starts_with('s');
            if !boundary_before(text, s) || !boundary_after(text, e + usize::from(plural)) {
                continue;
            }
            let date = match kind {
                Some(Kind::Month) => month(text, s, e),
                Some(Kind::Weekday) => Some(weekday(text, s, e)),
                Some(Kind::Day) => Some(ByteRange::new(s, e)),
                Some(Kind::Period) => period(text, s, e),
                None => None,
            };
            found.extend(date);
        }
    }
    years(text, &mut found);
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<ByteRange> = Vec::with_capacity(found.len());
    for r in found {
        if out.last().is_some_and(|l| l.end > r.start) || skip.iter().any(|s| s.overlaps(&r)) {
            continue;
        }
        out.push(r);
    }
    out
}

fn boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The word ending right before `at` (one space between), if any.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text[..at]
        .strip_suffix(' ')
        .or_else(|| text[..at].strip_suffix('-'))?;
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &head[start..];
    (!word.is_empty()).then_some((start, word))
}

/// The ASCII digits starting at `at` after the bytes `sep`, as (end, value).
fn number_after(text: &str, at: usize, sep: &str, max_digits: usize) -> Option<(usize, u32)> {
    let start = at + sep.len();
    if !text[at..].starts_with(sep) {
        return None;
    }
    let digits = text.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > max_digits || !boundary_after(text, start + digits) {
        return None;
    }
    let value = text[start..start + digits].parse().ok()?;
    Some((start + digits, value))
}

/// A day of the month after `at` (` 3`, ` 3rd`), as its end.
fn day_after(text: &str, at: usize) -> Option<usize> {
    let start = at + 1;
    if !text[at..].starts_with(' ') {
        return None;
    }
    let digits = text.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let day: u32 = text.get(start..start + digits)?.parse().ok()?;
    if digits == 0 || digits > 2 || !(1..=31).contains(&day) {
        return None;
    }
    let mut end = start + digits;
    if let Some(suffix) = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| text[end..].starts_with(**s))
    {
        end += suffix.len();
    }
    boundary_after(text, end).then_some(end)
}

/// A year after `at` (` 2024`, `, 2024`), as its end.
fn year_after(text: &str, at: usize) -> Option<usize> {
    [" ", ", "].iter().find_map(|sep| {
        number_after(text, at, sep, 4)
            .filter(|&(end, y)| end - at - sep.len() == 4 && (1000..=2199).contains(&y))
            .map(|(end, _)| end)
    })
}

/// `March 3`, `March 3, 2024`, `3 March 2024`, `March 2024`, `in March`.
fn month(text: &str, s: usize, e: usize) -> Option<ByteRange> {
    // `Sept.` ends with its dot; the boundary check saw the dot.
    let mut start = s;
    if let Some((ds, d)) = word_before(text, s)
        && d.len() <= 2
        && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    {
        // `3 March`, `3 March 2024`.
        start = ds;
        return Some(ByteRange::new(start, year_after(text, e).unwrap_or(e)));
    }
    if let Some(day_end) = day_after(text, e) {
        return Some(ByteRange::new(
            start,
            year_after(text, day_end).unwrap_or(day_end),
        ));
    }
    if let Some(year_end) = year_after(text, e).filter(|_| text[e..].starts_with(' ')) {
        return Some(ByteRange::new(start, year_end));
    }
    let (ws, w) = word_before(text, s)?;
    let may = &text[s..e] == "May";
    if TIME_PREPOSITIONS.contains(&w) && !(may && matches!(w, "by" | "By")) {
        if matches!(w, "early" | "late" | "mid" | "Early" | "Late") {
            start = ws;
        }
        return Some(ByteRange::new(start, e));
    }
    if matches!(w, "last" | "next" | "this" | "Last" | "Next" | "This") {
        return Some(ByteRange::new(ws, e));
    }
    None
}

/// `Tuesday`, `last Friday`, `Friday, July 21, 2017`.
fn weekday(text: &str, s: usize, e: usize) -> ByteRange {
    let start = match word_before(text, s) {
        Some((ws, "last" | "next" | "this" | "Last" | "Next" | "This")) => ws,
        _ => s,
    };
    let after_comma = e + 2;
    let end = if text[e..].starts_with(", ")
        && let Some(m) = TRIGGERS
            .as_ref()
            .and_then(|t| t.automaton.find(&text[after_comma..]))
            .filter(|m| m.start() == 0)
            .and_then(|m| month(text, after_comma, after_comma + m.end()))
            .filter(|m| m.end > after_comma + 3)
    {
        m.end
    } else {
        e
    };
    ByteRange::new(start, end)
}

/// `last week`, `this year`, `earlier this month`, `the past decade`, `two years ago`.
fn period(text: &str, s: usize, e: usize) -> Option<ByteRange> {
    // `two years ago`: the plural before `ago`.
    let plural_end = if text[e..].starts_with('s') { e + 1 } else { e };
    if let Some(ago_end) = text[plural_end..]
        .starts_with(" ago")
        .then_some(plural_end + 4)
        .filter(|&a| boundary_after(text, a))
    {
        let (cs, count) = word_before(text, s)?;
        let numeric = count.bytes().all(|b| b.is_ascii_digit()) && count.len() <= 3;
        let counted = COUNTS.iter().any(|c| c.eq_ignore_ascii_case(count));
        return (counted || numeric).then_some(ByteRange::new(cs, ago_end));
    }
    let (ws, w) = word_before(text, s)?;
    if plural_end != e || !RELATIVE.contains(&w) {
        return None;
    }
    let mut start = ws;
    match w {
        "past" | "coming" => {
            let (ts, t) = word_before(text, ws)?;
            if !matches!(t, "the" | "The") {
                return None;
            }
            start = ts;
        }
        "this" => {
            if let Some((ts, "earlier" | "later" | "Earlier" | "Later")) = word_before(text, ws) {
                start = ts;
            }
        }
        _ => {}
    }
    Some(ByteRange::new(start, e))
}

/// Years in date context (`in 2019`, `since 1998`), decades (`the 1990s`)
/// and ISO dates (`2024-03-05`) found by one scan over the digits.
fn years(text: &str, out: &mut Vec<ByteRange>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start != 4 || !boundary_before(text, start) {
            continue;
        }
        let Ok(year) = text[start..i].parse::<u32>() else {
            continue;
        };
        if !(1000..=2199).contains(&year) {
            continue;
        }
        if let Some((m_end, month)) = number_after(text, i, "-", 2)
            && let Some((d_end, day)) = number_after(text, m_end, "-", 2)
            && m_end - i == 3
            && d_end - m_end == 3
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            out.push(ByteRange::new(start, d_end));
            i = d_end;
            continue;
        }
        if bytes.get(i) == Some(&b's') && year % 10 == 0 && boundary_after(text, i + 1) {
            let from = match word_before(text, start) {
                Some((ts, "the" | "The")) => ts,
                _ => start,
            };
            out.push(ByteRange::new(from, i + 1));
            continue;
        }
        // `2004–2009`, `2019.5`: a range or a number, not a year alone.
        let joined_number = ["-", "–", ".", ","]
            .iter()
            .any(|j| text[i..].starts_with(j) && digit_at(bytes, i + j.len()));
        if !boundary_after(text, i) || joined_number {
            continue;
        }
        if word_before(text, start).is_some_and(|(_, w)| TIME_PREPOSITIONS.contains(&w)) {
            out.push(ByteRange::new(start, i));
        }
    }
}

fn digit_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests;
