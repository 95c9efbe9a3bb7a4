//! Boilerplate: paragraphs of a news page that are not the story — "See also"
//! links, comment forms, copyright and trust-principles lines, reporting and
//! editing credits, newsletter prompts, and the author's bio and name lines at
//! the end. No quote or entity is suggested inside them.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::model::ByteRange;
use crate::model::document::paragraphs;

/// Paragraph openings and phrases that mark a whole paragraph as boilerplate.
static LINES: LazyLock<Option<RegexSet>> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^\W{0,3}(see also|read (more|also|next)|also read|related( articles| stories| coverage| topics| content)?\s*:|more from\b|recommended for you)",
        r"(?i)^(click here|sign up|subscribe|follow us|share (this|on)\b|download (our|the) app|get (our|the) app)",
        r"(?i)^(advertisement|sponsored( content)?|comments?( \(\d+\))?|tags?:|filed under:|topics:|print|email|share)\s*$",
        r"(?i)^(leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion))",
        r"(?i)your email address will not be published|required fields are marked|by posting a comment",
        r"(?i)^(copyright\b|©|\(c\) ?\d{4})|all rights reserved",
        r"(?i)^our standards\s*:|trust principles",
        r"(?i)^\W{0,3}(reporting|writing|editing|additional reporting|compiled|edited|research|graphics) by\b",
        r"(?i)^(photo(graph)?|image|video)( credit)?\s*:",
    ])
    .ok()
});

/// A newsletter or sign-up prompt (checked on short paragraphs only).
static NEWSLETTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(newsletter|sign up|subscribe|inbox)\b").ok());

/// An author bio: `<Name> is a … correspondent based in …`.
static BIO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}'’.-]+ ){1,3}(is|was|has been|serves as) (a|an|the)\b.{0,160}?\b(correspondent|reporter|journalist|editor|writer|columnist|producer|photographer|contributor|bureau chief|anchor)",
    )
    .ok()
});

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

fn is_boilerplate(para: &str) -> bool {
    if LINES.as_ref().is_some_and(|set| set.is_match(para)) {
        return true;
    }
    para.split_whitespace().count() <= 30 && NEWSLETTER.as_ref().is_some_and(|re| re.is_match(para))
}

fn is_bio(para: &str) -> bool {
    BIO.as_ref().is_some_and(|re| re.is_match(para))
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
            Your email address will not be published. Required fields are marked *";
        assert_eq!(
            flagged(text),
            [
                "See also: Ten ways to cook cod",
                "(Reporting by Ana Ruiz; Editing by Tom Bell)",
                "Leave a Reply",
                "Your email address will not be published. Required fields are marked *",
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
    fn flags_newsletter_prompts_and_copyright() {
        let text = "Markets fell sharply.\n\nSign up for our morning briefing.\n\n\
            Get the best stories in your inbox every day with our newsletter.\n\n© 2024 Example News";
        assert_eq!(flagged(text).len(), 3);
    }
}
