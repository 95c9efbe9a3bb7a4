//! Capitalised name runs (`US Secretary of State Antony Blinken`) split into
//! their titles and the bare name, so speaker resolution can find the full
//! name behind `Blinken` and the person behind `the minister`. A stand-in
//! until entity mentions from the entity finder are passed in.

use super::lexicon::{self, Gender};
use super::para::Para;
use super::words::Kind;

/// Words that make a capitalised run an organisation or place, not a person.
const ORG_WORDS: &[&str] = &[
    "House",
    "Department",
    "Ministry",
    "Party",
    "Council",
    "Committee",
    "Court",
    "Bank",
    "Agency",
    "University",
    "Office",
    "Senate",
    "Congress",
    "Post",
    "Times",
    "News",
    "Inc",
    "Corp",
    "Group",
    "Association",
    "Institute",
    "Center",
    "Centre",
    "Foundation",
    "Commission",
    "Service",
    "Union",
    "Administration",
    "Campaign",
    "Street",
    "Journal",
    "Network",
    "Reuters",
    "Press",
    "States",
    "Republic",
    "Kingdom",
    "Airlines",
    "Company",
    "Organization",
    "Fund",
    "Board",
    "Police",
];

/// A name mention: the whole run and the bare name after its titles, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct NameRun {
    /// The run with its titles.
    pub range: (usize, usize),
    /// The bare name (`Antony Blinken`).
    pub name: (usize, usize),
    /// Title words before the name, lowercase (`secretary`, `minister`).
    pub titles: Vec<String>,
    /// Gender told by an honorific or title.
    pub gender: Option<Gender>,
}

impl NameRun {
    /// The last word of the bare name (`Blinken`).
    pub fn surname<'t>(&self, text: &'t str) -> &'t str {
        let name = text.get(self.name.0..self.name.1).unwrap_or("");
        name.rsplit(' ').next().unwrap_or(name)
    }
}

/// `J. Smith`, `Ruth van Dijk`: a full stop after a short word, or a
/// lowercase connector, inside a name.
fn joins_name(text: &str, toks: &[super::words::Tok], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return false;
    };
    let short_before = at > 0 && toks[at - 1].end - toks[at - 1].start <= 3;
    (t.is(text, '.') && short_before)
        || (t.kind == Kind::Word && lexicon::is_connector(t.text(text)) && t.text(text) != "and")
}

/// Person-like name runs of one paragraph: two or more capitalised words
/// after the titles, or one after an honorific or title.
pub fn runs(text: &str, p: &Para, out: &mut Vec<NameRun>) {
    let toks = &p.toks;
    let mut i = 0;
    while i < toks.len() {
        let capital = |j: usize| {
            toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.cap
                    && !lexicon::is_stop(t.text(text))
                    && !lexicon::is_determiner(t.text(text))
            })
        };
        if !capital(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if capital(end) {
                end += 1;
            } else if capital(end + 1) && joins_name(text, toks, end) {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        let words: Vec<&str> = toks[start..end]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text))
            .collect();
        if words.iter().any(|w| ORG_WORDS.contains(w)) {
            continue;
        }
        let last_title = (start..end)
            .rev()
            .find(|&j| toks[j].kind == Kind::Word && lexicon::is_title(toks[j].text(text)));
        let mut name_start = last_title.map_or(start, |t| t + 1);
        while name_start < end && toks[name_start].kind != Kind::Word {
            name_start += 1;
        }
        let name_words = (name_start..end)
            .filter(|&j| toks[j].kind == Kind::Word)
            .count();
        if name_words == 0 || (name_words < 2 && last_title.is_none()) || name_words > 4 {
            continue;
        }
        let titles: Vec<String> = toks[start..name_start]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text).to_lowercase())
            .collect();
        let gender = titles.iter().find_map(|t| lexicon::title_gender(t));
        let (Some(range), Some(name)) = (p.bytes(start, end), p.bytes(name_start, end)) else {
            continue;
        };
        out.push(NameRun {
            range,
            name,
            titles,
            gender,
        });
    }
}
