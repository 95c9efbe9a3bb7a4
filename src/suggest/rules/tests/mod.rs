//! Tests of the `rules` engine as a whole, written in the compact markup: the
//! suggested QUOTE/SPEAKER/CUE spans and their grouping must equal the markup.

mod boundaries;
mod conventions;
mod cue_checks;
mod no_cue;
mod patterns;
mod resolution;
mod robustness;
mod several;
mod speaker_phrases;

use std::collections::BTreeMap;

use crate::model::{CUE, QUOTE, SPEAKER};
use crate::model::{Document, Origin, markup};
use crate::suggest::{Suggester, Suggestions};

use super::{RulesConfig, RulesSuggester};

/// Runs the engine with its default settings on plain text.
pub(super) fn suggest(text: &str) -> Suggestions {
    suggest_with(RulesConfig::default(), text)
}

/// Runs the engine with `config` on plain text.
pub(super) fn suggest_with(config: RulesConfig, text: &str) -> Suggestions {
    RulesSuggester::with_config(config).suggest(&Document::new(None, text))
}

/// One quote as readable text: `content + content | speaker | cue`, with the
/// byte offset of each piece so equal words in different places differ.
fn describe(
    text: &str,
    pieces: &[(usize, usize)],
    speaker: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
) -> String {
    let show = |r: Option<(usize, usize)>| {
        r.map_or("-".to_owned(), |(a, b)| format!("{}@{a}", &text[a..b]))
    };
    let content: Vec<String> = pieces.iter().map(|&r| show(Some(r))).collect();
    format!(
        "{} | {} | {}",
        content.join(" + "),
        show(speaker),
        show(cue)
    )
}

/// The suggested quotes, described and sorted.
pub(super) fn quotes(text: &str, s: &Suggestions) -> Vec<String> {
    let range = |i: usize| s.spans.get(i).map(|x| (x.range.start, x.range.end));
    let mut out: Vec<String> = s
        .quotes
        .iter()
        .map(|q| {
            let content: Vec<(usize, usize)> = q.content.iter().filter_map(|&i| range(i)).collect();
            describe(
                text,
                &content,
                q.speaker.and_then(range),
                q.cue.and_then(range),
            )
        })
        .collect();
    out.sort();
    out
}

/// Content pieces, speaker and cue of one quote, as byte ranges.
type Expected = (
    Vec<(usize, usize)>,
    Option<(usize, usize)>,
    Option<(usize, usize)>,
);

/// Asserts that the engine with its default settings suggests exactly the
/// quotes grouped in `marked`.
pub(super) fn check(marked: &str) -> Suggestions {
    check_with(RulesConfig::default(), marked)
}

/// Asserts that the engine with `config` suggests exactly the quotes grouped in `marked`.
pub(super) fn check_with(config: RulesConfig, marked: &str) -> Suggestions {
    let (text, spans) = markup::parse(marked).expect("valid markup");
    let mut groups: BTreeMap<u32, Expected> = BTreeMap::new();
    for m in &spans {
        let Some(g) = m.group else { continue };
        let entry = groups.entry(g).or_default();
        let r = (m.range.start, m.range.end);
        match m.label.as_str() {
            QUOTE => entry.0.push(r),
            SPEAKER => entry.1 = Some(r),
            CUE => entry.2 = Some(r),
            other => panic!("unexpected label {other}"),
        }
    }
    let mut expected: Vec<String> = groups
        .values()
        .map(|(c, s, q)| describe(&text, c, *s, *q))
        .collect();
    expected.sort();
    let s = suggest_with(config, &text);
    assert_eq!(quotes(&text, &s), expected, "in: {text}");
    s
}

/// Every suggestion names the `rules` engine, a rule and a score in 0..=1.
pub(super) fn assert_origins(s: &Suggestions) {
    let origins = s
        .spans
        .iter()
        .map(|x| &x.origin)
        .chain(s.quotes.iter().map(|q| &q.origin));
    for o in origins {
        match o {
            Origin::Suggested {
                engine,
                rule,
                score,
            } => {
                assert_eq!(engine, "rules");
                assert!(!rule.is_empty());
                assert!((0.0..=1.0).contains(score));
            }
            Origin::Manual => panic!("a suggestion marked manual"),
        }
    }
}
