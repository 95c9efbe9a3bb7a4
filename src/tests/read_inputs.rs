//! Reading files end to end through `formats::read_path` and `collect_inputs`:
//! bad inputs get a clear error or warning, good ones load with offsets that
//! slice back, folders are walked once per document.

use std::fs;
use std::path::{Path, PathBuf};

use crate::formats::{
    InputFormat, Loaded, MAX_FILE_BYTES, ReadError, ReadOptions, collect_inputs, read_bytes,
    read_path,
};
use crate::model::{Document, OffsetIndex};

const STRICT: ReadOptions = ReadOptions { lossy: false };

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn read_one(path: &Path) -> Document {
    let mut loaded = read_path(path, &STRICT).unwrap();
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.warnings);
    loaded.documents.remove(0)
}

#[test]
fn invalid_utf8_is_an_error_or_an_announced_lossy_decode() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.txt", b"Caf\xc3\xa9 \xff said.");
    let err = read_path(&path, &STRICT).unwrap_err();
    assert!(
        matches!(err, ReadError::InvalidUtf8 { offset: 6, .. }),
        "{err:?}"
    );
    let loaded = read_path(&path, &ReadOptions { lossy: true }).unwrap();
    assert_eq!(loaded.documents[0].text(), "Café \u{fffd} said.");
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("1 byte(s) replaced")
    );
}

#[test]
fn binary_files_are_refused_as_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let nul = write(dir.path(), "nul.txt", b"text\0more");
    let png = write(
        dir.path(),
        "photo.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01",
    );
    for (path, why) in [(nul, "NUL byte"), (png, "PNG image")] {
        let err = read_path(&path, &ReadOptions { lossy: true }).unwrap_err();
        assert!(matches!(err, ReadError::NotText { .. }), "{err:?}");
        assert!(err.to_string().contains(why), "{err}");
    }
}

#[test]
fn empty_and_blank_files_warn_and_give_no_document() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.html", b" \n\t\r\n  "),
        ("bom.md", b"\xef\xbb\xbf\n"),
        ("blank.jsonl", b"\n\n"),
    ] {
        let path = write(dir.path(), name, bytes);
        let loaded = read_path(&path, &STRICT).unwrap();
        assert!(loaded.documents.is_empty(), "{name}");
        assert_eq!(loaded.warnings.len(), 1, "{name}");
        assert!(
            loaded.warnings[0].to_string().contains("empty file"),
            "{name}"
        );
        assert_eq!(loaded.warnings[0].source, path.display().to_string());
    }
}

#[test]
fn files_over_the_limit_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let err = read_path(&path, &STRICT).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
}

/// What `byline suggest` writes on a few thousand articles outgrows the
/// limit: a JSONL file over it is read line by line, each line under it,
/// and a bad line is named and skipped as in a small file.
#[test]
fn a_jsonl_file_over_the_limit_is_read_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Zoë Ødegård a parlé à 北京 👋 ".repeat(2_000);
    let record = serde_json::json!({ "text": text }).to_string();
    let lines = usize::try_from(MAX_FILE_BYTES).unwrap() / record.len() + 2;
    let mut bytes = Vec::with_capacity((lines + 1) * (record.len() + 1));
    for i in 0..lines {
        if i == 3 {
            bytes.extend_from_slice(b"{\"text\": \"\xff\"}\n");
        }
        bytes.extend_from_slice(record.as_bytes());
        bytes.push(b'\n');
    }
    assert!(bytes.len() as u64 > MAX_FILE_BYTES);
    let path = write(dir.path(), "suggested.jsonl", &bytes);
    let loaded = read_path(&path, &STRICT).unwrap();
    assert_eq!(loaded.skipped, 1);
    assert_eq!(loaded.warnings[0].line, Some(4), "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].message.contains("invalid UTF-8"));
    assert_eq!(loaded.documents.len(), lines);
    assert_eq!(loaded.documents[lines - 1].text(), text);
    let as_text = write(dir.path(), "suggested.txt", &bytes);
    let err = read_path(&as_text, &STRICT).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
}

/// A Label Studio export over the limit (a big project's) is read task by
/// task; another JSON list that big is refused, pointing to JSONL.
#[test]
fn a_label_studio_export_over_the_limit_is_read_task_by_task() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Zoë Ødegård a parlé à 北京 👋 ".repeat(2_000);
    let region = serde_json::json!({
        "id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
        "value": {"start": 0, "end": 11, "labels": ["PERSON"]}
    });
    let task = serde_json::json!({
        "data": {"text": text},
        "annotations": [{"result": [region]}]
    })
    .to_string();
    let count = usize::try_from(MAX_FILE_BYTES).unwrap() / task.len() + 2;
    let export = format!("[{}]", vec![task; count].join(",\n"));
    assert!(export.len() as u64 > MAX_FILE_BYTES);
    let path = write(dir.path(), "project.json", export.as_bytes());
    let loaded = read_path(&path, &STRICT).unwrap();
    assert_eq!(loaded.documents.len(), count);
    let doc = &loaded.documents[count - 1];
    let span = doc.spans().next().unwrap();
    assert_eq!(
        (span.label.as_str(), span.text(doc.text())),
        ("PERSON", "Zoë Ødegård")
    );
    let record = format!("{{\"text\": \"{text}\"}}");
    let count = usize::try_from(MAX_FILE_BYTES).unwrap() / record.len() + 2;
    let records = format!("[{}]", vec![record; count].join(","));
    let path = write(dir.path(), "records.json", records.as_bytes());
    let Err(err) = read_path(&path, &STRICT).map(|l| l.documents.len()) else {
        panic!("a list of records over the limit was read")
    };
    let err = err.to_string();
    assert!(err.contains("only as a Label Studio export"), "{err}");
}

