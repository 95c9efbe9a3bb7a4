//! Spans: labelled byte ranges of a document, with where they came from and
//! whether the editor has reviewed them.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::offsets::ByteRange;

/// Stable identity of a span inside its document. Quotes and links point at
/// spans by id, never by list position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SpanId(pub u64);

/// Which annotation layer a span belongs to. Spans of different layers may overlap
/// and nest (a quote contains entities).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Named things: PERSON, ORG, GPE, …
    Entity,
    /// Who said what: QUOTE, SPEAKER, CUE.
    Attribution,
}

impl Layer {
    /// The name used in files and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Entity => "entity",
            Self::Attribution => "attribution",
        }
    }
}

/// Where a span came from: typed in by the editor or proposed by an engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// Made by the editor (or imported as gold).
    Manual,
    /// Proposed by a suggestion engine.
    Suggested {
        /// Engine name, e.g. `rules`, `memory`, `external`; borrowed when
        /// the engine's own constant, so suggesting allocates nothing for it.
        engine: Cow<'static, str>,
        /// The rule or pattern that fired, for auditing suggestion quality.
        rule: Cow<'static, str>,
        /// Confidence in `0.0..=1.0`.
        score: f32,
    },
}

impl Origin {
    /// A suggestion origin.
    pub fn suggested(engine: impl Into<String>, rule: impl Into<String>, score: f32) -> Self {
        Self::Suggested {
            engine: Cow::Owned(engine.into()),
            rule: Cow::Owned(rule.into()),
            score,
        }
    }

    /// A suggestion origin whose engine and rule names are constants, as a
    /// built-in engine's are: made for every suggested span, so it copies
    /// neither name.
    pub const fn suggested_static(engine: &'static str, rule: &'static str, score: f32) -> Self {
        Self::Suggested {
            engine: Cow::Borrowed(engine),
            rule: Cow::Borrowed(rule),
            score,
        }
    }
}

/// Review state of a span or quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanState {
    /// Suggested, not yet reviewed.
    Pending,
    /// Confirmed by the editor (manual spans start here).
    Accepted,
    /// Turned down by the editor; kept so it is not suggested again.
    Rejected,
}

impl SpanState {
    /// The name used in files and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }
}

/// One labelled range of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Stable id inside the document.
    pub id: SpanId,
    /// Byte range into the document text, on char boundaries.
    pub range: ByteRange,
    /// Label name, e.g. `PERSON` or `QUOTE`.
    pub label: String,
    /// The layer the label belongs to.
    pub layer: Layer,
    /// Who made it.
    pub origin: Origin,
    /// Whether it has been reviewed.
    pub state: SpanState,
    /// An earlier mention this one refers to (`he`, `the official` → `Antony Blinken`).
    pub refers_to: Option<SpanId>,
}

impl Span {
    /// A manual, accepted span, as the editor or a gold file makes it.
    pub fn manual(id: SpanId, range: ByteRange, label: impl Into<String>, layer: Layer) -> Self {
        Self {
            id,
            range,
            label: label.into(),
            layer,
            origin: Origin::Manual,
            state: SpanState::Accepted,
            refers_to: None,
        }
    }

    /// A pending suggestion.
    pub fn suggested(
        id: SpanId,
        range: ByteRange,
        label: impl Into<String>,
        layer: Layer,
        origin: Origin,
    ) -> Self {
        Self {
            id,
            range,
            label: label.into(),
            layer,
            origin,
            state: SpanState::Pending,
            refers_to: None,
        }
    }

    /// The covered text.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        self.range.slice(doc_text).unwrap_or("")
    }
}
