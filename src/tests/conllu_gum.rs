//! GUM news CoNLL-U → documents with the named-entity gold of the eval README:
//! 1,077 mentions (331 person, 405 organization, 341 place) over 24 files.
//! Skipped when `../shared/eval/gum-news` is absent.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::formats::conllu::read;
use crate::model::QUOTE;

#[test]
fn gum_news_gives_the_named_entity_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gum-news");
    let Ok(entries) = fs::read_dir(&root) else {
        eprintln!("skipped: ../shared/eval/gum-news is absent");
        return;
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let input = fs::read_to_string(&path).unwrap();
        let loaded = read(&input, &path.display().to_string()).unwrap();
        assert_eq!(loaded.warnings, vec![], "{}", path.display());
        assert_eq!(loaded.documents.len(), 1);
        let doc = &loaded.documents[0];
        assert!(doc.meta.contains_key("title"));
        assert!(
            doc.text().contains("\n\n"),
            "paragraphs are blank-line separated"
        );
        for span in doc.spans() {
            assert!(!span.text(doc.text()).is_empty());
            *counts.entry(span.label.clone()).or_insert(0) += 1;
        }
        let quote_spans = doc.spans().filter(|s| s.label == QUOTE).count();
        assert_eq!(doc.quotes().count(), quote_spans);
        files += 1;
    }
    assert_eq!(files, 24);
    assert_eq!(counts["PERSON"], 331);
    assert_eq!(counts["ORG"], 405);
    assert_eq!(counts["PLACE"], 341);
    assert!(counts[QUOTE] > 0);
}
