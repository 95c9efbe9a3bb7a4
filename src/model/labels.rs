//! The label set: which labels exist, their layer, colour and shortcut key.
//! The default comes from `assets/labels.json`; a project may bring its own.

use serde::{Deserialize, Serialize};

use super::span::Layer;

/// Label of a quote's content span (the reported words). Files that carry
/// quotes as relations label them from the QUOTE span to its speaker and cue.
pub const QUOTE: &str = "QUOTE";
/// Label of a quote's speaker span (the source mention), and of the relation
/// from a QUOTE span to it.
pub const SPEAKER: &str = "SPEAKER";
/// Label of a quote's cue span (`said`, `according to`), and of the relation
/// from a QUOTE span to it.
pub const CUE: &str = "CUE";

/// The label set shipped with Byline.
const BUILTIN: &str = include_str!("../../assets/labels.json");

/// One label the editor can apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelDef {
    /// Name written in files, e.g. `PERSON`.
    pub name: String,
    /// Layer the label belongs to.
    pub layer: Layer,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// Shortcut key (a single character), if any.
    #[serde(default)]
    pub key: Option<String>,
    /// One line for tooltips and the shortcut sheet.
    #[serde(default)]
    pub description: String,
}

impl LabelDef {
    /// The colour as RGB bytes; grey when the hex string is malformed.
    pub fn rgb(&self) -> [u8; 3] {
        parse_hex_color(&self.color).unwrap_or([128, 128, 128])
    }
}

/// Why a label set cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LabelSetError {
    /// The JSON does not have the expected shape.
    #[error("label set is not valid: {0}")]
    Json(#[from] serde_json::Error),
    /// A field holds a value we cannot use.
    #[error("label {label}: {problem}")]
    Invalid {
        /// The label concerned.
        label: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// The labels of a project, in palette order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelSet {
    /// Labels in palette order.
    pub labels: Vec<LabelDef>,
}

impl Default for LabelSet {
    fn default() -> Self {
        Self::builtin()
    }
}

impl LabelSet {
    /// The label set in `assets/labels.json`.
    pub fn builtin() -> Self {
        Self::from_json(BUILTIN).unwrap_or_else(|_| Self { labels: Vec::new() })
    }

    /// Parses and validates a label set.
    pub fn from_json(json: &str) -> Result<Self, LabelSetError> {
        let set: Self = serde_json::from_str(json)?;
        for (i, label) in set.labels.iter().enumerate() {
            let invalid = |problem: &str| LabelSetError::Invalid {
                label: label.name.clone(),
                problem: problem.to_owned(),
            };
            if label.name.trim().is_empty() {
                return Err(invalid("empty name"));
            }
            if set.labels[..i].iter().any(|l| l.name == label.name) {
                return Err(invalid("name used twice"));
            }
            if parse_hex_color(&label.color).is_none() {
                return Err(invalid("colour must be #rrggbb"));
            }
            if label.key.as_ref().is_some_and(|k| k.chars().count() != 1) {
                return Err(invalid("key must be one character"));
            }
        }
        Ok(set)
    }

    /// A label by name.
    pub fn get(&self, name: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The layer of a label; unknown labels are treated as entities.
    pub fn layer_of(&self, name: &str) -> Layer {
        self.get(name).map_or(Layer::Entity, |l| l.layer)
    }

    /// The label bound to a shortcut key.
    pub fn by_key(&self, key: char) -> Option<&LabelDef> {
        self.labels
            .iter()
            .find(|l| l.key.as_deref().and_then(|k| k.chars().next()) == Some(key))
    }

    /// Labels of one layer, in palette order.
    pub fn of_layer(&self, layer: Layer) -> impl Iterator<Item = &LabelDef> {
        self.labels.iter().filter(move |l| l.layer == layer)
    }
}

fn parse_hex_color(hex: &str) -> Option<[u8; 3]> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_set_has_the_default_labels() {
        let set = LabelSet::builtin();
        for name in ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "EVENT"] {
            assert_eq!(set.layer_of(name), Layer::Entity, "{name}");
        }
        for name in [QUOTE, SPEAKER, CUE] {
            assert_eq!(set.layer_of(name), Layer::Attribution, "{name}");
        }
        assert_eq!(set.by_key('1').map(|l| l.name.as_str()), Some("PERSON"));
        assert_eq!(set.get("ORG").unwrap().rgb(), [0x4f, 0x9b, 0xd9]);
    }

    #[test]
    fn refuses_bad_label_sets_by_name() {
        let dup = r##"{"labels":[{"name":"A","layer":"entity","color":"#000000"},{"name":"A","layer":"entity","color":"#000000"}]}"##;
        assert!(
            LabelSet::from_json(dup)
                .unwrap_err()
                .to_string()
                .contains("label A")
        );
        let color = r##"{"labels":[{"name":"B","layer":"entity","color":"red"}]}"##;
        assert!(
            LabelSet::from_json(color)
                .unwrap_err()
                .to_string()
                .contains("colour")
        );
        assert!(LabelSet::from_json("{").is_err());
    }
}
