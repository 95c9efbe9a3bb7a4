//! Speaker labels: a transcript line `PENCE: Well, …` (or `"WALLACE: …`)
//! and a name with a colon before a quotation, `Clinton: “…”`. The colon is
//! the cue.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::para::{Found, Para, Speaker, Who};
use super::speakers::Head;
use super::words::Kind;

/// At most this many words in a label.
const MAX_LABEL: usize = 3;

/// Words of section labels and standing heads, lowercase.
const SECTIONS: &[&str] = &[
    "live",
    "markets",
    "market",
    "update",
    "updated",
    "updates",
    "breaking",
    "exclusive",
    "watch",
    "read",
    "more",
    "analysis",
    "opinion",
    "editorial",
    "factbox",
    "explainer",
    "photos",
    "photo",
    "video",
    "videos",
    "correction",
    "corrections",
    "clarification",
    "note",
    "editor’s",
    "editor's",
    "warning",
    "related",
    "see",
    "also",
    "trending",
    "latest",
    "recap",
    "timeline",
    "poll",
    "quiz",
    "review",
    "preview",
    "podcast",
    "listen",
    "sponsored",
    "advertisement",
    "graphic",
    "chart",
    "map",
    "fact",
    "check",
    "sports",
    "business",
    "world",
    "politics",
    "weather",
    "traffic",
    "now",
    "today",
    "alert",
    "news",
    "top",
    "stories",
    "story",
    "highlights",
    "summary",
    "first",
    "feature",
    "interview",
    "sources",
    "source",
    "contact",
    "email",
    "follow",
    "subscribe",
];

/// True for a word of a section label (`LIVE`, `MARKETS`).
fn is_section(word: &str) -> bool {
    let lower = word.to_lowercase();
    SECTIONS.contains(&lower.as_str())
}

/// The label attribution of a paragraph, and the quote it opens (if any).
pub fn label(text: &str, p: &Para, para: usize) -> Option<(Found, Option<usize>)> {
    let toks = &p.toks;
    let quoted = toks.first()?.kind == Kind::Double;
    let start = usize::from(quoted);
    let colon =
        (start..(start + MAX_LABEL + 1).min(toks.len())).find(|&j| toks[j].is(text, ':'))?;
    let words = toks.get(start..colon)?;
    if words.is_empty() || words.iter().any(|t| t.kind != Kind::Word || !t.cap) {
        return None;
    }
    let shouted = words.iter().all(|t| {
        let w = t.text(text);
        w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
    });
    // `LIVE:`, `MARKETS:`, `EDITOR’S NOTE:` head a section, not a speech.
    if shouted && words.iter().any(|t| is_section(t.text(text))) {
        return None;
    }
    let next_quote = toks.get(colon + 1).is_some_and(|t| t.kind == Kind::Double);
    if !shouted && (!next_quote || quoted) {
        return None;
    }
    let seg = if quoted {
        p.seg_at(0)
    } else {
        p.seg_at(colon + 1)
    };
    let end = seg.map_or(toks.len(), |(_, s)| s.end(toks));
    let body = colon + 1;
    if p.word_count(body, end) < 2 {
        return None;
    }
    let found = Found {
        content: vec![p.bytes(body, end)?],
        who: Who::Here(Speaker {
            range: p.bytes(start, colon)?,
            head: p.bytes(colon - 1, colon)?,
            kind: Head::Name,
        }),
        cue: p.bytes(colon, colon + 1),
        kind: QuoteKind::Direct,
        class: AttributionClass::Speech,
        rule: if shouted {
            "label-colon"
        } else {
            "x-colon-quote"
        },
        score: 0.7,
        para,
    };
    Some((found, seg.map(|(i, _)| i)))
}
