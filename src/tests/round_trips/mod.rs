//! Every format round-trips non-ASCII text through `byline convert`: byline
//! JSONL → FORMAT → read back gives the same model — all of it for byline
//! (every review state with `--with-suggestions`), what the README's table
//! says the format holds for the others, the rest counted in the report —
//! and every offset written slices its text in code points (Python's
//! `text[start:end]`).
//!
//! The fixture has curly quotes, emoji (one astral, one a two-code-point
//! flag), CJK, a decomposed name (combining accents), a split quote, an entity
//! inside a speaker, an indirect quote holding a partial one, whose
//! attribution class is belief (the split quote's is speech), and an
//! interrupted quote written one record per segment, the two linked by a
//! group.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::support::{Run, byline, check_json_offsets, py_slice};
use crate::formats::byline::{Flavor, write};
use crate::formats::fixtures::{annotated, rich};
use crate::formats::{ExportOptions, ReadOptions, collect_inputs, read_path};
use crate::model::{
    AttributionClass, ByteRange, DocStatus, Document, Edit, Layer, OffsetIndex, Quote, QuoteGroup,
    SpanId, Transaction, markup,
};
use crate::model::{CUE, QUOTE};

mod bare;
mod columns;

const FIRST: &str = "[“[北京|GPE] 👍 is ready,”|QUOTE:1] [[Zoë Müller|PERSON]|SPEAKER:1] \
    [said|CUE:1], [“and so is 東京.”|QUOTE:1]\n\n\
    [José|PERSON] met [Nguye\u{302}\u{303}n Văn|PERSON] in [Zürich|GPE] 🇨🇭.";
const SECOND: &str = "[[Ana Díaz|PERSON]|SPEAKER:1] [told|CUE:1] 記者 [that the plan was “dead”|QUOTE:1]. \
    [“Ça suffit,”|QUOTE:2] [dit|CUE:2] [Léa|SPEAKER:2]. [“¡Adiós!”|QUOTE:3]";

fn fixtures() -> Vec<Document> {
    let mut first = markup::document(FIRST).unwrap();
    first.source = Some("wire/zoë.txt".into());
    first.meta.insert("title".into(), "Zoë in 北京".into());
    first
        .apply(&Transaction::new("done").with(Edit::SetStatus(DocStatus::Done)))
        .unwrap();
    let mut second = markup::document(SECOND).unwrap();
    second.source = Some("wire/ana.txt".into());
    let quotes: Vec<Quote> = second.quotes_sorted().into_iter().cloned().collect();
    let [belief, said, after] = quotes.as_slice() else {
        panic!("three quotes: {quotes:?}")
    };
    let group = second.ids().group();
    let mut belief = belief.clone();
    belief.class = AttributionClass::Belief;
    let mut tx = Transaction::new("class and segments").with(Edit::ReplaceQuote(belief));
    for (quote, source) in [(said, said), (after, said)] {
        let mut segment = quote.clone();
        (segment.speaker, segment.cue) = (source.speaker, source.cue);
        segment.group = Some(group);
        tx.push(Edit::ReplaceQuote(segment));
    }
    second.apply(&tx).unwrap();
    vec![first, second]
}

fn span_count() -> usize {
    fixtures().iter().map(Document::span_count).sum()
}

/// The fixtures written as byline JSONL into `dir`, the input of every test.
fn input(dir: &Path) -> PathBuf {
    written(dir, "in.jsonl", &fixtures())
}

/// `docs` written as byline JSONL, suggestions included, into `dir/name`.
fn written(dir: &Path, name: &str, docs: &[Document]) -> PathBuf {
    let path = dir.join(name);
    let mut out = Vec::new();
    write(
        docs,
        &mut out,
        Flavor::Byline,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    fs::write(&path, out).unwrap();
    path
}

/// `byline convert INPUT --to FORMAT -o OUT [EXTRA]`, which must succeed.
fn convert_with(input: &Path, to: &str, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "convert".into(),
        input.as_os_str().to_owned(),
        "--to".into(),
        to.into(),
        "-o".into(),
        out.as_os_str().to_owned(),
    ];
    args.extend(extra.iter().map(Into::into));
    let run = byline(args);
    assert_eq!(run.code, 0, "{to}: {}", run.err);
    run
}

/// `byline convert INPUT --to FORMAT -o OUT`: gold only.
fn convert(input: &Path, to: &str, out: &Path) -> Run {
    convert_with(input, to, out, &[])
}

