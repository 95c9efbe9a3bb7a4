//! Plain-text articles: one file, one document. `meta` gets the headline (a
//! short first line), byline, dateline and paragraph starts (see [`super::input::article`]).

use crate::formats::input::article::ArticleMeta;
use crate::formats::{Loaded, ReadError};
use crate::model::Document;

/// Reads one plain-text article. The text is kept as is (after the BOM and
/// line-end normalization every document gets).
pub fn read(text: &str, source: &str) -> Result<Loaded, ReadError> {
    let mut doc = Document::new(Some(source.to_owned()), text);
    let meta = ArticleMeta::default().or_from_text(doc.text(), true);
    meta.write(&mut doc);
    Ok(Loaded {
        documents: vec![doc],
        warnings: Vec::new(),
        skipped: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OffsetIndex;

    const ARTICLE: &str = "\u{feff}Müller’s 🚀 plan stalls\r\n\r\nBy Ana Díaz\r\n\r\n\
        BERLIN, June 3 (Reuters) – “Nein,” said Jürgen Müller.\r\n\r\n北京 reacted.\r\n";

    fn doc() -> Document {
        let mut loaded = read(ARTICLE, "story.txt").unwrap();
        assert!(loaded.warnings.is_empty());
        assert_eq!(loaded.documents.len(), 1);
        loaded.documents.remove(0)
    }

    #[test]
    fn normalizes_bom_and_crlf_only() {
        let doc = doc();
        assert!(
            doc.text()
                .starts_with("Müller’s 🚀 plan stalls\n\nBy Ana Díaz\n\n")
        );
        assert!(!doc.text().contains('\r'));
        assert_eq!(doc.source.as_deref(), Some("story.txt"));
    }

    #[test]
    fn records_title_byline_and_dateline() {
        let meta = doc().meta;
        assert_eq!(meta["title"], "Müller’s 🚀 plan stalls");
        assert_eq!(meta["byline"], "Ana Díaz");
        assert_eq!(meta["dateline"], "BERLIN, June 3 (Reuters)");
    }

    #[test]
    fn paragraph_starts_are_code_points_that_slice_back() {
        let doc = doc();
        let starts: Vec<usize> = doc.meta["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(starts.len(), 4);
        let chars: Vec<char> = doc.text().chars().collect();
        let index = OffsetIndex::new(doc.text());
        let para = |i: usize| chars[starts[i]..].iter().take(5).collect::<String>();
        assert_eq!(para(1), "By An");
        assert_eq!(para(3), "北京 re");
        assert_eq!(
            index.char_to_byte(starts[3]).unwrap(),
            doc.text().find('北').unwrap()
        );
    }
}
