//! Pattern tests for the `rules` engine, written in the compact markup: the
//! suggested QUOTE/SPEAKER/CUE spans and their grouping must equal the markup.

use crate::model::{Document, markup};
use crate::suggest::{Suggester, Suggestions};

use super::RulesSuggester;

fn suggest(text: &str) -> Suggestions {
    RulesSuggester::new().suggest(&Document::new(None, text))
}

/// Renders each suggested quote as `content | speaker | cue` lines.
fn render(text: &str, s: &Suggestions) -> Vec<String> {
    let t = |i: Option<usize>| {
        i.and_then(|i| s.spans.get(i))
            .map_or("-", |x| &text[x.range.start..x.range.end])
    };
    s.quotes
        .iter()
        .map(|q| {
            let content: Vec<&str> = q.content.iter().map(|&i| t(Some(i))).collect();
            format!(
                "{} | {} | {} | {}",
                content.join(" + "),
                t(q.speaker),
                t(q.cue),
                q.kind.as_str()
            )
        })
        .collect()
}

#[test]
fn debug_print() {
    let text = std::env::var("RULES_DEBUG").unwrap_or_default();
    for line in render(&text, &suggest(&text)) {
        println!("{line}");
    }
}

#[test]
fn debug_frames() {
    use super::{frames, para::Para, speakers};
    let text = std::env::var("RULES_DEBUG").unwrap_or_default();
    let p = Para::new(&text, 0, text.len(), false);
    println!("segs {:?}\nsents {:?}", p.segs, p.sents);
    for (i, t) in p.toks.iter().enumerate() {
        if t.text(&text) == "said" {
            println!("before {:?}", speakers::before(&text, &p.toks, i, 0));
        }
    }
    let mut used = vec![false; p.segs.len()];
    for &s in &p.sents {
        println!("{:?}", frames::sentence(&text, &p, s, 0, &mut used));
    }
}
