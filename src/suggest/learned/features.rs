//! Token features, hashed: each feature is a template number and a value
//! (`w=leeds`, `shape=Xx`, `rules=B-ORG`): the parts are hashed with xxh3
//! and mixed with the template into a `u64`, so the model keys its weights
//! by hash and never stores feature strings. The hash is fixed by the bytes
//! alone: the same text always gives the same features on every machine.
//!
//! Per token: the lowercased word and its neighbours (two each side, plus
//! bigrams), prefixes and suffixes, word shape, the casing of the line and
//! where the token sits in it, gazetteer hits (one-word lists and the
//! multi-word phrases), the rules engine's tag for it and its neighbours
//! (so the model learns when to trust the rules), and the document context
//! of the form (see `context`).

use xxhash_rust::xxh3::xxh3_64;

use super::context::{DocContext, LineCase, ends_sentence, shape};
use super::lines::{Line, lay};
use super::tags::Part;
use crate::suggest::entities::gazetteer::{GAZETTEER, TitleKind};
use crate::suggest::entities::title_case;

/// The rules engine's view of one token: label, part of span, rule.
pub type RulesTag<'a> = Option<(&'a str, Part, &'a str)>;

/// Feature hashes of every token of a line: token `i` owns
/// `hashes[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineFeatures {
    /// All hashes, token after token.
    pub hashes: Vec<u64>,
    /// Where each token's hashes start, plus the end.
    pub offsets: Vec<u32>,
}

impl LineFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The hashes of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        let at = |k: usize| self.offsets.get(k).map_or(0, |&o| o as usize);
        self.hashes.get(at(i)..at(i + 1)).unwrap_or(&[])
    }
}

/// The hash of one feature part.
fn h(part: &str) -> u64 {
    xxh3_64(part.as_bytes())
}

/// Collects feature hashes: a feature is its template number mixed with the
/// hashes of its parts, so a word hashed once serves every feature it is in.
struct Emit {
    hashes: Vec<u64>,
}

impl Emit {
    /// A feature from hashed parts.
    fn push_h(&mut self, template: u64, parts: &[u64]) {
        let mut x = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d;
        for &p in parts {
            x = (x ^ p).wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
        }
        self.hashes.push(x);
    }

    /// A feature from parts as text.
    fn push(&mut self, template: u64, parts: &[&str]) {
        match parts {
            [] => self.push_h(template, &[]),
            [a] => self.push_h(template, &[h(a)]),
            [a, b] => self.push_h(template, &[h(a), h(b)]),
            [a, b, c] => self.push_h(template, &[h(a), h(b), h(c)]),
            [a, b, c, d, ..] => self.push_h(template, &[h(a), h(b), h(c), h(d)]),
        }
    }
}

/// A word as the gazetteers spell it: `LEEDS` in a caps line is `Leeds`.
fn gazetteer_form(word: &str, case: LineCase) -> String {
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() > 2
        && !word.chars().any(char::is_lowercase);
    if case != LineCase::Caps && !all_caps {
        return word.to_owned();
    }
    title_case(word)
}

const fn title_kind(kind: TitleKind) -> &'static str {
    match kind {
        TitleKind::Honorific => "hon",
        TitleKind::Title => "title",
        TitleKind::Modifier => "mod",
        TitleKind::Role => "role",
    }
}

/// The first or last `n` chars of a word.
fn affix(word: &str, n: usize, prefix: bool) -> Option<&str> {
    let count = word.chars().count();
    if count <= n {
        return None;
    }
    let cut = if prefix { n } else { count - n };
    let at = word.char_indices().nth(cut).map(|(i, _)| i)?;
    Some(if prefix { &word[..at] } else { &word[at..] })
}

fn part_str(part: Part) -> &'static str {
    match part {
        Part::Begin => "B",
        Part::Inside => "I",
        Part::Last => "L",
        Part::Unit => "U",
    }
}

