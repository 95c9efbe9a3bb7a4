//! What a project asks of the `rules` engine: which attribution classes it
//! suggests, and how an interrupted quote (`“A,” she said. “B.”`) is written.

pub use crate::model::Interrupted;
use crate::suggest::{AttributionClass, ClassSet};

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
    fn conventions_default_to_quotes() {
        let config = RulesConfig::default();
        assert_eq!(config.interrupted, Interrupted::OneRecord);
        assert!(config.suggests(AttributionClass::Speech));
        assert!(!config.suggests(AttributionClass::Belief));
        assert!(RulesConfig::ALL_CLASSES.suggests(AttributionClass::Evidence));
    }
}
