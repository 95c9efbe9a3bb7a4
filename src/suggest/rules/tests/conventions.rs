//! Settings (issue 15, items 1 and 2): which attribution classes are
//! suggested, and whether an interrupted quote is one record or one record
//! per segment, the segments linked by a group.

use crate::suggest::{AttributionClass, ClassSet};

use super::super::{Interrupted, RulesConfig};
use super::{check, suggest, suggest_with};

const SPLIT: &str = "“We will,” she said, “rebuild it from the ground up.” \
    “It will take years.”";

fn per_segment() -> RulesConfig {
    RulesConfig {
        interrupted: Interrupted::PerSegment,
        ..RulesConfig::default()
    }
}

#[test]
fn an_interrupted_quote_is_one_record_by_default() {
    check(
        "[“We will,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1], [“rebuild it from the ground up.”|QUOTE:1] \
         [“It will take years.”|QUOTE:1]",
    );
    assert!(suggest(SPLIT).quotes.iter().all(|q| q.group.is_none()));
}

#[test]
fn per_segment_gives_one_linked_record_per_part() {
    let s = suggest_with(per_segment(), SPLIT);
    assert_eq!(s.quotes.len(), 3);
    let group = s.quotes[0].group;
    assert!(group.is_some());
    for q in &s.quotes {
        assert_eq!(q.content.len(), 1);
        assert_eq!(q.group, group, "all parts share one group");
        assert_eq!(q.speaker, s.quotes[0].speaker, "and one speaker span");
        assert_eq!(q.cue, s.quotes[0].cue, "and one cue span");
    }
    let texts: Vec<&str> = s
        .quotes
        .iter()
        .map(|q| {
            let r = s.spans[q.content[0]].range;
            &SPLIT[r.start..r.end]
        })
        .collect();
    assert_eq!(
        texts,
        [
            "“We will,”",
            "“rebuild it from the ground up.”",
            "“It will take years.”"
        ]
    );
}

#[test]
fn separate_quotes_get_separate_groups() {
    let text = "“We will,” Lee said, “rebuild.” Later Ortiz said the plan was late. \
        “No,” Díaz said, “it is not.”";
    let s = suggest_with(per_segment(), text);
    let groups: Vec<Option<u32>> = s.quotes.iter().map(|q| q.group).collect();
    assert_eq!(groups.len(), 5);
    assert_eq!(groups[0], groups[1]);
    assert_eq!(groups[2], None, "one part: no group");
    assert_eq!(groups[3], groups[4]);
    assert_ne!(groups[0], groups[3]);
}

#[test]
fn the_classes_suggested_are_a_setting() {
    let text = "Ortiz said the port would reopen. Lee believes the port will close. \
        The union plans to strike in May. A survey found that fares rose in every city.";
    let classes = |config: RulesConfig| -> Vec<AttributionClass> {
        suggest_with(config, text)
            .quotes
            .iter()
            .map(|q| q.class)
            .collect()
    };
    assert_eq!(classes(RulesConfig::default()), [AttributionClass::Speech]);
    assert_eq!(
        classes(RulesConfig::ALL_CLASSES),
        [
            AttributionClass::Speech,
            AttributionClass::Belief,
            AttributionClass::Stance,
            AttributionClass::Evidence
        ]
    );
    let beliefs = RulesConfig {
        classes: ClassSet::NONE.with(AttributionClass::Belief),
        ..RulesConfig::default()
    };
    assert_eq!(classes(beliefs), [AttributionClass::Belief]);
}

#[test]
fn a_kept_quote_keeps_the_speaker_a_dropped_one_named() {
    // The belief names Lee; the quote after it is Lee's by position.
    let text = "Lee believes the port will close. “It is over,” she said.";
    let s = suggest(text);
    assert_eq!(s.quotes.len(), 1);
    let speaker = s.quotes[0].speaker.map(|i| s.spans[i].range);
    assert_eq!(speaker.map(|r| &text[r.start..r.end]), Some("she"));
}
