//! CoNLL-U reader for GUM-style files: one document per `# newdoc`, running
//! text rebuilt from each sentence's `# text =` (or its forms and
//! `SpaceAfter=No`), sentences joined by a space and paragraphs (`# newpar`)
//! by a blank line — the text the eval baselines were scored on.
//!
//! Spans follow the named-entity gold rule of `../shared/eval/README.md`: an
//! `Entity=` mention typed person, organization or place, with a non-empty
//! identity (its Wikification) and at least one PROPN word, becomes a PERSON,
//! ORG or PLACE span. PLACE is GUM's one place class; eval maps GPE and LOC
//! predictions onto it. Every other mention (pronouns, common nouns, other
//! types, mentions without identity) is left out on purpose: they are not
//! named entities and have no Byline label. `XML=<quote>` … `</quote>` become
//! QUOTE spans, each one quote without speaker. `# meta::title` and
//! `# newdoc id` go to `meta.title` and `meta.doc_id`.

mod misc;
mod sentence;

use serde_json::{Map, Value};

use crate::formats::input::columns::finish_document;
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::{ByteRange, Document, Layer, QUOTE};
use misc::{EntityMark, entity_marks, misc_value, quote_tags};
use sentence::{Row, Word, align, parse_row};

/// A mention waiting for its closing mark.
struct OpenMention {
    id: String,
    label: Option<&'static str>,
    propn: bool,
    start: usize,
    line: usize,
}

/// One document being assembled.
#[derive(Default)]
struct DocBuilder {
    text: String,
    meta: Map<String, Value>,
    spans: Vec<(ByteRange, &'static str)>,
    quotes: Vec<ByteRange>,
    mentions: Vec<OpenMention>,
    quote_starts: Vec<(usize, usize)>,
    paragraph: bool,
}

/// The sentence being read.
#[derive(Default)]
struct SentenceRows {
    text: Option<String>,
    text_line: usize,
    rows: Vec<Row>,
}

/// Reads every document of a CoNLL-U file. Malformed rows and unbalanced
/// marks are warnings naming the line; the rest loads.
pub fn read(input: &str, source: &str) -> Result<Loaded, ReadError> {
    let mut loaded = Loaded::default();
    let mut doc = DocBuilder::default();
    let mut sentence = SentenceRows::default();
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc") {
                doc.sentence(std::mem::take(&mut sentence), source, &mut loaded.warnings);
                doc.finish(source, &mut loaded);
                if let Some((_, id)) = comment.split_once('=') {
                    doc.meta.insert("doc_id".into(), id.trim().into());
                }
            } else if comment == "newpar" || comment.starts_with("newpar ") {
                doc.paragraph = true;
            } else if let Some(text) = comment.strip_prefix("text =") {
                sentence.text = Some(text.trim().to_owned());
                sentence.text_line = number;
            } else if let Some(title) = comment.strip_prefix("meta::title =") {
                doc.meta.insert("title".into(), title.trim().into());
            }
        } else if line.trim().is_empty() {
            doc.sentence(std::mem::take(&mut sentence), source, &mut loaded.warnings);
        } else {
            match parse_row(line, number) {
                Ok(Some(row)) => sentence.rows.push(row),
                Ok(None) => {}
                Err(message) => loaded
                    .warnings
                    .push(Warning::at_line(source, number, message)),
            }
        }
    }
    doc.sentence(sentence, source, &mut loaded.warnings);
    doc.finish(source, &mut loaded);
    Ok(loaded)
}

/// The Byline label of a GUM entity type that can be a named entity.
fn label_of(etype: &str) -> Option<&'static str> {
    match etype {
        "person" => Some("PERSON"),
        "organization" => Some("ORG"),
        "place" => Some("PLACE"),
        _ => None,
    }
}

