//! Bad and adversarial input: unbalanced marks, huge lines, thousands of
//! marks, no letters. Each must finish and give spans on char boundaries.

use crate::model::QUOTE;
use crate::model::{Document, markup};
use crate::suggest::{Suggestions, to_transaction};

use super::suggest;

fn assert_sane(text: &str, s: &Suggestions) {
    for span in &s.spans {
        assert!(span.range.start < span.range.end && span.range.end <= text.len());
        assert!(text.is_char_boundary(span.range.start) && text.is_char_boundary(span.range.end));
    }
    for q in &s.quotes {
        assert!(!q.content.is_empty());
        assert!(
            q.content
                .iter()
                .chain(q.speaker.iter())
                .chain(q.cue.iter())
                .all(|&i| i < s.spans.len())
        );
    }
    let mut doc = Document::new(None, text);
    doc.apply(&to_transaction(&doc, s))
        .expect("suggestions apply");
}

#[test]
fn an_unclosed_quote_stays_in_its_paragraph() {
    let text = "“We will rebuild, Díaz said on Monday\n\nThe council met on Tuesday and approved the budget.";
    let s = suggest(text);
    assert_sane(text, &s);
    let first_paragraph = text.find("\n\n").unwrap();
    assert!(
        s.spans
            .iter()
            .filter(|x| x.label == QUOTE)
            .all(|x| x.range.end <= first_paragraph)
    );
}

#[test]
fn stray_closing_marks_are_ignored() {
    let text = "The pipe was 5” wide” and the valve ” stuck, the engineer said.";
    assert_sane(text, &suggest(text));
}

#[test]
fn a_one_megabyte_line_finishes() {
    let text = "the council said that the plan, as “officials” noted, would work ".repeat(16_000);
    assert!(text.len() > 1_000_000);
    assert_sane(&text, &suggest(&text));
}

#[test]
fn ten_thousand_quote_marks_finish() {
    let text = "“\"”'‘’«» ".repeat(1_250);
    assert_sane(&text, &suggest(&text));
    let text = "“a".repeat(10_000);
    assert_sane(&text, &suggest(&text));
}

#[test]
fn text_without_letters_finishes() {
    let text = "!? -- ... 123 ,,, ;; “” ()\n".repeat(20_000);
    assert!(suggest(&text).quotes.is_empty());
    assert!(suggest("").quotes.is_empty());
}

#[test]
fn non_ascii_text_keeps_char_boundaries() {
    let text = "«Nous restons ici», a dit Zoë. “東京 is calm 😀 today,” said Renée Müller. “Ça va,” she said.";
    assert_sane(text, &suggest(text));
}

#[test]
fn boilerplate_paragraphs_get_no_suggestions() {
    let mut doc =
        markup::document("“We will win,” Díaz said.\n\n“Leave a reply,” the site said.").unwrap();
    let second = doc.paragraphs()[1];
    doc.boilerplate.push(second);
    let s = super::super::RulesSuggester::new();
    let out = crate::suggest::Suggester::suggest(&s, &doc);
    assert_eq!(out.quotes.len(), 1);
    assert!(out.spans.iter().all(|x| x.range.end <= second.start));
}
