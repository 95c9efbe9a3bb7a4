//! spaCy's `URL_MATCH` (`spacy/lang/tokenizer_exceptions.py`): a chunk that is a
//! URL, a bare domain or an e-mail address stays one token. The regex crate runs
//! in linear time, so a huge chunk cannot stall the tokenizer.

use std::sync::LazyLock;

use regex::Regex;

use super::chars::lower_class;

static URL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&pattern()).ok());

/// spaCy's pattern, less its look-aheads that refuse private IP addresses (the
/// regex crate has no look-around) and with the 63-character limits on domain
/// labels dropped (they make the automaton a hundred times larger).
fn pattern() -> String {
    let host_char = r"A-Za-z0-9\u{a1}-\u{ffff}";
    format!(
        r"^(?:[\w+\-.]{{2,}}://)?(?:\S+(?::\S*)?@)?(?:{ip}|(?:(?:[{h}][{h}_-]*)?[{h}]\.)+{tld}{tld}+)(?::\d{{2,5}})?(?:[/?#]\S*)?$",
        ip = r"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))",
        h = host_char,
        tld = lower_class(),
    )
}

/// True when spaCy would keep `s` whole as a URL, domain or e-mail address.
pub(super) fn is_url(s: &str) -> bool {
    // Every match needs a dot (before the top-level domain or inside the IP).
    s.contains('.') && URL.as_ref().is_some_and(|re| re.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_compiles() {
        assert!(URL.is_some());
    }

    #[test]
    fn matches_urls_domains_and_emails_only() {
        for url in [
            "https://www.reuters.com/world/china/",
            "example.com",
            "ana.diaz@example.org",
            "http://例え.テスト/パス",
            "talks.the",
        ] {
            assert!(is_url(url), "{url}");
        }
        for word in ["U.S.", "e.g", "end.The", "3.5", "well-known", "Díaz"] {
            assert!(!is_url(word), "{word}");
        }
    }
}
