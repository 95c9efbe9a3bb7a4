//! Small closed word classes the attribution rules need: pronouns,
//! determiners, role nouns, titles, name connectors, time words and the
//! function words that end a noun phrase. Looked up lowercase, ASCII only.

use std::sync::LazyLock;

use super::cues::lower;
use super::shapes::{WordMap, WordSet};

/// Grammatical gender and number a pronoun or title tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// he, Mr., spokesman.
    Male,
    /// she, Ms., spokeswoman.
    Female,
    /// they, officials.
    Plural,
    /// it (an organisation or document).
    Neuter,
}

const DETERMINERS: &str = "a an the another one two three four five some many several most other \
    these those his her their its our each both all any no this";

const ROLES: &str = "official officials spokesman spokeswoman spokesperson spokespeople aide aides \
    adviser advisers advisor advisors source sources analyst analysts expert experts lawyer lawyers \
    attorney attorneys director directors chairman chairwoman chair president secretary minister \
    senator governor mayor leader leaders candidate nominee campaign committee statement report \
    poll polls survey study people residents voters supporters critics officer officers police \
    authorities investigators prosecutors prosecutor judge manager strategist strategists economist \
    economists researcher researchers professor ambassador diplomat diplomats executive executives \
    founder member members representative representatives lawmaker lawmakers government \
    administration department ministry agency group organization company firm party person man \
    woman friend friends witness witnesses observers activist activists organizers employee \
    employees staff staffer staffers insiders operative operatives surrogate surrogates pollster \
    pollsters commentator commentators historian scientist scientists doctor doctors worker workers \
    teacher student students father mother wife husband son daughter colleague colleagues ally \
    allies rival opponent opponents critic supporter backer backers negotiator negotiators ad video \
    clip narrator letter memo document documents filing complaint lawsuit indictment website \
    article book paper newspaper magazine network outlet tweet message email release reporter \
    reporters journalist journalists correspondent editor columnist host anchor writer author \
    councilman councilwoman congressman congresswoman governor spokesmen officials chief \
    head counsel deputy envoy ministers democrats republicans data study studies records \
    commission council court board panel union network agency analysis statistics figures \
    estimates research census projections audit review inquiry investigation percent majority";

const TITLES: &str = "president vice secretary minister senator sen sen. rep rep. representative \
    gov gov. governor mayor mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. general judge justice \
    chief prime foreign defense defence state treasury commerce speaker leader chairman chairwoman \
    director ambassador attorney adm adm. col col. lt lt. sgt sgt. rev rev. pope king queen prince \
    princess sheikh chancellor premier deputy acting former spokesman spokeswoman ceo congressman \
    congresswoman councilman councilwoman sir lord lady dame senior top house homeland interior \
    energy education labor health justice agriculture finance economy trade us u.s. uk \
    candidate nominee republican democratic democrat gop white";

const CONNECTORS: &str =
    "of de da del della di van von der den la le al bin ibn du dos das y and &";

const STOPS: &str = "of in on at after before during for with from by to about over under into than \
    as like since while when where whether if because although though that which who whom whose \
    what and or but so not is are was were be been being has have had do does did will would can \
    could should may might must it there also then just still even only now later earlier \
    yesterday today tonight however meanwhile instead despite why how this once having until unless";

const TIME: &str = "monday tuesday wednesday thursday friday saturday sunday today yesterday \
    tonight recently earlier later last this next week month year morning afternoon evening night \
    weekend on in at during after before ago again also then late early day days weeks months \
    years once previously";

const CALENDAR: &str = "monday tuesday wednesday thursday friday saturday sunday january february \
    march april june july august september october november december jan feb mar apr jun jul aug \
    sep sept oct nov dec jan. feb. mar. apr. aug. sep. sept. oct. nov. dec.";

const TIME_NOUNS: &str = "today yesterday tonight week weeks month months year years morning \
    mornings afternoon evening night weekend day days ago decade hour hours";

const QUANTIFIERS: &str = "some many several most few both all others one none half";

const PARENTHETICALS: &str = "however meanwhile though too also instead moreover nevertheless \
    separately similarly likewise then now indeed furthermore still";

const ADVERBS: &str = "also later then once again not never just already further first only even \
    long often since still yet soon now";

static SETS: LazyLock<[WordSet; 11]> = LazyLock::new(|| {
    [
        WordSet::of(DETERMINERS),
        WordSet::of(ROLES),
        WordSet::of(TITLES),
        WordSet::of(CONNECTORS),
        WordSet::of(STOPS),
        WordSet::of(TIME),
        WordSet::of(CALENDAR),
        WordSet::of(TIME_NOUNS),
        WordSet::of(QUANTIFIERS),
        WordSet::of(PARENTHETICALS),
        WordSet::of(ADVERBS),
    ]
});

