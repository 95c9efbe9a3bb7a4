//! The `learned` engine: an entity tagger trained on the project's reviewed
//! documents, so the suggestions learn the project's own conventions (a club
//! named after its city is an ORG on a sports desk) from the editor's
//! corrections rather than from exact strings.
//!
//! It is an averaged structured perceptron (Collins 2002) over a linear
//! chain of BILOU tags per line, decoded with Viterbi under the BILOU
//! constraints (`tags`, `decode`). Features (`features`, `context`): the word
//! and its neighbours, affixes, shape, line casing and position, gazetteer
//! hits, the rules engine's own tag for the token (so the model learns when
//! to trust the rules) and document-level context.
//!
//! Hand-written rather than a crate. `crfsuite` binds CRFsuite's C code;
//! `crfs` (0.4) is a pure-Rust port that now also trains (L-BFGS), but its
//! trainer writes the model to a file path and takes features as string
//! attributes, and L-BFGS CRF training costs many passes where a perceptron
//! needs a few; `linfa` has no sequence model. Here, ~1,000 lines train 200
//! short wire articles (CoNLL-2003's) in under a second on one core,
//! deterministically, and serialize byte-identically for the project file
//! (`bytes`). (`crfs` was
//! weighed from its documentation, not measured.)
//!
//! Flow: [`Model::train`] on reviewed documents; [`Model::predict`] with the
//! rules' suggestions for a document; [`Model::combine`] merges the two
//! (`combine`); [`LearnedSuggester`] does all three as a [`super::Suggester`].

mod bytes;
mod combine;
mod context;
mod decode;
mod features;
mod lines;
mod predict;
mod prepare;
mod suggester;
mod tags;
mod train;

#[cfg(test)]
mod tests;

pub use bytes::{FORMAT_VERSION, ModelError};
pub use combine::TRUST_AFTER;
pub use predict::Prediction;
pub use suggester::LearnedSuggester;

use rustc_hash::FxHashMap as HashMap;

use tags::TagSet;

/// The engine name written into every learned suggestion.
pub const ENGINE: &str = "learned";

/// How to train.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training lines.
    pub epochs: usize,
    /// Extra push away from a label the editor rejected on a token, on top
    /// of the usual update, each time the model still predicts it there.
    pub rejected_weight: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 8,
            rejected_weight: 1.0,
        }
    }
}

/// What a model is made of, as training or deserializing produces it.
struct Parts {
    tags: TagSet,
    refused: Vec<String>,
    rows: Vec<(u64, Vec<f32>)>,
    transitions: Vec<f32>,
    documents_seen: usize,
    scale: f32,
}

/// A trained tagger: averaged weights keyed by feature hash.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    tags: TagSet,
    /// Labels the training documents only ever rejected.
    refused: Vec<String>,
    /// Feature hash → row of `weights`.
    index: HashMap<u64, u32>,
    /// `tags.len()` weights per feature row.
    weights: Vec<f32>,
    /// Tag-to-tag scores, row 0 for the start of a line (see `decode`).
    transitions: Vec<f32>,
    /// The BILOU constraint table (derived from `tags`, not stored).
    allowed: Vec<bool>,
    documents_seen: usize,
    /// Margin at which a span's confidence is one half (see `predict`).
    scale: f32,
}

impl Model {
    /// A model that has learned nothing: it proposes no span.
    pub fn empty() -> Self {
        let parts = Parts {
            tags: TagSet::new(Vec::new()),
            refused: Vec::new(),
            rows: Vec::new(),
            transitions: Vec::new(),
            documents_seen: 0,
            scale: 1.0,
        };
        Self::from_parts(parts)
    }

    /// Builds a model; rows are (feature hash, one weight per tag) and are
    /// padded or cut to the tag count, transitions likewise.
    fn from_parts(parts: Parts) -> Self {
        let Parts {
            tags,
            refused,
            rows,
            mut transitions,
            documents_seen,
            scale,
        } = parts;
        let n = tags.len();
        let mut index = HashMap::default();
        let mut weights = Vec::with_capacity(rows.len() * n);
        for (hash, row) in rows {
            index.insert(hash, u32::try_from(index.len()).unwrap_or(u32::MAX));
            weights.extend(row.iter().copied().chain(std::iter::repeat(0.0)).take(n));
        }
        Self {
            allowed: decode::constraints(n),
            transitions: {
                transitions.resize((n + 1) * n, 0.0);
                transitions
            },
            tags,
            refused,
            index,
            weights,
            documents_seen,
            scale,
        }
    }

    /// Number of reviewed documents it was trained on: the combination
    /// trusts it from [`TRUST_AFTER`] on, `byline stats` reports it.
    pub fn documents_seen(&self) -> usize {
        self.documents_seen
    }

    /// The entity labels it proposes, sorted.
    pub fn labels(&self) -> &[String] {
        self.tags.labels()
    }

    /// Labels the editor only ever rejected in the training documents: the
    /// combination does not let the rules fill them in.
    pub fn refused(&self) -> &[String] {
        &self.refused
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.index.len()
    }
}
