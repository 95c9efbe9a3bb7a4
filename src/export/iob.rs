//! IOB2 tagging shared by the CoNLL and Hugging Face writers: tokens from
//! [`words`] (spaCy tokens less whitespace tokens), one tag per token and layer, and sentences that never cut a
//! span. What IOB2 cannot hold is counted in the report: a span overlapping
//! another of its layer, a span whose edges are not token edges.

use std::ops::Range;

use super::{ExportReport, exported_spans};
use crate::model::{Document, Layer, Span, Token, words};

/// A document cut into tokens and sentences.
pub struct Tokenized<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Sentences as token index ranges, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
}

impl<'d> Tokenized<'d> {
    /// Tokenizes `doc` and splits it into sentences: at line breaks and after
    /// `.`, `!`, `?` or `…` (and closing quotes or brackets) before a letter
    /// that is not lower case (capitals, CJK),
    /// an opening quote or a digit — never inside an exported span.
    pub fn new(doc: &'d Document) -> Self {
        let text = doc.text();
        let tokens = words(text);
        let spans = exported_spans(doc);
        let inside_span = |at: usize| spans.iter().any(|s| s.range.start < at && at < s.range.end);
        let mut sentences = Vec::new();
        let mut start = 0;
        for i in 1..tokens.len() {
            let (prev, next) = (&tokens[i - 1], &tokens[i]);
            let gap = text.get(prev.range.end..next.range.start).unwrap_or("");
            let boundary = gap.contains('\n') || ends_sentence(text, &tokens[start..i], next);
            if boundary && !inside_span(next.range.start) {
                sentences.push(start..i);
                start = i;
            }
        }
        if start < tokens.len() {
            sentences.push(start..tokens.len());
        }
        Self {
            doc,
            tokens,
            sentences,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'d str {
        self.tokens
            .get(i)
            .and_then(|t| t.range.slice(self.doc.text()))
            .unwrap_or("")
    }

    /// IOB2 tags of one layer (`O`, `B-LABEL`, `I-LABEL`), one per token.
    /// Spans are placed by start, longer first; one that overlaps a placed span
    /// or does not start and end on token edges is counted in `report` and left out.
    pub fn tags(&self, layer: Layer, report: &mut ExportReport) -> Vec<String> {
        let mut tags = vec![String::from("O"); self.tokens.len()];
        let mut spans: Vec<&Span> = exported_spans(self.doc)
            .into_iter()
            .filter(|s| s.layer == layer)
            .collect();
        spans.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end), s.id));
        for span in spans {
            let first = self
                .tokens
                .partition_point(|t| t.range.start < span.range.start);
            let end = self
                .tokens
                .partition_point(|t| t.range.end <= span.range.end);
            let on_edges = self
                .tokens
                .get(first)
                .is_some_and(|t| t.range.start == span.range.start)
                && end > first
                && self
                    .tokens
                    .get(end - 1)
                    .is_some_and(|t| t.range.end == span.range.end);
            if !on_edges {
                report.lose(format!("{} spans not on token boundaries", layer.as_str()));
            } else if tags[first..end].iter().any(|t| t != "O") {
                report.lose(format!(
                    "{} spans overlapping another (IOB2 holds one label per token)",
                    layer.as_str()
                ));
            } else {
                for (i, tag) in tags[first..end].iter_mut().enumerate() {
                    let prefix = if i == 0 { "B" } else { "I" };
                    *tag = format!("{prefix}-{}", span.label);
                }
                report.spans += 1;
            }
        }
        tags
    }
}

/// True when the sentence so far ends in final punctuation (plus closing
/// marks) and `next` looks like the start of a sentence.
fn ends_sentence(text: &str, sentence: &[Token], next: &Token) -> bool {
    let word = |t: &Token| t.range.slice(text).unwrap_or("");
    let last_word = sentence
        .iter()
        .rev()
        .map(word)
        .find(|w| !matches!(*w, "”" | "’" | "\"" | "'" | ")" | "]" | "»"));
    let final_mark = matches!(last_word, Some("." | "!" | "?" | "…"));
    let starts = word(next).chars().next().is_some_and(|c| {
        (c.is_alphabetic() && !c.is_lowercase())
            || c.is_ascii_digit()
            || matches!(c, '“' | '‘' | '"' | '\'' | '«' | '(')
    });
    final_mark && starts
}

/// Counts, for a writer without relations, the quote and mention links it drops.
pub fn lose_links(doc: &Document, report: &mut ExportReport) {
    for quote in doc.quotes() {
        if quote.speaker.is_some() || quote.cue.is_some() || quote.content.len() > 1 {
            report.lose("quote links (speaker, cue, split content: no relations in this format)");
        }
    }
    for _ in exported_spans(doc).iter().filter(|s| s.refers_to.is_some()) {
        report.lose("mention links (refers to: no relations in this format)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    fn sentence_texts(t: &Tokenized<'_>) -> Vec<String> {
        t.sentences
            .iter()
            .map(|r| {
                r.clone()
                    .map(|i| t.token_text(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn splits_sentences_but_never_inside_a_span() {
        let doc = markup::document(
            "Mr. Díaz left. [“It rained. We stayed,”|QUOTE] he said! 北京 too.\nNext line",
        )
        .unwrap();
        let t = Tokenized::new(&doc);
        assert_eq!(
            sentence_texts(&t),
            [
                "Mr. Díaz left .",
                "“ It rained . We stayed , ” he said !",
                "北京 too .",
                "Next line"
            ]
        );
    }

    #[test]
    fn tags_one_layer_and_counts_what_iob_cannot_hold() {
        let doc = markup::document(
            "[[Ana|PERSON] Díaz|PERSON] met [Mü|ORG]ller in [北京|GPE] [said|CUE].",
        )
        .unwrap();
        let t = Tokenized::new(&doc);
        let mut report = ExportReport::default();
        let tags = t.tags(Layer::Entity, &mut report);
        assert_eq!(
            tags,
            ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O"]
        );
        assert_eq!(report.spans, 2);
        assert_eq!(report.lost["entity spans not on token boundaries"], 1);
        assert_eq!(
            report.lost["entity spans overlapping another (IOB2 holds one label per token)"],
            1
        );
        assert_eq!(t.tags(Layer::Attribution, &mut report)[6], "B-CUE");
    }
}
