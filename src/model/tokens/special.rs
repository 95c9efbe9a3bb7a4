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
    /// Bit `last` of row `first` is set when some key or partial starts with
    /// byte `first` and ends with byte `last`: most words are ruled out
    /// without hashing.
    ends: Vec<[u64; 4]>,
    max_len: usize,
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
        let max_len = by_text.keys().map(String::len).max().unwrap_or(0);
        let mut ends = vec![[0u64; 4]; 256];
        for key in by_text.keys().chain(partial.iter()) {
            if let (Some(&first), Some(&last)) = (key.as_bytes().first(), key.as_bytes().last()) {
                ends[usize::from(first)][usize::from(last / 64)] |= 1 << (last % 64);
            }
        }
        Self {
            by_text,
            partial,
            ends,
            max_len,
        }
    }

    /// The tokens of the exception `s`, space-separated, if it is one.
    pub(super) fn get(&self, s: &str) -> Option<&'static str> {
        if !self.may_hold(s) {
            return None;
        }
        self.by_text.get(s).map(|special| special.tokens)
    }

    /// True when `s` is an exception the affix rules cut exactly at `cuts`
    /// (byte offsets inside `s`): spaCy's `_special_matcher` merges such runs.
    pub(super) fn is_cut_as(&self, s: &str, cuts: impl ExactSizeIterator<Item = usize>) -> bool {
        if !self.may_hold(s) {
            return false;
        }
        let Some(expected) = self.by_text.get(s).and_then(|sp| sp.affix_cuts.as_deref()) else {
            return false;
        };
        expected.len() == cuts.len() && expected.iter().copied().eq(cuts)
    }

    /// True when `s` is how an exception the affix rules split begins.
    pub(super) fn is_partial(&self, s: &str) -> bool {
        self.may_hold(s) && self.partial.contains(s)
    }

    /// A quick test that rules out most strings that are no key or partial.
    fn may_hold(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        s.len() <= self.max_len
            && self
                .ends
                .get(usize::from(first))
                .is_some_and(|row| row[usize::from(last / 64)] & (1 << (last % 64)) != 0)
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
