//! Boilerplate: paragraphs of a news page that are not the story — "See also"
//! links, comment forms, copyright and trust-principles lines, reporting and
//! editing credits, newsletter prompts, and the author's bio and name lines at
//! the end. No quote or entity is suggested inside them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

use super::phrase_set::PhraseSet;
use crate::model::document::paragraphs;
use crate::model::{ByteRange, Document};

/// How much of a paragraph's start a bio is looked for in.
const HEAD: usize = 320;

/// Paragraph openings that mark a whole paragraph as boilerplate (matched
/// at the start, ignoring case, ending on a word boundary).
const OPENINGS: &[&str] = &[
    "see also",
    "read more",
    "read also",
    "read next",
    "also read",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "related topics",
    "related content",
    "more from",
    "recommended for you",
    "click here",
    "sign up",
    "subscribe",
    "follow us",
    "share this",
    "share on",
    "download our app",
    "download the app",
    "get our app",
    "get the app",
    "tags:",
    "tag:",
    "filed under:",
    "topics:",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "join the conversation",
    "join the discussion",
    "copyright",
    "©",
    "(c) 1",
    "(c) 2",
    "our standards:",
    "our standards :",
    "reporting by",
    "writing by",
    "editing by",
    "additional reporting by",
    "compiled by",
    "edited by",
    "research by",
    "graphics by",
    "photo:",
    "photograph:",
    "photo credit:",
    "image:",
    "image credit:",
    "video:",
];

/// Whole paragraphs that are page furniture.
const LINES: &[&str] = &[
    "advertisement",
    "sponsored",
    "sponsored content",
    "comments",
    "comment",
    "print",
    "email",
    "share",
];

static OPENING: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(OPENINGS)
        .ok()
});

/// Phrases that mark a paragraph as boilerplate wherever they stand; the
/// first `PHRASES_ALWAYS` do so in any paragraph, the newsletter words after
/// them only in a short one.
const PHRASES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "by posting a comment",
    "all rights reserved",
    "trust principles",
    "save my name, email, and website",
    "newsletter",
    "sign up",
    "subscribe",
    "inbox",
];
const PHRASES_ALWAYS: usize = 6;

/// [`PHRASES`], found in ASCII-lowercased text.
static PHRASE: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PHRASES));

/// An author bio: `<Name> is a … correspondent based in …`.
static BIO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}'’.-]+ ){1,3}(is|was|has been|serves as) (a|an|the)\b.{0,160}?\b(correspondent|reporter|journalist|editor|writer|columnist|producer|photographer|contributor|bureau chief|anchor)",
    )
    .ok()
});

/// The paragraphs an engine skips in `doc`: the boilerplate [`detect`]
/// finds and the ranges the document already marks (from its file, or by
/// the editor), sorted, without repeats.
pub fn skip_ranges(doc: &Document) -> Vec<ByteRange> {
    let mut skip = detect(doc.text());
    skip.extend(doc.boilerplate.iter().copied());
    skip.sort();
    skip.dedup();
    skip
}

/// Paragraphs found to be boilerplate, in text order.
pub fn detect(text: &str) -> Vec<ByteRange> {
    let paras = paragraphs(text);
    let n = paras.len();
    let body = |p: &ByteRange| p.slice(text).unwrap_or("").trim();
    let mut flags: Vec<bool> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| is_boilerplate(body(p)) || (i * 5 >= n * 3 && is_bio(body(p))))
        .collect();
    // Once the story has ended (a credit, standards or bio line in the second
    // half), short lines without a sentence — the author's name, the
    // agency — belong to the page, not the story.
    if let Some(end) = (n / 2..n).find(|&i| flags.get(i) == Some(&true)) {
        for (i, p) in paras.iter().enumerate().skip(end) {
            if is_label_line(body(p)) {
                flags[i] = true;
            }
        }
    }
    paras
        .into_iter()
        .zip(flags)
        .filter_map(|(p, flag)| flag.then_some(p))
        .collect()
}

/// The first `max` bytes of a paragraph, cut on a char boundary.
fn head_of(para: &str, max: usize) -> &str {
    let mut end = para.len().min(max);
    while !para.is_char_boundary(end) {
        end -= 1;
    }
    &para[..end]
}

/// Longer paragraphs are story text (a bio is checked on its own).
const MAX_LEN: usize = 400;

