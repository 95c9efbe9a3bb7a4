//! Character classes of spaCy's English tokenizer (`spacy/lang/char_classes.py`,
//! spaCy 3.8): which characters count as letters, lower or upper case, symbols,
//! punctuation, quotes and currency when splitting prefixes, suffixes and infixes.
//! The range tables were generated from spaCy's own regular expressions.

/// Punctuation split off both ends of a chunk (`LIST_PUNCT`, minus the `……`
/// ellipsis handled on its own).
const PUNCT: &[char] = &[
    '…', ',', ':', ';', '!', '?', '¿', '؟', '¡', '(', ')', '[', ']', '{', '}', '<', '>', '_', '#',
    '*', '&', '。', '？', '！', '，', '、', '；', '：', '～', '·', '।', '،', '۔', '؛', '٪',
];

/// Quotation marks and brackets split off both ends of a chunk (`LIST_QUOTES`)
/// besides the model's [`QUOTATION_MARKS`], which spaCy's list holds too.
const OTHER_QUOTES: &[char] = &[
    '\'', '`', '‘', '´', '’', '‚', ',', '「', '」', '『', '』', '（', '）', '〔', '〕', '【', '】',
    '《', '》', '〈', '〉', '\u{2329}', '\u{232A}', '⟦', '⟧',
];

use super::tables::{ALPHA, ICONS, UNCASED};
pub(super) use super::tables::{CURRENCY, UNITS};
use crate::model::quote::QUOTATION_MARKS;

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// True for the bytes that can start a whitespace character (see
/// [`space_width`]), so runs of other bytes can be skipped in one tight loop.
#[inline]
pub(super) fn may_start_space(byte: u8) -> bool {
    byte <= b' ' || matches!(byte, 0xc2 | 0xe1 | 0xe2 | 0xe3)
}

/// Byte length of the whitespace character starting at byte `i` of `bytes`, or
/// 0 when none does. Whitespace is Python's `str.isspace`, which spaCy splits
/// on: Unicode white space plus the ASCII separators U+001C–U+001F. Working on
/// bytes keeps the tokenizer's main loop free of UTF-8 decoding.
#[inline]
pub(super) fn space_width(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match next(0) {
        b'\t'..=b'\r' | 0x1c..=b' ' => 1,
        0xc2 if matches!(next(1), 0x85 | 0xa0) => 2,
        0xe1 if next(1) == 0x9a && next(2) == 0x80 => 3,
        0xe2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
        0xe2 if next(1) == 0x81 && next(2) == 0x9f => 3,
        0xe3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// A letter in spaCy's sense.
pub(super) fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_ranges(ALPHA, c))
}

/// A lower-case letter, or a letter of an uncased script (spaCy also counts
/// the caseless phonetic letters `ʔ` and `ʕ` as lower case).
pub(super) fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase()
        || matches!(c, 'ʔ' | 'ʕ')
        || (!c.is_ascii() && in_ranges(ALPHA, c) && (c.is_lowercase() || in_ranges(UNCASED, c)))
}

/// An upper-case letter, or a letter of an uncased script (and the unassigned
/// U+03A2 inside spaCy's `Α-Ω` range).
pub(super) fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase()
        || c == '\u{3a2}'
        || (!c.is_ascii() && in_ranges(ALPHA, c) && (c.is_uppercase() || in_ranges(UNCASED, c)))
}

/// A symbol that is always its own token (emoji, dingbats, ©, …).
pub(super) fn is_icon(c: char) -> bool {
    !c.is_ascii() && in_ranges(ICONS, c)
}

/// A quotation mark or bracket from spaCy's quote list.
pub(super) fn is_quote(c: char) -> bool {
    QUOTATION_MARKS.contains(&c) || OTHER_QUOTES.contains(&c)
}

fn is_punct(c: char) -> bool {
    PUNCT.contains(&c)
}

/// A single character split off the front of a chunk (`+` only when no digit
/// follows, which the caller checks).
pub(super) fn is_prefix(c: char) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(
        c,
        '§' | '%' | '=' | '—' | '–' | '+' | '$' | '£' | '€' | '¥' | '฿' | '₽' | '﷼'
    ) || ('\u{20a0}'..='\u{20bf}').contains(&c)
        || is_punct(c)
        || is_quote(c)
        || is_icon(c)
}

/// A single character split off the end of a chunk wherever it stands.
pub(super) fn is_suffix(c: char) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(c, '—' | '–') || is_punct(c) || is_quote(c) || is_icon(c)
}

/// Characters after which a final `.` is split off (spaCy's
/// `(?<=[0-9{al}{e}{p}(?:{q})])\.` — the class includes the regex syntax
/// characters `|(?:)` that its pattern pastes into the brackets).
pub(super) fn splits_dot_after(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '%' | '²' | '-' | '+' | '|' | '(' | '?' | ':' | ')')
        || is_lower(c)
        || is_punct(c)
        || is_quote(c)
}

/// A regex class (with brackets) matching exactly the [`is_lower`] letters.
pub(super) fn lower_class() -> String {
    let ranges = |table: &[(char, char)]| -> String {
        table
            .iter()
            .map(|&(lo, hi)| format!("\\u{{{:x}}}-\\u{{{:x}}}", u32::from(lo), u32::from(hi)))
            .collect()
    };
    format!(
        "[[{}&&\\p{{Lowercase}}]{}\\u{{294}}\\u{{295}}]",
        ranges(ALPHA),
        ranges(UNCASED)
    )
}

/// The char starting at byte `at` of `s`, read without decoding when it is
/// ASCII: the word splitters of the engines step through text byte by byte
/// and must stay fast. `None` past the end or inside a char.
#[inline]
pub fn char_at(s: &str, at: usize) -> Option<char> {
    match *s.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => s.get(at..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_whitespace_test_agrees_with_python_isspace() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let python = c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let width = space_width(bytes, 0);
            assert_eq!(width, if python { c.len_utf8() } else { 0 }, "{c:?}");
            assert!(width == 0 || may_start_space(bytes[0]), "{c:?}");
        }
    }

    #[test]
    fn letter_classes_follow_spacy_not_unicode() {
        assert!(is_alpha('é') && is_lower('é') && is_upper('Ø') && is_alpha('北'));
        assert!(is_lower('北') && is_upper('北'), "uncased scripts are both");
        assert!(
            !is_alpha('ﬁ') && !is_alpha('ա'),
            "ligatures and Armenian are not ALPHA"
        );
        assert!(is_icon('👍') && is_icon('°') && !is_icon('🏽'));
    }
}
