//! Sentences holding more than one attribution, and cues that must not
//! reach into the sentence before.

use super::super::RulesConfig;
use super::{check, check_with};

#[test]
fn participle_after_a_reported_clause_is_a_second_quote() {
    check(
        "[[The mayor|SPEAKER:1]|SPEAKER:2] [said|CUE:1] [the bridge would reopen in May|QUOTE:1], \
         [adding|CUE:2] that [tolls would stay the same|QUOTE:2].",
    );
}

#[test]
fn participle_after_a_quote_takes_its_speaker() {
    check(
        "[“We are ready,”|QUOTE:1] [[Okafor|SPEAKER:1]|SPEAKER:2] [said|CUE:1], \
         [adding|CUE:2] that [crews would start work on Monday|QUOTE:2].",
    );
}

#[test]
fn coordinated_cue_after_and_is_a_second_quote() {
    check(
        "[[Ms. Ruiz|SPEAKER:1]|SPEAKER:2] [said|CUE:1] [the budget was balanced|QUOTE:1] and \
         also [warned|CUE:2] that [cuts would follow next year|QUOTE:2].",
    );
}

#[test]
fn a_quote_closing_the_sentence_before_is_not_the_next_cues() {
    check(
        "[Lee|SPEAKER:1] [called|CUE:1] [the plan “a waste of money.”|QUOTE:1] \
         [She|SPEAKER:2] [said|CUE:2] [it would fail in the Senate|QUOTE:2].",
    );
    check("[“Why now?”|QUOTE:1] [Lee|SPEAKER:1] [asked|CUE:1].");
}

#[test]
fn a_name_before_a_role_noun_is_part_of_the_speaker() {
    check(
        "[“The tunnel will stay closed,”|QUOTE:1] [said|CUE:1] [a Port Authority spokesman|SPEAKER:1].",
    );
}

#[test]
fn dashed_and_participial_appositives_stay_with_the_speaker() {
    check(
        "[Ito -- a lecturer in public law --|SPEAKER:1] [said|CUE:1] [the ruling would be appealed soon|QUOTE:1].",
    );
    check(
        "[Ruiz, speaking to farmers in the valley|SPEAKER:1], [said|CUE:1] [the dam would be finished by June|QUOTE:1].",
    );
}

#[test]
fn adjectives_of_belief_are_cues() {
    let check = |marked| check_with(RulesConfig::ALL_CLASSES, marked);
    check(
        "[Many growers|SPEAKER:1] are [afraid|CUE:1] that [the frost will ruin the harvest|QUOTE:1].",
    );
    check("[Okafor|SPEAKER:1] was [sure|CUE:1] [the vote would go his way|QUOTE:1].");
    check(
        "[Parents|SPEAKER:1] are [worried|CUE:1] about [how the new timetable will work|QUOTE:1].",
    );
}

#[test]
fn naming_cues_take_the_quoted_words() {
    check(
        "[The senator|SPEAKER:1] [likened|CUE:1] [the bill to “a blank cheque”|QUOTE:1] on Friday.",
    );
    check("[Ortiz|SPEAKER:1] [branded|CUE:1] [the deal “a surrender”|QUOTE:1].");
}

#[test]
fn negated_and_relative_subjects_report_nothing() {
    assert!(
        super::suggest("Neither Lee nor Ortiz commented on the talks in front of the cameras.")
            .quotes
            .is_empty()
    );
    assert!(
        super::suggest("They sailed past the reef, which Portugal claims as its own territory.")
            .quotes
            .is_empty()
    );
}
