//! The word lists of `assets/gazetteers/` (sources in `assets/README.md`),
//! parsed once into lookup tables and one Aho-Corasick automaton that finds
//! every listed name of more than one word (`Bosnia and Herzegovina`) in a
//! paragraph; one-word names are looked up word by word.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{EntityLabel, Gender};

const COUNTRIES: &str = include_str!("../../../assets/gazetteers/geonames-countries.txt");
const CITIES: &str = include_str!("../../../assets/gazetteers/geonames-cities.txt");
const US_STATES: &str = include_str!("../../../assets/gazetteers/geonames-us-states.txt");
const PLACES_EXTRA: &str = include_str!("../../../assets/gazetteers/places-extra.tsv");
const DEMONYMS: &str = include_str!("../../../assets/gazetteers/countryinfo-demonyms.txt");
const NORP: &str = include_str!("../../../assets/gazetteers/norp.txt");
const ORGS: &str = include_str!("../../../assets/gazetteers/orgs.txt");
const HEADS: &str = include_str!("../../../assets/gazetteers/heads.tsv");
const TITLES: &str = include_str!("../../../assets/gazetteers/titles.tsv");
const FIRST_NAMES: &str = include_str!("../../../assets/gazetteers/census-first-names.tsv");
const FIRST_NAMES_EXTRA: &str = include_str!("../../../assets/gazetteers/first-names-extra.tsv");
const SURNAMES: &str = include_str!("../../../assets/gazetteers/census-surnames.txt");
const ASIAN_SURNAMES: &str = include_str!("../../../assets/gazetteers/asian-surnames.txt");
const COMMON_WORDS: &str = include_str!("../../../assets/gazetteers/scowl-common-words.txt");
const NOT_ENTITIES: &str = include_str!("../../../assets/gazetteers/not-entities.txt");

/// Where a head word sits in a name it classifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadPos {
    /// Ends the name: `Acme Corp.`, `Yangtze River`.
    Last,
    /// Opens it, before `of`: `Ministry of Defence`.
    First,
    /// Either.
    Both,
}

impl HeadPos {
    /// True when the word may end a name.
    pub fn last(self) -> bool {
        matches!(self, Self::Last | Self::Both)
    }

    /// True when the word may open a name before `of`.
    pub fn first(self) -> bool {
        matches!(self, Self::First | Self::Both)
    }
}

/// What a word standing before a person's name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// `Mr.`, `Dr.`, `Sen.`: always followed by a name.
    Honorific,
    /// `President`, `Minister`: a capitalised title noun.
    Title,
    /// `Foreign`, `Prime`: qualifies a title, never one alone.
    Modifier,
    /// `spokesman`, `actor`: a lowercase role noun.
    Role,
}

/// All lists, parsed.
pub struct Gazetteer {
    /// Place, organisation and group names (one or more words) and their label.
    names: HashMap<String, EntityLabel>,
    /// The automaton over the keys of `names` holding a space, pattern i = `patterns[i]`.
    automaton: Option<AhoCorasick>,
    patterns: Vec<EntityLabel>,
    /// The leading run of letters and digits of every pattern: a phrase can
    /// only start where the text's own leading run is one of them, which
    /// spares most capitalised words the automaton.
    openers: HashSet<String>,
    heads: HashMap<&'static str, (Option<EntityLabel>, HeadPos)>,
    titles: HashMap<&'static str, (TitleKind, Option<Gender>)>,
    first_names: HashMap<&'static str, Option<Gender>>,
    surnames: HashSet<&'static str>,
    asian_surnames: HashSet<&'static str>,
    common: HashSet<&'static str>,
    not_entities: HashSet<&'static str>,
    countries: HashSet<&'static str>,
}

