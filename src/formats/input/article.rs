//! What the article readers (text, Markdown, HTML) record in `meta`: `title`,
//! `byline`, `dateline` where found, and `paragraphs`, the code point offsets
//! where paragraphs start. Wire conventions: a short first line is the
//! headline, a `By …` line is the byline, and a first paragraph may open with
//! a dateline like `BEIJING (Reuters) –` or `WASHINGTON, June 3 (AP) —`.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::model::document::paragraphs;
use crate::model::{Document, OffsetIndex};

/// How many paragraphs from the top may hold a byline or a dateline.
const HEAD_PARAGRAPHS: usize = 4;

static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // Wire style: the place in capitals (`SÃO PAULO, Brazil`), or — AFP style —
    // in title case when an agency in brackets follows (`Leipzig (Germany) (AFP)`).
    let capitals = r"\p{Lu}[\p{Lu}\p{M}.'’-]+(?: [\p{Lu}\p{M}][\p{Lu}\p{M}.'’-]*)*";
    let title = r"\p{Lu}[\p{L}\p{M}.'’-]+(?: \p{Lu}[\p{L}\p{M}.'’-]+){0,2}";
    let region =
        r"(?:, \p{Lu}[\p{L}\p{M}.]*(?: \p{Lu}[\p{L}\p{M}.]*)?| \(\p{Lu}[\p{L}\p{M}. ]{1,30}\))?";
    let date = r"(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?";
    let agency = r" \((?:AFP|AP|Reuters|dpa|DPA|Bloomberg|UPI|Xinhua|EFE|ANSA|PA|PTI|IANS|Kyodo|Yonhap|AA|ANP|TASS)\)";
    Regex::new(&format!(
        r"^((?:{capitals}{region}{date}(?: \([^()\n]{{1,40}}\))?|{title}{region}{date}{agency}))\s*(?:–|—|--|-)\s"
    ))
    .ok()
});

/// AFP-style bylines without `By`: given names in title case, surnames in
/// capitals (`Jan KÖHLER, with Marit SOLBERG in Oslo`).
static CAPITAL_SURNAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Ll}\p{M}'’-]+ \p{Lu}{2}[\p{Lu}\p{M}'’-]*(?:,| and |$)").ok()
});

static BYLINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:By|BY)\s+(\p{Lu}.{1,100})$").ok());

/// The metadata found in an article.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The headline.
    pub title: Option<String>,
    /// Who wrote it, without the leading `By`.
    pub byline: Option<String>,
    /// Place, date and agency opening the story, without the dash.
    pub dateline: Option<String>,
}

impl ArticleMeta {
    /// Fills the gaps in `self` from the text's own conventions.
    pub fn or_from_text(mut self, text: &str, with_title: bool) -> Self {
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .take(HEAD_PARAGRAPHS)
            .filter_map(|r| r.slice(text))
            .collect();
        if with_title && self.title.is_none() && paras.len() > 1 {
            self.title = paras
                .first()
                .filter(|p| is_headline(p))
                .map(|p| p.to_string());
        }
        if self.byline.is_none() {
            self.byline = paras.iter().flat_map(|p| p.lines()).find_map(byline_of);
        }
        if self.byline.is_none() {
            let capital_surname = |p: &str| {
                !p.contains('\n')
                    && p.len() <= 100
                    && CAPITAL_SURNAME.as_ref().is_some_and(|re| re.is_match(p))
            };
            let title = self.title.as_deref();
            self.byline = paras
                .iter()
                .find(|p| Some(**p) != title && capital_surname(p))
                .map(|p| p.to_string());
        }
        if self.dateline.is_none() {
            self.dateline = paras.iter().find_map(|p| dateline_of(p));
        }
        self
    }

    /// Writes the metadata and the paragraph starts into `doc.meta`.
    pub fn write(self, doc: &mut Document) {
        for (key, value) in [
            ("title", self.title),
            ("byline", self.byline),
            ("dateline", self.dateline),
        ] {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                doc.meta.insert(key.to_owned(), Value::String(value));
            }
        }
        let index = OffsetIndex::new(doc.text());
        let starts: Vec<Value> = paragraphs(doc.text())
            .iter()
            .filter_map(|r| index.byte_to_char(r.start).ok())
            .map(Value::from)
            .collect();
        doc.meta
            .insert("paragraphs".to_owned(), Value::Array(starts));
    }
}

