//! The export dispatch, and batched exports giving the bytes of one batch.

use std::path::Path;

use super::*;
use crate::formats::{byline, conll, doccano, hf};
use crate::model::markup;

#[test]
fn names_round_trip() {
    for format in ExportFormat::ALL {
        assert_eq!(ExportFormat::parse(format.name()), Ok(format));
    }
    assert!(
        ExportFormat::parse("csv")
            .unwrap_err()
            .contains("byline, prodigy")
    );
}

#[cfg(unix)]
#[test]
fn writes_to_a_device_that_cannot_be_synced() {
    let doc = markup::document("[Zoë|PERSON] spoke.").unwrap();
    let dev_null = Path::new("/dev/null");
    let report = write(ExportFormat::Byline, &[doc], Destination::Path(dev_null)).unwrap();
    assert_eq!(report.documents, 1);
}

#[test]
fn multi_file_formats_refuse_a_stream() {
    let doc = markup::document("[Zoë|PERSON] spoke.").unwrap();
    let mut out = Vec::new();
    let err = write(ExportFormat::Hf, &[doc], Destination::Stream(&mut out)).unwrap_err();
    assert!(err.to_string().contains("-o"), "{err}");
    assert!(out.is_empty());
}

#[test]
fn every_format_writes_to_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let doc = markup::document("[“Ja,”|QUOTE:1] [Zoë Müller|SPEAKER:1] [said|CUE:1].").unwrap();
    for format in ExportFormat::ALL {
        let path = dir.path().join(format!("out-{}", format.name()));
        let report = write(format, std::slice::from_ref(&doc), Destination::Path(&path)).unwrap();
        assert_eq!(report.documents, 1, "{format}");
        assert!(path.exists(), "{format}");
    }
    assert!(dir.path().join("out-hf/README.md").exists());
}

/// Documents whose batches must not change the output: non-ASCII text, the
/// rich fixture (links, rejected and pending spans, meta), two sources with
/// the same file name (brat names them across batches) and labels outside
/// the built-in set met out of sorted order (Hugging Face renumbers).
fn batch_docs() -> Vec<Document> {
    let mut docs = vec![
        markup::document("[“Wir bauen e\u{301}s,”|QUOTE:1] [sagte|CUE:1] [Zoë Müller|SPEAKER:1]. [Zoo Zürich|ZOO] 👋")
            .unwrap(),
        crate::formats::fixtures::rich(),
        markup::document("[北京|GPE] and [Acme Lab|LAB] 🎉 signed. [“Ja”|QUOTE:1], [sie|SPEAKER:1] [sagte|CUE:1].")
            .unwrap(),
        markup::document("[Ødegaard|PERSON] met [Zoo Basel|ZOO] and [Bärlab|LAB].").unwrap(),
        markup::document("Nothing here but “quotes” and 😀.").unwrap(),
    ];
    docs[0].source = Some("in/wire story.txt".into());
    docs[3].source = Some("other/wire story.txt".into());
    docs
}

/// Every file under `dir`, by relative name, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    found.sort();
    found
}

/// Exports `docs` in `format` into a fresh folder, `size` documents a batch.
fn export_in_batches(
    format: ExportFormat,
    docs: &[Document],
    size: usize,
) -> (Vec<(String, Vec<u8>)>, ExportReport) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("out-{}", format.name()));
    let mut exporter = Exporter::open(format, Destination::Path(&path)).unwrap();
    for batch in docs.chunks(size) {
        exporter.write_batch(batch).unwrap();
    }
    let report = exporter.finish().unwrap();
    let written = if path.is_dir() {
        files(&path)
    } else {
        files(dir.path())
    };
    (written, report)
}