impl DocBuilder {
    /// Appends a sentence to the text and reads its words' marks.
    fn sentence(&mut self, sentence: SentenceRows, source: &str, warnings: &mut Vec<Warning>) {
        if sentence.rows.is_empty() {
            return;
        }
        let (text, words, rebuilt) = align(sentence.text.as_deref(), &sentence.rows);
        if rebuilt {
            warnings.push(Warning::at_line(
                source,
                sentence.text_line,
                "`# text` does not match the sentence's tokens; text rebuilt from the tokens",
            ));
        }
        if !self.text.is_empty() {
            self.text
                .push_str(if self.paragraph { "\n\n" } else { " " });
        }
        self.paragraph = false;
        let base = self.text.len();
        self.text.push_str(&text);
        for word in &words {
            self.word(word, base, source, warnings);
        }
    }

    fn word(&mut self, word: &Word<'_>, base: usize, source: &str, warnings: &mut Vec<Warning>) {
        let (start, end) = (base + word.range.0, base + word.range.1);
        let line = word.row.line;
        let marks = misc_value(&word.row.misc, "Entity")
            .map(entity_marks)
            .unwrap_or_default();
        for mark in &marks {
            if let EntityMark::Open {
                id,
                etype,
                identity,
                ..
            } = mark
            {
                self.mentions.push(OpenMention {
                    id: id.clone(),
                    label: label_of(etype).filter(|_| !identity.is_empty()),
                    propn: false,
                    start,
                    line,
                });
            }
        }
        if word.row.upos == "PROPN" {
            for mention in &mut self.mentions {
                mention.propn = true;
            }
        }
        for mark in &marks {
            let id = match mark {
                EntityMark::Open {
                    id, closes: true, ..
                }
                | EntityMark::Close { id } => id,
                EntityMark::Open { .. } => continue,
            };
            match self.mentions.iter().rposition(|m| &m.id == id) {
                Some(at) => {
                    let mention = self.mentions.remove(at);
                    if let (Some(label), true) = (mention.label, mention.propn) {
                        self.spans.push((ByteRange::new(mention.start, end), label));
                    }
                }
                None => warnings.push(Warning::at_line(
                    source,
                    line,
                    format!("entity {id} closes but is not open; mark ignored"),
                )),
            }
        }
        for open in misc_value(&word.row.misc, "XML")
            .map(quote_tags)
            .unwrap_or_default()
        {
            if open {
                self.quote_starts.push((start, line));
            } else if let Some((quote_start, _)) = self.quote_starts.pop() {
                self.quotes.push(ByteRange::new(quote_start, end));
            } else {
                warnings.push(Warning::at_line(
                    source,
                    line,
                    "</quote> without <quote>; tag ignored",
                ));
            }
        }
    }

