//! brat events the writer's default would not give back are kept in
//! `meta.brat`, whether the reader could compare each quote alone or had to
//! plan the whole document (quotes sharing annotations, repeated events),
//! and the file written back has the events read.

use super::brat_polnear::standoff;
use crate::formats::ExportOptions;
use crate::formats::brat::schema::BratMeta;
use crate::formats::brat::{read, write_document};
use crate::model::Document;

/// Two sentences with non-ASCII quotes: `“Ça,”` at 0–5, `Zoë` 6–9, `dit`
/// 10–13; `“Non,”` 15–21, `Tom` 22–25, `dit` 26–29.
const TXT: &str = "“Ça,” Zoë dit. “Non,” Tom dit.";

const FIRST: &str =
    "T1\tContent 0 5\t“Ça,”\nT2\tSource 6 9\tZoë\nT3\tCue 10 13\tdit\nT4\tAttribution 10 13\tdit\n";
const SECOND: &str = "T5\tContent 15 21\t“Non,”\nT6\tSource 22 25\tTom\nT7\tCue 26 29\tdit\n";

fn read_one(ann: &str) -> Document {
    let loaded = read(TXT, ann, "story.ann").unwrap();
    assert_eq!(loaded.warnings, vec![]);
    loaded.documents.into_iter().next().unwrap()
}

fn kept_events(doc: &Document) -> usize {
    BratMeta::from_meta(&doc.meta).events.len()
}

fn written_ann(doc: &Document) -> String {
    let (mut txt, mut ann) = (Vec::new(), Vec::new());
    write_document(doc, &mut txt, &mut ann, ExportOptions::GOLD).unwrap();
    assert_eq!(String::from_utf8(txt).unwrap(), TXT);
    String::from_utf8(ann).unwrap()
}

#[test]
fn events_in_the_default_shape_are_not_kept() {
    let ann = format!(
        "{FIRST}{SECOND}T8\tAttribution 26 29\tdit\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\nE2\tAttribution:T8 Source:T6 Cue:T7 Content:T5\n"
    );
    let doc = read_one(&ann);
    assert_eq!(doc.quotes().count(), 2);
    assert_eq!(kept_events(&doc), 0);
    assert_eq!(standoff(&written_ann(&doc)), standoff(&ann));
}

#[test]
fn an_event_triggered_off_its_cue_is_kept_and_written_back() {
    let ann = format!(
        "{FIRST}{SECOND}T8\tAttribution 15 21\t“Non,”\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\nE2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    );
    let doc = read_one(&ann);
    assert_eq!(kept_events(&doc), 1);
    assert_eq!(standoff(&written_ann(&doc)), standoff(&ann));
}

/// The first event joins both contents (`Content`, `Content2`), the second
/// takes the second content again: the whole document's plan groups that
/// span with the first quote's, so the second event, though in the default
/// shape alone, is kept too.
#[test]
fn quotes_sharing_content_are_compared_with_the_whole_plan() {
    let ann = format!(
        "{FIRST}{SECOND}T8\tAttribution 26 29\tdit\nE1\tAttribution:T4 Content:T1 Content2:T5 Cue:T3 Source:T2\nE2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    );
    let doc = read_one(&ann);
    assert_eq!(doc.quotes().count(), 2);
    assert_eq!(kept_events(&doc), 2);
    assert_eq!(standoff(&written_ann(&doc)), standoff(&ann));
}

/// Two events with the same arguments: the writer writes one, so the
/// second is kept, as the whole plan says.
#[test]
fn a_repeated_event_is_kept_once() {
    let ann = format!(
        "{FIRST}E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\nE2\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    );
    let doc = read_one(&ann);
    assert_eq!(doc.quotes().count(), 2);
    assert_eq!(kept_events(&doc), 1);
}
