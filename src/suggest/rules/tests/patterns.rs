//! One test per attribution pattern, in wire style.

use crate::model::QuoteKind;
use crate::model::SPEAKER;

use super::{assert_origins, check, suggest};

#[test]
fn quote_then_speaker_said() {
    let s = check(
        "[“We will rebuild the bridge by winter,”|QUOTE:1] [Mayor Ana Díaz|SPEAKER:1] [said|CUE:1] on Tuesday.",
    );
    assert_eq!(s.quotes[0].kind, QuoteKind::Direct);
    assert_origins(&s);
}

#[test]
fn straight_marks_and_titles_with_full_stops() {
    check(
        "[\"The line stays open all night,\"|QUOTE:1] [Rep. Lena Ortiz (D-Texas)|SPEAKER:1] [said|CUE:1].",
    );
}

#[test]
fn quote_then_said_speaker_with_appositive() {
    check(
        "[“The water is safe to drink,”|QUOTE:1] [said|CUE:1] [Tom Okafor, the utility’s chief engineer|SPEAKER:1].",
    );
}

#[test]
fn speaker_said_colon_quote() {
    check("[Okafor|SPEAKER:1] [said|CUE:1]: [“We tested every single well twice.”|QUOTE:1]");
}

#[test]
fn speaker_told_recipient_colon_quote() {
    check(
        "[The finance minister|SPEAKER:1] [told|CUE:1] lawmakers: [“The budget will be balanced next year.”|QUOTE:1]",
    );
}

#[test]
fn split_quote_is_one_quote_with_two_spans() {
    let s = check(
        "[“We will,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1], [“rebuild it from the ground up.”|QUOTE:1]",
    );
    assert_eq!(s.quotes.len(), 1);
    assert_eq!(s.quotes[0].content.len(), 2);
}

#[test]
fn partial_quote_after_naming_cue() {
    let s = check(
        "[The senator|SPEAKER:1] [called|CUE:1] [the remark “a personal insult”|QUOTE:1] on Friday.",
    );
    assert_eq!(s.quotes[0].kind, QuoteKind::Partial);
}

#[test]
fn according_to_after_and_before_the_clause() {
    check(
        "[The plant will close in March|QUOTE:1], [according to|CUE:1] [a company filing|SPEAKER:1].",
    );
    check("[According to|CUE:1] [police|SPEAKER:1], [the driver fled the scene on foot|QUOTE:1].");
}

#[test]
fn indirect_speech_skips_time_phrase_and_that() {
    let s = check(
        "[Biden|SPEAKER:1] [said|CUE:1] on Saturday that [he hopes to meet the premier next month|QUOTE:1].",
    );
    assert_eq!(s.quotes[0].kind, QuoteKind::Indirect);
}

#[test]
fn a_plural_name_before_a_base_verb_opens_the_reported_clause() {
    check("[Ødegaard|SPEAKER:1] [said|CUE:1] [Norwegians want a vote before the summer|QUOTE:1].");
    check("[The envoy|SPEAKER:1] [said|CUE:1] [Icelanders deserve a say on the quotas|QUOTE:1].");
}

#[test]
fn told_skips_the_recipient() {
    check(
        "[The governor|SPEAKER:1] [told|CUE:1] reporters on Monday [the state would appeal the ruling|QUOTE:1].",
    );
    check(
        "[Kofi Mensah|SPEAKER:1] [told|CUE:1] Reuters [the port would reopen within days|QUOTE:1].",
    );
}

#[test]
fn clause_then_speaker_said() {
    check(
        "[Talks will resume in Geneva next week|QUOTE:1], [a spokeswoman for the ministry|SPEAKER:1] [said|CUE:1].",
    );
}

#[test]
fn speaker_said_in_the_middle_of_the_clause() {
    check(
        "[The vote|QUOTE:1], [officials|SPEAKER:1] [said|CUE:1], [could come as early as Friday|QUOTE:1].",
    );
}

#[test]
fn mixed_clause_holds_quoted_words() {
    let s = check(
        "[Lee|SPEAKER:1] [said|CUE:1] [the plan was “dead on arrival” in the Senate|QUOTE:1].",
    );
    assert_eq!(s.quotes[0].kind, QuoteKind::Mixed);
}

#[test]
fn participle_and_coordinated_cues_take_the_sentence_subject() {
    check(
        "[Ruiz|SPEAKER:1] defended the plan, [saying|CUE:1] [it would create jobs in every county|QUOTE:1].",
    );
    check(
        "[The mayor|SPEAKER:1] toured the site and [said|CUE:1] [repairs would take a year|QUOTE:1].",
    );
}

#[test]
fn following_quote_sentences_join_the_quote() {
    check(
        "[“Prices rose again in May,”|QUOTE:1] [the report|SPEAKER:1] [said|CUE:1]. [“Wages did not keep pace.”|QUOTE:1]",
    );
}