/// The gazetteer, built on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The non-comment, non-empty lines of a list file.
fn lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The letters and digits `s` starts with.
fn leading_run(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The plural a group noun takes: `Afghan` → `Afghans`.
fn plural(word: &str) -> Option<String> {
    if word.ends_with("ese") || word.ends_with("sh") || word.ends_with("ch") || word.ends_with('s')
    {
        return None;
    }
    Some(format!("{word}s"))
}

fn gender_of(code: &str) -> Option<Gender> {
    match code {
        "M" => Some(Gender::Male),
        "F" => Some(Gender::Female),
        _ => None,
    }
}

impl Gazetteer {
    fn build() -> Self {
        let mut names: HashMap<String, EntityLabel> = HashMap::default();
        // Later lists win: a hand-checked label overrides a bulk one.
        for name in lines(CITIES)
            .chain(lines(COUNTRIES))
            .chain(lines(US_STATES))
        {
            names.insert(name.to_owned(), EntityLabel::Gpe);
        }
        for line in lines(PLACES_EXTRA) {
            if let Some((name, label)) = line.split_once('\t') {
                let label = if label == "LOC" {
                    EntityLabel::Loc
                } else {
                    EntityLabel::Gpe
                };
                names.insert(name.to_owned(), label);
            }
        }
        for name in lines(DEMONYMS).chain(lines(NORP)) {
            if let Some(p) = plural(name) {
                names.insert(p, EntityLabel::Norp);
            }
            names.insert(name.to_owned(), EntityLabel::Norp);
        }
        for name in lines(ORGS) {
            names.insert(name.to_owned(), EntityLabel::Org);
        }
        let mut keys: Vec<(&String, &EntityLabel)> =
            names.iter().filter(|(k, _)| k.contains(' ')).collect();
        keys.sort();
        let patterns: Vec<EntityLabel> = keys.iter().map(|(_, l)| **l).collect();
        let openers = keys
            .iter()
            .map(|(k, _)| leading_run(k).to_owned())
            .collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(keys.iter().map(|(k, _)| k.as_str()))
            .ok();
        let heads = lines(HEADS)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (word, label, pos) = (f.next()?, f.next()?, f.next()?);
                let label = match label {
                    "ORG" => Some(EntityLabel::Org),
                    "GPE" => Some(EntityLabel::Gpe),
                    "LOC" => Some(EntityLabel::Loc),
                    _ => None,
                };
                let pos = match pos {
                    "last" => HeadPos::Last,
                    "first" => HeadPos::First,
                    _ => HeadPos::Both,
                };
                Some((word, (label, pos)))
            })
            .collect();
        let titles = lines(TITLES)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (word, kind, gender) = (f.next()?, f.next()?, f.next()?);
                let kind = match kind {
                    "honorific" => TitleKind::Honorific,
                    "title" => TitleKind::Title,
                    "modifier" => TitleKind::Modifier,
                    _ => TitleKind::Role,
                };
                Some((word, (kind, gender_of(gender))))
            })
            .collect();
        let first_names = lines(FIRST_NAMES)
            .chain(lines(FIRST_NAMES_EXTRA))
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, g)| (n, gender_of(g)))
            .collect();
        Self {
            names,
            automaton,
            patterns,
            openers,
            heads,
            titles,
            first_names,
            surnames: lines(SURNAMES).collect(),
            asian_surnames: lines(ASIAN_SURNAMES).collect(),
            common: lines(COMMON_WORDS).collect(),
            not_entities: lines(NOT_ENTITIES).collect(),
            countries: lines(COUNTRIES)
                .chain(["England", "Scotland", "Wales", "Northern Ireland"])
                .collect(),
        }
    }

    /// The label of a listed place, organisation or group name.
    pub fn name(&self, text: &str) -> Option<EntityLabel> {
        self.names.get(text).copied()
    }

    /// The longest listed name of two or more words that starts at byte
    /// `at` of `text` and ends on a word boundary, as (end, label).
    pub fn phrase_at(&self, text: &str, at: usize) -> Option<(usize, EntityLabel)> {
        let ac = self.automaton.as_ref()?;
        // A match means `text[at..]` starts with a pattern, whose leading run
        // ends before its first space: the text's leading run is the same.
        if !self.openers.contains(leading_run(text.get(at..)?)) {
            return None;
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let m = ac.find(input)?;
        let after = text[m.end()..].chars().next();
        // `New Yorkers` is no `New York`; `U.S.`-style dots end names fine.
        if after.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        Some((m.end(), *self.patterns.get(m.pattern().as_usize())?))
    }

    /// The label and position of an organisation or place head word; no
    /// label for words that close the names of events and works (`Day`, `Cup`).
    pub fn head(&self, word: &str) -> Option<(Option<EntityLabel>, HeadPos)> {
        self.heads.get(word).copied()
    }

    /// The kind and gender of a title, honorific or role word.
    pub fn title(&self, word: &str) -> Option<(TitleKind, Option<Gender>)> {
        self.titles.get(word).copied()
    }

    /// `Some(gender)` when `word` is a known first name (gender unknown: `Some(None)`).
    pub fn first_name(&self, word: &str) -> Option<Option<Gender>> {
        self.first_names.get(word).copied()
    }

    /// True for a frequent family name.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// True for an East Asian family name, which comes first.
    pub fn is_asian_surname(&self, word: &str) -> bool {
        self.asian_surnames.contains(word)
    }

    /// True when the lowercase form of `word` is a common English word.
    pub fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.contains(word);
        }
        // Lowercase short ASCII words on the stack: this runs for every capital.
        let mut buf = [0u8; 24];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.common.contains(l));
        }
        self.common.contains(word.to_lowercase().as_str())
    }

    /// True for the name of a country (or a UK home nation, which fields teams).
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }

    /// True for a capitalised word that is never an entity alone (`Monday`, `I`).
    pub fn is_not_entity(&self, word: &str) -> bool {
        self.not_entities.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_labels() {
        let g = &*GAZETTEER;
        assert_eq!(g.name("France"), Some(EntityLabel::Gpe));
        assert_eq!(g.name("Tokyo"), Some(EntityLabel::Gpe));
        assert_eq!(g.name("Texas"), Some(EntityLabel::Gpe));
        assert_eq!(g.name("Middle East"), Some(EntityLabel::Loc));
        assert_eq!(g.name("Afghans"), Some(EntityLabel::Norp));
        assert_eq!(g.name("Reuters"), Some(EntityLabel::Org));
        assert_eq!(g.first_name("Janet"), Some(Some(Gender::Female)));
        assert_eq!(g.first_name("James"), Some(Some(Gender::Male)));
        assert_eq!(
            g.head("Ministry"),
            Some((Some(EntityLabel::Org), HeadPos::Both))
        );
        assert_eq!(g.head("Cup"), Some((None, HeadPos::Last)));
        assert_eq!(
            g.title("Mrs."),
            Some((TitleKind::Honorific, Some(Gender::Female)))
        );
        assert!(g.is_common("After") && !g.is_common("Blinken"));
        assert!(g.is_asian_surname("Wang") && g.is_not_entity("Sunday"));
    }

    #[test]
    fn finds_phrases_on_word_boundaries_only() {
        let text = "From Bosnia and Herzegovina to New Yorkers, via New York.";
        let at = |s: &str| text.find(s).unwrap();
        let found = GAZETTEER
            .phrase_at(text, at("Bosnia"))
            .map(|(e, _)| &text[at("Bosnia")..e]);
        assert_eq!(found, Some("Bosnia and Herzegovina"));
        assert_eq!(GAZETTEER.phrase_at(text, at("New Yorkers")), None);
        assert!(
            GAZETTEER
                .phrase_at(text, text.rfind("New York").unwrap())
                .is_some()
        );
        assert_eq!(GAZETTEER.phrase_at(text, at("to")), None);
    }
}
