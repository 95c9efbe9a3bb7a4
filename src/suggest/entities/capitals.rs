//! Groups a paragraph's capitalised words into candidate names: runs of
//! capitals joined by spaces, across connectors (`of`, `de`, `van`, `bin`, `&`,
//! and `and` when an organisation word closes the name), with listed names
//! kept whole. A capitalised common word that only opens a sentence is
//! dropped (`After Blinken left` → `Blinken`). Title-case headlines and
//! all-caps paragraphs give no such evidence: there only listed names count.

use super::GAZETTEER;
use super::classify::{self, Candidate, Chunk};
use super::openers::trim_start;
use super::words::{Shape, Word};
use crate::model::ByteRange;

/// How much capitalisation tells in a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Ordinary sentences: a capital marks a name.
    Prose,
    /// A title-case or all-caps line: capitals mark nothing.
    Headline,
}

/// Particles inside personal and place names: `Charles de Gaulle`, `bin Salman`.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "des", "dos", "das", "do",
    "la", "le", "bin", "ibn", "bint", "al", "el", "ter", "ten", "y",
];

/// Institutions whose names go on with `for` or `on`: `Council on Foreign Relations`.
const INSTITUTIONS: &[&str] = &[
    "Council",
    "Commission",
    "Committee",
    "Center",
    "Centre",
    "Centers",
    "Institute",
    "Foundation",
    "Association",
    "Society",
    "Coalition",
    "Alliance",
    "Campaign",
    "League",
    "Union",
    "Fund",
    "Office",
    "Agency",
    "Bureau",
    "Board",
    "Organization",
    "Organisation",
    "Federation",
    "Commissioner",
];

/// Tells whether a paragraph reads as prose or as a headline.
pub fn mode(text: &str, words: &[Word]) -> Mode {
    // Counted in one pass: letter words, all-caps ones, and among the words
    // long enough to be content words, the capitalised ones.
    let (mut letters, mut upper, mut content, mut caps) = (0, 0, 0, 0);
    for w in words.iter().filter(|w| w.shape != Shape::Number) {
        letters += 1;
        upper += usize::from(w.shape == Shape::Upper);
        if w.range.len() > 3 {
            content += 1;
            caps += usize::from(w.is_capital());
        }
    }
    if letters < 3 {
        return Mode::Prose;
    }
    if upper * 2 > letters {
        return Mode::Headline;
    }
    // Title case: most words long enough to be content words are capitalised.
    let long_enough = content >= 3;
    let ends_sentence = words
        .last()
        .and_then(|w| text[w.range.end..].chars().find(|c| !c.is_whitespace()))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”'));
    if long_enough && caps * 5 >= content * 4 && !ends_sentence {
        Mode::Headline
    } else {
        Mode::Prose
    }
}

/// Listed names of the paragraph as word index ranges (start, end, label):
/// the longest listed phrase or single word at each capitalised word.
fn listed_names(text: &str, words: &[Word]) -> Vec<(usize, usize, super::EntityLabel)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if !word.is_capital() {
            i += 1;
            continue;
        }
        let phrase = GAZETTEER
            .phrase_at(text, word.range.start)
            .and_then(|(end, label)| {
                let last = words[i..].iter().position(|w| w.range.end == end)?;
                Some((i, i + last + 1, label))
            });
        if let Some(p) = phrase.or_else(|| GAZETTEER.name(word.text(text)).map(|l| (i, i + 1, l))) {
            out.push(p);
            i = p.1;
        } else {
            i += 1;
        }
    }
    out
}

