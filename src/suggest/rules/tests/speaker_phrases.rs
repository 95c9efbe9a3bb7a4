//! Speaker phrases (issue 15, item 3): time words and datelines are never
//! speakers, section labels are not quotes, and speakers are found across
//! parentheticals, bare appositives, possessives, vague subjects and
//! attributions that follow unmarked content.

use super::{check, suggest};

#[test]
fn days_and_time_phrases_are_not_speakers() {
    check("[The council|SPEAKER:1] on Friday [said|CUE:1] [the budget would pass|QUOTE:1].");
    check("[Ortiz|SPEAKER:1] this week [said|CUE:1] [she would run again|QUOTE:1].");
    check(
        "[The port authority|SPEAKER:1] last month [announced|CUE:1] [it would hire more pilots|QUOTE:1].",
    );
    check("Tuesday [the minister|SPEAKER:1] [said|CUE:1] [prices would fall|QUOTE:1].");
    check(
        "[The council|SPEAKER:1] in 2019 [said|CUE:1] [the route to Ørland would close|QUOTE:1].",
    );
    check(
        "The ferry went to [Ingrid Ødegaard|SPEAKER:1], who in 2019 [said|CUE:1] \
         [the route would never pay|QUOTE:1].",
    );
    let s = suggest("On Tuesday said the vote would be delayed until the spring.");
    assert!(
        s.spans.iter().all(|x| x.label != "SPEAKER"),
        "a day is no speaker"
    );
}

#[test]
fn a_dateline_is_not_a_speaker() {
    check(
        "LAGOS (Reuters) - [The central bank|SPEAKER:1] [said|CUE:1] on Tuesday [it would raise rates|QUOTE:1].",
    );
    check(
        "NAIROBI, May 3 (AP) — [“We will not give up,”|QUOTE:1] [said|CUE:1] [Amina Odhiambo, a farmer|SPEAKER:1].",
    );
}

#[test]
fn section_labels_are_not_quotes() {
    assert!(
        suggest("LIVE: Flood waters rise across the delta")
            .quotes
            .is_empty()
    );
    assert!(
        suggest("MARKETS: Stocks slip as oil prices climb again")
            .quotes
            .is_empty()
    );
    check("[ORTIZ|SPEAKER:1][:|CUE:1] [We will not cut the school budget.|QUOTE:1]");
}

#[test]
fn words_between_speaker_and_cue() {
    check("[Ortiz|SPEAKER:1], however, [said|CUE:1] [the plan would fail|QUOTE:1].");
    check(
        "[The ministry|SPEAKER:1], in a statement, [said|CUE:1] [the port would reopen soon|QUOTE:1].",
    );
    check("[“It is too late,”|QUOTE:1] [Lee|SPEAKER:1], for her part, [said|CUE:1].");
}

#[test]
fn appositives_without_an_article() {
    check(
        "[Ana Ruiz, spokeswoman for the port authority|SPEAKER:1], [said|CUE:1] [the cranes were safe|QUOTE:1].",
    );
    check(
        "[Tom Lee, chief economist at Harbor Bank|SPEAKER:1], [said|CUE:1] [rates would stay high|QUOTE:1].",
    );
    check(
        "[Mia Chen, co-founder of the clinic|SPEAKER:1], [said|CUE:1] [demand had doubled|QUOTE:1].",
    );
}

#[test]
fn possessive_heads() {
    check("[The minister’s aide|SPEAKER:1] [said|CUE:1] [the talks had stalled|QUOTE:1].");
    check("[“It is over,”|QUOTE:1] [said|CUE:1] [the mayor’s spokeswoman|SPEAKER:1].");
    check("[Díaz's lawyer|SPEAKER:1] [said|CUE:1] [the appeal would be filed soon|QUOTE:1].");
    check(
        "[Ødegaard’s team|SPEAKER:1] [says|CUE:1] [she’ll open the new terminal later this week|QUOTE:1].",
    );
    check(
        "[Ålesund’s harbour commissioner|SPEAKER:1] [says|CUE:1] [an internal review shows no leak|QUOTE:1].",
    );
}

