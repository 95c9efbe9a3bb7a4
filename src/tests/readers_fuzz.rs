//! Every reader against hostile bytes, as a property test CI runs for a
//! bounded number of cases: a valid input of the reader's format (a bundled
//! sample, or one our writers made from the gold samples) mutated — bytes
//! flipped, cut out, repeated, and hostile pieces spliced in (NUL, BOM, CRLF,
//! invalid UTF-8, emoji, CJK, markup that never closes) — and plain random
//! bytes. A reader may refuse an input, never panic; whatever it accepts is
//! sound: every span a non-empty slice of its text, every quote pointing at
//! spans of its own document, and the byline writer accepts the documents.
//!
//! `BYLINE_FUZZ_CASES=N` runs N cases per reader instead of the default.
//! The files under `src/tests/fuzz_corpus/` are inputs that stand for a
//! hostile shape or once broke a reader; every run reads each of them.

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::Index;

use crate::formats::byline::{self, Flavor};
use crate::formats::input::InputFormat;
use crate::formats::{ExportOptions, Loaded, ReadOptions, brat, read_bytes};
use crate::model::markup;

/// Cases per reader when `BYLINE_FUZZ_CASES` is not set: enough to catch a
/// regression in CI within seconds.
const DEFAULT_CASES: u32 = 96;

/// Pieces spliced into inputs: each has broken a text tool somewhere.
const HOSTILE: &[&[u8]] = &[
    b"\0",
    "\u{feff}".as_bytes(),
    b"\r\n",
    b"\r",
    b"\xff\xfe",
    b"\xc3",
    b"\xe2\x80",
    "👩‍👩‍👧‍👦".as_bytes(),
    "北京".as_bytes(),
    "e\u{301}".as_bytes(),
    "“".as_bytes(),
    b"\"",
    b"\\",
    b"\\u00",
    b"\\ud800",
    b"{",
    b"}",
    b"[",
    b"]",
    b"<div>",
    b"</div>",
    b"<script>",
    b"<!--",
    b"\t",
    b"\n\n",
    b"-1",
    b"99999999999999999999",
    b"T1\tQUOTE 0 5;3 2\tx\n",
    b"E1\tQuote:T9 Speaker:T1\n",
    b"# newpar\n",
    b"Entity=(1-person-",
];

/// One change to an input.
#[derive(Clone, Debug)]
enum Mutation {
    /// Overwrite a byte.
    Flip(Index, u8),
    /// Remove a stretch.
    Cut(Index, usize),
    /// Splice a hostile piece in.
    Insert(Index, Index),
    /// Repeat a stretch a few times.
    Repeat(Index, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<Index>(), 1usize..64).prop_map(|(at, n)| Mutation::Cut(at, n)),
        (any::<Index>(), any::<Index>()).prop_map(|(at, p)| Mutation::Insert(at, p)),
        (any::<Index>(), 1usize..32, 2usize..6).prop_map(|(at, n, k)| Mutation::Repeat(at, n, k)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    let at = at(i, bytes.len());
                    bytes[at] = *b;
                }
            }
            Mutation::Cut(i, n) => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Insert(i, piece) => {
                let start = at(i, bytes.len() + 1);
                let piece = HOSTILE[piece.index(HOSTILE.len())];
                bytes.splice(start..start, piece.iter().copied());
            }
            Mutation::Repeat(i, n, times) => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                let stretch = bytes[start..end].to_vec();
                for _ in 1..*times {
                    bytes.splice(end..end, stretch.iter().copied());
                }
            }
        }
    }
    bytes
}

/// Checks what a reader accepted; returns why it is unsound, if it is.
fn unsound(loaded: &Loaded) -> Option<String> {
    for doc in &loaded.documents {
        for span in doc.spans() {
            if span.range.is_empty() || span.range.slice(doc.text()).is_none() {
                return Some(format!("span {span:?} is not a slice of its text"));
            }
        }
        for quote in doc.quotes() {
            let parts = quote.content.iter().chain(&quote.speaker).chain(&quote.cue);
            if let Some(missing) = parts.into_iter().find(|id| doc.span(**id).is_none()) {
                return Some(format!(
                    "quote {:?} points at missing span {missing:?}",
                    quote.id
                ));
            }
        }
    }
    let mut out = Vec::new();
    byline::write(
        &loaded.documents,
        &mut out,
        Flavor::Byline,
        ExportOptions::WITH_SUGGESTIONS,
    )
    .err()
    .map(|e| format!("the byline writer refuses what was read: {e}"))
}

/// Valid inputs of each single-file format, to mutate.
fn seeds(format: InputFormat) -> Vec<Vec<u8>> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let by_extension = |ext: &str| -> Vec<Vec<u8>> {
        let mut files: Vec<_> = std::fs::read_dir(&samples)
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
        files.sort();
        files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    };
    match format {
        InputFormat::Text => by_extension("txt"),
        InputFormat::Markdown => by_extension("md"),
        InputFormat::Html => by_extension("html"),
        InputFormat::Jsonl => {
            let mut seeds = by_extension("jsonl");
            seeds.push(written(|docs, out| {
                byline::write(docs, out, Flavor::Byline, ExportOptions::WITH_SUGGESTIONS).map(|_| ())
            }));
            seeds.push(written(|docs, out| {
                crate::formats::doccano::write(docs, out, crate::formats::doccano::Mode::Relation, ExportOptions::GOLD)
                    .map(|_| ())
            }));
            seeds
        }
        InputFormat::Json => vec![br#"[{"text": "Ana D\u00edaz said so.", "spans": [{"start": 0, "end": 8, "label": "PERSON"}]}]"#.to_vec()],
        InputFormat::Conll => vec![written(|docs, out| {
            crate::formats::conll::write(docs, out, crate::formats::conll::Columns::Spacy, ExportOptions::GOLD).map(|_| ())
        })],
        InputFormat::Conllu => vec![CONLLU.as_bytes().to_vec()],
        InputFormat::Brat => Vec::new(),
    }
}

