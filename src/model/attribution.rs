//! What kind of attribution a quote is — speech, writing, belief, stance or
//! evidence — and the set of kinds a project wants suggested.
//! Quote datasets differ here: a quote-attribution set wants what people said
//! or wrote, PolNeAR-style sets also want beliefs, stances and findings.

use serde::{Deserialize, Serialize};

/// How an attribution reports its content. Quotes made before classes
/// existed, and files that carry none, are speech.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum AttributionClass {
    /// Words someone said: `she said`, `“…,” he added`, `according to X`.
    #[default]
    Speech,
    /// Words someone wrote or posted: `wrote`, `tweeted`, `the statement said`.
    Writing,
    /// What someone thinks: `believes`, `expects`, `is afraid that`.
    Belief,
    /// What someone wants, plans, refuses or attacks: `plans to`, `declined to`.
    Stance,
    /// What a document or an inquiry shows: `the poll found`, `data show`.
    Evidence,
}

impl AttributionClass {
    /// Every class, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Speech,
        Self::Writing,
        Self::Belief,
        Self::Stance,
        Self::Evidence,
    ];

    /// The name used in files, settings and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Speech => "speech",
            Self::Writing => "writing",
            Self::Belief => "belief",
            Self::Stance => "stance",
            Self::Evidence => "evidence",
        }
    }

    /// Cues of the class, to say on screen what choosing it brings.
    pub const fn examples(self) -> &'static str {
        match self {
            Self::Speech => "said, told, according to",
            Self::Writing => "wrote, tweeted, the statement said",
            Self::Belief => "believes, expects, is afraid that",
            Self::Stance => "plans to, declined to, promised",
            Self::Evidence => "the report found, data show",
        }
    }

    /// Parses a name as written by [`AttributionClass::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of attribution classes: which ones an engine suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClassSet(u8);

impl ClassSet {
    /// No class.
    pub const NONE: Self = Self(0);
    /// Every class (PolNeAR-style annotation).
    pub const ALL: Self = Self(0b1_1111);
    /// What quote datasets hold: speech and writing.
    pub const QUOTES: Self = Self(AttributionClass::Speech.bit() | AttributionClass::Writing.bit());

    /// True when `class` is in the set.
    pub const fn contains(self, class: AttributionClass) -> bool {
        self.0 & class.bit() != 0
    }

    /// The set with `class` added.
    #[must_use]
    pub const fn with(self, class: AttributionClass) -> Self {
        Self(self.0 | class.bit())
    }

    /// The set with `class` taken out if it was in, put in if it was not:
    /// what ticking its box in a list of classes does.
    #[must_use]
    pub const fn toggled(self, class: AttributionClass) -> Self {
        Self(self.0 ^ class.bit())
    }

    /// True when the set holds no class.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The classes in the set, in [`AttributionClass::ALL`] order, as
    /// [`ClassSet::parse`] reads them back (`speech,writing`).
    pub fn names(self) -> String {
        AttributionClass::ALL
            .into_iter()
            .filter(|&c| self.contains(c))
            .map(AttributionClass::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Parses a comma-separated list of class names, or `all`.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut set = Self::NONE;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            set = match (name, AttributionClass::parse(name)) {
                ("all", _) => Self::ALL,
                (_, Some(class)) => set.with(class),
                (_, None) => {
                    return Err(format!(
                        "unknown attribution class `{name}` (speech, writing, belief, stance, evidence or all)"
                    ));
                }
            };
        }
        if set == Self::NONE {
            return Err("no attribution class given".to_owned());
        }
        Ok(set)
    }
}

impl Default for ClassSet {
    fn default() -> Self {
        Self::QUOTES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for class in AttributionClass::ALL {
            assert_eq!(AttributionClass::parse(class.as_str()), Some(class));
        }
        assert_eq!(AttributionClass::parse("Speech"), None);
    }

    #[test]
    fn sets_parse_lists_and_all() {
        let set = ClassSet::parse("speech, belief").unwrap();
        assert!(set.contains(AttributionClass::Speech));
        assert!(set.contains(AttributionClass::Belief));
        assert!(!set.contains(AttributionClass::Writing));
        assert_eq!(ClassSet::parse("all"), Ok(ClassSet::ALL));
        let ticked = set.toggled(AttributionClass::Belief);
        assert!(!ticked.contains(AttributionClass::Belief));
        assert_eq!(ticked.toggled(AttributionClass::Belief), set);
        assert!(ClassSet::NONE.is_empty() && !ticked.is_empty());
        assert!(ClassSet::parse("speech,gossip").is_err());
        assert!(ClassSet::parse("").is_err());
        let default = ClassSet::default();
        assert!(default.contains(AttributionClass::Writing));
        assert!(!default.contains(AttributionClass::Stance));
        for set in [default, ClassSet::ALL, set] {
            assert_eq!(ClassSet::parse(&set.names()), Ok(set));
        }
        assert_eq!(default.names(), "speech,writing");
    }

    #[test]
    fn classes_are_written_in_lowercase() {
        let json = serde_json::to_string(&AttributionClass::Evidence).unwrap();
        assert_eq!(json, "\"evidence\"");
        let back: AttributionClass = serde_json::from_str("\"belief\"").unwrap();
        assert_eq!(back, AttributionClass::Belief);
    }
}
