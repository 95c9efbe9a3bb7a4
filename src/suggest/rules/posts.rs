//! Quotes with no cue word (issue 15, item 5): an embedded social post
//! (`TEXT pic.twitter.com/… — Name (@handle) May 3, 2024`), whose text is
//! what its author wrote. The dash is the cue; the attribution is writing.

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::para::{Found, Para, Speaker, Who};
use super::speakers::Head;
use super::words::{Kind, Tok};

/// Tokens allowed after the handle: a date such as `September 27, 2016.`
const MAX_DATE: usize = 6;

fn is_dash(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Punct && matches!(t.first(text), '—' | '–' | '―')
}

/// The post attribution of a paragraph ending `— Name (@handle) date`.
pub fn post(text: &str, p: &Para, para: usize) -> Option<Found> {
    let toks = &p.toks;
    let tail = toks.len().saturating_sub(MAX_DATE + 4);
    let at = tail + toks.get(tail..)?.iter().rposition(|t| t.is(text, '@'))?;
    let (open, close) = (at.checked_sub(1)?, at + 2);
    if !(toks.get(open)?.is(text, '(')
        && toks.get(at + 1)?.kind == Kind::Word
        && toks.get(close)?.is(text, ')')
        && toks.len() - close - 1 <= MAX_DATE)
    {
        return None;
    }
    let dash = (0..open).rev().take(8).find(|&j| is_dash(text, &toks[j]))?;
    let name = dash + 1..open;
    let named = !name.is_empty()
        && toks[name.clone()]
            .iter()
            .all(|t| (t.kind == Kind::Word && t.cap) || t.is(text, '.'));
    if !named {
        return None;
    }
    // The post's own links are not what it says.
    let end = (0..dash)
        .find(|&j| {
            let w = toks[j].text(text);
            w.starts_with("pic.twitter.com") || w.starts_with("http")
        })
        .unwrap_or(dash);
    if p.word_count(0, end) < 3 {
        return None;
    }
    Some(Found {
        content: vec![p.bytes(0, end)?],
        who: Who::Here(Speaker {
            range: p.bytes(dash + 1, close + 1)?,
            head: p.bytes(open - 1, open)?,
            kind: Head::Name,
        }),
        cue: p.bytes(dash, dash + 1),
        kind: QuoteKind::Direct,
        class: AttributionClass::Writing,
        rule: "post-dash-x",
        score: 0.6,
        para,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Option<(String, String)> {
        let p = Para::new(s, 0, s.len(), false);
        let f = post(s, &p, 0)?;
        let (a, b) = f.content[0];
        let Who::Here(w) = f.who else { return None };
        Some((s[a..b].to_owned(), s[w.range.0..w.range.1].to_owned()))
    }

    #[test]
    fn an_embedded_post_is_its_authors_writing() {
        assert_eq!(
            found(
                "Polls open at seven in every ward. Go vote! pic.twitter.com/Ab12Cd — City Hall (@cityhall) May 3, 2024"
            ),
            Some((
                "Polls open at seven in every ward. Go vote!".to_owned(),
                "City Hall (@cityhall)".to_owned()
            ))
        );
        assert_eq!(
            found("Lee wrote to @cityhall (@cityhall) about the vote."),
            None
        );
        assert_eq!(found("The vote — a close one — was held on Monday."), None);
    }
}