/// Every document in a file or folder, which must read without warnings.
fn read_back(path: &Path) -> Vec<Document> {
    let inputs = collect_inputs(&[path.to_path_buf()]).inputs;
    let mut docs = Vec::new();
    for input in inputs {
        let loaded = read_path(&input, &ReadOptions::default()).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        docs.extend(loaded.documents);
    }
    docs
}

type Chars = (usize, usize);

fn chars(doc: &Document, range: ByteRange) -> Chars {
    let index = OffsetIndex::new(doc.text());
    let at = |b| index.byte_to_char(b).unwrap();
    (at(range.start), at(range.end))
}

/// Spans as (layer, label, code point range).
fn spans(doc: &Document) -> BTreeSet<(String, String, Chars)> {
    doc.spans()
        .map(|s| {
            (
                s.layer.as_str().to_owned(),
                s.label.clone(),
                chars(doc, s.range),
            )
        })
        .collect()
}

/// Quotes as (content ranges, speaker range, cue range, class).
type QuoteKey = (Vec<Chars>, Option<Chars>, Option<Chars>, AttributionClass);

fn quotes(doc: &Document) -> BTreeSet<QuoteKey> {
    let range = |id: SpanId| chars(doc, doc.span(id).unwrap().range);
    doc.quotes()
        .map(|q| {
            let mut content: Vec<Chars> = q.content.iter().map(|&id| range(id)).collect();
            content.sort();
            (content, q.speaker.map(range), q.cue.map(range), q.class)
        })
        .collect()
}

/// The quotes of each group as their content ranges, in text order: which
/// segments are linked, whatever the groups' numbers.
fn segments(doc: &Document) -> BTreeSet<Vec<Vec<Chars>>> {
    let range = |id: SpanId| chars(doc, doc.span(id).unwrap().range);
    let groups: BTreeSet<QuoteGroup> = doc.quotes().filter_map(|q| q.group).collect();
    (groups.into_iter())
        .map(|g| {
            (doc.segments(g).into_iter())
                .map(|q| q.content.iter().map(|&id| range(id)).collect())
                .collect()
        })
        .collect()
}

#[test]
fn byline_jsonl_round_trips_the_whole_model() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path());
    let out = dir.path().join("out.jsonl");
    convert(&input, "byline", &out);
    assert_eq!(fs::read(&out).unwrap(), fs::read(&input).unwrap());
    assert_eq!(read_back(&out), fixtures());
    assert!(check_json_offsets(&fs::read_to_string(&out).unwrap()) > 40);
    let linked = vec![vec![vec![(43, 55)], vec![(65, 74)]]];
    assert_eq!(segments(&fixtures()[1]), linked.into_iter().collect());
}

#[test]
fn byline_jsonl_with_suggestions_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = annotated();
    docs.push(rich());
    let input = dir.path().join("states.jsonl");
    let mut out = Vec::new();
    write(
        &docs,
        &mut out,
        Flavor::Byline,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .unwrap();
    fs::write(&input, &out).unwrap();
    let again = dir.path().join("again.jsonl");
    convert_with(&input, "byline", &again, &["--with-suggestions"]);
    assert_eq!(fs::read(&again).unwrap(), out);
    assert_eq!(read_back(&again), docs);
    let gold = dir.path().join("gold.jsonl");
    convert(&input, "byline", &gold);
    let expected: Vec<Document> = docs.iter().map(|d| d.gold().into_owned()).collect();
    assert_eq!(read_back(&gold), expected, "gold only by default");
}

#[test]
fn prodigy_keeps_spans_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("prodigy.jsonl");
    convert(&input(dir.path()), "prodigy", &out);
    assert!(check_json_offsets(&fs::read_to_string(&out).unwrap()) > 40);
    for (back, original) in read_back(&out).iter().zip(fixtures()) {
        assert_eq!(back.text(), original.text());
        assert_eq!(spans(back), spans(&original));
        assert_eq!(quotes(back), quotes(&original));
        assert_eq!(segments(back), segments(&original));
    }
}

/// Spans of one layer, as [`spans`] gives them.
fn layer_spans(doc: &Document, layer: Layer) -> BTreeSet<(String, String, Chars)> {
    spans(doc)
        .into_iter()
        .filter(|(l, _, _)| l == layer.as_str())
        .collect()
}