fn is_boilerplate(para: &str) -> bool {
    if para.len() > MAX_LEN {
        return false;
    }
    let opened = |p: &str| {
        let input = Input::new(p).anchored(Anchored::Yes);
        OPENING
            .as_ref()
            .and_then(|ac| ac.find(input))
            .is_some_and(|m| {
                let after = p[m.end()..].chars().next();
                !after.is_some_and(char::is_alphanumeric)
            })
    };
    // A bullet, bracket or dash may stand before the opening words.
    let bare = para.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if opened(para) || opened(bare) {
        return true;
    }
    let line = para.trim_end_matches([' ', '*', ':']);
    let counted = line
        .strip_prefix("Comments (")
        .or(line.strip_prefix("comments ("));
    if LINES.iter().any(|l| line.eq_ignore_ascii_case(l))
        || counted.is_some_and(|c| c.trim_end_matches(')').bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    let mut buf = [0u8; MAX_LEN];
    let Some(lower) = buf.get_mut(..para.len()) else {
        return false;
    };
    lower.copy_from_slice(para.as_bytes());
    lower.make_ascii_lowercase();
    let mut found = PHRASE.found(lower).peekable();
    let short = || para.split_whitespace().count() <= 30;
    found.peek().is_some() && (found.any(|p| p < PHRASES_ALWAYS) || short())
}

fn is_bio(para: &str) -> bool {
    BIO.as_ref()
        .is_some_and(|re| re.is_match(head_of(para, HEAD)))
}

/// A short line that is no sentence: a name, an agency, a section label.
fn is_label_line(para: &str) -> bool {
    let words = para.split_whitespace().count();
    let sentence_end = para.ends_with(['.', '!', '?', '"', '”', '’', ':']);
    (1..=6).contains(&words) && !sentence_end && !para.contains(['“', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<&str> {
        detect(text)
            .iter()
            .map(|r| r.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn flags_links_forms_and_credits() {
        let text = "Leaders met in Oslo on Monday to talk about fishing rights.\n\n\
            See also: Ten ways to cook cod\n\n\
            “We agreed on nothing,” said one minister.\n\n\
            (Reporting by Ana Ruiz; Editing by Tom Bell)\n\n\
            Leave a Reply\n\n\
            Your email address will not be published. Required fields are marked *\n\n\
            Save my name, email, and website in this browser for the next time I comment.";
        assert_eq!(
            flagged(text),
            [
                "See also: Ten ways to cook cod",
                "(Reporting by Ana Ruiz; Editing by Tom Bell)",
                "Leave a Reply",
                "Your email address will not be published. Required fields are marked *",
                "Save my name, email, and website in this browser for the next time I comment.",
            ]
        );
    }

    #[test]
    fn flags_the_bio_and_name_lines_after_the_story() {
        let text = "The port reopened on Tuesday after a week of strikes.\n\n\
            Dockworkers said they would return to work.\n\n\
            Our Standards: The Example Trust Principles.\n\n\
            Lena Ortiz\n\n\
            Lena Ortiz is a trade correspondent based in Rotterdam. She covers shipping.";
        assert_eq!(
            flagged(text),
            [
                "Our Standards: The Example Trust Principles.",
                "Lena Ortiz",
                "Lena Ortiz is a trade correspondent based in Rotterdam. She covers shipping.",
            ]
        );
    }

    #[test]
    fn keeps_story_paragraphs_that_mention_reporters() {
        let text = "Ana Ruiz is a reporter who was detained in 2019, her lawyer said.\n\n\
            Police said the copyright dispute was settled.\n\n\
            Short heading\n\n\
            The case continues next week.";
        // A bio needs to come late in the article; a short line early is a heading.
        assert!(flagged(text).is_empty());
    }

    #[test]
    fn phrases_are_lowercase_for_the_lowercased_paragraph() {
        for p in PHRASES {
            assert_eq!(*p, p.to_ascii_lowercase());
        }
        assert!(is_boilerplate("ALL RIGHTS RESERVED — Ünïcode Néws"));
    }

    #[test]
    fn flags_newsletter_prompts_and_copyright() {
        let text = "Markets fell sharply.\n\nSign up for our morning briefing.\n\n\
            Get the best stories in your inbox every day with our newsletter.\n\n© 2024 Example News";
        assert_eq!(flagged(text).len(), 3);
    }
}
