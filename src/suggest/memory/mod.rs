//! The `memory` engine: what the editor accepted or rejected in this project,
//! applied to every document of it. Accept "Wang Yi" as PERSON once and it is
//! suggested wherever that token sequence appears; reject a suggestion and it
//! stops coming back, from any engine; name a quote's speaker once and the name
//! carries to other documents.
//!
//! The memory itself is plain data in the model ([`Memory`], updated from
//! each applied transaction by [`observe`](crate::model::memory::observe));
//! [`MemoryEngine`] wraps it for use while the editor works.

#[cfg(test)]
mod across_documents;
mod engine;
mod matcher;

pub use engine::MemoryEngine;

#[cfg(doc)]
use crate::model::memory::Memory;

/// The engine name written into every suggestion's origin.
pub const ENGINE: &str = "memory";

/// Case rule: an occurrence matches a remembered phrase when it is written the
/// same way, or in capitals (a headline: "WANG YI"). "Apple" is not "apple" and
/// "US" is not "us".
pub fn case_matches(occurrence: &str, remembered: &str) -> bool {
    occurrence == remembered
        || (occurrence.chars().any(char::is_uppercase)
            && !occurrence.chars().any(char::is_lowercase)
            && occurrence == remembered.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rule_allows_headline_capitals_only() {
        assert!(case_matches("Wang Yi", "Wang Yi"));
        assert!(case_matches("WANG YI", "Wang Yi"));
        assert!(case_matches("ÉLISÉE", "Élisée"));
        assert!(!case_matches("wang yi", "Wang Yi"));
        assert!(!case_matches("us", "US"));
        assert!(!case_matches("Apple", "apple"));
    }
}
