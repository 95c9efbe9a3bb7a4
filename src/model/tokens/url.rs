//! spaCy's `URL_MATCH` (`spacy/lang/tokenizer_exceptions.py`): a chunk that is a
//! URL, a bare domain or an e-mail address stays one token. The regex crate runs
//! in linear time, so a huge chunk cannot stall the tokenizer; it has no
//! look-ahead, so spaCy's refusal of private IP addresses is checked apart.

use std::sync::LazyLock;

use regex::Regex;

use super::chars::lower_class;

/// The parts of spaCy's pattern: what may precede the host, and the host with
/// its port and path.
struct Url {
    /// The whole pattern, less spaCy's look-ahead refusing private IP addresses.
    whole: Regex,
    /// `scheme://`, when there is one.
    scheme: Regex,
    /// A domain name, port and path, anchored at both ends.
    domain_on: Regex,
    /// An IP address, port and path, anchored at both ends.
    ip_on: Regex,
    /// What spaCy's look-ahead refuses as an IP address.
    private: Regex,
}

static URL: LazyLock<Option<Url>> = LazyLock::new(Url::new);

/// Strings longer than this skip the exact private-address check (which tries
/// each `@` as the end of a user name); no real URL comes close.
const EXACT_CHECK_BYTES: usize = 4096;

impl Url {
    /// spaCy's pattern, with the 63-character limits on domain labels dropped
    /// (they make the automaton a hundred times larger).
    fn new() -> Option<Self> {
        let h = r"A-Za-z0-9\u{a1}-\u{ffff}";
        let tld = lower_class();
        let ip = r"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))";
        let domain = format!(r"(?:(?:[{h}][{h}_-]*)?[{h}]\.)+{tld}{tld}+");
        let tail = r"(?::\d{2,5})?(?:[/?#]\S*)?$";
        let scheme = r"^[\w+\-.]{2,}://";
        let private = r"^(?:(?:10|127)(?:\.\d{1,3}){3}|(?:169\.254|192\.168)(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})";
        Some(Self {
            whole: Regex::new(&format!(
                r"^(?:[\w+\-.]{{2,}}://)?(?:\S+(?::\S*)?@)?(?:{ip}|{domain}){tail}"
            ))
            .ok()?,
            scheme: Regex::new(scheme).ok()?,
            domain_on: Regex::new(&format!("^{domain}{tail}")).ok()?,
            ip_on: Regex::new(&format!("^{ip}{tail}")).ok()?,
            private: Regex::new(private).ok()?,
        })
    }

    /// spaCy's match, look-ahead included: some way to read a scheme and a
    /// user name leaves a domain name, or an IP address that is not private.
    fn matches(&self, s: &str) -> bool {
        if !self.whole.is_match(s) {
            return false;
        }
        let private_inside = ["10.", "127.", "169.254", "192.168", "172."]
            .iter()
            .any(|ip| s.contains(ip));
        if !private_inside || s.len() > EXACT_CHECK_BYTES {
            return true;
        }
        let after_scheme = self.scheme.find(s).map(|m| m.end());
        [after_scheme, Some(0)].into_iter().flatten().any(|base| {
            let users = s
                .match_indices('@')
                .filter(|(at, _)| *at > base)
                .map(|(at, _)| at + 1);
            std::iter::once(base).chain(users).any(|host| {
                let rest = &s[host..];
                self.domain_on.is_match(rest)
                    || (!self.private.is_match(rest) && self.ip_on.is_match(rest))
            })
        })
    }
}

/// True when spaCy would keep `s` whole as a URL, domain or e-mail address.
pub(super) fn is_url(s: &str) -> bool {
    // Every match needs a dot (before the top-level domain or inside the IP).
    s.contains('.') && URL.as_ref().is_some_and(|url| url.matches(s))
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

    #[test]
    fn refuses_private_addresses_as_spacy_does() {
        for private in ["10.0.0.1/admin", "http://192.168.1.1:8080/", "x@127.0.0.1"] {
            assert!(!is_url(private), "{private}");
        }
        for public in [
            "8.8.8.8/dns",
            "http://10.0.0.1@example.com/",
            "ana@192.168.1.1.example.org",
        ] {
            assert!(is_url(public), "{public}");
        }
    }
}
