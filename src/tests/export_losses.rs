//! Every writer names what its format cannot hold: a document using every
//! field of the model (coreference, a pending suggestion, a rejected span, a
//! partial pending quote with a speaker name, status, metadata, boilerplate)
//! goes through `byline convert` to each format, and the report on stderr
//! lists exactly the things the format leaves out. This table is the
//! "what it cannot hold" list of the README.

use std::collections::BTreeSet;
use std::fs;

use super::support::byline;
use crate::formats::byline::{Flavor, write};
use crate::formats::fixtures::rich;

const REVIEW: [&str; 3] = [
    "pending review states",
    "rejected spans",
    "suggestion origins",
];
const TEXT_ONLY: [&str; 2] = ["document metadata", "document review states"];

/// The reasons a format cannot hold, as the report names them (before the
/// parenthesis), beyond the review states no format but byline keeps.
fn expected(format: &str) -> BTreeSet<&'static str> {
    let extra: &[&str] = match format {
        "byline" => return BTreeSet::new(),
        "prodigy" => &[
            "coreference links",
            "quote kinds partial/mixed",
            "speaker entity names",
        ],
        "doccano" => &["coreference links", "quotes"],
        "doccano-rel" => &["quote kinds partial/mixed", "speaker entity names"],
        "conll" => &["mention links", "quote links"],
        "hf" => &["attribution spans", "mention links", "quote links"],
        "brat" => &["speaker entity names"],
        _ => unreachable!("{format}"),
    };
    let text_only = matches!(format, "conll" | "hf" | "brat");
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
    let mut out = Vec::new();
    write(&[rich()], &mut out, Flavor::Byline).unwrap();
    fs::write(&input, out).unwrap();
    for format in [
        "byline",
        "prodigy",
        "doccano",
        "doccano-rel",
        "conll",
        "hf",
        "brat",
    ] {
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
