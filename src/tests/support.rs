//! Helpers shared by the scenarios: documents whose spans are pending
//! suggestions, built from the compact markup through the real suggestion path
//! (`suggest::to_transaction`).

use std::collections::BTreeMap;

use crate::model::markup::{self, has_quote_mark};
use crate::model::{Document, LabelSet, Origin, QuoteKind};
use crate::suggest::{SuggestedQuote, SuggestedSpan, Suggestions, to_transaction};

/// A document whose marked spans are all pending suggestions of engine `test`;
/// `:n` groups become suggested quotes.
pub fn suggested(markup_text: &str) -> Document {
    let (text, marked) = markup::parse(markup_text).expect("valid markup");
    let labels = LabelSet::builtin();
    let mut doc = Document::new(Some("test.txt".into()), &text);
    let mut suggestions = Suggestions::default();
    let mut groups: BTreeMap<u32, SuggestedQuote> = BTreeMap::new();
    for (i, m) in marked.iter().enumerate() {
        suggestions.spans.push(SuggestedSpan {
            range: m.range,
            label: m.label.clone(),
            layer: labels.layer_of(&m.label),
            origin: Origin::suggested("test", "markup", 0.9),
            refers_to: None,
        });
        let Some(group) = m.group else { continue };
        let quote = groups.entry(group).or_insert_with(|| SuggestedQuote {
            content: Vec::new(),
            speaker: None,
            cue: None,
            kind: QuoteKind::Indirect,
            speaker_entity: None,
            origin: Origin::suggested("test", "markup", 0.8),
        });
        match m.label.as_str() {
            "QUOTE" => {
                quote.content.push(i);
                if m.range.slice(&text).is_some_and(has_quote_mark) {
                    quote.kind = QuoteKind::Direct;
                }
            }
            "SPEAKER" => quote.speaker = Some(i),
            "CUE" => quote.cue = Some(i),
            _ => {}
        }
    }
    suggestions.quotes = groups.into_values().collect();
    let tx = to_transaction(&doc, &suggestions);
    doc.apply(&tx).expect("suggestions apply");
    doc
}
