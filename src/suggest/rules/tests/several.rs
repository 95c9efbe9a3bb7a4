//! Sentences holding more than one attribution, and cues that must not
//! reach into the sentence before.

use super::check;

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
        "[Lee|SPEAKER:1] [called|CUE:1] the plan [“a waste of money.”|QUOTE:1] \
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