/// A single short line that does not end like a sentence, a byline or a
/// dateline.
fn is_headline(paragraph: &str) -> bool {
    let line = paragraph.trim();
    let words = line.split_whitespace().count();
    !line.contains('\n')
        && (1..=30).contains(&words)
        && line.chars().count() <= 200
        && !line.ends_with(['.', ',', ';', ':'])
        && byline_of(line).is_none()
        && dateline_of(line).is_none()
}

/// Small words allowed between the capitalized names of a byline.
const NAME_JOINERS: &[&str] = &[
    "and", "&", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin",
];

/// The names in a `By …` line: every word is capitalized (names, agency) or
/// joins names.
pub fn byline_of(line: &str) -> Option<String> {
    let caps = BYLINE.as_ref()?.captures(line.trim())?;
    let names = caps.get(1)?.as_str().trim();
    let all_names = names.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || NAME_JOINERS.contains(&word)
    });
    all_names.then(|| names.to_owned())
}

/// The dateline opening a paragraph, without its dash.
pub fn dateline_of(paragraph: &str) -> Option<String> {
    let caps = DATELINE.as_ref()?.captures(paragraph.trim_start())?;
    Some(caps.get(1)?.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_wire_datelines() {
        for (text, dateline) in [
            ("BEIJING (Reuters) – Talks began.", "BEIJING (Reuters)"),
            (
                "WASHINGTON, June 3 (AP) — The Senate voted.",
                "WASHINGTON, June 3 (AP)",
            ),
            (
                "SÃO PAULO, Brazil (Reuters) - Prices rose.",
                "SÃO PAULO, Brazil (Reuters)",
            ),
            ("THE HAGUE -- Judges ruled.", "THE HAGUE"),
            ("LONDON, Jan. 5 — Rain.", "LONDON, Jan. 5"),
            (
                "Leipzig (Germany) (AFP) - Signed.",
                "Leipzig (Germany) (AFP)",
            ),
            ("Kassel, Germany (AFP) – Returned.", "Kassel, Germany (AFP)"),
        ] {
            assert_eq!(dateline_of(text).as_deref(), Some(dateline), "{text}");
        }
        for text in [
            "US Secretary of State Antony Blinken – who arrived – spoke.",
            "The talks – long delayed – began.",
            "UPDATE: the vote moved.",
            "I - for one - agree.",
            "The talks (Reuters) – stalled.",
            "Officials (in private) – no.",
        ] {
            assert_eq!(dateline_of(text), None, "{text}");
        }
    }

    #[test]
    fn finds_bylines() {
        assert_eq!(
            byline_of("By Ana Díaz and Tom Hogue").as_deref(),
            Some("Ana Díaz and Tom Hogue")
        );
        assert_eq!(
            byline_of("BY JANE DOE, Reuters").as_deref(),
            Some("JANE DOE, Reuters")
        );
        assert_eq!(byline_of("By the time they arrived, it was over."), None);
        assert_eq!(byline_of("By Monday, officials said"), None);
    }

    #[test]
    fn takes_a_headline_only_when_it_looks_like_one() {
        let meta = ArticleMeta::default().or_from_text(
            "Talks stall in Geneva\n\nBy Ana Díaz\n\nGENEVA (Reuters) – No deal.",
            true,
        );
        assert_eq!(meta.title.as_deref(), Some("Talks stall in Geneva"));
        assert_eq!(meta.byline.as_deref(), Some("Ana Díaz"));
        assert_eq!(meta.dateline.as_deref(), Some("GENEVA (Reuters)"));
        let sentence =
            ArticleMeta::default().or_from_text("The talks stalled.\n\nMore later.", true);
        assert_eq!(sentence.title, None);
        let single = ArticleMeta::default().or_from_text("Just one line", true);
        assert_eq!(single.title, None);
        let afp = ArticleMeta::default().or_from_text(
            "Deal done\n\nJan KÖHLER, with Marit SOLBERG in Oslo\n\nLeipzig (AFP) - Done.",
            true,
        );
        assert_eq!(
            afp.byline.as_deref(),
            Some("Jan KÖHLER, with Marit SOLBERG in Oslo")
        );
        assert_eq!(afp.dateline.as_deref(), Some("Leipzig (AFP)"));
    }
}
