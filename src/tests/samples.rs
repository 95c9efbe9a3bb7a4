//! The gold annotations in `samples/annotated/` checked against the articles
//! they annotate: every `<name>.markup` must parse into a document whose
//! text is exactly the normalized text of `samples/<name>.txt`, use only known
//! labels on whole words, and give every quote its content (and the speaker
//! and cue the annotator marked). Also pins the odd encodings (CRLF, BOM,
//! decomposed accents, non-breaking spaces) that some samples exist to carry.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::document::normalize_text;
use crate::model::markup::{self, MarkedSpan};
use crate::model::{CUE, QUOTE, SPEAKER};
use crate::model::{Document, LabelSet};

/// Gold markup files end so; `.markup` is no article format, so no reader
/// (and no folder opened in the app) takes them for articles.
const MARKUP_SUFFIX: &str = ".markup";

pub(super) fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Every gold markup file, sorted, with the name of the article it annotates.
pub(super) fn gold_files() -> Vec<(String, PathBuf)> {
    let dir = samples_dir().join("annotated");
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let stem = name.strip_suffix(MARKUP_SUFFIX)?.to_owned();
            Some((stem, path))
        })
        .collect();
    files.sort();
    files
}

pub(super) fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The markup of one gold file, parsed twice: as marked spans (to see the
/// annotator's groups) and as the document the exporter will see.
fn load(stem: &str, path: &Path) -> (Vec<MarkedSpan>, Document) {
    let markup = read(path);
    let (_, marked) =
        markup::parse(&markup).unwrap_or_else(|e| panic!("{stem}: markup does not parse: {e}"));
    let doc = markup::document(&markup)
        .unwrap_or_else(|e| panic!("{stem}: markup is not a valid document: {e}"));
    (marked, doc)
}

/// The article as a reader sees it: BOM stripped, line ends unified.
fn article_text(stem: &str) -> String {
    let path = samples_dir().join(format!("{stem}.txt"));
    normalize_text(&read(&path))
}

/// Where two texts first differ, with a little context, for a readable failure.
fn first_difference(gold: &str, article: &str) -> Option<String> {
    let at = gold
        .char_indices()
        .zip(article.chars())
        .find(|((_, g), a)| g != a)
        .map(|((i, _), _)| i)
        .or_else(|| (gold.len() != article.len()).then(|| gold.len().min(article.len())))?;
    let context = |s: &str| {
        let start = s.floor_char_boundary(at.saturating_sub(40));
        let end = s.ceil_char_boundary((at + 40).min(s.len()));
        format!("{:?}", &s[start..end])
    };
    Some(format!(
        "byte {at}: gold {} vs article {}",
        context(gold),
        context(article)
    ))
}

/// Letters, digits and combining accents (one sample spells a name decomposed).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// True when a span edge does not cut a word in two.
fn on_word_edge(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if is_word_char(b) && is_word_char(a))
}

#[test]
fn at_least_three_articles_have_gold() {
    let names: Vec<String> = gold_files().into_iter().map(|(stem, _)| stem).collect();
    assert!(names.len() >= 3, "too few gold files: {names:?}");
}

#[test]
fn samples_keep_the_awkward_encodings_readers_are_tested_on() {
    let raw = |name: &str| read(&samples_dir().join(name));
    let flood = raw("flood.txt");
    assert!(flood.contains("\r\n"), "flood.txt must keep CRLF line ends");
    assert!(
        flood.contains("Nguye\u{302}\u{303}n"),
        "flood.txt must keep one decomposed name"
    );
    assert!(
        raw("tech-layoffs.txt").starts_with('\u{feff}'),
        "tech-layoffs.txt must keep its BOM"
    );
    assert!(raw("port-strike.txt").contains("See also\u{a0} "));
}

#[test]
fn gold_text_is_the_normalized_article() {
    for (stem, path) in gold_files() {
        let (_, doc) = load(&stem, &path);
        let article = article_text(&stem);
        if let Some(diff) = first_difference(doc.text(), &article) {
            panic!("{stem}: gold text differs from samples/{stem}.txt at {diff}");
        }
    }
}

