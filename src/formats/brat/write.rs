//! brat standoff writer: per document a `.txt` (the text) and an `.ann`
//! (`T` spans, `E` attribution events, `R` RefersTo links and Segment links
//! between the segments of an interrupted quote, `A` kinds and classes,
//! `#` notes), plus an `annotation.conf` for the label set, or a folder of them.
//!
//! Quotes are written as PolNeAR writes attributions: an `Attribution` event
//! (`Attribution-no-source` when there is no speaker) triggered by an
//! annotation of the event's type over the cue (over the content when there is
//! no cue), with `Content` (all content fragments in one discontinuous `T`),
//! `Cue` and `Source` arguments. Labels renamed on the way in (`Content` →
//! `QUOTE`) are given back from `meta.brat`, and events the default would not
//! reproduce are written as kept there, so PolNeAR → Byline → brat gives the
//! same annotations and events (ids and argument order aside). Offsets are code points.

use std::collections::HashMap;
use std::io::Write;

use super::plan::{Standoff, plan};
use super::schema::{
    ATTRIBUTE_CLASS, ATTRIBUTE_KIND, Bound, META_KEY, RELATION_REFERS_TO, RELATION_SEGMENT,
};
use crate::formats::output::losses::{count_document, count_origins};
use crate::formats::output::review::{ExportOptions, Kept, written};
use crate::formats::output::{check_alignment, exported_spans};
use crate::formats::{ExportError, ExportReport};
use crate::model::{CharRange, Document, OffsetIndex};

/// Writes the gold of one document: its text to `txt` and its annotations to `ann`.
pub fn write_document(
    doc: &Document,
    mut txt: impl Write,
    ann: impl Write,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    check_alignment(doc)?;
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    let gold = written(doc, Kept::of(options, false), &mut report);
    let doc = gold.as_ref();
    let standoff = plan(doc, &mut report)?;
    count_origins(doc, true, &mut report);
    count_document(doc, &[META_KEY], &mut report);
    report.spans = exported_spans(doc).len();
    txt.write_all(doc.text().as_bytes())?;
    render(&standoff, doc.text(), ann)?;
    Ok(report)
}

