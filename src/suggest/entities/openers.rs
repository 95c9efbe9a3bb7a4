//! Where a name starts in a chunk of capitalised words: determiners and a
//! capitalised common word that only opens a sentence are dropped (`After
//! Blinken left` → `Blinken`), unless the word belongs to the name (`Civil
//! Protection Department`, `Mark Zuckerberg`).

use super::GAZETTEER;
use super::capitals::is_head;
use super::words::{Shape, Word};

/// Words that open a noun phrase rather than a name.
const DETERMINERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My",
    "Your", "Some", "All", "Every", "Each", "Both", "Many", "Most", "Several", "Other", "Another",
    "No", "Any",
];

/// Drops determiners and a sentence-opening common word from the chunk's start.
pub(super) fn trim_start(
    text: &str,
    words: &[Word],
    mut start: usize,
    end: usize,
    listed_at: &dyn Fn(usize) -> Option<usize>,
) -> usize {
    while start < end {
        let w = &words[start];
        let t = w.text(text);
        let listed = listed_at(start).is_some() || GAZETTEER.name(t).is_some();
        let determiner = DETERMINERS.contains(&t);
        // `In Nairobi`, `On Tuesday`: a preposition opening the sentence is
        // no first name, whatever the name lists say.
        let function_opener =
            w.starts_sentence && w.shape == Shape::Cap && !listed && is_function_word(t);
        let opens = w.starts_sentence
            && w.shape == Shape::Cap
            && !listed
            && GAZETTEER.is_common(t)
            && GAZETTEER.title(t).is_none()
            && GAZETTEER
                .head(t)
                .is_none_or(|(_, pos)| !pos.first() || end - start == 1)
            && !(GAZETTEER.first_name(t).is_some()
                && end - start > 1
                && name_follows(text, &words[start + 1]))
            && !(end - start >= 3 && is_head(words[end - 1].text(text)) && !is_function_word(t));
        if determiner
            || function_opener
            || opens
            || (w.shape == Shape::Cap && GAZETTEER.is_not_entity(t) && end - start == 1)
        {
            start += 1;
        } else {
            break;
        }
    }
    start
}

/// Words that open sentences but never names: `After`, `During`, `Some`.
const FUNCTION_WORDS: &[&str] = &[
    "after",
    "before",
    "during",
    "in",
    "on",
    "at",
    "for",
    "with",
    "as",
    "when",
    "while",
    "if",
    "but",
    "and",
    "or",
    "so",
    "since",
    "although",
    "though",
    "because",
    "however",
    "meanwhile",
    "then",
    "there",
    "here",
    "such",
    "what",
    "which",
    "who",
    "how",
    "why",
    "where",
    "we",
    "they",
    "he",
    "she",
    "it",
    "you",
    "last",
    "next",
    "earlier",
    "later",
    "today",
    "yesterday",
    "once",
    "now",
    "also",
    "still",
    "even",
    "only",
    "just",
    "yet",
    "by",
    "from",
    "to",
    "under",
    "until",
    "unlike",
    "like",
    "despite",
    "without",
    "about",
    "against",
    "among",
    "between",
    "through",
    "across",
    "over",
    "into",
    "inside",
    "outside",
    "following",
    "according",
    "asked",
    "speaking",
    "both",
    "neither",
    "either",
    "not",
    "every",
    "each",
    "many",
    "most",
    "some",
    "all",
    "few",
];

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// True when `next` can go on a first name: `Mark Zuckerberg`, not `In May`.
fn name_follows(text: &str, next: &Word) -> bool {
    let t = next.text(text);
    !GAZETTEER.is_not_entity(t) && !GAZETTEER.is_common(t)
}
