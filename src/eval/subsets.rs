//! The PolNeAR subsets an attribution can belong to, decided on its text the
//! same way for gold and prediction: **speech** when its cue holds a speech
//! verb (`assets/speech-verbs.txt`) or "according to"; **direct** when its
//! content holds a quotation mark or one stands right beside it (directly
//! before a fragment, or after it past closing `,` `.` `!` `?` `;` `:`).

use std::collections::HashSet;

use crate::model::ByteRange;
use crate::model::quote::has_quote_mark;

/// The speech verb list shipped with Byline.
const SPEECH_VERBS: &str = include_str!("../../assets/speech-verbs.txt");

/// Which subsets a quote is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Subsets {
    /// Its cue is a speech verb or "according to".
    pub speech: bool,
    /// Its content is in quotation marks.
    pub direct: bool,
}

/// Decides subsets; built once per evaluation.
pub struct Classifier {
    verbs: HashSet<&'static str>,
}

impl Default for Classifier {
    fn default() -> Self {
        Self {
            verbs: SPEECH_VERBS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    }
}

impl Classifier {
    /// True when the cue text is a speech cue.
    pub fn is_speech(&self, cue: &str) -> bool {
        let cue = cue.to_lowercase();
        let words: Vec<&str> = cue
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.windows(2).any(|w| w == ["according", "to"])
            || words.iter().any(|w| self.verbs.contains(w))
    }

    /// The subsets of a quote with these content fragments and cue, in `text`.
    pub fn subsets(&self, text: &str, content: &[ByteRange], cue: Option<ByteRange>) -> Subsets {
        Subsets {
            speech: cue
                .and_then(|c| c.slice(text))
                .is_some_and(|c| self.is_speech(c)),
            direct: content.iter().any(|r| is_direct(text, *r)),
        }
    }
}

/// True when `range` holds a quotation mark or one stands right beside it.
fn is_direct(text: &str, range: ByteRange) -> bool {
    let inside = range.slice(text).is_some_and(has_quote_mark);
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    let after = text.get(range.end..).and_then(|t| {
        t.chars()
            .find(|c| !matches!(c, ',' | '.' | '!' | '?' | ';' | ':'))
    });
    let mark = |c: Option<char>| c.is_some_and(|c| has_quote_mark(c.encode_utf8(&mut [0; 4])));
    inside || mark(before) || mark(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range_of(text: &str, needle: &str) -> ByteRange {
        let start = text.find(needle).unwrap();
        ByteRange::new(start, start + needle.len())
    }

    #[test]
    fn speech_cues_include_inflections_and_according_to() {
        let c = Classifier::default();
        for cue in [
            "said",
            "Told reporters",
            "according to",
            "has warned",
            "wrote:",
        ] {
            assert!(c.is_speech(cue), "{cue}");
        }
        for cue in ["believes", "has learned", "polls show", "accordingly"] {
            assert!(!c.is_speech(cue), "{cue}");
        }
    }

    #[test]
    fn direct_when_a_mark_is_inside_or_beside() {
        let text = "“We will rebuild,” Díaz said. She said they would. He called it «unfair».";
        let c = Classifier::default();
        let direct = |needle: &str| c.subsets(text, &[range_of(text, needle)], None).direct;
        assert!(direct("We will rebuild"));
        assert!(direct("“We will rebuild,”"));
        assert!(direct("unfair"));
        assert!(!direct("they would"));
    }
}