    /// Turns the assembled text and spans into a document, and starts afresh.
    fn finish(&mut self, source: &str, loaded: &mut Loaded) {
        let built = std::mem::take(self);
        for mention in &built.mentions {
            loaded.warnings.push(Warning::at_line(
                source,
                mention.line,
                format!(
                    "entity {} opens but never closes; mention dropped",
                    mention.id
                ),
            ));
        }
        for (_, line) in &built.quote_starts {
            loaded.warnings.push(Warning::at_line(
                source,
                *line,
                "<quote> never closes; quote dropped",
            ));
        }
        if built.text.is_empty() {
            return;
        }
        let mut doc = Document::new(Some(source.to_owned()), &built.text);
        doc.meta = built.meta;
        let mut spans: Vec<(ByteRange, &str, Layer)> = built
            .spans
            .iter()
            .map(|&(r, l)| (r, l, Layer::Entity))
            .collect();
        spans.extend(built.quotes.iter().map(|&r| (r, QUOTE, Layer::Attribution)));
        finish_document(doc, spans, source, loaded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a token row; `misc` is the MISC column.
    fn row(id: &str, form: &str, upos: &str, misc: &str) -> String {
        format!("{id}\t{form}\t_\t{upos}\t_\t_\t0\tdep\t_\t{misc}\n")
    }

    fn sample() -> String {
        let mut s = String::from(
            "# newdoc id = doc_one\n# meta::title = Díaz in 北京\n# newpar\n# text = “Ana Díaz visited 北京.\n",
        );
        s += &row("1", "“", "PUNCT", "SpaceAfter=No|XML=<quote>");
        s += &row(
            "2",
            "Ana",
            "PROPN",
            "Entity=(1-person-new-x-cf1-1-coref-Ana_Díaz",
        );
        s += &row("3", "Díaz", "PROPN", "Entity=1)");
        s += &row("4", "visited", "VERB", "_");
        s += &row(
            "5",
            "北京",
            "PROPN",
            "Entity=(2-place-new-x-cf2-1-coref-Beijing)|SpaceAfter=No",
        );
        s += &row("6", ".", "PUNCT", "_");
        s += "\n# text = She smiled e\u{301}.”\n";
        s += &row(
            "1",
            "She",
            "PRON",
            "Entity=(1-person-giv-x-cf1-1-coref-Ana_Díaz)",
        );
        s += &row("2", "smiled", "VERB", "_");
        s += &row("3", "e\u{301}", "X", "SpaceAfter=No");
        s += &row("4", ".", "PUNCT", "SpaceAfter=No");
        s += &row("5", "”", "PUNCT", "XML=</quote>");
        s += "\n# newpar\n# text = The city council met.\n";
        s += &row(
            "1",
            "The",
            "DET",
            "Entity=(3-organization-new-x-cf1-1-coref",
        );
        s += &row("2", "city", "NOUN", "_");
        s += &row("3", "council", "NOUN", "Entity=3)");
        s += &row("4", "met", "VERB", "_");
        s += &row("5", ".", "PUNCT", "_");
        s += "\n# newdoc id = doc_two\n# text = Acme Corp\n";
        s += &row(
            "1",
            "Acme",
            "PROPN",
            "Entity=(4-organization-new-x-cf1-1-sgl",
        );
        s += &row("2", "Corp", "PROPN", "Entity=4)");
        s += "\n";
        s
    }

    #[test]
    fn keeps_named_mentions_and_quotes_in_rebuilt_text() {
        let loaded = read(&sample(), "gum.conllu").unwrap();
        assert_eq!(loaded.warnings, vec![]);
        let [one, two] = &loaded.documents[..] else {
            panic!("two documents expected");
        };
        assert_eq!(
            one.text(),
            "“Ana Díaz visited 北京. She smiled e\u{301}.”\n\nThe city council met."
        );
        assert_eq!(one.meta["doc_id"], "doc_one");
        assert_eq!(one.meta["title"], "Díaz in 北京");
        assert_eq!(
            crate::model::markup::render(one),
            "[“[Ana Díaz|PERSON] visited [北京|PLACE]. She smiled e\u{301}.”|QUOTE]\n\nThe city council met."
        );
        assert_eq!(
            one.quotes().next().unwrap().kind,
            crate::model::QuoteKind::Direct
        );
        assert_eq!(two.text(), "Acme Corp");
        assert_eq!(two.span_count(), 0, "no identity, no span");
    }

    #[test]
    fn bad_rows_and_unbalanced_marks_are_warnings() {
        let mut input = String::from("# text = Ana Díaz\n");
        input += "1\tbroken row\n";
        input += &row(
            "1",
            "Ana",
            "PROPN",
            "Entity=(1-person-new-x-cf1-1-coref-Ana|XML=</quote>",
        );
        input += &row("2", "Díaz", "PROPN", "Entity=7)");
        let loaded = read(&input, "bad.conllu").unwrap();
        let lines: Vec<Option<usize>> = loaded.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4), Some(3)]);
        assert!(loaded.warnings[3].to_string().contains("never closes"));
        assert_eq!(loaded.documents[0].text(), "Ana Díaz");
        assert_eq!(loaded.documents[0].span_count(), 0);
    }
}