#[test]
fn vague_subjects() {
    check("[Some|SPEAKER:1] [suggested|CUE:1] [the vote should be delayed|QUOTE:1].");
    check("[Many|SPEAKER:1] [said|CUE:1] [the plan came too late|QUOTE:1].");
    check("[Others|SPEAKER:1] [argued|CUE:1] that [taxes would rise|QUOTE:1].");
    check("[Sixty percent|SPEAKER:1] [said|CUE:1] [the economy was weak|QUOTE:1].");
}

#[test]
fn attribution_after_unmarked_content() {
    check(
        "[The plan will fail|QUOTE:1], [said|CUE:1] [Ana Ruiz, the party’s treasurer|SPEAKER:1].",
    );
    check("[The vote|QUOTE:1], [Lee|SPEAKER:1] [says|CUE:1], [was never fair|QUOTE:1].");
    check(
        "[The mine will reopen in June|QUOTE:1], [according to|CUE:1] [two people briefed on the plan|SPEAKER:1].",
    );
    check(
        "[Fares will rise in the spring|QUOTE:1], [according to|CUE:1] [a report by the transit board|SPEAKER:1].",
    );
}

#[test]
fn unmarked_content_before_a_speaker_with_a_long_appositive() {
    // The appositive runs past what the speaker phrase reads, with no comma
    // to end it: the clause before the cue is still what was said.
    let text = "Its first ferry could sail this week, said Jón Þórsson, a longtime adviser to \
                the harbour board who runs the shipyard’s last-minute campaign to stop the bridge.";
    let s = suggest(text);
    let [q] = &s.quotes[..] else {
        panic!("one quote expected, got {:?}", s.quotes);
    };
    let span = |i: Option<usize>| {
        let r = &s.spans[i.expect("linked")].range;
        &text[r.start..r.end]
    };
    assert_eq!(
        span(q.content.first().copied()),
        "Its first ferry could sail this week"
    );
    assert_eq!(span(q.cue), "said");
    assert!(span(q.speaker).starts_with("Jón Þórsson, a longtime adviser"));
}

#[test]
fn a_quotes_own_speaker_beats_the_previous_sentences() {
    check(
        "[Lee|SPEAKER:1] [said|CUE:1] [the talks went well|QUOTE:1]. \
         [“We made no progress at all,”|QUOTE:2] [said|CUE:2] [Ortiz|SPEAKER:2].",
    );
    check(
        "[“We are ready,”|QUOTE:1] [Lee|SPEAKER:1] [said|CUE:1].\n\n\
         [“The crews are not,”|QUOTE:2] [the engineer|SPEAKER:2] [replied|CUE:2].",
    );
}

#[test]
fn content_of_an_embedded_cue_belongs_to_the_outer_one() {
    check(
        "[“I am done,”|QUOTE:1] [said|CUE:1] [[Ortiz|SPEAKER:2]|SPEAKER:1], who [said|CUE:2] [he would resign|QUOTE:2].",
    );
    check("[“I am done,”|QUOTE:1] [Ortiz, who has said he would resign|SPEAKER:1], [said|CUE:1].");
    check("[Lee|SPEAKER:1] [said|CUE:1] [he would resign in June|QUOTE:1].");
}

#[test]
fn a_quote_followed_by_its_own_cue_is_not_taken_by_an_earlier_cue() {
    check(
        "[Lee|SPEAKER:1] [said|CUE:1] [the plan was late|QUOTE:1] because \
         [“nobody wanted to pay for it,”|QUOTE:2] [she|SPEAKER:2] [said|CUE:2].",
    );
}

#[test]
fn a_relative_pronoun_speaks_for_its_antecedent() {
    check(
        "The rule angered [Núñez|SPEAKER:1], who [said|CUE:1] [it was written for big firms|QUOTE:1].",
    );
    check(
        "He refused to pay [an architect|SPEAKER:1] who [said|CUE:1] [he was never paid|QUOTE:1].",
    );
    assert!(
        suggest("Would you vote for a candidate who said and did the same things?")
            .quotes
            .is_empty(),
        "a second verb is no reported clause"
    );
}

