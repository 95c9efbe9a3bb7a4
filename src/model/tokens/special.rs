//! spaCy's English tokenizer exceptions ("special cases"): `don't` → `do` `n't`,
//! `Mr.` and `U.S.` kept whole, `10am` → `10` `am`, emoticons. The table lives
//! in `assets/tokenizer-exceptions.txt`; it is parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::split::Splitter;

const TABLE: &str = include_str!("../../../assets/tokenizer-exceptions.txt");

/// The tokenizer looks up nearly every chunk, so the table hashes with
/// one-shot XXH3 (fast on short strings) rather than SipHash; its keys are
/// fixed, so there is nothing to defend against.
type Fast = BuildHasherDefault<ShortHasher>;

#[derive(Default)]
struct ShortHasher(u64);

impl Hasher for ShortHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 ^= u64::from(byte);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One exception.
struct Special {
    /// Its tokens, separated by single spaces (a line of the table).
    tokens: &'static str,
    /// Where the affix rules alone would cut it (byte offsets inside it), for
    /// exceptions that contain a prefix, suffix or infix: spaCy's
    /// `_special_matcher` merges those token sequences back afterwards.
    affix_cuts: Option<Vec<usize>>,
}

/// The exception table.
pub(super) struct Specials {
    by_text: HashMap<String, Special, Fast>,
    /// The starts, cut where the affix rules cut, of the exceptions those rules
    /// split (`Mr` of `Mr.`, `:` and `:-` of `:-)`): a token run that is none
    /// of these cannot grow into an exception.
    partial: HashSet<String, Fast>,
    /// Signatures (see [`Filter`]) of the keys: most words are ruled out
    /// without hashing.
    keys: Filter,
    /// Signatures of the partials, kept apart from the keys' because nearly
    /// every token is asked whether it starts a partial.
    partials: Filter,
}

static SPECIALS: LazyLock<Specials> = LazyLock::new(Specials::load);

/// The exception table, parsed on first use.
pub(super) fn specials() -> &'static Specials {
    &SPECIALS
}

impl Specials {
    fn load() -> Self {
        let mut by_text = HashMap::with_hasher(Default::default());
        let mut partial = HashSet::with_hasher(Default::default());
        for line in TABLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("# "))
        {
            let text: String = line.split(' ').collect();
            let affix_cuts = affix_cuts(&text);
            for &cut in affix_cuts.iter().flatten() {
                partial.insert(text[..cut].to_owned());
            }
            by_text.insert(
                text,
                Special {
                    tokens: line,
                    affix_cuts,
                },
            );
        }
        let keys = Filter::of(by_text.keys());
        let partials = Filter::of(partial.iter());
        Self {
            by_text,
            partial,
            keys,
            partials,
        }
    }

    /// The tokens of the exception `s`, space-separated, if it is one.
    pub(super) fn get(&self, s: &str) -> Option<&'static str> {
        if !self.keys.may_hold(s) {
            return None;
        }
        self.by_text.get(s).map(|special| special.tokens)
    }

    /// True when `s` is an exception the affix rules cut exactly at `cuts`
    /// (byte offsets inside `s`): spaCy's `_special_matcher` merges such runs.
    pub(super) fn is_cut_as(&self, s: &str, cuts: impl ExactSizeIterator<Item = usize>) -> bool {
        if !self.keys.may_hold(s) {
            return false;
        }
        let Some(expected) = self.by_text.get(s).and_then(|sp| sp.affix_cuts.as_deref()) else {
            return false;
        };
        expected.len() == cuts.len() && expected.iter().copied().eq(cuts)
    }

    /// True when `s` is how an exception the affix rules split begins.
    pub(super) fn is_partial(&self, s: &str) -> bool {
        self.partials.may_hold(s) && self.partial.contains(s)
    }
}

/// A quick test that rules out most strings that are not in a set: one bit
/// per signature (length, first two bytes and last byte, hashed to
/// [`Filter::BITS`] bits). With about a thousand strings in the set, a word
/// outside it passes one time in fifty.
struct Filter {
    bits: Vec<u64>,
    max_len: usize,
}

impl Filter {
    const BITS: u32 = 16;

    fn of<'s>(strings: impl Iterator<Item = &'s String>) -> Self {
        let mut filter = Self {
            bits: vec![0; 1 << (Self::BITS - 6)],
            max_len: 0,
        };
        for s in strings {
            filter.max_len = filter.max_len.max(s.len());
            let at = Self::signature(s.as_bytes());
            if let Some(word) = filter.bits.get_mut(at / 64) {
                *word |= 1 << (at % 64);
            }
        }
        filter
    }

    #[inline]
    fn signature(bytes: &[u8]) -> usize {
        let byte = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0));
        let last = u32::from(bytes.last().copied().unwrap_or(0));
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let mixed = (byte(0) | byte(1) << 8 | last << 16 | len << 24).wrapping_mul(0x9e37_79b1);
        usize::try_from(mixed >> (32 - Self::BITS)).unwrap_or(0)
    }

    #[inline]
    fn may_hold(&self, s: &str) -> bool {
        if s.is_empty() || s.len() > self.max_len {
            return false;
        }
        let at = Self::signature(s.as_bytes());
        self.bits
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }
}

/// The cuts the affix rules make inside `text` when it holds more than one
/// token by them, as spaCy checks with `find_prefix`/`find_suffix`/`find_infix`.
fn affix_cuts(text: &str) -> Option<Vec<usize>> {
    let mut tokens = Vec::new();
    Splitter::without_specials(text, &mut tokens).chunk(0, text.len(), false);
    let cuts: Vec<usize> = tokens.iter().skip(1).map(|t| t.range.start).collect();
    (!cuts.is_empty()).then_some(cuts)
}
