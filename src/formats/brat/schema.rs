//! What Byline and brat agree on: the label names PolNeAR uses for the
//! attribution roles, the default shape of an attribution event, and the
//! `meta.brat` record that keeps what the model has no place for, so a brat
//! document read and written back gives the same annotations and events.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{CUE, QUOTE, SPEAKER};

/// Key of the brat record in a document's `meta`.
pub const META_KEY: &str = "brat";

/// brat labels renamed on the way in: (brat label, Byline label).
pub const RENAMED: [(&str, &str); 3] = [("Content", QUOTE), ("Source", SPEAKER), ("Cue", CUE)];

/// Event role of quote content; a second content annotation is `Content2`, and so on.
pub const ROLE_CONTENT: &str = "Content";
/// Event role of the speaker.
pub const ROLE_SOURCE: &str = "Source";
/// Event role of the cue.
pub const ROLE_CUE: &str = "Cue";
/// Event type (and trigger label) of a quote with a speaker.
pub const EVENT_ATTRIBUTION: &str = "Attribution";
/// Event type (and trigger label) of a quote without a speaker.
pub const EVENT_NO_SOURCE: &str = "Attribution-no-source";
/// Relation type linking a mention to the earlier mention it refers to.
pub const RELATION_REFERS_TO: &str = "RefersTo";
/// Relation type linking the content of one segment of an interrupted quote
/// to the next segment's.
pub const RELATION_SEGMENT: &str = "Segment";
/// Attribute type holding a quote's kind when it is not the one brat readers infer.
pub const ATTRIBUTE_KIND: &str = "Kind";
/// Attribute type holding a quote's attribution class when it is not speech
/// (a quote without one is speech, as PolNeAR's attributions are read).
pub const ATTRIBUTE_CLASS: &str = "Class";

/// A text-bound annotation without its id: label and code point fragments in
/// file order. It is how the `meta.brat` record and the writer name a `T` line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Bound {
    /// brat label.
    pub label: String,
    /// `[start, end)` code point fragments, in file order.
    pub fragments: Vec<[usize; 2]>,
}

impl Bound {
    /// The first fragment in text order: how a one-span role (speaker, cue) is read.
    pub fn first_in_text(&self) -> Option<[usize; 2]> {
        self.fragments.iter().min().copied()
    }
}

/// One event argument.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RawArg {
    /// Role, e.g. `Content`, `Content2`, `Source`, `Cue`.
    pub role: String,
    /// The annotation filling it.
    pub target: Bound,
}

/// An event as the file had it, for events the default rendering would not
/// give back (another trigger, type or content grouping) and events without content.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RawEvent {
    /// Event type, also the trigger's label.
    #[serde(rename = "type")]
    pub kind: String,
    /// Trigger fragments.
    pub trigger: Vec<[usize; 2]>,
    /// Arguments.
    pub args: Vec<RawArg>,
}

impl RawEvent {
    /// Arguments sorted, so two renderings compare regardless of argument order.
    pub fn canonical(&self) -> Self {
        let mut args = self.args.clone();
        args.sort();
        Self {
            kind: self.kind.clone(),
            trigger: self.trigger.clone(),
            args,
        }
    }

    /// The quote this event reads as: sorted content fragments, first speaker
    /// fragment, first cue fragment. Two events with the same signature are the same quote.
    pub fn signature(&self) -> Signature {
        let mut content: Vec<[usize; 2]> = self
            .args
            .iter()
            .filter(|a| is_role(&a.role, ROLE_CONTENT))
            .flat_map(|a| a.target.fragments.iter().copied())
            .collect();
        content.sort_unstable();
        let first = |role: &str| {
            self.args
                .iter()
                .find(|a| is_role(&a.role, role))
                .and_then(|a| a.target.first_in_text())
        };
        Signature {
            content,
            speaker: first(ROLE_SOURCE),
            cue: first(ROLE_CUE),
        }
    }
}

