//! The bundled sample articles ([`crate::formats::samples`]) as benchmark
//! inputs: repeated in a shuffled order to a given size, or written out as
//! distinct article files.

use super::{CorpusError, Rng};
use crate::formats::samples::{self, SAMPLES};
use crate::model::Document;

/// Sample articles, repeated in a fixed shuffled order until their text adds
/// up to at least `min_bytes`.
pub fn article_stream(min_bytes: usize) -> Result<Vec<Document>, CorpusError> {
    let articles = samples::articles()?;
    let mut rng = Rng::new(0x51_7cc1_b727_220a);
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < min_bytes && !articles.is_empty() {
        let mut round: Vec<&Document> = articles.iter().collect();
        for i in (1..round.len()).rev() {
            round.swap(i, rng.below(i + 1));
        }
        for doc in round {
            if bytes >= min_bytes {
                break;
            }
            bytes += doc.text().len();
            docs.push(doc.clone());
        }
    }
    Ok(docs)
}

/// `count` article files cycling through [`SAMPLES`], each made distinct by
/// a story number in its headline (readers skip a file whose text they have
/// already read): name, bytes, and the documents it holds.
pub fn sample_files(count: usize) -> Vec<(String, Vec<u8>, usize)> {
    SAMPLES
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(i, sample)| {
            let text = String::from_utf8_lossy(sample.bytes);
            let story = format!("Story {i}. ");
            let ext = sample.name.rsplit('.').next().unwrap_or_default();
            let (distinct, documents) = match ext {
                "jsonl" => {
                    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
                    let opening = "{\"text\": \"";
                    (text.replace(opening, &format!("{opening}{story}")), lines)
                }
                "md" => (text.replacen("# ", &format!("# {story}"), 1), 1),
                "html" => {
                    let at = text
                        .find("<h1")
                        .and_then(|h| Some(h + text[h..].find('>')? + 1));
                    let mut html = text.to_string();
                    html.insert_str(at.unwrap_or(0), &story);
                    (html, 1)
                }
                _ => {
                    let bom = if text.starts_with('\u{feff}') {
                        '\u{feff}'.len_utf8()
                    } else {
                        0
                    };
                    let mut plain = text.to_string();
                    plain.insert_str(bom, &story);
                    (plain, 1)
                }
            };
            (
                format!("{i:05}-{}", sample.name),
                distinct.into_bytes(),
                documents,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::corpus::text_bytes;
    use crate::formats::{self, InputFormat, ReadOptions};

    #[test]
    fn sample_files_are_distinct_and_read_into_the_documents_they_promise() {
        let files = sample_files(SAMPLES.len() + 3);
        let options = ReadOptions::default();
        let mut texts = std::collections::HashSet::new();
        for (name, bytes, documents) in &files {
            let ext = name.rsplit('.').next().unwrap();
            let format = InputFormat::from_extension(ext).unwrap();
            let loaded = formats::read_bytes(bytes, name, format, &options).unwrap();
            assert_eq!(loaded.documents.len(), *documents, "{name}");
            for doc in &loaded.documents {
                assert!(texts.insert(doc.text().to_owned()), "{name} repeats a text");
                assert!(doc.text().contains("Story "), "{name}");
            }
        }
    }

    #[test]
    fn article_stream_reaches_its_size_from_every_sample() {
        let all = samples::articles().unwrap();
        assert!(all.len() >= SAMPLES.len(), "{}", all.len());
        let stream = article_stream(200_000).unwrap();
        assert!(text_bytes(&stream) >= 200_000);
        assert!(text_bytes(&stream) < 200_000 + 20_000);
    }
}
