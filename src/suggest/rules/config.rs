//! What a project asks of the `rules` engine: which attribution classes it
//! suggests, and how an interrupted quote (`“A,” she said. “B.”`) is written.

use crate::suggest::{AttributionClass, ClassSet};

/// How an interrupted quote becomes suggestions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Interrupted {
    /// One quote whose content has several parts (PolNeAR, Byline's own gold).
    #[default]
    OneRecord,
    /// One quote per part, the parts sharing a group id (datasets that hold
    /// one span of content per record).
    PerSegment,
}

impl Interrupted {
    /// Both conventions, in menu order.
    pub const ALL: [Self; 2] = [Self::OneRecord, Self::PerSegment];

    /// The name used in settings and on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OneRecord => "one-record",
            Self::PerSegment => "per-segment",
        }
    }

    /// Parses a name as written by [`Interrupted::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// Settings of the `rules` engine; the default suggests speech and writing
/// and keeps an interrupted quote as one record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RulesConfig {
    /// The attribution classes suggested; the others are found and dropped.
    pub classes: ClassSet,
    /// How an interrupted quote is written.
    pub interrupted: Interrupted,
}

impl RulesConfig {
    /// Every attribution class, one record per quote: what PolNeAR marks.
    pub const ALL_CLASSES: Self = Self {
        classes: ClassSet::ALL,
        interrupted: Interrupted::OneRecord,
    };

    /// True when attributions of `class` are suggested.
    pub fn suggests(&self, class: AttributionClass) -> bool {
        self.classes.contains(class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions_round_trip_and_default_to_quotes() {
        for c in Interrupted::ALL {
            assert_eq!(Interrupted::parse(c.as_str()), Some(c));
        }
        let config = RulesConfig::default();
        assert_eq!(config.interrupted, Interrupted::OneRecord);
        assert!(config.suggests(AttributionClass::Speech));
        assert!(!config.suggests(AttributionClass::Belief));
        assert!(RulesConfig::ALL_CLASSES.suggests(AttributionClass::Evidence));
    }
}