#[test]
fn vague_sources_with_what_they_are_close_to() {
    check(
        "[People familiar with the talks|SPEAKER:1] [said|CUE:1] [the deal had stalled over pricing|QUOTE:1].",
    );
    check("[Those close to the mayor|SPEAKER:1] [say|CUE:1] [she will not run again|QUOTE:1].");
    check(
        "[Two officials briefed on the plan|SPEAKER:1] [said|CUE:1] [it would be delayed|QUOTE:1].",
    );
}

#[test]
fn a_leading_according_to_keeps_the_clause_subject_out_of_the_speaker() {
    check(
        "[According to|CUE:1] [Zoë Müller|SPEAKER:1], [the new rules will cost the port millions|QUOTE:1].",
    );
    check(
        "[According to|CUE:1] [Le Monde|SPEAKER:1], [both of the ministers had resigned|QUOTE:1].",
    );
    check(
        "[According to|CUE:1] [Zoë Müller, the harbour master|SPEAKER:1], [the port will close|QUOTE:1].",
    );
}

#[test]
fn a_role_with_a_topic_is_one_speaker() {
    check(
        "[Experts on the Baltic fisheries|SPEAKER:1] [said|CUE:1] [the quotas could change that|QUOTE:1].",
    );
    check(
        "[Experts on Gdańsk and seabed mining|SPEAKER:1] [said|CUE:1] [the new licence could change that|QUOTE:1].",
    );
    check(
        "[Fishing observers in Tromsø and around the coast|SPEAKER:1] [say|CUE:1] \
         [Ødegaard deserves the first offer|QUOTE:1].",
    );
    check(
        "[The ferry|QUOTE:1], [advisers to Ms. Ødegaard|SPEAKER:1] [say|CUE:1], \
         [has become a burden on the island’s budget|QUOTE:1].",
    );
}

#[test]
fn a_show_title_before_the_speaker_is_not_the_quote() {
    check(
        "In an interview on NRK’s “Dagsrevyen,” [Jonas Gahr Støre|SPEAKER:1] [said|CUE:1] \
         [the ferry would keep running|QUOTE:1].",
    );
    check(
        "Speaking to “Morgenbladet,” [the mayor|SPEAKER:1] [said|CUE:1] [the ferry would keep running|QUOTE:1].",
    );
    assert!(
        suggest("The ad, titled “Arrogant,” shows the minister at a gala.")
            .quotes
            .is_empty()
    );
    check(
        "In her 2019 book, “Fjords and Their Keepers,” [Ødegaard|SPEAKER:1] [argued|CUE:1] \
         [the ferries should be free|QUOTE:1].",
    );
}

#[test]
fn some_of_whom_and_a_participle_after_a_preposition_speak() {
    check(
        "The veto angered the families, [many of whom|SPEAKER:1] [say|CUE:1] [the claims are unfounded|QUOTE:1].",
    );
    check(
        "[Dr. Åsa Lind|SPEAKER:1] began by [saying|CUE:1] [she would never diagnose anyone on air|QUOTE:1].",
    );
}

#[test]
fn an_appositive_may_open_with_a_possessive() {
    check(
        "[Iceland, Norway’s closest ally and its main partner in the talks|SPEAKER:1], [said|CUE:1] \
         [it opposed the quota|QUOTE:1].",
    );
}

#[test]
fn a_role_before_an_abbreviated_name_is_one_speaker() {
    check(
        "[The minister, Mr. Guajardo Villarreal|SPEAKER:1], [argues|CUE:1] [there is little point in replying now|QUOTE:1].",
    );
}

#[test]
fn an_abbreviation_with_full_stops_speaks_and_ends_no_sentence() {
    check(
        "The ferry regulator met on Monday. [The N.S.B.|SPEAKER:1] [said|CUE:1] \
         [it would tighten oversight of Ålesund’s quays as well|QUOTE:1].",
    );
}
