//! The built-in `rules` engine: quotation-mark pairing, cues from a lexicon,
//! speakers by position, reported speech and speaker resolution — pure Rust,
//! offline and deterministic.
//!
//! The document is read paragraph by paragraph (a line of text; boilerplate
//! paragraphs skipped): [`para`] tokenizes and pairs marks, [`frames`] finds
//! one attribution per sentence, [`orphans`] places the quotes no cue
//! claimed, [`coref`] resolves speakers and [`output`] writes the suggestions.

mod coref;
mod cues;
mod frames;
mod labels;
mod lexicon;
mod marks;
mod names;
mod orphans;
mod output;
mod para;
mod reported;
mod sentences;
mod speakers;
mod words;

#[cfg(test)]
mod tests;

use crate::model::Document;

use super::{Suggester, Suggestions};

/// The built-in suggestion engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct RulesSuggester;

impl RulesSuggester {
    /// A suggester with the built-in lexicons.
    pub fn new() -> Self {
        Self
    }
}

impl Suggester for RulesSuggester {
    fn name(&self) -> &str {
        output::ENGINE
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        let text = doc.text();
        let mut found = Vec::new();
        let mut runs = Vec::new();
        let mut prev_open = false;
        let mut pending = None;
        let mut index = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let (start, end) = (offset, offset + line.trim_end().len());
            offset += line.len();
            if line.trim().is_empty() {
                continue;
            }
            let skip = doc
                .boilerplate
                .iter()
                .any(|b| b.start < end && start < b.end);
            if skip {
                prev_open = false;
                index += 2;
                continue;
            }
            let p = para::Para::new(text, start, end, prev_open);
            let first = found.len();
            let mut used = vec![false; p.segs.len()];
            if let Some((f, seg)) = labels::label(text, &p, index) {
                found.push(f);
                if let Some(u) = seg.and_then(|s| used.get_mut(s)) {
                    *u = true;
                }
            } else {
                for &sent in &p.sents {
                    found.extend(frames::sentence(text, &p, sent, index, &mut used));
                }
            }
            let colon = found
                .last()
                .is_some_and(|f| f.content.is_empty())
                .then(|| found.pop())
                .flatten();
            orphans::attach(text, &p, index, &used, first, pending.take(), &mut found);
            pending = colon;
            names::runs(text, &p, &mut runs);
            prev_open = p.ends_open();
            index += 1;
        }
        let resolved = coref::resolve(text, &found, &runs);
        output::build(&found, &resolved, &runs)
    }
}