/// What identifies a quote in code points: its content fragments (sorted),
/// speaker and cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Content fragments in text order.
    pub content: Vec<[usize; 2]>,
    /// Speaker range.
    pub speaker: Option<[usize; 2]>,
    /// Cue range.
    pub cue: Option<[usize; 2]>,
}

/// An annotator note on a text-bound annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The annotation noted.
    pub target: Bound,
    /// The note.
    pub text: String,
}

/// What a brat document keeps in `meta.brat` beyond the model's spans and quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BratMeta {
    /// Byline label → brat label, for labels renamed on the way in (`QUOTE` → `Content`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Discontinuous annotations other than quote content (one span per fragment in the model).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Bound>,
    /// Events the default rendering would not give back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RawEvent>,
    /// Annotator notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl BratMeta {
    /// The record in a document's meta; empty when absent or malformed.
    pub fn from_meta(meta: &Map<String, Value>) -> Self {
        meta.get(META_KEY)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    /// True when there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
            && self.groups.is_empty()
            && self.events.is_empty()
            && self.notes.is_empty()
    }

    /// The brat label for a Byline label: renamed back if it was renamed on the
    /// way in, otherwise the Byline label with whitespace turned into `_`.
    pub fn brat_label(&self, label: &str) -> String {
        match self.labels.get(label) {
            Some(original) => original.clone(),
            None => label.replace(char::is_whitespace, "_"),
        }
    }
}

/// The Byline label for a brat label, if it is one of the renamed ones.
pub fn byline_label(brat_label: &str) -> Option<&'static str> {
    RENAMED
        .iter()
        .find(|(brat, _)| *brat == brat_label)
        .map(|(_, byline)| *byline)
}

/// True when `role` is `base` or `base` followed by a number (`Content2`).
pub fn is_role(role: &str, base: &str) -> bool {
    role.strip_prefix(base)
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
}

/// The event type a quote gets unless `meta.brat` says otherwise.
pub fn default_event_type(has_speaker: bool) -> &'static str {
    if has_speaker {
        EVENT_ATTRIBUTION
    } else {
        EVENT_NO_SOURCE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_match_with_numbers_only() {
        assert!(is_role("Content", ROLE_CONTENT));
        assert!(is_role("Content2", ROLE_CONTENT));
        assert!(!is_role("Contents", ROLE_CONTENT));
        assert!(!is_role("Cue", ROLE_CONTENT));
    }

    #[test]
    fn labels_rename_both_ways() {
        assert_eq!(byline_label("Content"), Some(QUOTE));
        assert_eq!(byline_label("Discard"), None);
        let mut meta = BratMeta::default();
        meta.labels.insert(QUOTE.into(), "Content".into());
        assert_eq!(meta.brat_label(QUOTE), "Content");
        assert_eq!(meta.brat_label("MY LABEL"), "MY_LABEL");
    }

    #[test]
    fn signature_ignores_argument_order_and_grouping() {
        let bound = |label: &str, fragments: &[[usize; 2]]| Bound {
            label: label.into(),
            fragments: fragments.to_vec(),
        };
        let event = RawEvent {
            kind: EVENT_ATTRIBUTION.into(),
            trigger: vec![[10, 14]],
            args: vec![
                RawArg {
                    role: "Source".into(),
                    target: bound("Source", &[[5, 9]]),
                },
                RawArg {
                    role: "Content2".into(),
                    target: bound("Content", &[[30, 40]]),
                },
                RawArg {
                    role: "Content".into(),
                    target: bound("Content", &[[20, 25], [0, 4]]),
                },
            ],
        };
        let sig = event.signature();
        assert_eq!(sig.content, vec![[0, 4], [20, 25], [30, 40]]);
        assert_eq!(sig.speaker, Some([5, 9]));
        assert_eq!(sig.cue, None);
        let mut shuffled = event.clone();
        shuffled.args.reverse();
        assert_eq!(shuffled.canonical(), event.canonical());
    }
}