fn has(which: usize, word: &str) -> bool {
    SETS.get(which).is_some_and(|set| set.contains(word))
}

/// `the`, `a`, `his`, `two` …
pub fn is_determiner(word: &str) -> bool {
    has(0, word)
}

/// A common noun that can head a speaker phrase: `official`, `spokeswoman`, `poll`.
pub fn is_role(word: &str) -> bool {
    has(1, word)
        || (word.len() > 4 && word.ends_with("ists"))
        || word
            .strip_suffix('s')
            .is_some_and(|one| one.len() > 2 && has(1, one))
}

/// A title or role word that precedes a name: `Secretary`, `Sen.`, `former`.
pub fn is_title(word: &str) -> bool {
    has(2, word)
}

/// Lowercase joiners inside names: `of`, `de`, `van`, `al`.
pub fn is_connector(word: &str) -> bool {
    has(3, word)
}

/// Function words that end a noun phrase.
pub fn is_stop(word: &str) -> bool {
    has(4, word)
}

/// Words of time phrases skipped after a cue: `on Sunday`, `last week`.
pub fn is_time(word: &str) -> bool {
    has(5, word)
}

/// Days and months (`Friday`, `Sept.`): never part of a name or a speaker.
pub fn is_calendar(word: &str) -> bool {
    has(6, word)
}

/// The word that ends a time phrase: a day, a month, `week`, `yesterday`.
pub fn is_time_noun(word: &str) -> bool {
    has(6, word) || has(7, word)
}

/// Quantifiers that can be a subject alone: `Some said`, `Many believe`.
pub fn is_quantifier(word: &str) -> bool {
    has(8, word)
}

/// Adverbs set off by commas between a subject and its verb: `, however,`.
pub fn is_parenthetical(word: &str) -> bool {
    has(9, word)
}

/// Gender and number of a personal pronoun usable as a speaker (`I` and `we`
/// are excluded: inside quotes they are the speaker's own voice).
pub fn pronoun(word: &str) -> Option<Gender> {
    let mut buf = [0u8; 32];
    match lower(word, &mut buf)? {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        "they" => Some(Gender::Plural),
        "it" => Some(Gender::Neuter),
        _ => None,
    }
}

/// Gender told by an honorific or a gendered role word.
pub fn title_gender(word: &str) -> Option<Gender> {
    let mut buf = [0u8; 32];
    match lower(word, &mut buf)? {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
        | "congressman" | "councilman" | "father" | "husband" | "son" | "man" => Some(Gender::Male),
        "mrs" | "mrs." | "ms" | "ms." | "lady" | "dame" | "queen" | "princess" | "spokeswoman"
        | "chairwoman" | "congresswoman" | "councilwoman" | "mother" | "wife" | "daughter"
        | "woman" => Some(Gender::Female),
        _ => None,
    }
}

/// Auxiliaries skipped between a subject and its cue, by what they require of the cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aux {
    /// `is`, `was`: passive with a past form, progressive with `-ing`.
    Be,
    /// `has`, `had`: a past participle follows.
    Have,
    /// `will`, `did`, `would`: a base form follows.
    Modal,
}

/// Auxiliaries by what they require of the verb after them.
static AUXILIARIES: LazyLock<WordMap<Aux>> = LazyLock::new(|| {
    let be = "is was are were been be being isn wasn aren weren";
    let have = "has have had hasn haven hadn";
    let modal = "will would may might could did does do can should must wo ca didn doesn don \
        couldn wouldn shouldn";
    WordMap::new(
        be.split_whitespace()
            .map(|w| (w, Aux::Be))
            .chain(have.split_whitespace().map(|w| (w, Aux::Have)))
            .chain(modal.split_whitespace().map(|w| (w, Aux::Modal))),
    )
});

/// The auxiliary a word is, if any.
pub fn aux(word: &str) -> Option<Aux> {
    if let Some(stem) = word
        .strip_suffix("n’t")
        .or_else(|| word.strip_suffix("n't"))
    {
        return aux(stem).or(Some(Aux::Modal));
    }
    AUXILIARIES.get(word)
}

/// An adverb that may sit between subject and cue: `also`, `has`, `later`, `-ly` words.
pub fn is_between(word: &str) -> bool {
    if aux(word).is_some() || has(10, word) {
        return true;
    }
    let b = word.as_bytes();
    if b.len() <= 4 || !b.ends_with(b"ly") {
        return false;
    }
    let mut buf = [0u8; 32];
    lower(word, &mut buf).is_some_and(|w| !matches!(w, "early" | "family" | "italy" | "rally"))
}
