//! The built-in `rules` engine: boilerplate, entities and quotes in one pass —
//! quotation-mark pairing, cues from a lexicon, speakers by position,
//! reported speech and speaker resolution. Pure Rust, offline, deterministic.
//!
//! Boilerplate paragraphs ([`crate::suggest::boilerplate`]) are skipped and
//! entity mentions come from [`crate::suggest::entities`]; the rest of the
//! text is read paragraph by paragraph (a line of text): [`para`] tokenizes
//! and pairs marks, [`posts`], [`labels`] and [`headline`] read embedded
//! posts, transcript labels and headlines, [`claims`] finds the attributions of each sentence with
//! [`frames`] (what follows a cue is read by [`complement`], the class of
//! each attribution decided by [`attribution`]), [`orphans`] places the
//! quotes no cue claimed, [`coref`] resolves speakers against earlier
//! mentions and [`output`] writes entity, SPEAKER, QUOTE and CUE spans and
//! the quotes linking them, keeping the classes [`RulesConfig`] asks for.

mod according;
mod agree;
mod attached;
mod attribution;
mod claims;
mod complement;
mod config;
mod content;
mod coordinate;
mod coref;
mod cues;
mod ends;
mod frames;
mod headline;
mod labels;
mod lexicon;
mod marks;
mod names;
mod orphans;
mod output;
mod para;
mod posts;
mod reported;
mod sentences;
mod shapes;
mod speakers;
mod verbs;
mod words;

#[cfg(test)]
mod tests;

use crate::model::Document;

use super::{Suggester, Suggestions, boilerplate, entities};

pub use config::{Interrupted, RulesConfig};

/// The name a speaker mention gives who is quoted: the mention without a
/// leading determiner ("a senior State Department official" → "senior State
/// Department official"). The rules name the speakers they find this way and
/// the editor names a speaker it links the same way, so one speaker is never
/// exported under two names.
pub fn speaker_name(mention: &str) -> String {
    coref::without_determiner(mention.trim())
}

/// The built-in suggestion engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct RulesSuggester {
    config: RulesConfig,
}

impl RulesSuggester {
    /// A suggester with the built-in lexicons and the default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// A suggester with the built-in lexicons and these settings.
    pub fn with_config(config: RulesConfig) -> Self {
        Self { config }
    }
}

impl Suggester for RulesSuggester {
    fn name(&self) -> &str {
        output::ENGINE
    }

    fn suggest(&self, doc: &Document) -> Suggestions {
        let text = doc.text();
        let skip = boilerplate::skip_ranges(doc);
        let mentions = entities::find_entities(text, &doc.paragraphs(), &skip);
        let runs = names::from_entities(text, &mentions);
        let mut found = Vec::new();
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
            let k = skip.partition_point(|b| b.end <= start);
            if skip.get(k).is_some_and(|b| b.start < end) {
                prev_open = false;
                index += 2;
                continue;
            }
            let p = para::Para::new(text, start, end, prev_open);
            let first = found.len();
            let mut used = vec![false; p.segs.len()];
            if let Some(f) = posts::post(text, &p, index) {
                found.push(f);
                used.fill(true);
            } else if let Some((f, seg)) = labels::label(text, &p, index) {
                found.push(f);
                if let Some(u) = seg.and_then(|s| used.get_mut(s)) {
                    *u = true;
                }
            } else if let Some((f, segs)) = headline::headline(text, &p, index) {
                found.push(f);
                for s in segs {
                    if let Some(u) = used.get_mut(s) {
                        *u = true;
                    }
                }
            } else {
                for &sent in &p.sents {
                    claims::sentence(text, &p, sent, index, &mut used, &mut found);
                }
            }
            let colon = found
                .last()
                .is_some_and(|f| f.content.is_empty())
                .then(|| found.pop())
                .flatten();
            orphans::attach(text, &p, index, &used, first, pending.take(), &mut found);
            pending = colon;
            prev_open = p.ends_open();
            index += 1;
        }
        let resolved = coref::resolve(text, &found, &runs);
        let mut out = output::build(
            &found,
            &resolved,
            entities::entity_spans(text, &mentions, &skip),
            &self.config,
        );
        out.boilerplate = skip;
        out
    }
}