#[test]
fn batches_give_the_bytes_of_one_batch_in_every_format() {
    let docs = batch_docs();
    for format in ExportFormat::ALL {
        let (whole, report) = export_in_batches(format, &docs, docs.len());
        assert_eq!(report.documents, docs.len(), "{format}");
        let expected_files = match format {
            ExportFormat::Brat => 2 * docs.len() + 1,
            ExportFormat::Hf | ExportFormat::LabelStudio => 2,
            _ => 1,
        };
        assert_eq!(whole.len(), expected_files, "{format}");
        // Only the `.ann` of the document without annotations is empty.
        let empty = whole.iter().filter(|(_, bytes)| bytes.is_empty()).count();
        assert_eq!(empty, usize::from(format == ExportFormat::Brat), "{format}");
        for size in [1, 2] {
            let (batched, batched_report) = export_in_batches(format, &docs, size);
            assert_eq!(batched_report, report, "{format}, batches of {size}");
            for ((name, bytes), (whole_name, whole_bytes)) in batched.iter().zip(&whole) {
                assert_eq!(name, whole_name, "{format}, batches of {size}");
                assert!(
                    bytes == whole_bytes,
                    "{format}, batches of {size}: {name} differs:\n{}\n---\n{}",
                    String::from_utf8_lossy(bytes),
                    String::from_utf8_lossy(whole_bytes)
                );
            }
            assert_eq!(batched.len(), whole.len(), "{format}, batches of {size}");
        }
    }
}

/// A one-file writer called directly on every document.
type Writer = fn(&[Document], &mut Vec<u8>) -> ExportReport;

#[test]
fn one_stream_of_batches_is_the_writers_output() {
    let docs = batch_docs();
    let writers: [(ExportFormat, Writer); 6] = [
        (ExportFormat::Byline, |d, o| {
            byline::write(d, o, byline::Flavor::Byline, ExportOptions::GOLD).unwrap()
        }),
        (ExportFormat::Prodigy, |d, o| {
            byline::write(d, o, byline::Flavor::Prodigy, ExportOptions::GOLD).unwrap()
        }),
        (ExportFormat::Doccano, |d, o| {
            doccano::write(d, o, doccano::Mode::Sequence, ExportOptions::GOLD).unwrap()
        }),
        (ExportFormat::DoccanoRelations, |d, o| {
            doccano::write(d, o, doccano::Mode::Relation, ExportOptions::GOLD).unwrap()
        }),
        (ExportFormat::Conll, |d, o| {
            conll::write(d, o, conll::Columns::Spacy, ExportOptions::GOLD).unwrap()
        }),
        (ExportFormat::ConllDoccano, |d, o| {
            conll::write(d, o, conll::Columns::Doccano, ExportOptions::GOLD).unwrap()
        }),
    ];
    for (format, writer) in writers {
        let mut expected = Vec::new();
        let expected_report = writer(&docs, &mut expected);
        let mut out = Vec::new();
        let mut exporter = Exporter::open(format, Destination::Stream(&mut out)).unwrap();
        for batch in docs.chunks(2) {
            exporter.write_batch(batch).unwrap();
        }
        assert_eq!(exporter.finish().unwrap(), expected_report, "{format}");
        assert!(out == expected, "{format}");
    }
}

#[test]
fn batched_hf_rows_and_card_are_the_writers_output() {
    let docs = batch_docs();
    let mut rows = Vec::new();
    let (report, names) = hf::write(&docs, &mut rows, ExportOptions::GOLD).unwrap();
    assert!(
        names
            .ner
            .ends_with(&["B-LAB", "I-LAB", "B-ZOO", "I-ZOO"].map(String::from)),
        "{names:?}"
    );
    let (written, batched_report) = export_in_batches(ExportFormat::Hf, &docs, 1);
    assert_eq!(batched_report, report);
    assert_eq!(
        written[0],
        ("README.md".to_owned(), hf::card(&names).into_bytes())
    );
    assert_eq!(written[1], ("train.jsonl".to_owned(), rows));
}

#[test]
fn doccano_records_written_before_a_new_meta_key_get_it_at_the_end() {
    let mut docs = batch_docs();
    docs[3].meta.insert("desk".into(), "sport".into());
    let mut expected = Vec::new();
    doccano::write(
        &docs,
        &mut expected,
        doccano::Mode::Sequence,
        ExportOptions::GOLD,
    )
    .unwrap();
    for size in [1, 2] {
        let mut out = Vec::new();
        let mut exporter =
            Exporter::open(ExportFormat::Doccano, Destination::Stream(&mut out)).unwrap();
        for batch in docs.chunks(size) {
            exporter.write_batch(batch).unwrap();
        }
        exporter.finish().unwrap();
        assert!(out == expected, "stream, batches of {size}");
        let (written, _) = export_in_batches(ExportFormat::Doccano, &docs, size);
        assert!(written[0].1 == expected, "file, batches of {size}");
    }
    assert!(
        String::from_utf8(expected)
            .unwrap()
            .lines()
            .all(|l| l.contains("\"desk\":"))
    );
}