/// The features of every token of `line`; `rules` holds the rules' tag of
/// each token.
pub fn extract(text: &str, line: &Line, rules: &[RulesTag], ctx: &DocContext) -> LineFeatures {
    let words: Vec<&str> = line
        .tokens
        .iter()
        .map(|t| t.slice(text).unwrap_or(""))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let case = LineCase::of(text, &line.tokens);
    let phrases = phrase_hits(text, line);
    let mut emit = Emit {
        hashes: Vec::with_capacity(words.len() * 40),
    };
    let lower_h: Vec<u64> = lower.iter().map(|w| h(w)).collect();
    let shape_h: Vec<u64> = shapes.iter().map(|s| h(s)).collect();
    let case_h = h(case.as_str());
    let mut offsets = Vec::with_capacity(words.len() + 1);
    let rules_label = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| rules.get(i).copied().flatten())
            .map_or("O", |(l, _, _)| l)
    };
    let mut sentence_start = true;
    let tokens = words
        .iter()
        .zip(&lower)
        .zip(lower_h.iter().zip(&shape_h))
        .enumerate();
    for (i, ((word, w), (&wh, &sh))) in tokens {
        offsets.push(u32::try_from(emit.hashes.len()).unwrap_or(u32::MAX));
        let k = i as isize;
        let position = match i {
            0 => "first",
            _ if sentence_start => "sent",
            1..=3 => "near",
            _ => "mid",
        };
        let position_h = h(position);
        emit.push_h(0, &[]);
        emit.push_h(1, &[wh]);
        for (t, n, prefix) in [
            (2, 2, true),
            (3, 3, true),
            (4, 2, false),
            (5, 3, false),
            (6, 4, false),
        ] {
            if let Some(a) = affix(w, n, prefix) {
                emit.push(t, &[a]);
            }
        }
        emit.push_h(7, &[sh]);
        emit.push_h(8, &[case_h, sh]);
        emit.push_h(9, &[position_h, sh]);
        emit.push_h(10, &[nth(&lower_h, k - 1)]);
        emit.push_h(11, &[nth(&lower_h, k + 1)]);
        emit.push_h(12, &[nth(&lower_h, k - 2)]);
        emit.push_h(13, &[nth(&lower_h, k + 2)]);
        emit.push_h(14, &[nth(&shape_h, k - 1), sh]);
        emit.push_h(15, &[sh, nth(&shape_h, k + 1)]);
        emit.push_h(16, &[nth(&lower_h, k - 1), wh]);
        emit.push_h(17, &[wh, nth(&lower_h, k + 1)]);
        gazetteer(&mut emit, word, case);
        if let Some((label, part)) = phrases.get(i).copied().flatten() {
            emit.push(18, &[label, part_str(part)]);
        }
        match rules.get(i).copied().flatten() {
            Some((label, part, rule)) => {
                emit.push(19, &[label, part_str(part)]);
                emit.push(20, &[label, rule]);
                emit.push_h(21, &[h(label), case_h, sh]);
            }
            None => emit.push(19, &["O", case.as_str()]),
        }
        emit.push(22, &[rules_label(k - 1), rules_label(k + 1)]);
        if let Some(label) = ctx.rules_label(w) {
            emit.push(23, &[label]);
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital {
            let seen = (ctx.capitalised(w), ctx.lower(w));
            let flags = [
                if seen.0 { "cap" } else { "-" },
                if seen.1 { "low" } else { "-" },
            ];
            emit.push(24, &[case.as_str(), position, flags[0], flags[1]]);
        }
        sentence_start = ends_sentence(word);
    }
    offsets.push(u32::try_from(emit.hashes.len()).unwrap_or(u32::MAX));
    LineFeatures {
        hashes: emit.hashes,
        offsets,
    }
}

/// The hash of word `i` of a line, or of a marker past either end.
fn nth(hashes: &[u64], i: isize) -> u64 {
    usize::try_from(i)
        .ok()
        .and_then(|i| hashes.get(i).copied())
        .unwrap_or_else(|| h(if i < 0 { "<s>" } else { "</s>" }))
}

/// One-word gazetteer features of a word. The name lists hold capitalised
/// names only, so a lower-case word is looked up as a title or role word
/// and a common word alone.
fn gazetteer(emit: &mut Emit, word: &str, case: LineCase) {
    let g = &*GAZETTEER;
    if !word.starts_with(char::is_uppercase) {
        if let Some((kind, _)) = g.title(word) {
            emit.push(33, &[title_kind(kind)]);
        }
        if g.is_common(word) {
            emit.push(35, &[case.as_str()]);
        }
        return;
    }
    let form = gazetteer_form(word, case);
    if let Some(label) = g.name(&form) {
        emit.push(30, &[label.as_str()]);
    }
    if g.first_name(&form).is_some() {
        emit.push(31, &[]);
    }
    if g.is_surname(&form) || g.is_asian_surname(&form) {
        emit.push(32, &[]);
    }
    if let Some((kind, _)) = g.title(&form) {
        emit.push(33, &[title_kind(kind)]);
    }
    if let Some((label, _)) = g.head(&form) {
        emit.push(34, &[label.map_or("-", |l| l.as_str())]);
    }
    if g.is_common(word) {
        emit.push(35, &[case.as_str()]);
    }
    if g.is_not_entity(&form) {
        emit.push(36, &[]);
    }
}

/// The multi-word gazetteer names of a line, laid onto its tokens.
fn phrase_hits(text: &str, line: &Line) -> Vec<Option<(&'static str, Part)>> {
    let mut found = Vec::new();
    let mut next = 0;
    for t in &line.tokens {
        let capital = text
            .get(t.start..)
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        if t.start < next || !capital {
            continue;
        }
        if let Some((end, label)) = GAZETTEER.phrase_at(text, t.start)
            && end <= line.range.end
        {
            found.push((crate::model::ByteRange::new(t.start, end), label.as_str()));
            next = end;
        }
    }
    lay(&line.tokens, &found)
}
