//! CoNLL IOB2 writers, gold only, one token per line (tokens from
//! `model::tokenize`; sentences never cut a span, see
//! [`crate::formats::output::iob`]):
//!
//! - [`Columns::Spacy`], `--to conll`: `-DOCSTART- -X- O O` and a blank line
//!   before each document, then per token `token - ATTRIBUTION ENTITY`,
//!   tab-separated, a blank line after each sentence. `spacy convert` reads
//!   the first column as words, the last as entities, the second as tags
//!   (`-`, spaCy's own placeholder) and ignores the third, which holds the
//!   attribution layer (QUOTE, SPEAKER, CUE) for Byline's reader.
//! - [`Columns::Doccano`], `--to conll-doccano`: `token ENTITY`, tab-separated,
//!   one block per document (doccano makes one example of each block and
//!   wants exactly two columns).
//!
//! The report counts what IOB2 cannot hold: overlapping spans of one layer,
//! spans off token edges, quote and mention links.

use std::io::Write;

use crate::formats::output::check_alignment;
use crate::formats::output::iob::{Tag, Tokenized, lose_links};
use crate::formats::output::losses::{count_document, count_origins};
use crate::formats::output::parallel::write_ordered;
use crate::formats::output::review::{ExportOptions, Kept, written};
use crate::formats::{ExportError, ExportReport};
use crate::model::{Document, Layer};

/// The line that starts a document, as spaCy's converter splits on it.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// Which columns a CoNLL export writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Columns {
    /// token, `-`, attribution tag, entity tag; `-DOCSTART-` lines.
    #[default]
    Spacy,
    /// token and entity tag; one block per document.
    Doccano,
}

/// Writes documents as CoNLL IOB2, encoding them on all cores (output in
/// input order).
pub fn write(
    docs: &[Document],
    out: impl Write,
    columns: Columns,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    write_ordered(docs, out, |doc, buffer| {
        write_document(doc, buffer, columns, options)
    })
}

/// Writes the gold of one document.
pub fn write_document(
    doc: &Document,
    mut out: impl Write,
    columns: Columns,
    options: ExportOptions,
) -> Result<ExportReport, ExportError> {
    check_alignment(doc)?;
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    let gold = written(doc, Kept::of(options, false), &mut report);
    let doc = gold.as_ref();
    let tokenized = Tokenized::new(doc);
    let entity = tokenized.tags(Layer::Entity, &mut report);
    let attribution = match columns {
        Columns::Spacy => tokenized.tags(Layer::Attribution, &mut report),
        Columns::Doccano => {
            for span in doc.spans().filter(|s| s.layer == Layer::Attribution) {
                report.lose(format!(
                    "{} spans (doccano's CoNLL holds the entity layer)",
                    span.layer.as_str()
                ));
            }
            Vec::new()
        }
    };
    lose_links(doc, &mut report);
    count_origins(doc, false, &mut report);
    count_document(doc, &[], &mut report);
    // Lines are put together in bytes: `writeln!` costs more than the rest
    // of the export on a token-per-line format.
    let mut lines = Vec::with_capacity(doc.text().len() * 3);
    if columns == Columns::Spacy {
        lines.extend_from_slice(DOCSTART.as_bytes());
        lines.extend_from_slice(b"\n\n");
    }
    for sentence in &tokenized.sentences {
        for i in sentence.clone() {
            lines.extend_from_slice(tokenized.token_text(i).as_bytes());
            if columns == Columns::Spacy {
                lines.extend_from_slice(b"\t-");
                push_tag(&mut lines, attribution.get(i).copied());
            }
            push_tag(&mut lines, entity.get(i).copied());
            lines.push(b'\n');
        }
        if columns == Columns::Spacy {
            lines.push(b'\n');
        }
    }
    if columns == Columns::Doccano && !tokenized.tokens.is_empty() {
        lines.push(b'\n');
    }
    out.write_all(&lines)?;
    Ok(report)
}

/// A tab and the tag.
fn push_tag(lines: &mut Vec<u8>, tag: Option<Tag<'_>>) {
    let (prefix, label) = tag.unwrap_or(Tag::Outside).pieces();
    lines.push(b'\t');
    lines.extend_from_slice(prefix.as_bytes());
    lines.extend_from_slice(label.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::conll::read;
    use crate::model::markup;

    fn written_as(docs: &[Document], columns: Columns) -> (String, ExportReport) {
        let mut out = Vec::new();
        let report = write(docs, &mut out, columns, ExportOptions::GOLD).unwrap();
        (String::from_utf8(out).unwrap(), report)
    }

    fn written(docs: &[Document]) -> (String, ExportReport) {
        written_as(docs, Columns::Spacy)
    }

    fn sample() -> Document {
        markup::document(
            "[“Wir bauen e\u{301}s,”|QUOTE:1] [sagte|CUE:1] [[Ana Müller|PERSON]|SPEAKER:1]. [北京|GPE] 👋 [Beijing|GPE] [[Ana|PERSON]|ORG]",
        )
        .unwrap()
    }

    #[test]
    fn writes_golden_columns_as_spacy_reads_them() {
        let (text, report) = written(&[sample()]);
        assert_eq!(
            text,
            "-DOCSTART- -X- O O\n\n\
             “\t-\tB-QUOTE\tO\nWir\t-\tI-QUOTE\tO\nbauen\t-\tI-QUOTE\tO\ne\u{301}s\t-\tI-QUOTE\tO\n,\t-\tI-QUOTE\tO\n”\t-\tI-QUOTE\tO\n\
             sagte\t-\tB-CUE\tO\nAna\t-\tB-SPEAKER\tB-PERSON\nMüller\t-\tI-SPEAKER\tI-PERSON\n.\t-\tO\tO\n\n\
             北京\t-\tO\tB-GPE\n👋\t-\tO\tO\nBeijing\t-\tO\tB-GPE\nAna\t-\tO\tB-PERSON\n\n"
        );
        assert_eq!(report.documents, 1);
        assert_eq!(report.spans, 7);
        assert_eq!(
            report.to_string(),
            "1 documents, 7 spans written; not written: 1 entity spans overlapping another (IOB2 holds one label per token); not written: 1 quote links (speaker, cue, split content: no relations in this format)"
        );
    }

    #[test]
    fn writes_golden_columns_as_doccano_imports_them() {
        let (text, report) = written_as(
            &[sample(), markup::document("[Zoë|PERSON] 👋").unwrap()],
            Columns::Doccano,
        );
        assert_eq!(
            text,
            "“\tO\nWir\tO\nbauen\tO\ne\u{301}s\tO\n,\tO\n”\tO\nsagte\tO\nAna\tB-PERSON\nMüller\tI-PERSON\n.\tO\n\
             北京\tB-GPE\n👋\tO\nBeijing\tB-GPE\nAna\tB-PERSON\n\n\
             Zoë\tB-PERSON\n👋\tO\n\n"
        );
        assert_eq!(
            report.lost["attribution spans (doccano's CoNLL holds the entity layer)"],
            3
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

    #[test]
    fn only_gold_is_tagged() {
        let mut doc = sample();
        let mut tx = crate::model::Transaction::new("suggest");
        for span in doc.spans() {
            let mut span = span.clone();
            span.state = crate::model::SpanState::Pending;
            tx.push(crate::model::Edit::ReplaceSpan(span));
        }
        doc.apply(&tx).unwrap();
        let (text, report) = written(&[doc]);
        assert!(
            text.lines()
                .skip(1)
                .all(|l| l.is_empty() || l.ends_with("\t-\tO\tO")),
            "{text}"
        );
        assert_eq!(report.spans, 0);
    }
}