#[test]
fn unknown_extensions_and_missing_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "notes.docx", b"text");
    assert!(matches!(
        read_path(&path, &STRICT),
        Err(ReadError::UnknownFormat { .. })
    ));
    let missing = dir.path().join("missing.txt");
    let err = read_path(&missing, &STRICT).unwrap_err();
    assert!(
        matches!(err, ReadError::Io { .. }) && err.to_string().ends_with("missing.txt"),
        "{err}"
    );
}

/// Every paragraph start in `meta` slices the text at a paragraph.
fn assert_paragraphs_slice(doc: &Document, firsts: &[&str]) {
    let index = OffsetIndex::new(doc.text());
    let starts: Vec<usize> = doc.meta["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| index.char_to_byte(v.as_u64().unwrap() as usize).unwrap())
        .collect();
    assert_eq!(starts.len(), firsts.len());
    for (start, first) in starts.iter().zip(firsts) {
        assert!(doc.text()[*start..].starts_with(first), "{first}");
    }
}

#[test]
fn bom_crlf_emoji_and_cjk_read_the_same_in_every_article_format() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(
        dir.path(),
        "a.txt",
        "\u{feff}Nguyễn’s 🚀 day\r\n\r\n北京 (Reuters) – “Có,” said Ødegaard.\r\n".as_bytes(),
    );
    let md = write(
        dir.path(),
        "a.md",
        "\u{feff}# Nguyễn’s 🚀 day\r\n\r\n北京 (Reuters) – “Có,” said *Ødegaard*.\r\n".as_bytes(),
    );
    let html = write(
        dir.path(),
        "a.html",
        "\u{feff}<h1>Nguyễn’s 🚀 day</h1>\r\n<p>北京 (Reuters) &ndash; “Có,” said Ødegaard.</p>\r\n".as_bytes(),
    );
    for path in [txt, md, html] {
        let doc = read_one(&path);
        let text = doc.text().trim_end();
        assert_eq!(
            text, "Nguyễn’s 🚀 day\n\n北京 (Reuters) – “Có,” said Ødegaard.",
            "{path:?}"
        );
        assert_eq!(doc.meta["title"], "Nguyễn’s 🚀 day");
        assert_paragraphs_slice(&doc, &["Nguyễn", "北京"]);
    }
}

#[test]
fn bytes_are_read_by_the_format_given() {
    let jsonl = "{\"text\": \"“Hi,” said Díaz 🚀\"}\n";
    let loaded: Loaded = read_bytes(jsonl.as_bytes(), "-", InputFormat::Jsonl, &STRICT).unwrap();
    assert_eq!(loaded.documents[0].text(), "“Hi,” said Díaz 🚀");
    let conll = "\u{feff}Ødegaard\tB-PERSON\nleft\tO\n".as_bytes();
    let loaded = read_bytes(conll, "gold.conll", InputFormat::Conll, &STRICT).unwrap();
    assert!(loaded.documents[0].text().starts_with("Ødegaard"));
    let err = read_bytes(b"T1\tX 0 1\ta", "a.ann", InputFormat::Brat, &STRICT).unwrap_err();
    assert!(err.to_string().contains("read it by path"), "{err}");
}

#[test]
fn a_txt_with_an_ann_beside_it_is_one_brat_document() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.txt", "Müller said “no”.\n".as_bytes());
    let ann = write(
        dir.path(),
        "story.ann",
        "T1\tSource 0 6\tMüller\n".as_bytes(),
    );
    write(dir.path(), "other.md", b"# Other\n\nText.\n");
    write(dir.path(), ".hidden.txt", b"secret");
    write(dir.path(), "photo.png", b"\x89PNG");
    let collected = collect_inputs(&[dir.path().to_path_buf()]);
    let (inputs, warnings) = (collected.inputs, collected.notes);
    assert_eq!(inputs, [dir.path().join("other.md"), ann.clone()]);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0]
            .to_string()
            .starts_with("skipped 1 file(s) of no known format (photo.png)")
    );
    for path in [ann, dir.path().join("story.txt")] {
        let doc = read_one(&path);
        assert_eq!(doc.span_count(), 1, "{path:?}");
        let span = doc.spans().next().unwrap();
        assert_eq!(&doc.text()[span.range.start..span.range.end], "Müller");
    }
}

#[test]
fn brat_corpora_with_texts_in_a_sibling_folder_are_paired() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "text/a.txt", "Ana said it.\n".as_bytes());
    let first = write(dir.path(), "attributions/a_1.ann", b"T1\tSource 0 3\tAna\n");
    let second = write(dir.path(), "attributions/a_2.ann", b"T1\tCue 4 8\tsaid\n");
    let inputs = collect_inputs(&[dir.path().to_path_buf()]).inputs;
    assert_eq!(inputs, [first.clone(), second]);
    assert_eq!(read_one(&first).text(), "Ana said it.\n");
    let lone = write(dir.path(), "lone/b.ann", b"T1\tCue 0 1\tx\n");
    let err = read_path(&lone, &STRICT).unwrap_err();
    assert!(err.to_string().contains("without their text"), "{err}");
}

#[test]
fn folders_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.txt", b"B");
    let a2 = write(dir.path(), "a/2.html", b"<p>2</p>");
    let a1 = write(dir.path(), "a/1.jsonl", b"{\"text\": \"1\"}");
    write(dir.path(), ".git/HEAD.txt", b"x");
    write(dir.path(), "a/README.md", b"# About these files");
    let given = dir.path().join("given.unknown");
    let inputs = collect_inputs(&[dir.path().to_path_buf(), given.clone()]).inputs;
    assert_eq!(inputs, [a1, a2, b, given]);
}
