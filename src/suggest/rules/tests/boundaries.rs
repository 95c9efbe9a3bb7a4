//! Where indirect content starts and stops (issue 15, item 4): at the end of
//! its clause, not in a trailing `, who …`; after the object of `told`; and a
//! quoted fragment inside a reported clause makes a partial quote whose
//! content is the whole clause; a lowercase quotation takes the words of
//! its sentence before it.

use crate::model::QuoteKind;

use super::check;

#[test]
fn content_stops_before_a_trailing_relative_clause() {
    check(
        "[Ortiz|SPEAKER:1] [said|CUE:1] [the plan was drafted by Lee|QUOTE:1], who leads the council.",
    );
    check(
        "[The union|SPEAKER:1] [said|CUE:1] [the strike would go ahead|QUOTE:1], which surprised the ministry.",
    );
    check(
        "[Díaz|SPEAKER:1] [said|CUE:1] [the plan, which the council passed, was a mistake|QUOTE:1].",
    );
}

#[test]
fn content_starts_after_the_object_of_told() {
    check(
        "[The mayor|SPEAKER:1] [told|CUE:1] the city council on Tuesday that [the bridge would close|QUOTE:1].",
    );
    check(
        "[Lee|SPEAKER:1] [told|CUE:1] the Senate Finance Committee that [rates would rise again|QUOTE:1].",
    );
    check(
        "[The mayor|SPEAKER:1] [told|CUE:1] “Morgenbladet” on Friday that [the ferry would keep running|QUOTE:1].",
    );
}

#[test]
fn a_quoted_fragment_in_a_reported_clause_is_a_partial_quote() {
    let s = check("[The envoy|SPEAKER:1] [called|CUE:1] [the talks “frank”|QUOTE:1].");
    assert_eq!(s.quotes[0].kind, QuoteKind::Partial);
    check("[Díaz|SPEAKER:1] [described|CUE:1] [the budget as “a house of cards”|QUOTE:1].");
    check(
        "[Ruiz|SPEAKER:1] [called|CUE:1] [the senator a “bully,” a “liar” and “unfit”|QUOTE:1] on Monday.",
    );
}

#[test]
fn content_stops_where_a_clause_with_its_own_subject_reports() {
    check(
        "[Søren Ødegaard|SPEAKER:1] [said|CUE:1] [the ferry would run all winter|QUOTE:1], \
         though [she|SPEAKER:2] [acknowledged|CUE:2] [the crews were tired|QUOTE:2].",
    );
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [the vote would be delayed|QUOTE:1] — and he noted that nobody objected.",
    );
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [the vote would be delayed|QUOTE:1] and \
         [he|SPEAKER:2] [said|CUE:2] [nobody had objected to it|QUOTE:2].",
    );
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] that [when they asked he told them the truth|QUOTE:1].",
    );
    check(
        "[The mayors|SPEAKER:1] [said|CUE:1] [the ferry was too slow|QUOTE:1] and \
         [Fiskå|SPEAKER:2] [told|CUE:2] reporters [the boats were old|QUOTE:2].",
    );
}

#[test]
fn a_lowercase_quotation_takes_the_words_of_its_sentence_before_it() {
    let s = check(
        "[With a thousand polling stations, “there is no single point of failure,”|QUOTE:1] \
         [Þóra|SPEAKER:1] [said|CUE:1].",
    );
    assert_eq!(s.quotes[0].kind, QuoteKind::Mixed);
    check(
        "In a statement on Friday, [“we will not give up,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1].",
    );
    check("[“We will not give up,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1].");
    check("[Lund “signed the deal in March,”|QUOTE:1] [Ødegaard|SPEAKER:1] [said|CUE:1].");
}

#[test]
fn a_cue_set_off_by_commas_splits_the_content_around_it() {
    check(
        "[The top fifth paid most|QUOTE:1], [the agency|SPEAKER:1] [said|CUE:1] in a June report, \
         [and the bottom fifth paid almost nothing|QUOTE:1].",
    );
    check(
        "[The smog had become so bad|QUOTE:1], [Ødegaard|SPEAKER:1] [noted|CUE:1], that \
         [the most visited page in Tromsø was the air monitor|QUOTE:1].",
    );
}

#[test]
fn content_stops_before_a_trailing_noun_phrase_of_the_reporter() {
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [he did not support the plan|QUOTE:1], the council’s favourite.",
    );
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [the town needs a ferry, the bridge it was promised and a school|QUOTE:1].",
    );
}

#[test]
fn a_leading_subordinate_phrase_is_the_reporters() {
    check(
        "When asked about the fares, [Þórunn|SPEAKER:1] [replied|CUE:1], [“That is the council’s problem.”|QUOTE:1]",
    );
    check(
        "[Exporters|SPEAKER:1] [complain|CUE:1] bitterly that [the krone is too strong|QUOTE:1].",
    );
}

#[test]
fn a_cue_closing_the_sentence_takes_the_clause_with_an_inner_cue() {
    check(
        "[Díaz had told the harbour police that she wanted no escort, but they overruled her|QUOTE:1], \
         [the source|SPEAKER:1] [added|CUE:1].",
    );
}

#[test]
fn content_stops_before_a_contrast_or_a_time_clause_of_the_reporter() {
    check(
        "[Ødegaard|SPEAKER:1] [claimed|CUE:1] that [selling the ferries was wise|QUOTE:1], \
         although he again refused to show the accounts.",
    );
    check(
        "[Þóra|SPEAKER:1] [said|CUE:1] [the fares would rise in March|QUOTE:1], while the \
         council had promised a freeze.",
    );
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [the ferry was late|QUOTE:1]; nobody on the quay knew why.",
    );
}

#[test]
fn a_relative_clause_inside_the_content_does_not_hide_its_verb() {
    // The clause runs past the words the complement is read in, so the
    // verb after `who volunteer` must be found before the comma's clause.
    check(
        "[She|SPEAKER:1] [said|CUE:1] [grandparents and neighbours who volunteer would not be paid \
         for the four extra weekend shifts at the Łódź shelter|QUOTE:1], and when asked why the \
         city had left out its volunteers, the 61-year-old councillor only shrugged.",
    );
}

#[test]
fn a_cue_in_a_leading_subordinate_clause_reports_up_to_its_comma() {
    check(
        "When [Ødegaard|SPEAKER:1] [said|CUE:1] [the ferry would stop in March|QUOTE:1], the \
         islanders on Hitra protested.",
    );
}

#[test]
fn a_time_of_day_and_an_adjunct_after_a_closing_cue_are_the_reporters() {
    check(
        "[The ferry will run all winter|QUOTE:1], [a spokesman|SPEAKER:1] [announced|CUE:1] Monday morning.",
    );
    check(
        "[The ferry to Ørland was too slow|QUOTE:1], [the mayors|SPEAKER:1] [said|CUE:1] Friday \
         afternoon, as they waited on the quay.",
    );
}

#[test]
fn a_later_cue_in_a_trailing_clause_leaves_the_first_quotation_whole() {
    check(
        "[Ødegaard|SPEAKER:1] [said|CUE:1] [Lund was “absolutely right”|QUOTE:1] when [he|SPEAKER:2] \
         [said|CUE:2] Wednesday night that [the ferries had been left to rot for a decade|QUOTE:2].",
    );
}