/// Finds the candidate names of one paragraph.
pub fn find(text: &str, words: &[Word], mode: Mode, out: &mut Vec<Candidate>) {
    let listed = listed_names(text, words);
    if mode == Mode::Headline {
        for &(s, e, label) in &listed {
            let range = ByteRange::new(words[s].range.start, words[e - 1].range.end);
            out.push(Candidate::new(range, label, 0.8, "gazetteer"));
        }
        return;
    }
    // `listed` is in word order, so both look-ups are binary searches: a
    // paragraph with thousands of names stays linear.
    let listed_at = |i: usize| {
        listed
            .binary_search_by_key(&i, |l| l.0)
            .ok()
            .and_then(|at| listed.get(at))
            .map(|l| l.1)
    };
    let mut i = 0;
    while i < words.len() {
        let capital = words[i].is_capital();
        let Some(mut end) = listed_at(i).or(capital.then_some(i + 1)) else {
            i += 1;
            continue;
        };
        let start = i;
        while let Some(next) = extend(text, words, start, end, &listed_at) {
            end = next;
        }
        let start = trim_start(text, words, start, end, &listed_at);
        if start < end {
            let chunk = Chunk {
                start,
                end,
                listed: listed[listed.partition_point(|l| l.0 < start)..]
                    .iter()
                    .take_while(|l| l.0 < end)
                    .filter(|l| l.1 <= end)
                    .copied()
                    .collect(),
            };
            let before = out.len();
            classify::classify(text, words, &chunk, out);
            if let Some(acronym) = acronym_after(text, words, &chunk) {
                let chunk_end = words[end - 1].range.end;
                for c in out[before..]
                    .iter_mut()
                    .filter(|c| c.range.end == chunk_end)
                {
                    c.acronym = Some(acronym);
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// The end of the chunk after taking in one more word or connector phrase, if any.
fn extend(
    text: &str,
    words: &[Word],
    start: usize,
    end: usize,
    listed_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let next = words.get(end)?;
    if words[end - 1].possessive {
        return possessive_name(text, words, end);
    }
    if !next.joined {
        return None;
    }
    if let Some(e) = listed_at(end) {
        return Some(e);
    }
    if next.is_capital() {
        return Some(end + 1);
    }
    let connector = next.text(text);
    let mut k = end + 1;
    let joined_word = |k: usize, wanted: &dyn Fn(&str) -> bool| {
        words
            .get(k)
            .is_some_and(|w| w.joined && wanted(w.text(text)))
    };
    if matches!(connector, "of" | "for" | "on") && joined_word(k, &|w| w == "the") {
        k += 1;
    }
    // `von der Leyen`, `de la Cruz`: particles come in pairs.
    while PARTICLES.contains(&connector) && joined_word(k, &|w| PARTICLES.contains(&w)) {
        k += 1;
    }
    words.get(k).filter(|w| w.joined && w.is_capital())?;
    let left = &words[start..end];
    let allowed = match connector {
        "of" => left.iter().any(|w| opens_of(w.text(text))),
        "for" | "on" => {
            left.last()
                .is_some_and(|w| INSTITUTIONS.contains(&w.text(text)))
                && !GAZETTEER.is_not_entity(words[k].text(text))
        }
        "&" => true,
        "and" => {
            let mut run = k;
            while words
                .get(run + 1)
                .is_some_and(|w| w.joined && w.is_capital())
            {
                run += 1;
            }
            is_head(words[run].text(text))
        }
        p => PARTICLES.contains(&p),
    };
    allowed.then(|| listed_at(k).unwrap_or(k + 1))
}

/// The end of a name that goes on after a possessive, `Korean People’s Army`:
/// only when capitalised words closed by an organisation or place word follow.
fn possessive_name(text: &str, words: &[Word], end: usize) -> Option<usize> {
    let between = &text[words[end - 1].range.end..words.get(end)?.range.start];
    // `People’s` and `Women’s` are words; `Blinken’s Team` is no name.
    let owner = words[end - 1].text(text);
    if !matches!(between, "'s " | "’s ") || !words[end].is_capital() || !GAZETTEER.is_common(owner)
    {
        return None;
    }
    let mut run = end;
    while words
        .get(run + 1)
        .is_some_and(|w| w.joined && w.is_capital())
    {
        run += 1;
    }
    is_head(words[run].text(text)).then_some(run + 1)
}

/// True for a word after which `of` continues a name: `University`, `Secretary`.
fn opens_of(word: &str) -> bool {
    use super::gazetteer::TitleKind;
    GAZETTEER.head(word).is_some() || matches!(GAZETTEER.title(word), Some((TitleKind::Title, _)))
}

pub(super) fn is_head(word: &str) -> bool {
    GAZETTEER.head(word).is_some_and(|(_, pos)| pos.last())
}

/// The acronym defined right after a chunk: `Federal Bureau of Investigation (FBI)`.
fn acronym_after(text: &str, words: &[Word], chunk: &Chunk) -> Option<ByteRange> {
    let w = words.get(chunk.end)?;
    let between = &text[words[chunk.end - 1].range.end..w.range.start];
    if !matches!(between, " (" | "(")
        || w.shape != Shape::Upper
        || !text[w.range.end..].starts_with(')')
    {
        return None;
    }
    let initial = w.text(text).chars().next()?;
    let first = words[chunk.start].text(text).chars().next()?;
    (initial == first).then_some(w.range)
}
