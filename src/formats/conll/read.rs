//! CoNLL IOB2 reader: one token per line, blank lines between sentences,
//! `-DOCSTART-` between documents. Columns (tab or space separated): token
//! and entity tag (two columns); token, entity tag, attribution tag (three,
//! as Byline wrote it before); four or more are read as CoNLL-2003 (token
//! first, entity tag last), the column before the last being the
//! attribution layer when it holds nothing but attribution tags (Byline's
//! `--to conll`: token, `-`, attribution, entity).
//!
//! The text is rebuilt by joining a sentence's tokens with one space and
//! sentences with a newline (CoNLL keeps no whitespace). Tags are IOB2; an
//! `I-` that does not continue a span of its label starts one (IOB1 files
//! read the same). Entity-column spans go to the entity layer, the others to
//! the attribution layer, and each QUOTE span is a quote without speaker.

use crate::formats::input::columns::finish_document;
use crate::formats::json::default_layer;
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::{ByteRange, Document, Layer};

/// A span being read: start byte and label.
type OpenSpan = Option<(usize, String)>;

/// One document being assembled.
#[derive(Default)]
struct DocBuilder {
    text: String,
    sentence_open: bool,
    last_end: usize,
    open: [OpenSpan; 2],
    spans: Vec<(ByteRange, String, Layer)>,
}

const LAYERS: [Layer; 2] = [Layer::Entity, Layer::Attribution];

/// Reads every document of a CoNLL file. A line with a bad tag is read with
/// `O` there and a warning naming the line.
pub fn read(input: &str, source: &str) -> Result<Loaded, ReadError> {
    let mut loaded = Loaded::default();
    let mut doc = DocBuilder::default();
    let attribution_column = has_attribution_column(input);
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns.as_slice() {
            [] => doc.end_sentence(),
            [first, ..] if first.starts_with("-DOCSTART-") => doc.finish(source, &mut loaded),
            [token, tags @ ..] => {
                let tags: [&str; 2] = match tags {
                    [] => {
                        let warning = Warning::at_line(source, number, "no tag column; read as O");
                        loaded.warnings.push(warning);
                        ["O", "O"]
                    }
                    [entity] => [entity, "O"],
                    [entity, attribution] => [entity, attribution],
                    [.., attribution, entity] if attribution_column => [entity, attribution],
                    [.., entity] => [entity, "O"],
                };
                for (slot, tag) in tags.into_iter().enumerate() {
                    if parse_tag(tag).is_none() {
                        let message =
                            format!("tag `{tag}` is not O, B-LABEL or I-LABEL; read as O");
                        loaded
                            .warnings
                            .push(Warning::at_line(source, number, message));
                        doc.close(slot);
                    }
                }
                doc.token(token, tags.map(|t| parse_tag(t).flatten()));
            }
        }
    }
    doc.finish(source, &mut loaded);
    Ok(loaded)
}

/// True when every line of four or more columns has an attribution tag (or
/// `O`) before its last column, and one at least has a tag there: Byline's
/// own layout, not CoNLL-2003's chunk column.
fn has_attribution_column(input: &str) -> bool {
    let mut tagged = false;
    for line in input.lines() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns.len() < 4 || columns.first().is_some_and(|c| c.starts_with("-DOCSTART-")) {
            continue;
        }
        match columns.get(columns.len() - 2).and_then(|t| parse_tag(t)) {
            Some(None) => {}
            Some(Some((_, label))) if default_layer(label) == Layer::Attribution => tagged = true,
            _ => return false,
        }
    }
    tagged
}

/// `O` → `Some(None)`; `B-X` → `Some(Some((true, X)))`; `I-X` → `Some(Some((false, X)))`; else `None`.
fn parse_tag(tag: &str) -> Option<Option<(bool, &str)>> {
    if tag == "O" {
        return Some(None);
    }
    match tag.split_once('-') {
        Some(("B", label)) if !label.is_empty() => Some(Some((true, label))),
        Some(("I", label)) if !label.is_empty() => Some(Some((false, label))),
        _ => None,
    }
}

impl DocBuilder {
    fn token(&mut self, token: &str, tags: [Option<(bool, &str)>; 2]) {
        let separator = match (self.sentence_open, self.text.is_empty()) {
            (true, _) => " ",
            (false, true) => "",
            (false, false) => "\n",
        };
        let start = self.text.len() + separator.len();
        for (slot, tag) in tags.into_iter().enumerate() {
            let continues = match (tag, &self.open[slot]) {
                (Some((false, label)), Some((_, open))) => open == label,
                _ => false,
            };
            if !continues {
                self.close(slot);
                if let Some((_, label)) = tag {
                    self.open[slot] = Some((start, label.to_owned()));
                }
            }
        }
        self.text.push_str(separator);
        self.text.push_str(token);
        self.last_end = self.text.len();
        self.sentence_open = true;
    }

    /// Ends the span open in a layer at the last token read.
    fn close(&mut self, slot: usize) {
        if let (Some((start, label)), Some(&layer)) = (self.open[slot].take(), LAYERS.get(slot)) {
            self.spans
                .push((ByteRange::new(start, self.last_end), label, layer));
        }
    }

    fn end_sentence(&mut self) {
        self.close(0);
        self.close(1);
        self.sentence_open = false;
    }

    /// Turns what was read into a document, and starts afresh.
    fn finish(&mut self, source: &str, loaded: &mut Loaded) {
        self.end_sentence();
        let built = std::mem::take(self);
        if built.text.is_empty() {
            return;
        }
        let doc = Document::from_string(Some(source.to_owned()), built.text);
        finish_document(doc, built.spans, source, loaded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CUE;
    use crate::model::markup::render;

    #[test]
    fn rebuilds_text_and_spans_per_layer() {
        let input = "-DOCSTART-\n\n“\tO\tB-QUOTE\nWir\tO\tI-QUOTE\n”\tO\tI-QUOTE\nsagte\tO\tB-CUE\nAna\tB-PERSON\tB-SPEAKER\nMüller\tI-PERSON\tI-SPEAKER\n\n北京\tB-GPE\tO\ne\u{301}\tI-ORG\tO\n👋\tI-ORG\n-DOCSTART- -X- -X- O\nAcme NNP B-NP B-ORG\n";
        let loaded = read(input, "x.conll").unwrap();
        assert_eq!(loaded.warnings, vec![]);
        let [one, two] = &loaded.documents[..] else {
            panic!("two documents expected");
        };
        assert_eq!(
            render(one),
            "[“ Wir ”|QUOTE] [sagte|CUE] [[Ana Müller|PERSON]|SPEAKER]\n[北京|GPE] [e\u{301} 👋|ORG]"
        );
        let quote = one.quotes().next().unwrap();
        assert_eq!(quote.kind, crate::model::QuoteKind::Direct);
        assert_eq!(quote.speaker, None);
        assert_eq!(
            one.spans().find(|s| s.label == CUE).unwrap().layer,
            Layer::Attribution
        );
        assert_eq!(render(two), "[Acme|ORG]");
    }

    #[test]
    fn bad_tags_are_warnings_naming_the_line() {
        let input = "Ana\tB-PERSON\nDíaz\tE-PERSON\nsaid\nok\tO\tS-CUE\n";
        let loaded = read(input, "bad.conll").unwrap();
        let lines: Vec<Option<usize>> = loaded.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        assert!(loaded.warnings[0].to_string().contains("E-PERSON"));
        assert_eq!(render(&loaded.documents[0]), "[Ana|PERSON] Díaz said ok");
    }
}
