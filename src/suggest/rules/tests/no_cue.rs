//! Quotes with no cue word (issue 15, item 5): captions, embedded social
//! posts, and documents or polls as sources — each suggested only when its
//! class is on.

use crate::suggest::AttributionClass;

use super::super::RulesConfig;
use super::{check, check_with, suggest, suggest_with};

#[test]
fn a_caption_quote_is_its_named_speakers() {
    let s = check(
        "[“We will never leave this valley.”|QUOTE:1] [Ana Ruiz, a farmer in the delta|SPEAKER:1]",
    );
    assert_eq!(s.quotes[0].cue, None);
    assert_eq!(s.quotes[0].class, AttributionClass::Speech);
    check("[“The water came in one night.”|QUOTE:1] [Kofi Mensah, fisherman|SPEAKER:1].");
}

#[test]
fn a_quote_then_a_sentence_about_someone_is_no_caption() {
    let s = suggest("“We will never leave this valley.” Ana Ruiz then left the meeting early.");
    assert!(
        s.quotes
            .iter()
            .all(|q| q.cue.is_some() || q.speaker.is_none())
    );
}

#[test]
fn an_embedded_post_is_writing() {
    let text = "Polls open at seven in every ward. Go vote! pic.twitter.com/Ab12Cd \
        — City Hall (@cityhall) May 3, 2024";
    let s = check_with(
        RulesConfig::default(),
        "[Polls open at seven in every ward. Go vote!|QUOTE:1] pic.twitter.com/Ab12Cd \
         [—|CUE:1] [City Hall (@cityhall)|SPEAKER:1] May 3, 2024",
    );
    assert_eq!(s.quotes[0].class, AttributionClass::Writing);
    assert_eq!(suggest(text).quotes.len(), 1);
}

#[test]
fn findings_of_documents_are_evidence() {
    for text in [
        "The report found that nine of ten wells were dry by August.",
        "A survey of farmers shows that most plan to sell their land.",
        "Data from the ministry show exports fell for a third month.",
    ] {
        assert!(suggest(text).quotes.is_empty(), "{text}");
        let classes: Vec<AttributionClass> = suggest_with(RulesConfig::ALL_CLASSES, text)
            .quotes
            .iter()
            .map(|q| q.class)
            .collect();
        assert_eq!(classes, [AttributionClass::Evidence], "{text}");
    }
}
