//! Cues checked by what follows them (issue 15, item 1): beliefs, stances,
//! findings and naming are not speech; a speech cue needs a clause, not a
//! noun object, a refusal or a noun use. Each attribution carries its class.

use crate::suggest::AttributionClass;

use super::super::RulesConfig;
use super::{check, check_with, suggest, suggest_with};

fn none_by_default(text: &str) {
    let s = suggest(text);
    assert!(s.quotes.is_empty(), "{text}: {:?}", super::quotes(text, &s));
}

fn only_class(text: &str) -> Vec<AttributionClass> {
    suggest_with(RulesConfig::ALL_CLASSES, text)
        .quotes
        .iter()
        .map(|q| q.class)
        .collect()
}

#[test]
fn beliefs_and_intentions_are_not_speech() {
    for text in [
        "The harbour master expects the ferry to resume sailing in May.",
        "Ortiz believes the vote in the valley will be close.",
        "The ministry plans to raise fuel prices next year.",
    ] {
        none_by_default(text);
    }
    assert_eq!(
        only_class("Ortiz believes the vote in the valley will be close."),
        [AttributionClass::Belief]
    );
    assert_eq!(
        only_class("The ministry plans to raise fuel prices next year."),
        [AttributionClass::Stance]
    );
}

#[test]
fn a_plural_noun_before_of_is_no_cue() {
    for text in [
        "Zoë Ødegård leaves for Oslo with low hopes of a deal on the fishing quotas.",
        "Fears of a strike grew in the port of Gdańsk on Monday.",
    ] {
        assert!(
            suggest_with(RulesConfig::ALL_CLASSES, text)
                .quotes
                .is_empty(),
            "{text}"
        );
    }
}

#[test]
fn stances_and_actions_are_not_speech() {
    for text in [
        "The senator declined to comment on the audit.",
        "Both parties agreed to resume talks on Monday.",
        "The governor promised to cut property taxes in her first year.",
        "The coach asked the players to leave the field at once.",
    ] {
        none_by_default(text);
    }
    assert_eq!(
        only_class("The coach asked the players to leave the field at once."),
        [AttributionClass::Stance]
    );
}

#[test]
fn a_quotation_is_speech_whatever_the_cue() {
    let s =
        check("[“We will cut property taxes,”|QUOTE:1] [the governor|SPEAKER:1] [promised|CUE:1].");
    assert_eq!(s.quotes[0].class, AttributionClass::Speech);
    let s = check("[Lee|SPEAKER:1] [wrote|CUE:1]: [“The season is over for us.”|QUOTE:1]");
    assert_eq!(s.quotes[0].class, AttributionClass::Writing);
}

#[test]
fn findings_report_evidence_or_nothing() {
    none_by_default("The firm reported a loss of three million dollars in the quarter.");
    assert!(
        only_class("The firm reported a loss of three million dollars in the quarter.").is_empty()
    );
    none_by_default("Researchers found that the river had risen by two metres.");
    assert_eq!(
        only_class("Researchers found that the river had risen by two metres."),
        [AttributionClass::Evidence]
    );
    let s = check(
        "[The company|SPEAKER:1] [reported|CUE:1] that [sales rose four percent in the spring|QUOTE:1].",
    );
    assert_eq!(s.quotes[0].class, AttributionClass::Writing);
}

#[test]
fn naming_without_quoted_words_is_not_speech() {
    none_by_default("Locals call the square the beating heart of the old town.");
    none_by_default("The group, known as the Harbor Five, met again on Sunday.");
}

#[test]
fn a_noun_object_is_not_reported_speech() {
    none_by_default("The minister denied the charges in a short hearing on Tuesday.");
    none_by_default("Okafor cited the figure in a speech to farmers in the north.");
    none_by_default("The club announced a new coach for the coming season.");
    none_by_default("The minister denied the charges that were filed against her aide.");
    none_by_default("Ngozi described the plan that failed in the spring.");
    none_by_default("The ministry maintains a programme to train young political leaders.");
}

#[test]
fn a_refusal_reports_nothing() {
    none_by_default("The spokesman would not say whether the talks had failed.");
    none_by_default("Ruiz did not immediately respond to requests for comment.");
    assert_eq!(
        only_class("The spokesman would not say whether the talks had failed."),
        [AttributionClass::Stance]
    );
}

#[test]
fn a_cue_word_used_as_a_noun_is_no_cue() {
    none_by_default("The senator’s claims were dismissed by the court last week.");
    none_by_default("Mayor Díaz's comments came after the council vote on Friday.");
    none_by_default("The swing states of Ohio and Iowa could decide the race.");
    none_by_default("His latest remarks drew sharp criticism from the unions.");
    none_by_default("The party courts farmers in battleground states with new subsidies.");
    none_by_default("Ødegaard said at a briefing on Monday before Mayor Lund’s comments.");
    check(
        "Having said that, [some economists|SPEAKER:1] [argue|CUE:1] that [the levy should be low|QUOTE:1].",
    );
}

#[test]
fn clauses_without_that_are_still_reported_speech() {
    for marked in [
        "[Ortiz|SPEAKER:1] [said|CUE:1] [the vote would be close|QUOTE:1].",
        "[Lee|SPEAKER:1] [said|CUE:1] [costs rose sharply in the spring|QUOTE:1].",
        "[The union|SPEAKER:1] [said|CUE:1] [members want a new contract|QUOTE:1].",
        "[The minister|SPEAKER:1] [denied|CUE:1] that [she had met the lobbyist|QUOTE:1].",
        "[The coach|SPEAKER:1] [asked|CUE:1] [whether the match would go ahead|QUOTE:1].",
        "[Díaz|SPEAKER:1] [said|CUE:1] [the plan, which the council passed, was a mistake|QUOTE:1].",
        "[Ngozi|SPEAKER:1] [said|CUE:1] [parents who adopt would not get the leave|QUOTE:1].",
        "[Ortiz|SPEAKER:1] [said|CUE:1] [Díaz’s team wants a recount|QUOTE:1].",
        "[Many farmers|SPEAKER:1] [say|CUE:1] [the new subsidy hides the real cost|QUOTE:1].",
    ] {
        let s = check(marked);
        assert_eq!(s.quotes[0].class, AttributionClass::Speech, "{marked}");
    }
}

#[test]
fn documents_and_polls_as_sources_take_their_class() {
    let s = check_with(
        RulesConfig::ALL_CLASSES,
        "[Turnout fell in every district|QUOTE:1], [according to|CUE:1] [a survey of voters|SPEAKER:1].",
    );
    assert_eq!(s.quotes[0].class, AttributionClass::Evidence);
    none_by_default("Turnout fell in every district, according to a survey of voters.");
    let s = check(
        "[The plant will close in March|QUOTE:1], [according to|CUE:1] [a company filing|SPEAKER:1].",
    );
    assert_eq!(s.quotes[0].class, AttributionClass::Writing);
    let s = check(
        "[According to|CUE:1] [police|SPEAKER:1], [the driver fled the scene on foot|QUOTE:1].",
    );
    assert_eq!(s.quotes[0].class, AttributionClass::Speech);
}