#[test]
fn doccano_sequence_keeps_the_entities_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("doccano.jsonl");
    let run = convert(&input(dir.path()), "doccano", &out);
    assert!(run.err.contains("not written: 4 quote"), "{}", run.err);
    assert!(run.err.contains("attribution spans"), "{}", run.err);
    let entities: usize = fixtures()
        .iter()
        .map(|d| layer_spans(d, Layer::Entity).len())
        .sum();
    assert_eq!(
        check_json_offsets(&fs::read_to_string(&out).unwrap()),
        entities
    );
    let back = read_back(&out);
    for (back, original) in back.iter().zip(fixtures()) {
        assert_eq!(spans(back), layer_spans(&original, Layer::Entity));
    }
    let again = dir.path().join("again.jsonl");
    convert(&out, "doccano", &again);
    assert_eq!(
        fs::read_to_string(again).unwrap(),
        fs::read_to_string(out).unwrap()
    );
}

#[test]
fn doccano_relations_keep_spans_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rel.jsonl");
    convert(&input(dir.path()), "doccano-rel", &out);
    assert_eq!(
        check_json_offsets(&fs::read_to_string(&out).unwrap()),
        span_count()
    );
    for (back, original) in read_back(&out).iter().zip(fixtures()) {
        assert_eq!(spans(back), spans(&original));
        assert_eq!(quotes(back), quotes(&original));
        assert_eq!(segments(back), segments(&original));
    }
}

#[test]
fn brat_keeps_spans_and_quotes_and_each_fragment_slices_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    convert(&input(dir.path()), "brat", &out);
    let mut fragments = 0;
    for name in ["zoë", "ana"] {
        let text = fs::read_to_string(out.join(format!("{name}.txt"))).unwrap();
        let ann = fs::read_to_string(out.join(format!("{name}.ann"))).unwrap();
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let columns: Vec<&str> = line.split('\t').collect();
            let offsets = columns[1].split_once(' ').unwrap().1;
            let pieces: Vec<String> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    fragments += 1;
                    py_slice(&text, s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            assert_eq!(pieces.join(" "), columns[2], "{line}");
        }
    }
    assert!(fragments >= span_count(), "{fragments}");
    let back = read_back(&out);
    assert_eq!(back.len(), 2);
    for original in fixtures() {
        let back = back.iter().find(|d| d.id == original.id).unwrap();
        assert_eq!(spans(back), spans(&original));
        assert_eq!(quotes(back), quotes(&original));
        assert_eq!(segments(back), segments(&original));
    }
}

#[test]
fn label_studio_keeps_spans_quotes_and_meta() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ls");
    convert(&input(dir.path()), "labelstudio", &out);
    let back = read_back(&out.join("tasks.json"));
    assert_eq!(back.len(), 2);
    for (back, original) in back.iter().zip(fixtures()) {
        assert_eq!(back.text(), original.text());
        assert_eq!(spans(back), spans(&original));
        assert_eq!(quotes(back), quotes(&original));
        assert_eq!(segments(back), segments(&original));
        assert_eq!(back.status(), original.status());
        assert_eq!(
            (&back.source, &back.meta),
            (&original.source, &original.meta)
        );
    }
}

#[test]
fn doccano_to_byline_to_doccano_gives_back_the_same_entities() {
    let text = "“北京 👍,” said Zoë Müller.\nNguye\u{302}\u{303}n met 東京 officials 🇨🇭 today.";
    let at = |needle: &str, label: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        serde_json::json!([start, start + needle.chars().count(), label])
    };
    let labels = vec![
        at("“北京 👍,”", QUOTE),
        at("北京", "GPE"),
        at("said", CUE),
        at("Zoë Müller", "PERSON"),
        at("Nguye\u{302}\u{303}n", "PERSON"),
        at("東京", "GPE"),
    ];
    let record = serde_json::json!({"id": 7, "text": text, "label": labels, "Comments": ["ok"]});
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("doccano.jsonl");
    fs::write(&input, format!("{record}\n")).unwrap();
    let bylined = dir.path().join("byline.jsonl");
    convert(&input, "byline", &bylined);
    let back = dir.path().join("back.jsonl");
    convert(&bylined, "doccano", &back);
    let back: Value = serde_json::from_str(&fs::read_to_string(&back).unwrap()).unwrap();
    let sorted = |v: &Value| {
        let mut items = v.as_array().unwrap().clone();
        items.sort_by_key(|l| (l[0].as_u64(), l[1].as_u64()));
        items
    };
    let entities: Vec<Value> = (record["label"].as_array().unwrap().iter())
        .filter(|l| ![QUOTE, CUE].contains(&l[2].as_str().unwrap()))
        .cloned()
        .collect();
    assert_eq!(
        sorted(&back["label"]),
        sorted(&Value::from(entities)),
        "the entity layer: the sequence export holds no QUOTE or CUE"
    );
    for key in ["text", "id", "Comments"] {
        assert_eq!(back[key], record[key], "{key}");
    }
}