#[test]
fn quote_only_paragraph_inherits_the_speaker() {
    let text =
        "“We are not leaving this town,” Rivera said.\n\n“This has been our home for forty years.”";
    let s = suggest(text);
    assert_eq!(s.quotes.len(), 2);
    assert!(s.quotes[0].speaker.is_some());
    assert_eq!(s.quotes[1].speaker, s.quotes[0].speaker);
    assert_eq!(s.quotes[1].kind, QuoteKind::Direct);
}

#[test]
fn quote_continued_across_paragraphs_is_one_quote() {
    check(
        "[Díaz|SPEAKER:1] [said|CUE:1]: [“The first phase is finished.|QUOTE:1]\n\n[“The second phase starts in May.”|QUOTE:1]",
    );
}

#[test]
fn colon_at_paragraph_end_introduces_the_next_quote() {
    check(
        "[The statement|SPEAKER:1] [said|CUE:1]:\n\n[“We regret the delay and apologise to passengers.”|QUOTE:1]",
    );
}

#[test]
fn dash_and_label_cues() {
    check("[“Never again will we wait this long.”|QUOTE:1] [―|CUE:1] [Maria Lopez|SPEAKER:1]");
    check("[PENCE|SPEAKER:1][:|CUE:1] [Well, we disagree on that point.|QUOTE:1]");
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    assert!(
        suggest("The film “Blue Harbor Nights” opened in Lagos on Friday.")
            .quotes
            .is_empty()
    );
    assert!(
        suggest("The so-called “reform” changed little in practice.")
            .quotes
            .is_empty()
    );
}

#[test]
fn nouns_and_passives_are_not_cues() {
    assert!(
        suggest("The company posted record profits and the claims were denied.")
            .quotes
            .is_empty()
    );
    assert!(
        suggest("Blinken is also expected to meet the foreign minister in Beijing.")
            .quotes
            .is_empty()
    );
    assert!(
        suggest("She has had posts in London, Dubai and Cairo.")
            .quotes
            .is_empty()
    );
}

#[test]
fn first_person_inside_quotes_is_not_a_speaker() {
    let s =
        check("[“I think we can still win this race,”|QUOTE:1] [Ortiz|SPEAKER:1] [said|CUE:1].");
    let text = "“I think we can still win this race,” Ortiz said.";
    for span in s.spans.iter().filter(|x| x.label == SPEAKER) {
        assert_eq!(&text[span.range.start..span.range.end], "Ortiz");
    }
}

#[test]
fn apostrophes_do_not_break_quotes() {
    check(
        "[“We don’t expect the ’90s to return, and Jones’ plan won’t help,”|QUOTE:1] [Ito|SPEAKER:1] [said|CUE:1].",
    );
}

#[test]
fn a_headline_in_title_case_has_a_capitalised_cue() {
    check(
        "[Ørsted Could Build Three More Wind Farms|QUOTE:1], [Ingrid Bjørnstad|SPEAKER:1] [Says|CUE:1]",
    );
    check(
        "[Łukasz Nowak|SPEAKER:1] [Says|CUE:1] [New Museum Will Tell of ‘Loss and Hope’|QUOTE:1]",
    );
    check(
        "[Mayor Hid Ferry Losses From Council|QUOTE:1], [Former Harbour Director|SPEAKER:1] [Says|CUE:1]\n\n\
         The ferry lost money for years.",
    );
    // In running text a capitalised `Says` is part of a title.
    assert!(
        super::suggest("The film Simon Says opened in Oslo on Friday to long queues.")
            .quotes
            .is_empty()
    );
}

#[test]
fn a_coordinated_cue_takes_the_subject_of_the_verb_before_it() {
    check(
        "When the mayor mentioned the ferry, [I|SPEAKER:1] laughed and [said|CUE:1], \
         [\"I don't believe in ferries.\"|QUOTE:1]",
    );
    check(
        "Once in my early twenties, [Ingrid|SPEAKER:1] frowned and [said|CUE:1], \
         [“Nobody sails to Ørland in March.”|QUOTE:1]",
    );
}

#[test]
fn a_cue_after_to_which_reports_the_quotation() {
    check(
        "[Ingrid|SPEAKER:1] [asked|CUE:1] [whether the ferry ran on Sundays|QUOTE:1]. To which \
         [she|SPEAKER:2] [said|CUE:2], [“Ask the harbour master in Ørland.”|QUOTE:2]",
    );
}

#[test]
fn words_said_again_are_speech() {
    check(
        "[Ødegaard’s deputy|SPEAKER:1] [said|CUE:1] [as much|QUOTE:1] in an interview on Friday.",
    );
    check(
        "[Many islanders|SPEAKER:1] have [said|CUE:1] [the same thing|QUOTE:1], including the mayor \
         of Hitra.",
    );
}