#[test]
fn gold_spans_use_known_labels_on_whole_words() {
    let labels = LabelSet::builtin();
    for (stem, path) in gold_files() {
        let (marked, doc) = load(&stem, &path);
        let text = doc.text();
        for span in &marked {
            let covered = span.range.slice(text).unwrap_or_default();
            let what = format!("{stem}: {} span {covered:?}", span.label);
            assert!(labels.get(&span.label).is_some(), "{what}: unknown label");
            assert_eq!(covered, covered.trim(), "{what}: whitespace at an edge");
            assert!(
                on_word_edge(text, span.range.start) && on_word_edge(text, span.range.end),
                "{what}: an edge cuts a word"
            );
        }
        assert_eq!(doc.span_count(), marked.len(), "{stem}: spans lost");
    }
}

/// The roles marked for one quote group: content texts, speaker and cue counts.
#[derive(Default)]
struct Group<'t> {
    content: Vec<&'t str>,
    speakers: usize,
    cues: usize,
}

/// Gathers the annotator's quote groups, refusing attribution spans without a
/// group and grouped spans that are not attribution roles.
fn groups<'t>(stem: &str, marked: &[MarkedSpan], text: &'t str) -> BTreeMap<u32, Group<'t>> {
    let mut groups: BTreeMap<u32, Group> = BTreeMap::new();
    for span in marked {
        let attribution = matches!(span.label.as_str(), QUOTE | SPEAKER | CUE);
        let covered = span.range.slice(text).unwrap_or_default();
        let Some(n) = span.group else {
            assert!(!attribution, "{stem}: {covered:?} has no quote group");
            continue;
        };
        assert!(attribution, "{stem}: {covered:?} is grouped but not a role");
        let group = groups.entry(n).or_default();
        match span.label.as_str() {
            QUOTE => group.content.push(covered),
            SPEAKER => group.speakers += 1,
            _ => group.cues += 1,
        }
    }
    groups
}

#[test]
fn every_quote_group_has_content_and_at_most_one_speaker_and_cue() {
    for (stem, path) in gold_files() {
        let (marked, doc) = load(&stem, &path);
        for (n, group) in groups(&stem, &marked, doc.text()) {
            assert!(
                !group.content.is_empty(),
                "{stem}: quote {n} has no content"
            );
            for part in &group.content {
                let words = part.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(
                    !words.is_empty(),
                    "{stem}: quote {n} content {part:?} is empty"
                );
            }
            assert!(group.speakers <= 1, "{stem}: quote {n} has two speakers");
            assert!(group.cues <= 1, "{stem}: quote {n} has two cues");
        }
    }
}

#[test]
fn every_quote_keeps_the_speaker_and_cue_marked_for_it() {
    for (stem, path) in gold_files() {
        let (marked, doc) = load(&stem, &path);
        let text = doc.text();
        let groups = groups(&stem, &marked, text);
        let quotes = doc.quotes_sorted();
        assert_eq!(quotes.len(), groups.len(), "{stem}: quotes lost");
        for quote in quotes {
            let parts: Vec<&str> = quote
                .content
                .iter()
                .filter_map(|id| doc.span(*id))
                .map(|s| s.text(text))
                .collect();
            let group = groups.values().find(|g| g.content == parts);
            let group = group.unwrap_or_else(|| panic!("{stem}: quote {parts:?} lost its group"));
            let role = |id: Option<_>| id.and_then(|id| doc.span(id)).map(|s| s.label.as_str());
            let expect = |marked: usize, label| (marked == 1).then_some(label);
            assert_eq!(
                role(quote.speaker),
                expect(group.speakers, SPEAKER),
                "{stem}: {parts:?}"
            );
            assert_eq!(
                role(quote.cue),
                expect(group.cues, CUE),
                "{stem}: {parts:?}"
            );
        }
    }
}
