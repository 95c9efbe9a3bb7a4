//! What the tagger knows about a word beyond its line: the casing of the
//! line it is in (an ALL CAPS line or a title-case headline says nothing
//! about names), and the document around it: how the rules labelled the
//! same word form elsewhere, and whether it is capitalised where casing
//! means something (inside a sentence of an ordinary line).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lines::Line;
use crate::model::ByteRange;

/// How a line is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineCase {
    /// Running text: a capital means something.
    Normal,
    /// Every letter upper case (`SOCCER - LEEDS WIN`).
    Caps,
    /// Most words capitalised (`Leeds Beat Arsenal In Cup Final`).
    Title,
}

impl LineCase {
    /// The casing of a line of tokens.
    pub fn of(text: &str, tokens: &[ByteRange]) -> Self {
        let mut letters = false;
        let mut any_lower = false;
        let (mut long, mut capital) = (0, 0);
        for word in tokens.iter().filter_map(|t| t.slice(text)) {
            let mut chars = word.chars().filter(|c| c.is_alphabetic());
            let Some(first) = chars.next() else { continue };
            letters = true;
            any_lower |= first.is_lowercase() || chars.clone().any(char::is_lowercase);
            if word.chars().count() > 3 {
                long += 1;
                capital += usize::from(first.is_uppercase());
            }
        }
        if letters && !any_lower && tokens.len() > 1 {
            Self::Caps
        } else if long >= 3 && capital * 10 >= long * 8 {
            Self::Title
        } else {
            Self::Normal
        }
    }

    /// Name used in feature values.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Normal => "n",
            Self::Caps => "c",
            Self::Title => "t",
        }
    }
}

/// The compact shape of a word: letters by case, digits as `d`, runs
/// collapsed (`Díaz` → `Xx`, `U.S.` → `X.X.`, `1996-08-22` → `d-d-d`).
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = None;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// True when a token ends a sentence, so the next one starts one.
pub fn ends_sentence(word: &str) -> bool {
    matches!(
        word,
        "." | "!" | "?" | ":" | "\"" | "“" | "”" | "-" | "—" | "–"
    )
}

/// Facts about word forms over the whole document.
#[derive(Debug, Default)]
pub struct DocContext {
    /// Lowercased form → the label the rules gave it most often.
    rules_label: HashMap<String, String>,
    /// Lowercased forms written with a capital inside a sentence of a normal line.
    capitalised: HashSet<String>,
    /// Lowercased forms written all in lower case somewhere.
    lower: HashSet<String>,
}

impl DocContext {
    /// Reads the document's lines; `rules` holds each line's rules label per token.
    pub fn new(text: &str, lines: &[Line], rules: &[Vec<Option<&str>>]) -> Self {
        let mut counts: HashMap<String, Vec<(String, usize)>> = HashMap::default();
        let mut ctx = Self::default();
        for (line, labels) in lines.iter().zip(rules) {
            let case = LineCase::of(text, &line.tokens);
            let mut start = true;
            for (i, t) in line.tokens.iter().enumerate() {
                let word = t.slice(text).unwrap_or("");
                let first = word.chars().next();
                if first.is_some_and(char::is_alphabetic) {
                    let lower = word.to_lowercase();
                    if lower == word {
                        ctx.lower.insert(lower.clone());
                    } else if case == LineCase::Normal && !start {
                        ctx.capitalised.insert(lower.clone());
                    }
                    if let Some(label) = labels.get(i).copied().flatten() {
                        let slot = counts.entry(lower).or_default();
                        match slot.iter_mut().find(|(l, _)| l == label) {
                            Some((_, n)) => *n += 1,
                            None => slot.push((label.to_owned(), 1)),
                        }
                    }
                }
                start = ends_sentence(word);
            }
        }
        for (form, mut labels) in counts {
            labels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            if let Some((label, _)) = labels.into_iter().next() {
                ctx.rules_label.insert(form, label);
            }
        }
        ctx
    }

    /// The label the rules gave this (lowercased) form most often in the document.
    pub fn rules_label(&self, lower: &str) -> Option<&str> {
        self.rules_label.get(lower).map(String::as_str)
    }

    /// True when the form is capitalised inside a sentence somewhere.
    pub fn capitalised(&self, lower: &str) -> bool {
        self.capitalised.contains(lower)
    }

    /// True when the form is written in lower case somewhere.
    pub fn lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::learned::lines::lines;

    #[test]
    fn shapes_and_line_cases() {
        assert_eq!(shape("Díaz"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "d-d-d");
        let case = |s: &str| LineCase::of(s, &lines(s, &[])[0].tokens);
        assert_eq!(case("SOCCER - LEEDS WIN 2-1"), LineCase::Caps);
        assert_eq!(case("Leeds Beat Arsenal In Final"), LineCase::Title);
        assert_eq!(case("Leeds beat Arsenal in the final."), LineCase::Normal);
    }

    #[test]
    fn document_context_reads_other_mentions() {
        let text = "LEEDS WIN\n\nFans of Leeds cheered. Leeds won and leeds fans sang.";
        let found = lines(text, &[]);
        let rules: Vec<Vec<Option<&str>>> = found
            .iter()
            .map(|l| {
                l.tokens
                    .iter()
                    .map(|t| (t.slice(text) == Some("Leeds")).then_some("ORG"))
                    .collect()
            })
            .collect();
        let ctx = DocContext::new(text, &found, &rules);
        assert_eq!(ctx.rules_label("leeds"), Some("ORG"));
        assert!(ctx.capitalised("leeds") && ctx.lower("leeds"));
        assert!(
            !ctx.capitalised("fans"),
            "sentence-initial capitals do not count"
        );
    }
}
