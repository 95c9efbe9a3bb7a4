//! Test documents for the readers and writers: small, non-ASCII (curly
//! quotes, CJK, emoji, a combining accent) and using every field of the
//! model, plus whole annotated articles from the bundled samples.

use serde_json::json;

use crate::model::markup::{document, ids_by_label};
use crate::model::{
    ByteRange, DocStatus, Document, Edit, Layer, Origin, QuoteKind, SPEAKER, Span, SpanState,
    Transaction,
};

/// Plain markup: manual, accepted spans and one quote.
pub(crate) const MARKUP: &str = "[“[北京|GPE] 👍,”|QUOTE:1] [Ana Díaz|SPEAKER:1] [said|CUE:1]. [She|SPEAKER] left Me\u{301}xico.";

/// [`MARKUP`] as a document, with no other fields set.
pub(crate) fn plain() -> Document {
    document(MARKUP).expect("fixture markup parses")
}

/// [`MARKUP`] plus every field the model has: a coreference link, a pending
/// suggestion, a rejected span, a partial pending quote, status, meta, source
/// and boilerplate.
pub(crate) fn rich() -> Document {
    let mut doc = plain();
    doc.source = Some("wire/díaz.txt".into());
    doc.meta.insert("title".into(), json!("Díaz in 北京"));
    let text = doc.text().to_owned();
    let at = |s: &str| {
        let start = text.find(s).expect("fixture text");
        ByteRange::new(start, start + s.len())
    };
    doc.boilerplate.push(at("She left"));
    let speakers = ids_by_label(&doc, SPEAKER);
    let mut she = doc.span(speakers[1]).expect("She").clone();
    she.refers_to = Some(speakers[0]);
    let mut quote = doc.quotes().next().expect("quote").clone();
    quote.kind = QuoteKind::Partial;
    quote.speaker_entity = Some("Ana Díaz".into());
    quote.state = SpanState::Pending;
    quote.origin = Origin::suggested("rules", "quote-said", 0.875);
    let mut ids = doc.ids();
    let suggested = Span::suggested(
        ids.span(),
        at("Ana Díaz"),
        "PERSON",
        Layer::Entity,
        Origin::suggested("rules", "title-case", 0.5),
    );
    let mut rejected = Span::manual(ids.span(), at("Me\u{301}xico"), "GPE", Layer::Entity);
    rejected.state = SpanState::Rejected;
    let tx = Transaction::new("fixture")
        .with(Edit::ReplaceSpan(she))
        .with(Edit::ReplaceQuote(quote))
        .with(Edit::InsertSpan(suggested))
        .with(Edit::InsertSpan(rejected))
        .with(Edit::SetStatus(DocStatus::InProgress));
    doc.apply(&tx).expect("fixture edits apply");
    doc
}

/// The gold markup of three bundled annotated articles.
const ARTICLES: [&str; 3] = [
    include_str!("../../samples/annotated/city-council-budget.markup"),
    include_str!("../../samples/annotated/flood.markup"),
    include_str!("../../samples/annotated/port-strike.markup"),
];

/// Whole wire articles with every review state a file can carry: the gold
/// markup of [`ARTICLES`], every third span a pending suggestion and every
/// tenth rejected, every third quote pending, speakers named, and every other
/// article done.
pub(crate) fn annotated() -> Vec<Document> {
    ARTICLES
        .iter()
        .enumerate()
        .map(|(n, markup)| {
            let mut doc = document(markup).expect("sample markup parses");
            let mut tx = Transaction::new("fixture");
            for (i, span) in doc.spans_sorted().into_iter().enumerate() {
                let mut span = span.clone();
                if i % 3 == 1 {
                    span.state = SpanState::Pending;
                    span.origin = Origin::suggested("rules", "fixture", 0.8);
                }
                if i % 10 == 9 {
                    span.state = SpanState::Rejected;
                }
                tx.push(Edit::ReplaceSpan(span));
            }
            for (i, quote) in doc.quotes_sorted().into_iter().enumerate() {
                let mut quote = quote.clone();
                quote.speaker_entity = quote
                    .speaker
                    .and_then(|id| doc.span(id))
                    .map(|s| s.text(doc.text()).to_owned());
                if i % 3 == 2 {
                    quote.state = SpanState::Pending;
                    quote.origin = Origin::suggested("rules", "fixture", 0.8);
                }
                tx.push(Edit::ReplaceQuote(quote));
            }
            if n % 2 == 0 {
                tx.push(Edit::SetStatus(DocStatus::Done));
            }
            doc.apply(&tx).expect("fixture edits apply");
            doc
        })
        .collect()
}

pub(crate) use crate::tests::py_slice::py_slice;
