//! Entity rules end to end on sentences written for these tests, compared in
//! the compact markup.

use super::*;
use crate::model::{Document, markup};
use crate::suggest::{Suggester, to_transaction};

/// The text with the suggested entities marked up.
fn tag(text: &str) -> String {
    let mut doc = Document::new(None, text);
    let suggestions = EntitySuggester.suggest(&doc);
    doc.apply(&to_transaction(&doc, &suggestions)).unwrap();
    markup::render(&doc)
}

/// Mentions as (text, label, canonical).
fn mentions(text: &str) -> Vec<(String, &'static str, String)> {
    let paragraphs = crate::model::document::paragraphs(text);
    find_entities(text, &paragraphs, &[])
        .into_iter()
        .map(|m| {
            (
                m.range.slice(text).unwrap().to_owned(),
                m.label.as_str(),
                m.canonical,
            )
        })
        .collect()
}

#[test]
fn titles_stay_outside_the_person() {
    assert_eq!(
        tag("Secretary of State Antony Blinken met Wang Yi in Beijing."),
        "Secretary of State [Antony Blinken|PERSON] met [Wang Yi|PERSON] in [Beijing|GPE]."
    );
    assert_eq!(
        tag("The talks, said Chinese Foreign Minister Li Wen, went well."),
        "The talks, said [Chinese|NORP] Foreign Minister [Li Wen|PERSON], went well."
    );
    assert_eq!(
        tag("Ms. Okafor and Gov. Dale Brandt spoke."),
        "Ms. [Okafor|PERSON] and Gov. [Dale Brandt|PERSON] spoke."
    );
}

