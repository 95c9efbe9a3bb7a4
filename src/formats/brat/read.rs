//! brat standoff reader: a `.txt` and its `.ann` make one document.
//!
//! - `T` lines become spans, one per fragment of a discontinuous (`;`)
//!   annotation; offsets are code points of the `.txt` as on disk. A `T` whose
//!   text is not the text at its offsets is refused with a warning.
//! - PolNeAR labels are renamed: `Content` → QUOTE, `Source` → SPEAKER, `Cue` →
//!   CUE (attribution layer); other labels are kept as they are. `meta.brat`
//!   records the original names for the writer.
//! - An `E` event with `Content` arguments becomes one quote: content = every
//!   content fragment in text order, speaker = `Source`, cue = `Cue`, kind direct
//!   when the content holds a quotation mark, else indirect (or the `Kind`
//!   attribute); class speech unless a `Class` attribute says otherwise. Its trigger (PolNeAR's `Attribution` span over the cue) is not
//!   a span: the writer makes it again.
//! - `R` `RefersTo` relations link a mention to its antecedent; `#` notes on
//!   annotations are kept in `meta.brat`.
//! - Bad lines are warnings naming the file and line; the rest loads.

use super::{build, parse, raw_text};
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::Document;

/// Reads one brat document from its `.txt` and `.ann` contents. `source`
/// names the document in warnings and becomes its source (the `.ann` path is a
/// good choice). Problems with single lines are warnings; nothing here fails
/// the whole read, the `Result` is for symmetry with the other readers.
pub fn read(txt: &str, ann: &str, source: &str) -> Result<Loaded, ReadError> {
    let doc = Document::new(Some(source.to_owned()), txt);
    let parsed = parse::parse(ann);
    let mut warnings: Vec<Warning> = parsed
        .problems
        .iter()
        .map(|(line, message)| Warning::at_line(source, *line, message.clone()))
        .collect();
    // The document's text is the file's unless normalization changed it;
    // only then is a copy kept for the offsets, as the document goes to
    // the build.
    let normalized = (doc.text() != txt).then(|| doc.text().to_owned());
    let raw = raw_text::RawText::new(txt, normalized.as_deref().unwrap_or(txt));
    let (mut built, events) = build::build(doc, parsed, &raw, &mut warnings);
    // The offsets are no longer needed (the parsed lines went with the
    // build): freed before the events are planned as the writer would.
    drop(raw);
    drop(normalized);
    events.keep_overrides(&mut built);
    warnings.sort_by_key(|w| w.line);
    Ok(Loaded {
        documents: vec![built],
        warnings,
        skipped: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttributionClass, CUE, Layer, QUOTE, QuoteKind, SPEAKER};

    const TEXT: &str =
        "“We will rebuild,” Ana Díaz 👋 said.\nShe met 北京 officials and e\u{301}lites.";

    /// `START END` in code points of the first occurrence of `needle`.
    fn at(needle: &str) -> String {
        let byte = TEXT.find(needle).unwrap();
        let start = TEXT[..byte].chars().count();
        format!("{start} {}", start + needle.chars().count())
    }

    fn texts(doc: &Document) -> Vec<(String, &str)> {
        doc.spans_sorted()
            .iter()
            .map(|s| (s.label.clone(), s.text(doc.text())))
            .collect()
    }

    #[test]
    fn reads_attribution_events_as_quotes() {
        let ann = format!(
            "T1\tContent {}\t“We will rebuild,”\nT2\tSource {}\tAna Díaz\nT3\tCue {}\tsaid\nT4\tAttribution {}\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\nT5\tGPE {}\t北京\nT6\tPERSON {}\tShe\nR1\tRefersTo Arg1:T6 Arg2:T2\nA1\tKind E1 partial\nA2\tClass E1 belief\n#1\tAnnotatorNotes T5\tcity\n",
            at("“We will rebuild,”"),
            at("Ana Díaz"),
            at("said"),
            at("said"),
            at("北京"),
            at("She"),
        );
        let loaded = read(TEXT, &ann, "a.ann").unwrap();
        assert_eq!(loaded.warnings, vec![]);
        let doc = &loaded.documents[0];
        assert_eq!(
            texts(doc),
            [
                (QUOTE.into(), "“We will rebuild,”"),
                (SPEAKER.into(), "Ana Díaz"),
                (CUE.into(), "said"),
                ("PERSON".into(), "She"),
                ("GPE".into(), "北京"),
            ]
        );
        let quote = doc.quotes().next().unwrap();
        assert_eq!(quote.kind, QuoteKind::Partial);
        assert_eq!(quote.class, AttributionClass::Belief);
        let span = |id| doc.span(id).unwrap();
        assert_eq!(span(quote.speaker.unwrap()).text(doc.text()), "Ana Díaz");
        assert_eq!(span(quote.cue.unwrap()).layer, Layer::Attribution);
        let she = doc.spans().find(|s| s.label == "PERSON").unwrap();
        assert_eq!(she.refers_to, quote.speaker);
        assert_eq!(
            doc.meta["brat"]["labels"][QUOTE],
            serde_json::json!("Content")
        );
        assert_eq!(doc.meta["brat"]["notes"][0]["text"], "city");
    }

    #[test]
    fn discontinuous_content_is_one_quote_with_a_span_per_fragment() {
        let ann = format!(
            "T1\tContent {};{}\t“We will rebuild,” She met\nT2\tCue {}\tsaid\nE1\tAttribution-no-source:T2 Content:T1 Cue:T2\n",
            at("“We will rebuild,”"),
            at("She met"),
            at("said"),
        );
        let loaded = read(TEXT, &ann, "a.ann").unwrap();
        assert_eq!(loaded.warnings, vec![]);
        let doc = &loaded.documents[0];
        let quote = doc.quotes().next().unwrap();
        let content: Vec<&str> = quote
            .content
            .iter()
            .map(|id| doc.span(*id).unwrap().text(doc.text()))
            .collect();
        assert_eq!(content, ["“We will rebuild,”", "She met"]);
        assert_eq!(quote.kind, QuoteKind::Direct);
        assert_eq!(quote.speaker, None);
    }

    #[test]
    fn bad_lines_are_warnings_naming_file_and_line() {
        let ann = format!(
            "T1\tSource {}\tAna Díaz\nT2\tCue {}\tsays\nT3\tGPE 5 900\tx\nT4\tPERSON five 9\tx\nE1\tAttribution:T2 Content:T9 Source:T1\nQ1\tstrange\nR1\tLikes Arg1:T1 Arg2:T1\nA1\tNegated T1\n",
            at("Ana Díaz"),
            at("said"),
        );
        let loaded = read(TEXT, &ann, "dir/a.ann").unwrap();
        let lines: Vec<Option<usize>> = loaded.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8].map(Some));
        assert!(loaded.warnings.iter().all(|w| w.source == "dir/a.ann"));
        let message = |line| {
            loaded
                .warnings
                .iter()
                .find(|w| w.line == Some(line))
                .unwrap()
                .to_string()
        };
        assert!(
            message(2).contains("is not the text at its offsets"),
            "{}",
            message(2)
        );
        assert!(message(3).contains("past the end"), "{}", message(3));
        assert!(message(5).contains("trigger T2"), "{}", message(5));
        let doc = &loaded.documents[0];
        assert_eq!(texts(doc), [(SPEAKER.into(), "Ana Díaz")]);
    }

    #[test]
    fn an_event_id_used_twice_keeps_the_first_event() {
        let ann = format!(
            "T1\tContent {}\t“We will rebuild,”\nT2\tSource {}\tAna Díaz\nT3\tCue {}\tsaid\nT4\tGPE {}\t北京\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T4\n",
            at("“We will rebuild,”"),
            at("Ana Díaz"),
            at("said"),
            at("北京"),
        );
        let loaded = read(TEXT, &ann, "a.ann").unwrap();
        let lines: Vec<Option<usize>> = loaded.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [Some(6)]);
        assert!(loaded.warnings[0].to_string().contains("E1: id used twice"));
        let doc = &loaded.documents[0];
        assert_eq!(doc.quotes().count(), 1);
        let speaker = doc.quotes().next().unwrap().speaker.unwrap();
        assert_eq!(doc.span(speaker).unwrap().text(doc.text()), "Ana Díaz");
    }
}
