//! Splitting one whitespace-free chunk into tokens, as spaCy's
//! `Tokenizer._tokenize` does: strip prefixes and suffixes until an exception
//! or nothing is left, keep URLs whole, split the middle at infixes.

use super::Token;
use super::affix::{Infixes, prefix_len, suffix_len};
use super::special::{Specials, specials};
use super::url::is_url;
use crate::model::offsets::ByteRange;

/// Splits chunks of one text, appending tokens to `out`.
pub(super) struct Splitter<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Token>,
    /// Suffixes of the current chunk, innermost last; reused between chunks.
    suffixes: Vec<ByteRange>,
    specials: Option<&'static Specials>,
}

impl<'t, 'o> Splitter<'t, 'o> {
    /// A splitter applying spaCy's English exceptions.
    pub(super) fn new(text: &'t str, out: &'o mut Vec<Token>) -> Self {
        Self {
            text,
            out,
            suffixes: Vec::new(),
            specials: Some(specials()),
        }
    }

    /// A splitter using the affix rules only, which is how spaCy finds out
    /// which exceptions its affix rules would split.
    pub(super) fn without_specials(text: &'t str, out: &'o mut Vec<Token>) -> Self {
        Self {
            text,
            out,
            suffixes: Vec::new(),
            specials: None,
        }
    }

    /// Tokenizes `text[start..end]`: a whitespace run is one token, anything
    /// else goes through the affix rules.
    pub(super) fn chunk(&mut self, start: usize, end: usize, space: bool) {
        let text = self.text;
        // Most chunks are plain words: only an exception (`cannot`, `gonna`)
        // can split those.
        if space || text[start..end].bytes().all(|b| b.is_ascii_alphabetic()) {
            match self.special(&text[start..end]) {
                Some(tokens) if !space => self.push_special(start, tokens),
                _ => self.push(start, end),
            }
            return;
        }
        match self.strip_affixes(start, end) {
            (lo, _, Some(tokens)) => self.push_special(lo, tokens),
            (lo, hi, None) if lo < hi => self.attach(lo, hi),
            _ => {}
        }
        while let Some(suffix) = self.suffixes.pop() {
            self.push(suffix.start, suffix.end);
        }
    }

    /// Marks the last token as followed by a space.
    pub(super) fn mark_space(&mut self) {
        if let Some(last) = self.out.last_mut() {
            last.ws = true;
        }
    }

    fn special(&self, s: &str) -> Option<&'static str> {
        self.specials.and_then(|sp| sp.get(s))
    }

    /// spaCy's `_split_affixes`: pushes prefixes, stacks suffixes, and returns
    /// what is left in the middle, with its tokens when it is an exception.
    fn strip_affixes(
        &mut self,
        mut lo: usize,
        mut hi: usize,
    ) -> (usize, usize, Option<&'static str>) {
        let text = self.text;
        let mut last_len = 0;
        while lo < hi && hi - lo != last_len {
            let s = &text[lo..hi];
            if let Some(tokens) = self.special(s) {
                return (lo, hi, Some(tokens));
            }
            last_len = s.len();
            let pre = prefix_len(s);
            if pre > 0
                && pre < s.len()
                && let Some(tokens) = self.special(&s[pre..])
            {
                self.push(lo, lo + pre);
                return (lo + pre, hi, Some(tokens));
            }
            let suf = suffix_len(&s[pre..]);
            if suf > 0
                && suf < s.len()
                && let Some(tokens) = self.special(&s[..s.len() - suf])
            {
                self.suffixes.push(ByteRange::new(hi - suf, hi));
                return (lo, hi - suf, Some(tokens));
            }
            if pre > 0 {
                self.push(lo, lo + pre);
                lo += pre;
            }
            if suf > 0 {
                self.suffixes.push(ByteRange::new(hi - suf, hi));
                hi -= suf;
            }
        }
        (lo, hi, None)
    }

    /// spaCy's `_attach_tokens` for a middle part that is no exception: a URL,
    /// or the pieces between infixes.
    fn attach(&mut self, lo: usize, hi: usize) {
        let s = &self.text[lo..hi];
        if s.bytes().all(|b| b.is_ascii_alphanumeric()) || is_url(s) {
            self.push(lo, hi);
            return;
        }
        let mut start = 0;
        for (a, b) in Infixes::new(s) {
            if a == 0 {
                continue;
            }
            if a != start {
                self.push(lo + start, lo + a);
            }
            self.push(lo + a, lo + b);
            start = b;
        }
        if start < s.len() {
            self.push(lo + start, hi);
        }
    }

    fn push(&mut self, start: usize, end: usize) {
        self.out.push(Token {
            range: ByteRange::new(start, end),
            ws: false,
        });
    }

    fn push_special(&mut self, at: usize, tokens: &str) {
        push_special(self.out, at, tokens);
    }
}

/// Appends the tokens of an exception starting at byte `at`.
pub(super) fn push_special(out: &mut Vec<Token>, mut at: usize, tokens: &str) {
    for piece in tokens.split(' ') {
        out.push(Token {
            range: ByteRange::new(at, at + piece.len()),
            ws: false,
        });
        at += piece.len();
    }
}
