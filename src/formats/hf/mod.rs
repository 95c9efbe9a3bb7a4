//! Hugging Face token-classification writer: one JSON line per sentence,
//! `{"id", "tokens", "ner_tags"}` with integer tags, and the tag names
//! (`labels.json`: a list, index = tag) written to a second writer — the
//! shape of `conll2003`, loadable with `datasets.load_dataset("json", …)`.
//!
//! One layer per export (entities by default). The names list the built-in
//! labels of that layer in palette order, then any other label found, sorted,
//! so ids stay stable between exports. The other layer, quote and mention
//! links, overlaps and spans off token edges are counted in the report.

use std::collections::BTreeSet;
use std::io::Write;

use serde::Serialize;

use crate::formats::output::iob::{Tag, Tokenized, lose_links};
use crate::formats::output::losses::{count_document, count_review_states};
use crate::formats::output::{check_alignment, exported_spans};
use crate::formats::{ExportError, ExportReport};
use crate::model::{Document, LabelSet, Layer};

mod stream;
pub use stream::{HfFinished, HfRows, renumber};

/// What the export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HfOptions {
    /// The layer tagged in `ner_tags`.
    pub layer: Layer,
}

impl Default for HfOptions {
    fn default() -> Self {
        Self {
            layer: Layer::Entity,
        }
    }
}

/// One dataset row.
#[derive(Serialize)]
struct Row<'a> {
    id: String,
    tokens: Vec<&'a str>,
    ner_tags: Vec<usize>,
}

/// The IOB2 tag names of a layer for these documents: `O`, then `B-`/`I-` per label.
pub fn tag_names(docs: &[Document], layer: Layer) -> Vec<String> {
    let mut seen = SeenLabels::new(layer);
    for doc in docs {
        seen.add(doc);
    }
    seen.sorted_names()
}

/// Writes the rows of every document to `rows` and the tag names to `labels`.
pub fn write(
    docs: &[Document],
    mut rows: impl Write,
    labels: impl Write,
    options: HfOptions,
) -> Result<ExportReport, ExportError> {
    let names = tag_names(docs, options.layer);
    let mut report = ExportReport::default();
    for doc in docs {
        write_document(doc, &names, options, &mut rows, &mut report)?;
    }
    write_names(&names, labels)?;
    Ok(report)
}

/// Writes the tag names as `labels.json` holds them: a JSON list, one line.
pub fn write_names(names: &[String], mut labels: impl Write) -> Result<(), ExportError> {
    serde_json::to_writer(&mut labels, names)?;
    writeln!(labels)?;
    Ok(())
}

/// The labels of one layer an export has met: the built-in ones, then the
/// others in the order they first appeared.
#[derive(Debug)]
struct SeenLabels {
    layer: Layer,
    builtin: Vec<String>,
    others: Vec<String>,
}

impl SeenLabels {
    fn new(layer: Layer) -> Self {
        let builtin = LabelSet::builtin()
            .of_layer(layer)
            .map(|l| l.name.clone())
            .collect();
        Self {
            layer,
            builtin,
            others: Vec::new(),
        }
    }

    /// Takes in the labels of `doc`'s exported spans on the layer; true when one was new.
    fn add(&mut self, doc: &Document) -> bool {
        let before = self.others.len();
        for span in exported_spans(doc) {
            let label = &span.label;
            if span.layer == self.layer
                && !self.builtin.contains(label)
                && !self.others.contains(label)
            {
                self.others.push(label.clone());
            }
        }
        self.others.len() > before
    }

    /// Tag names with the other labels in the order they were met.
    fn names_as_met(&self) -> Vec<String> {
        names(self.builtin.iter().chain(&self.others))
    }

    /// Tag names with the other labels sorted: the names an export declares.
    fn sorted_names(&self) -> Vec<String> {
        let others: BTreeSet<&String> = self.others.iter().collect();
        names(self.builtin.iter().chain(others))
    }
}

fn names<'a>(labels: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut names = vec![String::from("O")];
    for label in labels {
        names.push(format!("B-{label}"));
        names.push(format!("I-{label}"));
    }
    names
}

