//! Tokens: the units selections snap to and exports index. Follows spaCy's
//! English rules closely enough that our token indices match a `spacy.blank("en")`
//! pipeline on news text.

use super::offsets::ByteRange;

/// One token: a byte range and whether whitespace follows it (spaCy's `ws`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes covered.
    pub range: ByteRange,
    /// True when the token is followed by whitespace.
    pub ws: bool,
}

/// Characters split off the front of a whitespace-separated chunk.
fn is_prefix(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '¡'
            | '¿'
            | '$'
            | '£'
            | '€'
            | '#'
            | '…'
            | '—'
            | '–'
    )
}

/// Characters split off the end of a whitespace-separated chunk.
fn is_suffix(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '…'
            | '—'
            | '–'
    )
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut offset = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let word = chunk.trim_end_matches(char::is_whitespace);
        split_chunk(text, offset, word, &mut tokens);
        if let Some(last) = tokens.last_mut() {
            last.ws = word.len() < chunk.len() || last.ws;
        }
        offset += chunk.len();
    }
    tokens
}

fn split_chunk(text: &str, offset: usize, word: &str, tokens: &mut Vec<Token>) {
    let mut start = offset;
    let mut end = offset + word.len();
    let mut suffixes = Vec::new();
    while start < end {
        let Some(c) = text[start..end].chars().next() else {
            break;
        };
        if !is_prefix(c) {
            break;
        }
        push(tokens, start, start + c.len_utf8());
        start += c.len_utf8();
    }
    while start < end {
        let Some(c) = text[start..end].chars().next_back() else {
            break;
        };
        let is_abbrev_dot = c == '.' && looks_like_abbreviation(&text[start..end]);
        if !is_suffix(c) || is_abbrev_dot {
            break;
        }
        suffixes.push(ByteRange::new(end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    if start < end {
        push(tokens, start, end);
    }
    for r in suffixes.into_iter().rev() {
        push(tokens, r.start, r.end);
    }
}

fn looks_like_abbreviation(word: &str) -> bool {
    let core = word.trim_end_matches('.');
    (core.contains('.') && core.chars().all(|c| c.is_alphabetic() || c == '.'))
        || matches!(
            core,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Jr"
                | "Sr"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Gen"
                | "Lt"
                | "Col"
                | "Prof"
                | "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
        )
}

fn push(tokens: &mut Vec<Token>, start: usize, end: usize) {
    tokens.push(Token {
        range: ByteRange::new(start, end),
        ws: false,
    });
}

/// Index of the token containing byte `offset` (or the next one after it).
pub fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.range.end <= offset)
}

/// Widens a range so both edges fall on token boundaries.
pub fn snap_to_tokens(tokens: &[Token], range: ByteRange) -> ByteRange {
    let first = tokens.get(token_at(tokens, range.start));
    let last_index = tokens.partition_point(|t| t.range.start < range.end);
    let last = last_index.checked_sub(1).and_then(|i| tokens.get(i));
    match (first, last) {
        (Some(f), Some(l)) if f.range.start < l.range.end => {
            ByteRange::new(f.range.start.min(range.start), l.range.end.max(range.end))
        }
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.range.start..t.range.end])
            .collect()
    }

    #[test]
    fn splits_quotes_and_punctuation() {
        assert_eq!(
            words("“We will,” Mr. Díaz said (in U.S. English)."),
            [
                "“", "We", "will", ",", "”", "Mr.", "Díaz", "said", "(", "in", "U.S.", "English",
                ")", "."
            ]
        );
    }

    #[test]
    fn records_trailing_whitespace() {
        let tokens = tokenize("Hi, you");
        let ws: Vec<bool> = tokens.iter().map(|t| t.ws).collect();
        assert_eq!(ws, [false, true, false]);
    }

    #[test]
    fn snaps_partial_selection_to_whole_tokens() {
        let text = "Antony Blinken said";
        let tokens = tokenize(text);
        let snapped = snap_to_tokens(&tokens, ByteRange::new(2, 9));
        assert_eq!(&text[snapped.start..snapped.end], "Antony Blinken");
    }
}
