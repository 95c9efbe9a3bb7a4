//! Splits a paragraph into words with what the entity rules need to know of
//! each: its shape (capitalised, all caps, lowercase), whether it opens a
//! sentence, and whether only spaces separate it from the word before.
//! Possessive `’s` is left out of the word; `U.S.`, `Jong-un`, `O’Brien`,
//! `al-Assad` and `AT&T` are single words. The model's tokenizer
//! (`model::tokens`, spaCy's rules, for export offsets) splits those; the
//! rules' word list (`suggest::rules::words`) also keeps punctuation and
//! quotation marks as tokens. Three splitters for three jobs, sharing the
//! model's byte-wise `char_at`.

mod shape;

pub use shape::Shape;
use shape::shape_of;

use crate::model::{ByteRange, tokens};

/// One word of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Bytes of the word in the document text.
    pub range: ByteRange,
    /// Case pattern.
    pub shape: Shape,
    /// First word of a sentence (or of a quotation, or after a colon).
    pub starts_sentence: bool,
    /// Only spaces (no punctuation, no line break) separate it from the word before.
    pub joined: bool,
    /// A possessive `’s` or `'s` follows the word.
    pub possessive: bool,
}

impl Word {
    /// The word's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.range.slice(text).unwrap_or("")
    }

    /// Capitalised or all caps: may be part of a name.
    pub fn is_capital(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper)
    }
}

/// Abbreviations whose final dot belongs to the word (beyond initials like `U.S.`).
const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Fr", "Sr", "Jr", "St", "Sen", "Rep", "Gov",
    "Lt", "Gen", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Insp", "Supt", "Det",
    "Inc", "Corp", "Co", "Ltd", "Mt", "Ft", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Titles after which a capitalised word never starts a sentence.
const NEVER_ENDS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Fr", "St", "Sen", "Rep", "Gov", "Lt", "Gen",
    "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Insp", "Supt", "Det", "Mt", "Ft",
    "No", "vs",
];

/// Words that start a new sentence after an abbreviation such as `U.S.` or `Inc.`.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "After",
    "When",
    "While",
    "If",
    "As",
    "However",
    "Meanwhile",
];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General Punctuation (curly quotes, dashes, odd spaces) holds no
        // letter or digit: skip the Unicode table lookups for it.
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The char at byte `at` of `s` and its length (`'\0'`, 1 past the end).
fn char_at(s: &str, at: usize) -> (char, usize) {
    tokens::char_at(s, at).map_or(('\0', 1), |c| (c, c.len_utf8()))
}

/// Splits `text[range]` into words; offsets are into `text`.
pub fn split(text: &str, range: ByteRange) -> Vec<Word> {
    let Some(para) = range.slice(text) else {
        return Vec::new();
    };
    let mut words: Vec<Word> = Vec::with_capacity(para.len() / 6);
    let mut sentence_start = true;
    let mut joined = false;
    let mut at = 0;
    while at < para.len() {
        let (c, len) = char_at(para, at);
        if !is_word_char(c) {
            match c {
                // `Johnson & Johnson`: a spaced ampersand joins like a space.
                ' ' | '\u{a0}' | '\t' | '&' => {}
                '.' | '!' | '?' | '…' | ':' => {
                    sentence_start = true;
                    joined = false;
                }
                '“' | '«' | '„' | '—' | '–' => {
                    // An opening mark or a dash: what follows reads as a new sentence.
                    sentence_start = true;
                    joined = false;
                }
                '"' | '‘' => {
                    sentence_start = sentence_start || at_open(para, at);
                    joined = false;
                }
                _ => joined = false,
            }
            at += len;
            continue;
        }
        let start = at;
        let (mut end, possessive) = word_end(para, start, start + len);
        // A closing dot that belongs to the word: initials and listed abbreviations.
        if !possessive && para[end..].starts_with('.') {
            let w = &para[start..end];
            if single_letter_segment(w) || DOTTED.contains(&w) {
                end += 1;
            }
        }
        let word_text = &para[start..end];
        if let Some(prev) = words.last() {
            let prev_text = prev.text(text);
            if prev_text.ends_with('.')
                && prev.range.end == range.start + last_gap_start(para, start)
            {
                // The dot was eaten by the abbreviation: decide whether it also ends the sentence.
                let prev_core = prev_text.trim_end_matches('.');
                sentence_start = !NEVER_ENDS.contains(&prev_core) && STARTERS.contains(&word_text);
            }
        }
        words.push(Word {
            range: ByteRange::new(range.start + start, range.start + end),
            shape: shape_of(word_text),
            starts_sentence: sentence_start,
            joined: joined && !words.is_empty(),
            possessive,
        });
        sentence_start = false;
        joined = !possessive;
        at = end;
        if possessive {
            // Skip the apostrophe and the `s`.
            at += char_at(para, at).1 + 1;
        }
    }
    words
}

