//! Tokens: the units selections snap to and exports index. Follows spaCy's
//! English tokenizer (spaCy 3.8, `spacy.blank("en")`) so that our token indices
//! match a spaCy pipeline: whitespace splitting with spaCy's `ws` semantics,
//! prefixes, suffixes, infixes, URLs and the English exceptions.
//!
//! Checked against spaCy 3.8.18 on news articles and on tens of thousands of
//! fuzzed strings of punctuation, emoji, clitics, emoticons, URLs and IP
//! addresses: same tokens, same `ws`. Known differences, both in spaCy's URL
//! rule and far from news text: domain labels over 63 characters still count
//! as a URL here, and chunks over 4 KB skip the check that refuses private IP
//! addresses after a user name.

mod affix;
mod chars;
mod merge;
mod special;
mod split;
mod tables;
mod url;

pub use chars::char_at;

use super::offsets::ByteRange;
use chars::{may_start_space, space_width};
use split::Splitter;

/// One token: a byte range and whether a single space follows it (spaCy's
/// `whitespace_`). Runs of other or further whitespace are tokens of their own,
/// as in spaCy: `"a  b"` is `a`(ws) ` ` `b`, and `"a\n\nb"` is `a` `\n\n` `b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes covered.
    pub range: ByteRange,
    /// True when the token is followed by one space that belongs to no token.
    pub ws: bool,
}

/// Splits `text` into tokens, in linear time; the only allocation is the
/// returned vector (and a small buffer for nested suffixes).
pub fn tokenize(text: &str) -> Vec<Token> {
    // Room for a token every 4 bytes (news text has one every 5 or 6), so a
    // long text is not copied while its vector grows: room never written to
    // costs no memory.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut splitter = Splitter::new(text, &mut tokens);
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut in_ws = space_width(bytes, 0) > 0;
    let mut i = 0;
    while i < bytes.len() {
        if !in_ws {
            let run = bytes[i..].iter().position(|&b| may_start_space(b));
            i += run.unwrap_or(bytes.len() - i);
        }
        let width = space_width(bytes, i);
        if (width > 0) != in_ws {
            if start < i {
                splitter.chunk(start, i, in_ws);
            }
            // One space after a token is its `ws`; the rest of the run is a token.
            if bytes.get(i) == Some(&b' ') {
                splitter.mark_space();
                start = i + 1;
            } else {
                start = i;
            }
            in_ws = width > 0;
        }
        // Bytes inside a multi-byte character never start whitespace.
        i += width.max(1);
    }
    if start < text.len() {
        splitter.chunk(start, text.len(), in_ws);
    }
    merge::merge_specials(text, &mut tokens);
    tokens
}

/// The tokens of `text` without its whitespace tokens: what formats with one
/// word per line (CoNLL, Hugging Face) and phrase matching want. Indices into
/// this list are not spaCy's token indices when the text has extra whitespace.
pub fn words(text: &str) -> Vec<Token> {
    let mut tokens = tokenize(text);
    tokens.retain(|t| !t.is_space(text));
    tokens
}

impl Token {
    /// True for a whitespace token (`"\n\n"`, a second space, `"\u{a0}"`):
    /// tokens are either all whitespace or hold none.
    pub fn is_space(&self, text: &str) -> bool {
        space_width(text.as_bytes(), self.range.start) > 0
    }
}

/// Index of the token containing byte `offset` (or the next one after it).
pub fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.range.end <= offset)
}

/// Widens a range so both edges fall on token boundaries. Given [`words`]
/// rather than [`tokenize`], a selection never grows over a paragraph break.
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
mod tests;
