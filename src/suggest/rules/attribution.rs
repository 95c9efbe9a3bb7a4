//! The class of an attribution — speech, writing, belief, stance or
//! evidence — from its cue's class, what follows the cue
//! ([`super::complement`]) and its source: reported speech needs a clause; a
//! noun object or an infinitive reports a stance, a negated cue a refusal;
//! quoted words are someone's speech or writing whatever the verb; documents
//! write and polls give evidence.

use crate::suggest::AttributionClass;

use super::complement::Complement;
use super::cues::{CueClass, lower};

/// Cues that take an indirect question as what was said.
fn asks(cue: &str) -> bool {
    let mut buf = [0u8; 32];
    lower(cue, &mut buf).is_some_and(|w| {
        [
            "ask", "explain", "question", "wonder", "describ", "tell", "told", "inquir",
        ]
        .iter()
        .any(|stem| w.starts_with(stem))
    })
}

/// The class of an indirect attribution whose cue `cue_word` of class `cue`
/// takes `complement`: a noun object or an infinitive (`denied the charges`,
/// `agreed to meet`) is a stance, a written noun object (`reported a loss`)
/// nothing at all.
pub fn class_of(
    cue: CueClass,
    cue_word: &str,
    complement: Complement,
    negated: bool,
) -> Option<AttributionClass> {
    let class = cue.attribution();
    if negated {
        return Some(AttributionClass::Stance);
    }
    match (cue, complement) {
        (CueClass::Belief | CueClass::Stance | CueClass::Report | CueClass::Commit, _) => {
            Some(class)
        }
        (_, Complement::Clause) => Some(class),
        (_, Complement::Question) if asks(cue_word) => Some(class),
        // `wrote a book`, `reported a loss`: nothing reported at all.
        (CueClass::Write, Complement::Object) => None,
        // `cited the audit`, `agreed to meet`: a stance PolNeAR-style sets mark.
        _ => Some(AttributionClass::Stance),
    }
}

/// Documents: what they say is writing.
const WRITTEN: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "filing",
    "filings",
    "letter",
    "letters",
    "memo",
    "memos",
    "document",
    "documents",
    "website",
    "article",
    "articles",
    "book",
    "paper",
    "newspaper",
    "tweet",
    "tweets",
    "post",
    "posts",
    "release",
    "email",
    "emails",
    "transcript",
    "complaint",
    "lawsuit",
    "indictment",
    "editorial",
    "column",
    "blog",
    "message",
    "messages",
];

/// Inquiries and numbers: what they show is evidence.
const INQUIRIES: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "analysis",
    "analyses",
    "statistics",
    "figures",
    "estimates",
    "research",
    "census",
    "records",
    "projections",
    "audit",
    "review",
    "inquiry",
    "investigation",
    "tally",
    "count",
    "numbers",
    "test",
    "tests",
];

/// The class a speech attribution takes from a source that is a document
/// (`the statement said` → writing) or an inquiry (`according to a survey`
/// → evidence; its quoted words are writing).
pub fn source_class(head: &str, direct: bool) -> Option<AttributionClass> {
    let mut buf = [0u8; 32];
    let head = lower(head, &mut buf)?;
    if WRITTEN.contains(&head) || (direct && INQUIRIES.contains(&head)) {
        Some(AttributionClass::Writing)
    } else if INQUIRIES.contains(&head) {
        Some(AttributionClass::Evidence)
    } else {
        None
    }
}

/// The class of a direct quotation: what someone said or wrote, whatever the
/// verb (`“We will win,” she vowed`).
pub fn direct_class(cue: CueClass) -> AttributionClass {
    match cue {
        CueClass::Write | CueClass::Report => AttributionClass::Writing,
        _ => AttributionClass::Speech,
    }
}
