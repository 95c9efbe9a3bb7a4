//! Word-level tokens of one paragraph for the attribution rules: words (with
//! their inner apostrophes, hyphens and abbreviation dots), single punctuation
//! characters and quotation marks. One pass, one `Vec` per paragraph.
//!
//! Not the model's tokenizer (`model::tokens`, spaCy's rules, for export
//! offsets): this one keeps `U.S.` and `al-Assad` whole and pairs quotation
//! marks, which is what attribution needs, at the engine's speed budget.

use crate::model::tokens::char_at;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits, with inner `’ ' - . &` (`don’t`, `U.S`, `al-Assad`).
    Word,
    /// A double quotation mark: `" “ ” « » „`.
    Double,
    /// A single mark that is not inside a word: `' ‘ ’`.
    Single,
    /// Any other non-space character.
    Punct,
}

/// One token: byte range into the document text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// First char is uppercase.
    pub cap: bool,
}

impl Tok {
    /// The covered text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The first char of the token.
    pub fn first(&self, text: &str) -> char {
        self.text(text).chars().next().unwrap_or(' ')
    }

    /// True for a punctuation token holding exactly `c`.
    pub fn is(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct
            && self.text(text).starts_with(c)
            && self.end - self.start == c.len_utf8()
    }
}

/// True for the double quotation marks we pair.
pub fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '-' | '.' | '&' | '\u{2011}')
}

/// What an ASCII byte is to the tokenizer: 1 a letter or digit, 2 a space.
const CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            1
        } else if matches!(c, b' ' | b'\n' | b'\t' | b'\r' | b'\x0b' | b'\x0c') {
            2
        } else {
            0
        };
        b += 1;
    }
    table
};

/// True for an ASCII letter or digit (a table lookup: the tokenizer's inner loop).
fn alnum(b: &u8) -> bool {
    CLASS.get(usize::from(*b)) == Some(&1)
}

/// Splits `text[range]` into tokens with document byte offsets.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let bytes = slice.as_bytes();
    let mut toks = Vec::with_capacity(slice.len() / 5 + 1);
    let mut prev_space = true;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // ASCII first: spaces, plain words and punctuation need no decoding.
        let class = CLASS.get(usize::from(byte)).copied();
        if class == Some(2) {
            prev_space = true;
            at += 1;
            continue;
        }
        if class == Some(1) {
            let mut stop = at + 1;
            while bytes.get(stop).is_some_and(alnum) {
                stop += 1;
            }
            let plain = bytes
                .get(stop)
                .is_none_or(|&n| n.is_ascii() && !matches!(n, b'\'' | b'-' | b'.' | b'&'));
            let stop = if plain {
                stop
            } else {
                word_end(slice, at, stop)
            };
            toks.push(Tok {
                start: start + at,
                end: start + stop,
                kind: Kind::Word,
                cap: byte.is_ascii_uppercase(),
            });
            at = stop;
            prev_space = false;
            continue;
        }
        if byte.is_ascii() && byte != b'\'' {
            toks.push(Tok {
                start: start + at,
                end: start + at + 1,
                kind: if byte == b'"' {
                    Kind::Double
                } else {
                    Kind::Punct
                },
                cap: false,
            });
            at += 1;
            prev_space = false;
            continue;
        }
        let Some(c) = char_at(slice, at) else {
            break;
        };
        let abs = start + at;
        let len = c.len_utf8();
        if c.is_whitespace() {
            prev_space = true;
            at += len;
            continue;
        }
        let next = || char_at(slice, at + len);
        // `’90s`: an apostrophe standing for digits belongs to the word.
        let apostrophe_digits =
            is_single(c) && prev_space && next().is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || apostrophe_digits {
            let stop = word_end(slice, at, at + len);
            toks.push(Tok {
                start: abs,
                end: start + stop,
                kind: Kind::Word,
                cap: c.is_uppercase(),
            });
            at = stop;
        } else if c == '\'' && next() == Some('\'') {
            // `''Quote,''`: two apostrophes stand for a double mark.
            toks.push(Tok {
                start: abs,
                end: abs + 2,
                kind: Kind::Double,
                cap: false,
            });
            at += 2;
        } else {
            let kind = if is_double(c) {
                Kind::Double
            } else if is_single(c) {
                Kind::Single
            } else {
                Kind::Punct
            };
            toks.push(Tok {
                start: abs,
                end: abs + len,
                kind,
                cap: false,
            });
            at += len;
        }
        prev_space = false;
    }
    toks
}

/// End (byte in `slice`) of the word that starts at `at` and runs at least to
/// `stop`: letters, digits and combining marks, with inner `’ ' - . &` and a
/// plural possessive mark (`Jones’`).
fn word_end(slice: &str, at: usize, mut stop: usize) -> usize {
    let bytes = slice.as_bytes();
    loop {
        // Most of a word is ASCII letters and digits.
        while bytes.get(stop).is_some_and(alnum) {
            stop += 1;
        }
        let Some(n) = char_at(slice, stop) else {
            break;
        };
        let (i, width) = (stop, n.len_utf8());
        if n.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&n) {
            stop = i + width;
            continue;
        }
        if !joins_word(n) {
            break;
        }
        let after = char_at(slice, i + width);
        if after.is_some_and(char::is_alphanumeric) {
            stop = i + width;
            continue;
        }
        if is_single(n) && possessive_s(slice.get(at..i).unwrap_or(""), after) {
            // `Jones’ book`: a plural possessive, not a closing mark.
            stop = i + width;
        }
        break;
    }
    stop
}

/// `Jones’ ` — a word ending in `s` followed by a mark and a space then a
/// lowercase word reads as a plural possessive.
fn possessive_s(word: &str, after: Option<char>) -> bool {
    word.len() > 2 && word.ends_with('s') && after == Some(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn keeps_apostrophes_inside_words() {
        assert_eq!(
            texts("“We don’t,” he said."),
            ["“", "We", "don’t", ",", "”", "he", "said", "."]
        );
        assert_eq!(texts("in the ’90s"), ["in", "the", "’90s"]);
        assert_eq!(
            texts("the U.S. and al-Assad"),
            ["the", "U.S", ".", "and", "al-Assad"]
        );
        assert_eq!(texts("‘Hi’ she"), ["‘", "Hi", "’", "she"]);
        assert_eq!(texts("''Hi,'' he"), ["''", "Hi", ",", "''", "he"]);
    }

    #[test]
    fn plural_possessive_is_not_a_mark() {
        assert_eq!(texts("the Joneses’ house"), ["the", "Joneses’", "house"]);
    }

    #[test]
    fn offsets_round_trip_on_non_ascii() {
        let s = "Ana Díaz — 東京 😀 «Oui»";
        for t in tokenize(s, 0, s.len()) {
            assert!(s.get(t.start..t.end).is_some());
        }
        assert_eq!(
            texts(s),
            ["Ana", "Díaz", "—", "東京", "😀", "«", "Oui", "»"]
        );
    }
}
