//! Hugging Face token classification, gold only: a dataset folder with
//! `train.jsonl` — one row per sentence, `{"id", "tokens", "ner_tags",
//! "attribution_tags"}`, the shape of `conll2003` — and a dataset card
//! (`README.md`) whose `dataset_info` declares both tag columns as
//! `Sequence(ClassLabel(names=[…]))`, so `datasets.load_dataset(FOLDER)`
//! gives the label names with the data and the token-classification recipe
//! (`features["ner_tags"].feature.names`) runs as it is. Nothing else is in
//! the folder for the JSON loader to take for data.
//!
//! `ner_tags` tag the entity layer, `attribution_tags` the attribution layer
//! (QUOTE, SPEAKER, CUE). Each column's names list the built-in labels of its
//! layer in palette order, then any other label found, sorted, so ids stay
//! stable between exports. Quote and mention links, overlaps and spans off
//! token edges are counted in the report.

mod card;
mod folder;
mod stream;

use std::collections::BTreeSet;
use std::io::Write;

use serde::Serialize;

use crate::formats::output::iob::{Tag, Tokenized, lose_links};
use crate::formats::output::losses::{count_document, count_origins};
use crate::formats::output::review::{ExportOptions, Kept, written};
use crate::formats::output::{check_alignment, exported_spans};
use crate::formats::{ExportError, ExportReport};
use crate::model::{Document, LabelSet, Layer};

pub use card::card;
pub use folder::Folder;
pub use stream::{HfFinished, HfRows, renumber};

/// The two tag columns, in the order they are written.
pub const LAYERS: [Layer; 2] = [Layer::Entity, Layer::Attribution];

/// The tag names of each column: `O`, then `B-`/`I-` per label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagNames {
    /// Names of `ner_tags` (the entity layer).
    pub ner: Vec<String>,
    /// Names of `attribution_tags` (the attribution layer).
    pub attribution: Vec<String>,
}

/// One dataset row.
#[derive(Serialize)]
struct Row<'a> {
    id: String,
    tokens: Vec<&'a str>,
    ner_tags: Vec<usize>,
    attribution_tags: Vec<usize>,
}

/// The IOB2 tag names of a layer for these documents' gold.
pub fn tag_names(docs: &[Document], layer: Layer) -> Vec<String> {
    let mut seen = SeenLabels::new(layer);
    for doc in docs {
        seen.add(&doc.gold());
    }
    seen.sorted_names()
}

/// Writes the rows of every document to `rows`; returns the report and the
/// tag names the card declares.
pub fn write(
    docs: &[Document],
    mut rows: impl Write,
    options: ExportOptions,
) -> Result<(ExportReport, TagNames), ExportError> {
    let names = TagNames {
        ner: tag_names(docs, Layer::Entity),
        attribution: tag_names(docs, Layer::Attribution),
    };
    let mut report = ExportReport::default();
    for doc in docs {
        write_document(doc, &names, options, &mut rows, &mut report)?;
    }
    Ok((report, names))
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

    /// Takes in the labels of the layer in `gold` (a document's gold); true when one was new.
    fn add(&mut self, gold: &Document) -> bool {
        let before = self.others.len();
        for span in exported_spans(gold) {
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

/// Writes the rows of one document's gold, tag numbers being positions in `names`.
fn write_document(
    doc: &Document,
    names: &TagNames,
    options: ExportOptions,
    mut rows: impl Write,
    report: &mut ExportReport,
) -> Result<(), ExportError> {
    check_alignment(doc)?;
    report.documents += 1;
    let gold = written(doc, Kept::of(options, false), report);
    let doc = gold.as_ref();
    let tokenized = Tokenized::new(doc);
    let ner = tokenized.tags(Layer::Entity, report);
    let attribution = tokenized.tags(Layer::Attribution, report);
    lose_links(doc, report);
    count_origins(doc, false, report);
    count_document(doc, &[], report);
    let number = |tags: &[Tag<'_>], names: &[String], i: usize| {
        let tag = tags.get(i).copied().unwrap_or(Tag::Outside);
        names.iter().position(|n| tag.is(n)).unwrap_or(0)
    };
    for (n, sentence) in tokenized.sentences.iter().enumerate() {
        let row = Row {
            id: format!("{}-{n}", doc.id),
            tokens: sentence.clone().map(|i| tokenized.token_text(i)).collect(),
            ner_tags: (sentence.clone())
                .map(|i| number(&ner, &names.ner, i))
                .collect(),
            attribution_tags: (sentence.clone())
                .map(|i| number(&attribution, &names.attribution, i))
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
    fn writes_golden_rows_with_both_layers() {
        let doc = markup::document(
            "[“We won,”|QUOTE:1] [Ødegaard|PERSON] [said|CUE:1]. [北京|GPE] e\u{301} 👋 [Acme Lab|LAB]",
        )
        .unwrap();
        let mut rows = Vec::new();
        let (report, names) =
            write(std::slice::from_ref(&doc), &mut rows, ExportOptions::GOLD).unwrap();
        let id = &doc.id;
        assert_eq!(
            String::from_utf8(rows).unwrap(),
            format!(
                "{{\"id\":\"{id}-0\",\"tokens\":[\"“\",\"We\",\"won\",\",\",\"”\",\"Ødegaard\",\"said\",\".\"],\"ner_tags\":[0,0,0,0,0,1,0,0],\"attribution_tags\":[1,2,2,2,2,0,5,0]}}\n\
                 {{\"id\":\"{id}-1\",\"tokens\":[\"北京\",\"e\u{301}\",\"👋\",\"Acme\",\"Lab\"],\"ner_tags\":[5,0,0,15,16],\"attribution_tags\":[0,0,0,0,0]}}\n"
            )
        );
        assert_eq!(
            names.ner,
            [
                "O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-LOC", "I-LOC",
                "B-NORP", "I-NORP", "B-DATE", "I-DATE", "B-EVENT", "I-EVENT", "B-LAB", "I-LAB"
            ]
        );
        assert_eq!(
            names.attribution,
            [
                "O",
                "B-QUOTE",
                "I-QUOTE",
                "B-SPEAKER",
                "I-SPEAKER",
                "B-CUE",
                "I-CUE"
            ]
        );
        assert_eq!(report.spans, 5);
        assert_eq!(report.lost.len(), 1, "{report}");
    }
}
