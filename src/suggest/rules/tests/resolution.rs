//! Speaker resolution: pronouns, role nouns and surnames point at earlier
//! mentions, and quotes carry the canonical name.

use crate::suggest::Suggestions;

use super::suggest;

fn speaker_text<'t>(text: &'t str, s: &Suggestions, quote: usize) -> &'t str {
    let span = &s.spans[s.quotes[quote].speaker.expect("a speaker")];
    &text[span.range.start..span.range.end]
}

fn antecedent<'t>(text: &'t str, s: &Suggestions, quote: usize) -> Option<&'t str> {
    let span = &s.spans[s.quotes[quote].speaker?];
    let target = &s.spans[span.refers_to?];
    Some(&text[target.range.start..target.range.end])
}

#[test]
fn surname_and_pronoun_resolve_to_the_full_name() {
    let text = "US Secretary of State Antony Blinken arrived in Seoul on Friday.\n\n\
        “We want stable ties with every neighbour,” Blinken said. He said he would also raise trade barriers.";
    let s = suggest(text);
    assert_eq!(s.quotes.len(), 2);
    assert_eq!(speaker_text(text, &s, 1), "He");
    for q in &s.quotes {
        assert_eq!(q.speaker_entity.as_deref(), Some("Antony Blinken"));
    }
    assert_eq!(antecedent(text, &s, 0), Some("Antony Blinken"));
    assert_eq!(antecedent(text, &s, 1), Some("Blinken"));
}

#[test]
fn the_official_refers_to_the_earlier_official() {
    let text = "“Talks were useful,” a senior Treasury official told reporters.\n\n\
        “We expect more progress soon,” the official said.";
    let s = suggest(text);
    assert_eq!(speaker_text(text, &s, 1), "the official");
    assert_eq!(antecedent(text, &s, 1), Some("a senior Treasury official"));
    assert_eq!(s.quotes[1].speaker_entity, s.quotes[0].speaker_entity);
}

#[test]
fn the_minister_refers_to_a_titled_name() {
    let text = "Foreign Minister Chen Gang met the delegation in Beijing.\n\n“The door is open,” the minister said.";
    let s = suggest(text);
    assert_eq!(antecedent(text, &s, 0), Some("Chen Gang"));
    assert_eq!(s.quotes[0].speaker_entity.as_deref(), Some("Chen Gang"));
}

#[test]
fn pronouns_respect_honorific_gender() {
    let text =
        "Ms. Ruth Alder chaired the hearing with Mr. Paul Brandt.\n\n“We need answers,” she said.";
    let s = suggest(text);
    assert_eq!(s.quotes[0].speaker_entity.as_deref(), Some("Ruth Alder"));
}

#[test]
fn links_point_backwards() {
    let text = "Mayor Ana Díaz opened the bridge.\n\n“It is done,” Díaz said. She said more work would follow next year.";
    let s = suggest(text);
    for (i, span) in s.spans.iter().enumerate() {
        if let Some(j) = span.refers_to {
            assert!(j < i, "span {i} refers forward to {j}");
        }
    }
}
