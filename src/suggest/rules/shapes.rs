//! Fast lookups in the small word lexicons: a shape filter (length, first and
//! last byte) turns most words of a text away before they are lowercased and
//! hashed, and [`WordSet`] puts the filter in front of a hash set.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the lexicons hold short ASCII words, for which SipHash's
/// protection against crafted keys costs more than the lookup itself.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Hasher for the word lexicons.
pub type Fast = BuildHasherDefault<Fnv>;

/// A set of word shapes (length, first and last byte, ASCII-case-folded,
/// each cut to 5 bits): a word whose shape is missing is in no lexicon
/// that built the set. Never turns away a word the set was built from.
pub struct ShapeFilter([u64; 512]);

impl ShapeFilter {
    /// An empty filter.
    pub fn new() -> Self {
        Self([0; 512])
    }

    /// The bit of a word: `None` for an empty word.
    fn bit(word: &[u8]) -> Option<usize> {
        let fold = |b: &u8| usize::from(b.to_ascii_lowercase() & 31);
        let (first, last) = (fold(word.first()?), fold(word.last()?));
        Some(((word.len() & 31) << 10) | (first << 5) | last)
    }

    /// Adds a word's shape.
    pub fn insert(&mut self, word: &[u8]) {
        if let Some(bit) = Self::bit(word)
            && let Some(slot) = self.0.get_mut(bit / 64)
        {
            *slot |= 1 << (bit % 64);
        }
    }

    /// False when no word of the set has this word's shape.
    pub fn may_hold(&self, word: &[u8]) -> bool {
        Self::bit(word)
            .and_then(|bit| self.0.get(bit / 64).map(|slot| slot >> (bit % 64) & 1 == 1))
            .unwrap_or(false)
    }
}

/// Lowercases an ASCII word into `buf`; `None` for long or non-ASCII words,
/// which no lexicon holds.
pub fn lower_bytes<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    if !word.is_ascii() {
        return None;
    }
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// A lowercase ASCII word list looked up in any case.
pub struct WordSet {
    shapes: ShapeFilter,
    words: HashSet<&'static [u8], Fast>,
}

impl WordSet {
    /// The set of `words` (lowercase).
    pub fn new<I: IntoIterator<Item = &'static str>>(words: I) -> Self {
        let mut set = Self {
            shapes: ShapeFilter::new(),
            words: HashSet::default(),
        };
        for w in words {
            set.shapes.insert(w.as_bytes());
            set.words.insert(w.as_bytes());
        }
        set
    }

    /// The set of the whitespace-separated words of `list`.
    pub fn of(list: &'static str) -> Self {
        Self::new(list.split_whitespace())
    }

    /// True when `word`, lowercased, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        if !self.shapes.may_hold(word.as_bytes()) {
            return false;
        }
        let mut buf = [0u8; 32];
        lower_bytes(word, &mut buf).is_some_and(|w| self.words.contains(w))
    }
}

/// A lowercase ASCII word list with a value per word, looked up in any case.
pub struct WordMap<V> {
    shapes: ShapeFilter,
    words: HashMap<&'static [u8], V, Fast>,
}

impl<V: Copy> WordMap<V> {
    /// The map of `(word, value)` pairs; the first value of a word wins.
    pub fn new<I: IntoIterator<Item = (&'static str, V)>>(pairs: I) -> Self {
        let mut map = Self {
            shapes: ShapeFilter::new(),
            words: HashMap::default(),
        };
        for (w, v) in pairs {
            map.shapes.insert(w.as_bytes());
            map.words.entry(w.as_bytes()).or_insert(v);
        }
        map
    }

    /// The value of `word`, lowercased.
    pub fn get(&self, word: &str) -> Option<V> {
        if !self.shapes.may_hold(word.as_bytes()) {
            return None;
        }
        let mut buf = [0u8; 32];
        self.words.get(lower_bytes(word, &mut buf)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_keeps_every_word_in_any_case() {
        let set = WordSet::of("said told according");
        for w in ["said", "SAID", "Told", "according"] {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("sad"));
        assert!(!set.contains(""));
        assert!(!set.contains("déclaré"));
    }
}