/// Where the word starting at `start` (read up to `at`) ends, and whether a possessive
/// `’s` follows it. Hyphens, ampersands, apostrophes and initials' dots
/// between word characters stay inside.
fn word_end(para: &str, start: usize, mut at: usize) -> (usize, bool) {
    let bytes = para.as_bytes();
    while at < para.len() {
        // Most of a word is ASCII letters and digits.
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
        if at >= para.len() {
            break;
        }
        let (ch, len) = char_at(para, at);
        if is_word_char(ch) {
            at += len;
            continue;
        }
        let rest = &para[at + len..];
        let next_is_word = rest.chars().next().is_some_and(is_word_char);
        if is_apostrophe(ch) && next_is_word {
            let after_s = rest.get(1..).and_then(|r| r.chars().next());
            if rest.starts_with(['s', 'S']) && !after_s.is_some_and(is_word_char) {
                return (at, true);
            }
        } else if !(matches!(ch, '-' | '&') && next_is_word
            || ch == '.' && next_is_word && single_letter_segment(&para[start..at]))
        {
            break;
        }
        at += len;
    }
    (at, false)
}

/// Where the run of spaces before `at` starts (the end of the previous word).
fn last_gap_start(para: &str, at: usize) -> usize {
    para[..at].trim_end_matches([' ', '\u{a0}', '\t']).len()
}

/// True when a quote mark at `at` opens a quotation (start of text or after a space or bracket).
fn at_open(para: &str, at: usize) -> bool {
    para[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'))
}

/// True when the text since the last dot is a single letter: `U`, `U.S`.
fn single_letter_segment(w: &str) -> bool {
    let last = w.rsplit('.').next().unwrap_or(w);
    let mut chars = last.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Shape, bool, bool)> {
        split(text, ByteRange::new(0, text.len()))
            .iter()
            .map(|w| (w.text(text), w.shape, w.starts_sentence, w.joined))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_and_compounds_whole() {
        let got: Vec<&str> = words("U.S. envoy Kim Jong-un met al-Assad at AT&T in D.C. today.")
            .iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            got,
            [
                "U.S.", "envoy", "Kim", "Jong-un", "met", "al-Assad", "at", "AT&T", "in", "D.C.",
                "today"
            ]
        );
    }

    #[test]
    fn leaves_possessive_out_and_breaks_the_join() {
        let text = "China’s envoy met Blinken's aide.";
        let w = split(text, ByteRange::new(0, text.len()));
        assert_eq!(w[0].text(text), "China");
        assert!(w[0].possessive);
        assert_eq!(w[1].text(text), "envoy");
        assert!(!w[1].joined);
        assert_eq!(w[3].text(text), "Blinken");
    }

    #[test]
    fn marks_sentence_starts() {
        let got = words("He left. After that, “We won,” Mr. Smith said: Then U.S. The end");
        let starts: Vec<&str> = got.iter().filter(|w| w.2).map(|w| w.0).collect();
        assert_eq!(starts, ["He", "After", "We", "Then", "The"]);
    }

    #[test]
    fn tells_shapes_apart() {
        let got = words("FBI Beijing said 2023 iPhone BEIJING A");
        let shapes: Vec<Shape> = got.iter().map(|w| w.1).collect();
        use Shape::*;
        assert_eq!(shapes, [Upper, Cap, Lower, Number, Cap, Upper, Cap]);
    }

    #[test]
    fn joins_only_across_spaces() {
        let got = words("New York, Paris (France) Big\nApple");
        let joined: Vec<bool> = got.iter().map(|w| w.3).collect();
        assert_eq!(joined, [false, true, false, false, false, false]);
    }

    #[test]
    fn survives_text_without_letters_and_non_ascii() {
        assert!(words("… — !!! 。").is_empty());
        let got = words("Émile Zoë’s café 東京");
        assert_eq!(got[0].0, "Émile");
        assert_eq!(got[1].0, "Zoë");
        assert_eq!(got[3].0, "東京");
    }
}
