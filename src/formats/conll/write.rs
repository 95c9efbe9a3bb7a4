//! CoNLL IOB2 writer: per document a `-DOCSTART-` line and a blank line, then
//! one token per line — token, entity-layer tag, attribution-layer tag,
//! tab-separated — with a blank line after each sentence. Tokens come from
//! `model::tokenize`; sentences never cut a span (see [`crate::formats::output::iob`]). The report
//! counts what IOB2 cannot hold: overlapping spans of one layer, spans off
//! token edges, quote and mention links.

use std::io::Write;

use crate::formats::output::check_alignment;
use crate::formats::output::iob::{Tag, Tokenized, lose_links};
use crate::formats::output::losses::{count_document, count_review_states};
use crate::formats::output::parallel::write_ordered;
use crate::formats::{ExportError, ExportReport};
use crate::model::{Document, Layer};

/// Writes documents as CoNLL IOB2, encoding them on all cores (output in
/// input order).
pub fn write(docs: &[Document], out: impl Write) -> Result<ExportReport, ExportError> {
    write_ordered(docs, out, |doc, buffer| write_document(doc, buffer))
}

/// Writes one document, `-DOCSTART-` first.
pub fn write_document(doc: &Document, mut out: impl Write) -> Result<ExportReport, ExportError> {
    check_alignment(doc)?;
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    let tokenized = Tokenized::new(doc);
    let entity = tokenized.tags(Layer::Entity, &mut report);
    let attribution = tokenized.tags(Layer::Attribution, &mut report);
    lose_links(doc, &mut report);
    count_review_states(doc, false, &mut report);
    count_document(doc, &[], &mut report);
    // Lines are put together in bytes: `writeln!` costs more than the rest
    // of the export on a token-per-line format.
    let mut lines = Vec::with_capacity(doc.text().len() * 3);
    lines.extend_from_slice(b"-DOCSTART-\n\n");
    for sentence in &tokenized.sentences {
        for i in sentence.clone() {
            lines.extend_from_slice(tokenized.token_text(i).as_bytes());
            for tag in [&entity, &attribution] {
                let (prefix, label) = tag.get(i).copied().unwrap_or(Tag::Outside).pieces();
                lines.push(b'\t');
                lines.extend_from_slice(prefix.as_bytes());
                lines.extend_from_slice(label.as_bytes());
            }
            lines.push(b'\n');
        }
        lines.push(b'\n');
    }
    out.write_all(&lines)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::conll::read;
    use crate::model::markup;

    fn written(docs: &[Document]) -> (String, ExportReport) {
        let mut out = Vec::new();
        let report = write(docs, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), report)
    }

    fn sample() -> Document {
        markup::document(
            "[“Wir bauen e\u{301}s,”|QUOTE:1] [sagte|CUE:1] [[Ana Müller|PERSON]|SPEAKER:1]. [北京|GPE] 👋 [Beijing|GPE] [[Ana|PERSON]|ORG]",
        )
        .unwrap()
    }

    #[test]
    fn writes_golden_columns() {
        let (text, report) = written(&[sample()]);
        assert_eq!(
            text,
            "-DOCSTART-\n\n\
             “\tO\tB-QUOTE\nWir\tO\tI-QUOTE\nbauen\tO\tI-QUOTE\ne\u{301}s\tO\tI-QUOTE\n,\tO\tI-QUOTE\n”\tO\tI-QUOTE\n\
             sagte\tO\tB-CUE\nAna\tB-PERSON\tB-SPEAKER\nMüller\tI-PERSON\tI-SPEAKER\n.\tO\tO\n\n\
             北京\tB-GPE\tO\n👋\tO\tO\nBeijing\tB-GPE\tO\nAna\tB-PERSON\tO\n\n"
        );
        assert_eq!(report.documents, 1);
        assert_eq!(report.spans, 7);
        assert_eq!(
            report.to_string(),
            "1 documents, 7 spans written; not written: 1 entity spans overlapping another (IOB2 holds one label per token); not written: 1 quote links (speaker, cue, split content: no relations in this format)"
        );
    }

    #[test]
    fn read_write_read_gives_the_same_model() {
        let (first_text, _) = written(&[
            sample(),
            markup::document("[Ødegaard|PERSON] left.").unwrap(),
        ]);
        let first = read(&first_text, "a.conll").unwrap();
        assert_eq!(first.warnings, vec![]);
        assert_eq!(first.documents.len(), 2);
        assert_eq!(
            markup::render(&first.documents[0]),
            "[“ Wir bauen e\u{301}s , ”|QUOTE] [sagte|CUE] [[Ana Müller|PERSON]|SPEAKER] .\n[北京|GPE] 👋 [Beijing|GPE] [Ana|PERSON]"
        );
        let (second_text, _) = written(&first.documents);
        assert_eq!(second_text, first_text);
        let second = read(&second_text, "a.conll").unwrap();
        assert_eq!(second.documents, first.documents);
    }
}