#[test]
fn names_inside_a_title_are_found_too() {
    assert_eq!(
        tag("On Monday, US Treasury Secretary Janet Yellen landed."),
        "On [Monday|DATE], [US|GPE] Treasury Secretary [Janet Yellen|PERSON] landed."
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert_eq!(
        tag("Relations between Norway and Chile improved. During talks, Priya Raman smiled."),
        "Relations between [Norway|GPE] and [Chile|GPE] improved. During talks, [Priya Raman|PERSON] smiled."
    );
}

#[test]
fn organisation_and_place_words_label_the_name() {
    assert_eq!(
        tag("Acme Widgets Inc. sued the Ministry of Defence near the Volta River."),
        "[Acme Widgets Inc.|ORG] sued the [Ministry of Defence|ORG] near the [Volta River|LOC]."
    );
    assert_eq!(
        tag("She studied at the University of Lagos and joined the Green Unity Party."),
        "She studied at the [University of Lagos|ORG] and joined the [Green Unity Party|ORG]."
    );
}

#[test]
fn connectors_join_names() {
    assert_eq!(
        tag("He admired Charles de Gaulle and the Department of Health and Human Services."),
        "He admired [Charles de Gaulle|PERSON] and the [Department of Health and Human Services|ORG]."
    );
    // `and` between two names keeps them apart.
    assert_eq!(
        tag("Trade between Peru and Ecuador grew."),
        "Trade between [Peru|GPE] and [Ecuador|GPE] grew."
    );
}

#[test]
fn acronym_definitions_carry_label_and_name() {
    let text = "The Federal Bureau of Investigation (FBI) opened a case. Later the FBI closed it.";
    let found = mentions(text);
    let fbi: Vec<_> = found.iter().filter(|m| m.0 == "FBI").collect();
    assert_eq!(fbi.len(), 2);
    assert!(
        fbi.iter()
            .all(|m| m.1 == "ORG" && m.2 == "Federal Bureau of Investigation")
    );
    let text = "Crews at the Orbital Test Center (OTC) waited. Later OTC staff cheered.";
    let otc: Vec<_> = mentions(text)
        .into_iter()
        .filter(|m| m.0 == "OTC")
        .collect();
    assert_eq!(otc.len(), 2);
    assert!(
        otc.iter()
            .all(|m| m.1 == "LOC" && m.2 == "Orbital Test Center")
    );
}

#[test]
fn datelines_give_place_and_agency() {
    assert_eq!(
        tag("NAIROBI (Reuters) – Kenya’s central bank held rates."),
        "[NAIROBI|GPE] ([Reuters|ORG]) – [Kenya|GPE]’s central bank held rates."
    );
    let found = mentions("NAIROBI (Reuters) – Rates held.");
    assert_eq!(found[0].2, "Nairobi");
}

#[test]
fn surnames_and_headlines_share_the_full_name() {
    let text = "Okafor wins the vote\n\nMaria Okafor won on Sunday.\n\nOkafor thanked voters.";
    let found = mentions(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .all(|m| m.1 == "PERSON" && m.2 == "Maria Okafor")
    );
}

#[test]
fn family_name_first_names_propagate_by_family_name() {
    let text = "Premier Zhao Lintao arrived. Zhao later met President Xi.";
    let found = mentions(text);
    assert_eq!(
        found[0],
        ("Zhao Lintao".into(), "PERSON", "Zhao Lintao".into())
    );
    assert_eq!(found[1], ("Zhao".into(), "PERSON", "Zhao Lintao".into()));
    assert_eq!(found[2].0, "Xi");
}

#[test]
fn gender_comes_from_honorifics_and_first_names() {
    let text = "Mrs. Dana Kirov spoke. Kirov left. Paul Stenmark stayed.";
    let paragraphs = crate::model::document::paragraphs(text);
    let found = find_entities(text, &paragraphs, &[]);
    let gender = |name: &str| {
        found
            .iter()
            .find(|m| m.range.slice(text) == Some(name))
            .and_then(|m| m.gender)
    };
    assert_eq!(gender("Kirov"), Some(Gender::Female));
    assert_eq!(gender("Paul Stenmark"), Some(Gender::Male));
    let titled = found
        .iter()
        .find(|m| m.range.slice(text) == Some("Dana Kirov"))
        .unwrap();
    assert_eq!(titled.title.and_then(|t| t.slice(text)), Some("Mrs."));
}

#[test]
fn groups_and_regions() {
    assert_eq!(
        tag("Afghan officials and Kurdish fighters crossed the Middle East."),
        "[Afghan|NORP] officials and [Kurdish|NORP] fighters crossed the [Middle East|LOC]."
    );
}

#[test]
fn place_after_comma_makes_a_town() {
    assert_eq!(
        tag("The plant in Brekkeville, Ohio closed."),
        "The plant in [Brekkeville|GPE], [Ohio|GPE] closed."
    );
}

#[test]
fn nothing_inside_boilerplate() {
    let text = "Dana Kirov met Paul Stenmark.\n\nSee also: Paul Stenmark visits Oslo\n\nThey left.";
    let rendered = tag(text);
    assert!(
        rendered.ends_with("See also: Paul Stenmark visits Oslo\n\nThey left."),
        "{rendered}"
    );
    let doc = Document::new(None, text);
    assert_eq!(EntitySuggester.suggest(&doc).boilerplate.len(), 1);
}

#[test]
fn non_ascii_names_keep_their_offsets() {
    assert_eq!(
        tag("“Yes,” said José Núñez in São Paulo — and Zoë Ødegård nodded."),
        "“Yes,” said [José Núñez|PERSON] in [São Paulo|GPE] — and [Zoë Ødegård|PERSON] nodded."
    );
}

#[test]
fn days_months_and_pronouns_are_not_entities() {
    assert_eq!(
        tag("On Friday, I said July was hot."),
        "On [Friday|DATE], I said July was hot."
    );
}

#[test]
fn adversarial_inputs_finish() {
    let line = "Word and Another Name said ".repeat(40_000);
    assert!(line.len() > 1_000_000);
    let found = mentions(&line);
    assert!(!found.is_empty());
    let caps = "THE PRESIDENT SAID NOTHING TODAY. ".repeat(1_000);
    assert!(mentions(&caps).is_empty());
    assert!(mentions(&"… 123 — !!! ((( ))) ".repeat(10_000)).is_empty());
    assert!(mentions("").is_empty());
    let long_name = "Abc ".repeat(20_000);
    assert!(mentions(&long_name).len() <= 1);
}

#[test]
fn possessive_common_words_stay_inside_names() {
    assert_eq!(
        tag("Troops of the Korean People’s Army crossed. Rana’s Team lost."),
        "Troops of the [Korean People’s Army|ORG] crossed. Rana’s Team lost."
    );
}

#[test]
fn a_body_before_an_office_is_still_found() {
    assert_eq!(
        tag("Dana Kirov, the State Department spokeswoman, said the NASA Administrator agreed."),
        "[Dana Kirov|PERSON], the [State Department|ORG] spokeswoman, said the [NASA|ORG] Administrator agreed."
    );
    assert_eq!(tag("The Prime Minister left."), "The Prime Minister left.");
}

#[test]
fn appositives_make_people_even_with_a_town_name() {
    let text = "Elin Paris, a teacher from Oslo, spoke. Paris said little.";
    let found = mentions(text);
    assert_eq!(
        found[0],
        ("Elin Paris".into(), "PERSON", "Elin Paris".into())
    );
    assert_eq!(found[1].0, "Oslo");
    assert_eq!(found[2], ("Paris".into(), "PERSON", "Elin Paris".into()));
}

#[test]
fn weak_guesses_agree_and_reach_headlines() {
    let text = "Zentrovia shares slide\n\nInvestors sold Zentrovia on Monday. \
                Analysts expect Zentrovia to recover, and staff at Zentrovia agreed.";
    let found = mentions(text);
    let labels: Vec<&str> = found
        .iter()
        .filter(|m| m.0 == "Zentrovia")
        .map(|m| m.1)
        .collect();
    assert_eq!(labels, ["ORG", "ORG", "ORG", "ORG"]);
}

#[test]
fn title_case_headlines_only_give_known_names() {
    assert_eq!(
        tag("Storm Hits Coastal Towns In Norway As Ferries Halt\n\nRain fell."),
        "Storm Hits Coastal Towns In [Norway|GPE] As Ferries Halt\n\nRain fell."
    );
}

#[test]
fn later_mentions_refer_to_the_full_name() {
    let doc = Document::new(
        None,
        "Mayor Lena Ortiz spoke. Ortiz left. Then Ortiz returned.",
    );
    let spans = EntitySuggester.suggest(&doc).spans;
    assert_eq!(spans.len(), 3);
    assert_eq!(spans[0].refers_to, None);
    assert_eq!(spans[1].refers_to, Some(0));
    assert_eq!(spans[2].refers_to, Some(0));
    assert!(
        spans
            .iter()
            .all(|s| s.label == "PERSON" && s.layer == crate::model::Layer::Entity)
    );
}

#[test]
fn first_name_alone_in_a_quote_is_the_person() {
    let text = "Daniel Okafor left the group. “Daniel was picked up at noon,” a friend said.";
    let found = mentions(text);
    assert_eq!(
        found[1],
        ("Daniel".into(), "PERSON", "Daniel Okafor".into())
    );
}

#[test]
fn countries_are_teams_in_match_reports() {
    let text = "Chile beat Peru 2–1 in Lima on Sunday. The striker scored a late goal, \
                and the coach said Chile deserved the match after a 0-0 draw with Bolivia.";
    let found = mentions(text);
    let label = |name: &str| found.iter().find(|m| m.0 == name).map(|m| m.1);
    assert_eq!(label("Chile"), Some("ORG"));
    assert_eq!(label("Peru"), Some("ORG"));
    assert_eq!(label("Lima"), Some("GPE"));
    let plain = mentions("Chile and Peru signed a trade deal in Lima on Sunday.");
    assert!(plain.iter().all(|m| m.1 == "GPE"));
}

#[test]
fn a_sentence_opening_preposition_is_no_first_name() {
    assert_eq!(
        tag("In Nairobi, talks resumed. Later the envoys flew back to Nairobi."),
        "In [Nairobi|GPE], talks resumed. Later the envoys flew back to [Nairobi|GPE]."
    );
}

#[test]
fn the_employer_before_a_title_is_named_and_the_title_kept_whole() {
    assert_eq!(
        tag("Zorvexa Chief Executive Lina Brøndsted said profits rose."),
        "[Zorvexa|ORG] Chief Executive [Lina Brøndsted|PERSON] said profits rose."
    );
    assert_eq!(
        tag("Later, Ostravel Mayor Jiří Novák left."),
        "Later, [Ostravel|GPE] Mayor [Jiří Novák|PERSON] left."
    );
}

#[test]
fn surrounding_words_tell_organisations_and_places() {
    assert_eq!(
        tag("Mara Quist, an analyst at Hollis & Vane Brokers, hired the law firm Dravik Holm."),
        "[Mara Quist|PERSON], an analyst at [Hollis & Vane Brokers|ORG], hired the law firm [Dravik Holm|ORG]."
    );
    assert_eq!(
        tag("Rivers rose in Bắc Kạn province and near Ostrevac, a village on the coast."),
        "Rivers rose in [Bắc Kạn|GPE] province and near [Ostrevac|GPE], a village on the coast."
    );
    assert_eq!(
        tag("Shares in Grupo Velarde fell, and the town of Zellbruck flooded."),
        "Shares in [Grupo Velarde|ORG] fell, and the town of [Zellbruck|GPE] flooded."
    );
}

#[test]
fn no_person_in_a_quoted_title_or_before_which() {
    let people = |text: &str| -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|m| m.1 == "PERSON")
            .map(|m| m.0)
            .collect()
    };
    assert_eq!(
        people("The story is told in “The Quiet Harbour,” a film by Ilse Varga."),
        ["Ilse Varga"]
    );
    assert!(people("Residents sued Sevrin Waterworx, which runs the plant.").is_empty());
    assert!(people("She spoke for the Chalvar Alta community.").is_empty());
}
