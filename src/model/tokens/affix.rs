//! Prefix, suffix and infix rules of spaCy's English tokenizer
//! (`spacy/lang/punctuation.py`, `spacy/lang/en/punctuation.py`), written as
//! plain character tests instead of regular expressions. Each function looks
//! only inside the slice it is given, as spaCy's regexes do, and runs in time
//! bounded by what it matches, so splitting a long chunk stays linear.

use super::chars::{
    CURRENCY, UNITS, is_alpha, is_icon, is_lower, is_prefix, is_quote, is_suffix, is_upper,
    splits_dot_after,
};

/// Longest unit or currency after a number, in bytes.
const MAX_UNIT_BYTES: usize = {
    let (units, currency) = (longest(UNITS), longest(CURRENCY));
    if units > currency { units } else { currency }
};

const fn longest(list: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > max {
            max = list[i].len();
        }
        i += 1;
    }
    max
}

/// Hyphens an infix may be, in spaCy's order: the first that is followed by a
/// letter wins.
const HYPHENS: &[&str] = &["-", "–", "—", "--", "---", "——", "~"];

/// Byte length of the prefix spaCy splits off the front of `s`, or 0.
pub(super) fn prefix_len(s: &str) -> usize {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    match first {
        '.' => dot_run(s),
        '+' if chars.next().is_some_and(|c| c.is_ascii_digit()) => 0,
        'U' | 'C' | 'A' => ["US$", "C$", "A$"]
            .iter()
            .find(|p| s.starts_with(*p))
            .map_or(0, |p| p.len()),
        c if is_prefix(c) => c.len_utf8(),
        _ => 0,
    }
}

/// Byte length of the suffix spaCy splits off the end of `s`, or 0. spaCy's
/// suffix regex is searched leftmost-first, so the longest matching rule wins.
pub(super) fn suffix_len(s: &str) -> usize {
    let mut rev = s.chars().rev();
    let Some(last) = rev.next() else {
        return 0;
    };
    if last.is_ascii_alphanumeric() {
        // Only `'s` and a unit after a number end in a letter or digit.
        let possessive = if matches!(last, 's' | 'S') {
            ["'s", "'S", "’s", "’S"].iter().find(|p| s.ends_with(*p))
        } else {
            None
        };
        return possessive.map_or(0, |p| p.len()).max(after_number(s));
    }
    let before = rev.next();
    let before2 = rev.next();
    let mut best = if is_suffix(last) { last.len_utf8() } else { 0 };
    if last == '.' {
        let run = s.len() - s.trim_end_matches('.').len();
        let after_upper_pair = before.is_some_and(is_upper) && before2.is_some_and(is_upper);
        if run >= 2 {
            best = best.max(run);
        } else if after_upper_pair
            || before.is_some_and(|b| splits_dot_after(b) || degree_unit(b, before2))
        {
            best = best.max(1);
        }
    }
    if s.ends_with("……") {
        best = best.max("……".len());
    }
    best.max(after_number(s))
}

/// `°C.`: the period after a temperature unit.
fn degree_unit(unit: char, before: Option<char>) -> bool {
    matches!(unit, 'F' | 'f' | 'C' | 'c' | 'K' | 'k') && before == Some('°')
}

/// A unit, currency sign or `+` right after a digit (`5km`, `5$`, `5+`). No
/// unit holds a digit, so the unit is all that follows the last digit.
fn after_number(s: &str) -> usize {
    let from = s.len().saturating_sub(MAX_UNIT_BYTES + 1);
    let Some(digit) = s.as_bytes()[from..].iter().rposition(u8::is_ascii_digit) else {
        return 0;
    };
    let tail = &s[from + digit + 1..];
    if tail.is_empty() {
        return 0;
    }
    let known = tail == "+" || UNITS.contains(&tail) || CURRENCY.contains(&tail);
    if known { tail.len() } else { 0 }
}

/// Length of a run of two or more periods at the start of `s`, or 0.
fn dot_run(s: &str) -> usize {
    let run = s.len() - s.trim_start_matches('.').len();
    if run >= 2 { run } else { 0 }
}

/// The infixes spaCy splits inside a chunk, as byte ranges, leftmost first and
/// never overlapping (Python's `re.finditer`).
pub(super) struct Infixes<'s> {
    s: &'s str,
    pos: usize,
}

impl<'s> Infixes<'s> {
    /// Infixes of `s`.
    pub(super) fn new(s: &'s str) -> Self {
        Self { s, pos: 0 }
    }
}

impl Iterator for Infixes<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(c) = self.s.get(self.pos..).and_then(|rest| rest.chars().next()) {
            let start = self.pos;
            if let Some(len) = infix_at(self.s, start, c) {
                self.pos = start + len;
                return Some((start, start + len));
            }
            self.pos += c.len_utf8();
        }
        None
    }
}

/// Length of the infix starting at byte `at` (where `c` stands), trying spaCy's
/// alternatives in its order.
fn infix_at(s: &str, at: usize, c: char) -> Option<usize> {
    if c.is_ascii_alphanumeric() {
        return None;
    }
    let before = s[..at].chars().next_back();
    let rest = &s[at..];
    let after = |len: usize| rest[len..].chars().next();
    if c == '.' {
        let run = dot_run(rest);
        if run > 0 {
            return Some(run);
        }
    }
    if c == '…' || is_icon(c) {
        return Some(c.len_utf8());
    }
    let before = before?;
    let one = c.len_utf8();
    match c {
        '+' | '-' | '*' | '^'
            if before.is_ascii_digit()
                && after(one).is_some_and(|a| a.is_ascii_digit() || a == '-') =>
        {
            return Some(one);
        }
        '.' if (is_lower(before) || is_quote(before))
            && after(one).is_some_and(|a| is_upper(a) || is_quote(a)) =>
        {
            return Some(one);
        }
        ',' if is_alpha(before) && after(one).is_some_and(is_alpha) => return Some(one),
        _ => {}
    }
    let hyphen = matches!(c, '-' | '–' | '—' | '~');
    let symbol = matches!(c, ':' | '<' | '>' | '=' | '/');
    if !(hyphen || symbol) || !(is_alpha(before) || before.is_ascii_digit()) {
        return None;
    }
    if let Some(h) = HYPHENS
        .iter()
        .find(|h| rest.starts_with(**h) && after(h.len()).is_some_and(is_alpha))
    {
        return Some(h.len());
    }
    (symbol && after(one).is_some_and(is_alpha)).then_some(one)
}