/// Writes the rows of one document, tag numbers being positions in `names`.
fn write_document(
    doc: &Document,
    names: &[String],
    options: HfOptions,
    mut rows: impl Write,
    report: &mut ExportReport,
) -> Result<(), ExportError> {
    check_alignment(doc)?;
    report.documents += 1;
    let tokenized = Tokenized::new(doc);
    let tags = tokenized.tags(options.layer, report);
    let other = match options.layer {
        Layer::Entity => Layer::Attribution,
        Layer::Attribution => Layer::Entity,
    };
    for _ in exported_spans(doc).iter().filter(|s| s.layer == other) {
        report.lose(format!(
            "{} spans (this export holds the {} layer)",
            other.as_str(),
            options.layer.as_str()
        ));
    }
    lose_links(doc, report);
    count_review_states(doc, false, report);
    count_document(doc, &[], report);
    for (n, sentence) in tokenized.sentences.iter().enumerate() {
        let row = Row {
            id: format!("{}-{n}", doc.id),
            tokens: sentence.clone().map(|i| tokenized.token_text(i)).collect(),
            ner_tags: sentence
                .clone()
                .map(|i| {
                    let tag = tags.get(i).copied().unwrap_or(Tag::Outside);
                    names.iter().position(|n| tag.is(n)).unwrap_or(0)
                })
                .collect(),
        };
        serde_json::to_writer(&mut rows, &row)?;
        writeln!(rows)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    #[test]
    fn writes_golden_rows_and_labels() {
        let doc = markup::document(
            "[“We won,”|QUOTE:1] [Ødegaard|PERSON] [said|CUE:1]. [北京|GPE] e\u{301} 👋 [Acme Lab|LAB]",
        )
        .unwrap();
        let (mut rows, mut labels) = (Vec::new(), Vec::new());
        let report = write(
            std::slice::from_ref(&doc),
            &mut rows,
            &mut labels,
            HfOptions::default(),
        )
        .unwrap();
        let id = &doc.id;
        assert_eq!(
            String::from_utf8(rows).unwrap(),
            format!(
                "{{\"id\":\"{id}-0\",\"tokens\":[\"“\",\"We\",\"won\",\",\",\"”\",\"Ødegaard\",\"said\",\".\"],\"ner_tags\":[0,0,0,0,0,1,0,0]}}\n\
                 {{\"id\":\"{id}-1\",\"tokens\":[\"北京\",\"e\u{301}\",\"👋\",\"Acme\",\"Lab\"],\"ner_tags\":[5,0,0,15,16]}}\n"
            )
        );
        assert_eq!(
            String::from_utf8(labels).unwrap(),
            "[\"O\",\"B-PERSON\",\"I-PERSON\",\"B-ORG\",\"I-ORG\",\"B-GPE\",\"I-GPE\",\"B-LOC\",\"I-LOC\",\"B-NORP\",\"I-NORP\",\"B-DATE\",\"I-DATE\",\"B-EVENT\",\"I-EVENT\",\"B-LAB\",\"I-LAB\"]\n"
        );
        assert_eq!(report.spans, 3);
        assert_eq!(
            report.lost["attribution spans (this export holds the entity layer)"],
            2
        );
        assert_eq!(report.lost.len(), 2);
    }

    #[test]
    fn attribution_layer_on_request() {
        let doc = markup::document("[Ana|SPEAKER:1] [said|CUE:1] [it rains|QUOTE:1].").unwrap();
        let (mut rows, mut labels) = (Vec::new(), Vec::new());
        let options = HfOptions {
            layer: Layer::Attribution,
        };
        write(&[doc], &mut rows, &mut labels, options).unwrap();
        let rows = String::from_utf8(rows).unwrap();
        assert!(rows.ends_with("\"ner_tags\":[3,5,1,2,0]}\n"), "{rows}");
        assert_eq!(
            String::from_utf8(labels).unwrap(),
            "[\"O\",\"B-QUOTE\",\"I-QUOTE\",\"B-SPEAKER\",\"I-SPEAKER\",\"B-CUE\",\"I-CUE\"]\n"
        );
    }
}
