//! PolNeAR brat → Byline → brat gives back the same annotations and events,
//! for every file of `../shared/eval/polnear-dev` (skipped when absent): in
//! memory, and through `byline convert` and a byline JSONL file on disk.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::support::byline;
use crate::formats::ExportOptions;
use crate::formats::brat::{read, write_document};

type Fragments = Vec<(usize, usize)>;
type Annotation = (String, Fragments);
type Event = (String, Annotation, Vec<(String, Annotation)>);

/// The `.ann` content as sets: `T` (label, fragments) and `E` (type, trigger,
/// sorted arguments), ids resolved. Argument order and ids are not compared.
pub(super) fn standoff(ann: &str) -> (BTreeMap<Annotation, usize>, BTreeMap<Event, usize>) {
    let mut texts: BTreeMap<String, Annotation> = BTreeMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (label, offsets) = columns[1].split_once(' ').unwrap();
        let fragments = offsets
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                (s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        texts.insert(columns[0].to_owned(), (label.to_owned(), fragments));
    }
    let mut events = BTreeMap::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let body = line.split('\t').nth(1).unwrap();
        let mut args: Vec<(String, Annotation)> = body
            .split_whitespace()
            .map(|pair| {
                let (role, id) = pair.split_once(':').unwrap();
                (role.to_owned(), texts[id].clone())
            })
            .collect();
        let (kind, trigger) = args.remove(0);
        args.sort();
        *events.entry((kind, trigger, args)).or_insert(0) += 1;
    }
    let mut counted = BTreeMap::new();
    for annotation in texts.into_values() {
        *counted.entry(annotation).or_insert(0) += 1;
    }
    (counted, events)
}

fn polnear() -> Option<Vec<(PathBuf, PathBuf)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev");
    let mut pairs = Vec::new();
    for entry in fs::read_dir(root.join("attributions")).ok()? {
        let ann = entry.ok()?.path();
        let name = ann.file_stem()?.to_str()?;
        let stem = name.rsplit_once('_').map_or(name, |(stem, _)| stem);
        pairs.push((root.join("text").join(format!("{stem}.txt")), ann));
    }
    pairs.sort();
    Some(pairs)
}

#[test]
fn polnear_round_trips_through_byline() {
    let Some(pairs) = polnear() else {
        eprintln!("skipped: ../shared/eval/polnear-dev is absent");
        return;
    };
    assert!(pairs.len() >= 84);
    let mut quotes = 0;
    for (txt_path, ann_path) in &pairs {
        let txt = fs::read_to_string(txt_path).unwrap();
        let ann = fs::read_to_string(ann_path).unwrap();
        let loaded = read(&txt, &ann, &ann_path.display().to_string()).unwrap();
        assert_eq!(loaded.warnings, vec![], "{}", ann_path.display());
        let doc = &loaded.documents[0];
        quotes += doc.quotes().count();
        let (mut txt_out, mut ann_out) = (Vec::new(), Vec::new());
        write_document(doc, &mut txt_out, &mut ann_out, ExportOptions::GOLD).unwrap();
        assert_eq!(String::from_utf8(txt_out).unwrap(), txt);
        let written = String::from_utf8(ann_out).unwrap();
        assert_eq!(standoff(&written), standoff(&ann), "{}", ann_path.display());
        let again = read(&txt, &written, "again").unwrap();
        assert_eq!(again.documents[0].meta, doc.meta, "{}", ann_path.display());
    }
    assert!(quotes > 2000, "{quotes} quotes");
}

/// The same through the command line: the whole folder to byline JSONL, that
/// file to a brat folder, and every `.ann` compared with the one it came from.
#[test]
fn polnear_through_byline_jsonl_gives_back_the_same_standoff() {
    let Some(pairs) = polnear() else {
        eprintln!("skipped: ../shared/eval/polnear-dev is absent");
        return;
    };
    let root = pairs[0].1.parent().unwrap().parent().unwrap().to_path_buf();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("polnear.jsonl");
    let brat = dir.path().join("brat");
    let arg = |p: &Path| p.to_str().unwrap().to_owned();
    let first = byline(["convert", &arg(&root), "-o", &arg(&jsonl)]);
    assert_eq!(first.code, 0, "{}", first.err);
    assert!(first.err.contains("(metadata.tsv)"), "{}", first.err);
    assert!(
        first.err.contains(&format!("{} documents", pairs.len())),
        "{}",
        first.err
    );
    let second = byline(["convert", &arg(&jsonl), "--to", "brat", "-o", &arg(&brat)]);
    assert_eq!(second.code, 0, "{}", second.err);
    for (txt_path, ann_path) in &pairs {
        let stem = ann_path.file_stem().unwrap().to_str().unwrap();
        let written = |ext: &str| fs::read_to_string(brat.join(format!("{stem}.{ext}"))).unwrap();
        assert_eq!(
            written("txt"),
            fs::read_to_string(txt_path).unwrap(),
            "{stem}"
        );
        let ann = fs::read_to_string(ann_path).unwrap();
        assert_eq!(standoff(&written("ann")), standoff(&ann), "{stem}");
    }
}
