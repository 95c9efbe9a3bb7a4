//! IOB2 tagging shared by the CoNLL and Hugging Face writers: tokens from
//! [`words`] (spaCy tokens less whitespace tokens), one tag per token and layer, and sentences that never cut a
//! span. What IOB2 cannot hold is counted in the report: a span overlapping
//! another of its layer, a span whose edges are not token edges.

use std::ops::Range;

use super::exported_spans;
use crate::formats::ExportReport;
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
        // Spans by start; the furthest end of those begun before a token
        // says whether a span runs through it, as tokens go by in order
        // (asking every span at every boundary was quadratic).
        let mut spans: Vec<(usize, usize)> = exported_spans(doc)
            .iter()
            .map(|s| (s.range.start, s.range.end))
            .collect();
        spans.sort_unstable();
        let (mut begun, mut furthest) = (0, 0);
        let mut sentences = Vec::new();
        let mut start = 0;
        for i in 1..tokens.len() {
            let (prev, next) = (&tokens[i - 1], &tokens[i]);
            let at = next.range.start;
            while let Some(&(_, end)) = spans.get(begun).filter(|(s, _)| *s < at) {
                furthest = furthest.max(end);
                begun += 1;
            }
            let gap = text.get(prev.range.end..next.range.start).unwrap_or("");
            let boundary = gap.contains('\n') || ends_sentence(text, &tokens[start..i], next);
            if boundary && furthest <= at {
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
    pub fn tags(&self, layer: Layer, report: &mut ExportReport) -> Vec<Tag<'d>> {
        let mut tags = vec![Tag::Outside; self.tokens.len()];
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
            } else if tags[first..end].iter().any(|t| *t != Tag::Outside) {
                report.lose(format!(
                    "{} spans overlapping another (IOB2 holds one label per token)",
                    layer.as_str()
                ));
            } else {
                for (i, tag) in tags[first..end].iter_mut().enumerate() {
                    *tag = if i == 0 {
                        Tag::Begin(&span.label)
                    } else {
                        Tag::Inside(&span.label)
                    };
                }
                report.spans += 1;
            }
        }
        tags
    }
}

/// One token's IOB2 tag, borrowing its label from the span: a document has
/// a tag per token and layer, too many to allocate a string each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag<'d> {
    /// `O`: outside every span.
    Outside,
    /// `B-LABEL`: the first token of a span.
    Begin(&'d str),
    /// `I-LABEL`: a later token of a span.
    Inside(&'d str),
}

impl<'d> Tag<'d> {
    /// The tag in two pieces that spell it one after the other: `("O", "")`,
    /// `("B-", "PERSON")`, so writers need not build the string.
    pub fn pieces(self) -> (&'static str, &'d str) {
        match self {
            Self::Outside => ("O", ""),
            Self::Begin(label) => ("B-", label),
            Self::Inside(label) => ("I-", label),
        }
    }

    /// True when `name` spells this tag.
    pub fn is(self, name: &str) -> bool {
        let (prefix, label) = self.pieces();
        name.strip_prefix(prefix) == Some(label)
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
    use crate::model::{CUE, markup};

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
        // A short span inside a long one does not end the long one's reach.
        let doc = markup::document(
            "Calme. [Il pleut. [Zoë|PERSON] reste. Enfin|QUOTE] nous partons. Bien.",
        )
        .unwrap();
        assert_eq!(
            sentence_texts(&Tokenized::new(&doc)),
            [
                "Calme .",
                "Il pleut . Zoë reste . Enfin nous partons .",
                "Bien ."
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
        let spelled: Vec<String> = tags
            .iter()
            .map(|t| {
                let (prefix, label) = t.pieces();
                format!("{prefix}{label}")
            })
            .collect();
        assert_eq!(
            spelled,
            ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O"]
        );
        assert!(tags[0].is("B-PERSON") && tags[2].is("O") && !tags[1].is("B-PERSON"));
        assert_eq!(report.spans, 2);
        assert_eq!(report.lost["entity spans not on token boundaries"], 1);
        assert_eq!(
            report.lost["entity spans overlapping another (IOB2 holds one label per token)"],
            1
        );
        assert_eq!(t.tags(Layer::Attribution, &mut report)[6], Tag::Begin(CUE));
    }
}
