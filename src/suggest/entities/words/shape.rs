//! The case pattern of a word (capitalised, all caps, lowercase, number),
//! with a one-pass fast path for ASCII words checked against the general one.

/// The case pattern of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `Beijing`, `McDonald`, `al-Assad`, `iPhone`.
    Cap,
    /// `FBI`, `U.S.`, `BEIJING`: two or more letters, none lowercase.
    Upper,
    /// `said`.
    Lower,
    /// Starts with a digit: `2023`, `501st`.
    Number,
}

/// The shape of one word.
pub(super) fn shape_of(w: &str) -> Shape {
    ascii_shape(w).unwrap_or_else(|| unicode_shape(w))
}

/// [`shape_of`] for any word.
fn unicode_shape(w: &str) -> Shape {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    if first.is_numeric() {
        return Shape::Number;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = w.chars().any(char::is_lowercase);
    if first.is_uppercase() {
        return if letters >= 2 && !has_lower {
            Shape::Upper
        } else {
            Shape::Cap
        };
    }
    // `al-Assad`, `el-Sisi`: an Arabic article before a capital; `iPhone`, `eBay`.
    let prefix_len = w.find(|c: char| !c.is_lowercase()).unwrap_or(w.len());
    let (prefix, rest) = w.split_at(prefix_len);
    let article = ARTICLES.contains(&prefix);
    let capital_next = |r: &str| r.chars().next().is_some_and(char::is_uppercase);
    if (article && rest.strip_prefix('-').is_some_and(capital_next))
        || (prefix.chars().nth(1).is_none() && !prefix.is_empty() && capital_next(rest))
    {
        return Shape::Cap;
    }
    Shape::Lower
}

/// Arabic articles that may open a name: `al-Assad`, `el-Sisi`.
const ARTICLES: [&str; 10] = ["al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ul"];

/// [`shape_of`] for an ASCII word, in one pass over its bytes; `None` for
/// anything else.
fn ascii_shape(w: &str) -> Option<Shape> {
    let bytes = w.as_bytes();
    let first = *bytes.first()?;
    // One pass: letters, any lowercase, and the run of lowercase letters first.
    let (mut letters, mut has_lower, mut prefix, mut in_prefix) = (0, false, 0, true);
    for &b in bytes {
        if !b.is_ascii() {
            return None;
        }
        let lower = b.is_ascii_lowercase();
        letters += usize::from(b.is_ascii_alphabetic());
        has_lower |= lower;
        in_prefix &= lower;
        prefix += usize::from(in_prefix);
    }
    if first.is_ascii_digit() {
        return Some(Shape::Number);
    }
    if first.is_ascii_uppercase() {
        return Some(if letters >= 2 && !has_lower {
            Shape::Upper
        } else {
            Shape::Cap
        });
    }
    if !first.is_ascii_lowercase() {
        return None;
    }
    let (article, rest) = w.split_at(prefix);
    let capital_next = |r: &str| r.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    let cap = (prefix == 1 && capital_next(rest))
        || (!rest.is_empty()
            && ARTICLES.contains(&article)
            && rest.strip_prefix('-').is_some_and(capital_next));
    Some(if cap { Shape::Cap } else { Shape::Lower })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shapes_agree_with_unicode_shapes_on_the_samples() {
        let mut seen = 0;
        for doc in crate::formats::samples::articles().unwrap() {
            let text = doc.text();
            for w in super::super::split(text, crate::model::ByteRange::new(0, text.len())) {
                if let Some(shape) = ascii_shape(w.text(text)) {
                    assert_eq!(shape, unicode_shape(w.text(text)), "{}", w.text(text));
                    seen += 1;
                }
            }
        }
        assert!(seen > 5_000, "{seen}");
    }

    #[test]
    fn general_punctuation_holds_no_word_char() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        let cases = [
            ("Beijing", Shape::Cap),
            ("FBI", Shape::Upper),
            ("U.S.", Shape::Upper),
            ("A", Shape::Cap),
            ("2023", Shape::Number),
            ("501st", Shape::Number),
            ("AT&T", Shape::Upper),
            ("X1", Shape::Cap),
            ("said", Shape::Lower),
            ("iPhone", Shape::Cap),
            ("eBay", Shape::Cap),
            ("al-Assad", Shape::Cap),
            ("el-sisi", Shape::Lower),
            ("ab-Cd", Shape::Lower),
            ("well-Known", Shape::Lower),
            ("x", Shape::Lower),
        ];
        for (w, shape) in cases {
            assert_eq!(ascii_shape(w), Some(shape), "{w}");
            assert_eq!(unicode_shape(w), shape, "{w}");
            let accented = format!("{w}é");
            assert_eq!(ascii_shape(&accented), None);
        }
    }
}