/// Writes planned annotations as `.ann` lines, numbering `T` in position order.
fn render(standoff: &Standoff, text: &str, mut out: impl Write) -> Result<(), ExportError> {
    let index = OffsetIndex::new(text);
    let mut ids: HashMap<&Bound, usize> = HashMap::with_capacity(standoff.bounds.len());
    for (i, bound) in standoff.bounds.iter().enumerate() {
        ids.insert(bound, i + 1);
        let offsets: Vec<String> = bound
            .fragments
            .iter()
            .map(|[s, e]| format!("{s} {e}"))
            .collect();
        let covered: Vec<&str> = bound
            .fragments
            .iter()
            .map(|&[s, e]| {
                index
                    .to_bytes(CharRange::new(s, e))
                    .ok()
                    .and_then(|r| r.slice(text))
                    .unwrap_or("")
            })
            .collect();
        let covered = covered.join(" ").replace(['\n', '\t', '\r'], " ");
        writeln!(
            out,
            "T{}\t{} {}\t{covered}",
            i + 1,
            bound.label,
            offsets.join(";")
        )?;
    }
    let id = |bound: &Bound| ids.get(bound).copied().unwrap_or(0);
    let mut attributes: Vec<(&str, usize, &str)> = Vec::new();
    let mut classes = Vec::new();
    for (i, planned) in standoff.events.iter().enumerate() {
        let event = &planned.event;
        let trigger = Bound {
            label: event.kind.clone(),
            fragments: event.trigger.clone(),
        };
        write!(out, "E{}\t{}:T{}", i + 1, event.kind, id(&trigger))?;
        for arg in &event.args {
            write!(out, " {}:T{}", arg.role, id(&arg.target))?;
        }
        writeln!(out)?;
        if let Some(kind) = planned.kind {
            attributes.push((ATTRIBUTE_KIND, i + 1, kind.as_str()));
        }
        if let Some(class) = planned.class {
            classes.push((ATTRIBUTE_CLASS, i + 1, class.as_str()));
        }
    }
    let refers = standoff.relations.iter().map(|r| (RELATION_REFERS_TO, r));
    let segments = standoff.segments.iter().map(|r| (RELATION_SEGMENT, r));
    for (i, (kind, (from, to))) in refers.chain(segments).enumerate() {
        writeln!(
            out,
            "R{}\t{kind} Arg1:T{} Arg2:T{}",
            i + 1,
            id(from),
            id(to)
        )?;
    }
    attributes.append(&mut classes);
    for (i, (name, event, value)) in attributes.iter().enumerate() {
        writeln!(out, "A{}\t{name} E{event} {value}", i + 1)?;
    }
    for (i, note) in standoff.notes.iter().enumerate() {
        let text = note.text.replace(['\n', '\r'], " ");
        writeln!(
            out,
            "#{}\tAnnotatorNotes T{}\t{text}",
            i + 1,
            id(&note.target)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::brat::{read, write_conf, write_folder};
    use crate::model::markup;
    use crate::model::{AttributionClass, Edit, QuoteKind, SPEAKER, Transaction};

    /// A split quote with a pronoun speaker linked to a named mention, a partial
    /// quote of class stance without speaker, and non-ASCII text all along.
    fn sample() -> Document {
        let mut doc = markup::document(
            "[Ana Díaz|PERSON] spoke in [北京|GPE]. [“We will,”|QUOTE:1] [she|SPEAKER:1] [said|CUE:1], [“rebuild e\u{301}very 👋 home.”|QUOTE:1] Officials called it [a “plan”|QUOTE:2].",
        )
        .unwrap();
        let ana = markup::ids_by_label(&doc, "PERSON")[0];
        let mut she = doc
            .span(markup::ids_by_label(&doc, SPEAKER)[0])
            .unwrap()
            .clone();
        she.refers_to = Some(ana);
        let mut partial = doc.quotes().nth(1).unwrap().clone();
        partial.kind = QuoteKind::Partial;
        partial.class = AttributionClass::Stance;
        doc.apply(
            &Transaction::new("link")
                .with(Edit::ReplaceSpan(she))
                .with(Edit::ReplaceQuote(partial)),
        )
        .unwrap();
        doc
    }

    fn written(doc: &Document) -> (String, String) {
        let (mut txt, mut ann) = (Vec::new(), Vec::new());
        write_document(doc, &mut txt, &mut ann, ExportOptions::GOLD).unwrap();
        (
            String::from_utf8(txt).unwrap(),
            String::from_utf8(ann).unwrap(),
        )
    }

    #[test]
    fn writes_golden_standoff() {
        let (txt, ann) = written(&sample());
        assert_eq!(txt, sample().text());
        assert_eq!(
            ann,
            "T1\tPERSON 0 8\tAna Díaz\n\
             T2\tGPE 18 20\t北京\n\
             T3\tQUOTE 22 32;43 67\t“We will,” “rebuild e\u{301}very 👋 home.”\n\
             T4\tSPEAKER 33 36\tshe\n\
             T5\tAttribution 37 41\tsaid\n\
             T6\tCUE 37 41\tsaid\n\
             T7\tAttribution-no-source 88 96\ta “plan”\n\
             T8\tQUOTE 88 96\ta “plan”\n\
             E1\tAttribution:T5 Content:T3 Cue:T6 Source:T4\n\
             E2\tAttribution-no-source:T7 Content:T8\n\
             R1\tRefersTo Arg1:T4 Arg2:T1\n\
             A1\tKind E2 partial\n\
             A2\tClass E2 stance\n"
        );
    }

    #[test]
    fn quotes_sharing_content_give_no_identical_events_nor_repeated_fragments() {
        let mut doc =
            markup::document("[“Wir bauen,”|QUOTE:1] [Zoë|SPEAKER:1] [sagte|CUE:1] 👋.").unwrap();
        let quote = doc.quotes().next().unwrap().clone();
        let mut ids = doc.ids();
        let content = doc.span(quote.content[0]).unwrap().clone();
        let mut twin_span = content.clone();
        twin_span.id = ids.span();
        let mut twin = quote.clone();
        twin.id = ids.quote();
        let mut both = quote.clone();
        both.id = ids.quote();
        both.content.push(twin_span.id);
        doc.apply(
            &Transaction::new("twins")
                .with(Edit::InsertSpan(twin_span))
                .with(Edit::InsertQuote(twin))
                .with(Edit::InsertQuote(both)),
        )
        .unwrap();
        let (mut txt, mut ann) = (Vec::new(), Vec::new());
        let report = write_document(&doc, &mut txt, &mut ann, ExportOptions::GOLD).unwrap();
        let ann = String::from_utf8(ann).unwrap();
        assert_eq!(
            ann,
            "T1\tQUOTE 0 12\t“Wir bauen,”\n\
             T2\tSPEAKER 13 16\tZoë\n\
             T3\tAttribution 17 22\tsagte\n\
             T4\tCUE 17 22\tsagte\n\
             E1\tAttribution:T3 Content:T1 Cue:T4 Source:T2\n"
        );
        assert_eq!(
            report.lost["quotes repeating another's content, speaker and cue (brat writes one event)"],
            2
        );
    }

    #[test]
    fn writes_golden_conf() {
        let mut conf = Vec::new();
        write_conf(&[sample()], &mut conf).unwrap();
        assert_eq!(
            String::from_utf8(conf).unwrap(),
            "# Written by Byline: the labels of this export.\n\
             [entities]\nCUE\nGPE\nPERSON\nQUOTE\nSPEAKER\n\n\
             [relations]\nRefersTo Arg1:<ENTITY>, Arg2:<ENTITY>\n\
             Segment Arg1:<ENTITY>, Arg2:<ENTITY>\n\
             <OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n\
             [events]\nAttribution Content*:<ENTITY>, Cue*:<ENTITY>, Source*:<ENTITY>\n\
             Attribution-no-source Content*:<ENTITY>\n\n\
             [attributes]\nKind Arg:<EVENT>, Value:direct|indirect|partial|mixed\n\
             Class Arg:<EVENT>, Value:speech|writing|belief|stance|evidence\n"
        );
    }

    #[test]
    fn read_write_read_gives_the_same_model() {
        let (txt, ann) = written(&sample());
        let first = read(&txt, &ann, "s.ann").unwrap();
        assert_eq!(first.warnings, vec![]);
        let doc = &first.documents[0];
        assert_eq!(markup::render(doc), markup::render(&sample()));
        let quote = doc.quotes_sorted()[0].clone();
        assert_eq!(quote.content.len(), 2);
        assert!(
            doc.span(quote.speaker.unwrap())
                .unwrap()
                .refers_to
                .is_some()
        );
        assert_eq!(doc.quotes_sorted()[1].kind, QuoteKind::Partial);
        assert_eq!(doc.quotes_sorted()[1].class, AttributionClass::Stance);
        assert_eq!(doc.quotes_sorted()[0].class, AttributionClass::Speech);
        let (txt2, ann2) = written(doc);
        assert_eq!((&txt2, &ann2), (&txt, &ann));
        let second = read(&txt2, &ann2, "s.ann").unwrap();
        assert_eq!(second.documents[0], *doc);
    }

    #[test]
    fn folder_gets_unique_names_and_a_conf() {
        let dir = tempfile::tempdir().unwrap();
        let mut one = sample();
        one.source = Some("in/wire story.txt".into());
        let mut two = one.clone();
        two.source = Some("other/wire story.txt".into());
        let report = write_folder(&[one, two], dir.path()).unwrap();
        assert_eq!(report.documents, 2);
        assert_eq!(report.spans, 14);
        for name in [
            "wire_story.txt",
            "wire_story.ann",
            "wire_story-2.ann",
            "annotation.conf",
        ] {
            assert!(dir.path().join(name).is_file(), "{name}");
        }
    }
}
