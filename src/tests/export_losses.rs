//! Every writer names what its format cannot hold: a document using every
//! field of the model (coreference, a pending suggestion, a rejected span, a
//! reviewed partial quote with a speaker name, status, metadata, boilerplate)
//! goes through `byline convert` to each format, and the report on stderr
//! lists exactly the things the format leaves out: what is not gold (every
//! format writes gold only), and what the format cannot carry. This table is
//! the README's table of what each format carries.

use std::collections::BTreeSet;
use std::fs;

use super::support::byline;
use crate::formats::ExportOptions;
use crate::formats::byline::{Flavor, write};
use crate::formats::fixtures::rich;
use crate::model::{Edit, SpanState, Transaction};

/// Not gold, so left out by every format.
const REVIEW: [&str; 2] = ["pending spans", "rejected spans"];
/// The origin of the reviewed quote, an accepted suggestion: kept by byline
/// alone among the formats that write quotes.
const ORIGINS: &str = "suggestion origins of accepted suggestions";
const TEXT_ONLY: [&str; 2] = ["document metadata", "document review states"];

/// The reasons a format cannot hold, as the report names them (before the
/// parenthesis), beyond the review states no format but byline keeps.
fn expected(format: &str) -> BTreeSet<&'static str> {
    let extra: &[&str] = match format {
        "byline" => &[],
        "prodigy" => &[
            "coreference links",
            "quote kinds partial/mixed",
            "speaker entity names",
            ORIGINS,
        ],
        "doccano" => &["attribution spans", "coreference links", "quotes"],
        "doccano-rel" => &["quote kinds partial/mixed", "speaker entity names", ORIGINS],
        "conll" => &["mention links", "quote links"],
        "conll-doccano" => &["attribution spans", "mention links", "quote links"],
        "hf" => &["mention links", "quote links"],
        "brat" => &["speaker entity names", ORIGINS],
        "labelstudio" => &["quote kinds partial/mixed", "speaker entity names", ORIGINS],
        _ => unreachable!("{format}"),
    };
    let text_only = matches!(format, "conll" | "conll-doccano" | "hf" | "brat");
    let text_only = TEXT_ONLY.iter().filter(|_| text_only);
    REVIEW
        .iter()
        .chain(text_only)
        .chain(extra)
        .copied()
        .collect()
}

#[test]
fn each_report_names_what_its_format_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut doc = rich();
    let mut quote = doc.quotes().next().unwrap().clone();
    quote.state = SpanState::Accepted;
    doc.apply(&Transaction::new("review").with(Edit::ReplaceQuote(quote)))
        .unwrap();
    let mut out = Vec::new();
    write(
        &[doc],
        &mut out,
        Flavor::Byline,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    fs::write(&input, out).unwrap();
    for format in crate::formats::ExportFormat::ALL.map(|f| f.name()) {
        let output = dir.path().join(format!("out-{format}"));
        let run = byline([
            "convert",
            input.to_str().unwrap(),
            "--to",
            format,
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{format}: {}", run.err);
        let report = run.err.lines().last().unwrap();
        let named: BTreeSet<&str> = report
            .split("; not written: ")
            .skip(1)
            .map(|lost| {
                let what = lost.split_once(' ').map_or(lost, |(_count, what)| what);
                what.split(" (").next().unwrap_or(what)
            })
            .collect();
        assert_eq!(named, expected(format), "{format}: {report}");
    }
}