/// A small CoNLL-U document in GUM's style, written for this test.
const CONLLU: &str = "# newdoc id = fuzz\n# newpar\n# text = “Nous reviendrons,” Zoë Müller said.\n1\t“\t“\tPUNCT\t``\t_\t4\tpunct\t_\tSpaceAfter=No|XML=<quote>\n2\tNous\tnous\tPRON\tPRP\t_\t3\tnsubj\t_\tEntity=(1-person-1-new-cf1-sgl)\n3\treviendrons\trevenir\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n4\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\tSpaceAfter=No\n5\t”\t”\tPUNCT\t''\t_\t3\tpunct\t_\tXML=</quote>\n6\tZoë\tZoë\tPROPN\tNNP\t_\t8\tnsubj\t_\tEntity=(2-person-1-new-cf2-Zoë_Müller\n7\tMüller\tMüller\tPROPN\tNNP\t_\t6\tflat\t_\tEntity=2)\n8\tsaid\tsay\tVERB\tVBD\t_\t3\tparataxis\t_\tSpaceAfter=No\n9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

/// The gold samples as one of our writers writes them.
fn written(
    write: impl Fn(&[crate::model::Document], &mut Vec<u8>) -> Result<(), crate::formats::ExportError>,
) -> Vec<u8> {
    let docs = gold_documents();
    let mut out = Vec::new();
    write(&docs, &mut out).expect("the writer takes the gold samples");
    out
}

/// The gold samples of `samples/annotated/`, as documents.
fn gold_documents() -> Vec<crate::model::Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/annotated");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "markup"));
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|m| markup::document(&m).ok())
        .collect()
}

fn config() -> ProptestConfig {
    let cases = std::env::var("BYLINE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn read_as(format: InputFormat, bytes: &[u8], lossy: bool) -> Result<(), TestCaseError> {
    if let Ok(loaded) = read_bytes(bytes, "fuzz", format, &ReadOptions { lossy })
        && let Some(why) = unsound(&loaded)
    {
        return Err(TestCaseError::fail(why));
    }
    Ok(())
}

macro_rules! reader_fuzz {
    ($name:ident, $format:expr) => {
        proptest! {
            #![proptest_config(config())]
            #[test]
            fn $name(
                seed in any::<Index>(),
                mutations in prop::collection::vec(mutation(), 0..12),
                lossy in any::<bool>(),
            ) {
                let seeds = seeds($format);
                prop_assume!(!seeds.is_empty());
                let bytes = mutate(seeds[seed.index(seeds.len())].clone(), &mutations);
                read_as($format, &bytes, lossy)?;
            }
        }
    };
}

reader_fuzz!(text_reader_survives_mutated_articles, InputFormat::Text);
reader_fuzz!(
    markdown_reader_survives_mutated_articles,
    InputFormat::Markdown
);
reader_fuzz!(html_reader_survives_mutated_pages, InputFormat::Html);
reader_fuzz!(jsonl_reader_survives_mutated_records, InputFormat::Jsonl);
reader_fuzz!(json_reader_survives_mutated_arrays, InputFormat::Json);
reader_fuzz!(conll_reader_survives_mutated_columns, InputFormat::Conll);
reader_fuzz!(
    conllu_reader_survives_mutated_sentences,
    InputFormat::Conllu
);

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_reader_survives_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for format in [
            InputFormat::Text,
            InputFormat::Markdown,
            InputFormat::Html,
            InputFormat::Jsonl,
            InputFormat::Json,
            InputFormat::Conll,
            InputFormat::Conllu,
        ] {
            read_as(format, &bytes, true)?;
        }
    }

    #[test]
    fn brat_reader_survives_mutated_standoff(
        seed in any::<Index>(),
        text_mutations in prop::collection::vec(mutation(), 0..4),
        ann_mutations in prop::collection::vec(mutation(), 0..12),
    ) {
        let docs = gold_documents();
        prop_assume!(!docs.is_empty());
        let doc = &docs[seed.index(docs.len())];
        let (mut txt, mut ann) = (Vec::new(), Vec::new());
        brat::write_document(doc, &mut txt, &mut ann, ExportOptions::GOLD).expect("brat takes the gold samples");
        let txt = String::from_utf8_lossy(&mutate(txt, &text_mutations)).into_owned();
        let ann = String::from_utf8_lossy(&mutate(ann, &ann_mutations)).into_owned();
        if let Ok(loaded) = brat::read(&txt, &ann, "fuzz.txt")
            && let Some(why) = unsound(&loaded)
        {
            return Err(TestCaseError::fail(why));
        }
    }
}

#[test]
fn the_corpus_of_hostile_inputs_reads_soundly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tests/fuzz_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the corpus is in place: {files:?}");
    for path in files {
        let format = InputFormat::of_path(&path)
            .unwrap_or_else(|| panic!("no reader for {}", path.display()));
        let bytes = std::fs::read(&path).unwrap();
        for lossy in [false, true] {
            if let Ok(loaded) = read_bytes(
                &bytes,
                &path.display().to_string(),
                format,
                &ReadOptions { lossy },
            ) {
                assert_eq!(unsound(&loaded), None, "{}", path.display());
            }
        }
    }
}
