//! Annotated benchmark documents from the gold markup of `samples/annotated/`:
//! runs of gold paragraphs, picked with the corpus [`Rng`], with accepted,
//! pending and rejected spans and quotes (the export and read-back benchmarks).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::{CorpusError, Rng};
use crate::model::markup;
use crate::model::{
    DocStatus, Document, Edit, LabelSet, Origin, Quote, Span, SpanState, Transaction,
};

/// Size of the seed wire article the budgets were set with, in bytes of text.
pub const ARTICLE_BYTES: usize = 5_700;

/// The gold markup files, one article each.
const ANNOTATED: [&str; 4] = [
    include_str!("../../../samples/annotated/city-council-budget.markup"),
    include_str!("../../../samples/annotated/flood.markup"),
    include_str!("../../../samples/annotated/football-transfer.markup"),
    include_str!("../../../samples/annotated/port-strike.markup"),
];

/// `count` annotated wire articles of about [`ARTICLE_BYTES`] each: runs of
/// consecutive gold paragraphs starting at a different place for each
/// document, with accepted, pending and rejected spans, quotes with speakers
/// and cues, and half the documents marked done.
pub fn annotated(count: usize) -> Result<Vec<Document>, CorpusError> {
    let pool = paragraph_pool()?;
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let labels = LabelSet::builtin();
    (0..count)
        .map(|n| {
            let mut at = rng.below(pool.len());
            let (mut markup, mut len) = (String::new(), 0);
            while let Some((para, para_len)) = pool.get(at).filter(|_| len < ARTICLE_BYTES) {
                if !markup.is_empty() {
                    markup.push_str("\n\n");
                    len += 2;
                }
                markup.push_str(para);
                len += para_len;
                at = (at + 1) % pool.len();
            }
            document(n, &markup, &labels)
        })
        .collect()
}

/// The gold paragraphs of every markup file with the length of their text,
/// quote group numbers made unique across files (`:3` in the second file
/// becomes `:1003`).
fn paragraph_pool() -> Result<Vec<(String, usize)>, CorpusError> {
    let mut pool = Vec::new();
    for (file, markup) in ANNOTATED.iter().enumerate() {
        for para in markup.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let para = renumber_groups(para.trim_end(), file * 1000);
            let len = markup::parse(&para)?.0.len();
            pool.push((para, len));
        }
    }
    Ok(pool)
}

/// Adds `offset` to every `:n` quote group suffix of a markup string.
fn renumber_groups(markup: &str, offset: usize) -> String {
    let mut out = String::with_capacity(markup.len() + 16);
    let mut rest = markup;
    while let Some((before, after)) = rest.split_once(':') {
        out.push_str(before);
        let len = after.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, tail) = after.split_at_checked(len).unwrap_or(("", after));
        match digits.parse::<usize>() {
            Ok(group) if tail.starts_with(']') => {
                let _ = write!(out, ":{}", group + offset);
            }
            _ => {
                out.push(':');
                out.push_str(digits);
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// One benchmark document from markup: span states and origins vary by
/// position, quotes are made from complete groups only.
fn document(n: usize, markup: &str, labels: &LabelSet) -> Result<Document, CorpusError> {
    let (text, marked) = markup::parse(markup)?;
    let mut doc = Document::new(Some(format!("bench/article-{n:05}.txt")), &text);
    let title = text.lines().next().unwrap_or_default().to_owned();
    doc.meta.insert("title".into(), Value::from(title));
    let mut ids = doc.ids();
    let mut tx = Transaction::new("bench corpus");
    let mut groups: BTreeMap<u32, Quote> = BTreeMap::new();
    for (i, m) in marked.iter().enumerate() {
        let id = ids.span();
        let layer = labels.layer_of(&m.label);
        let mut span = if i % 3 == 1 {
            Span::suggested(id, m.range, m.label.clone(), layer, origin())
        } else {
            Span::manual(id, m.range, m.label.clone(), layer)
        };
        if i % 10 == 9 {
            span.state = SpanState::Rejected;
        }
        tx.push(Edit::InsertSpan(span));
        if let Some(quote) = markup::add_to_group(&mut groups, m, id, &text, &mut ids)
            && m.label == "SPEAKER"
        {
            quote.speaker_entity = m.range.slice(&text).map(str::to_owned);
        }
    }
    for mut quote in groups.into_values().filter(|q| !q.content.is_empty()) {
        if quote.content.first().is_some_and(|id| id.0 % 3 == 2) {
            (quote.state, quote.origin) = (SpanState::Pending, origin());
        }
        tx.push(Edit::InsertQuote(quote));
    }
    if n.is_multiple_of(2) {
        tx.push(Edit::SetStatus(DocStatus::Done));
    }
    doc.apply(&tx)?;
    Ok(doc)
}

fn origin() -> Origin {
    Origin::suggested("rules", "bench", 0.8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::output::check_alignment;

    #[test]
    fn annotated_documents_are_article_sized_valid_and_reproducible() {
        let docs = annotated(12).unwrap();
        assert_eq!(docs.len(), 12);
        for doc in &docs {
            check_alignment(doc).unwrap();
            assert!(doc.text().len() >= ARTICLE_BYTES, "{}", doc.text().len());
            assert!(doc.span_count() >= 40, "{}", doc.span_count());
            assert!(doc.quotes().count() > 0);
            let states = |s| doc.spans().filter(|x| x.state == s).count();
            assert!(states(SpanState::Rejected) > 0 && states(SpanState::Pending) > 0);
        }
        assert_ne!(docs[0].text(), docs[1].text());
        assert_eq!(docs, annotated(12).unwrap());
    }

    #[test]
    fn group_numbers_move_but_text_and_other_colons_stay() {
        let markup = "[“No,”|QUOTE:2] [Díaz|SPEAKER:12] said at 10:30: [x|PERSON]";
        assert_eq!(
            renumber_groups(markup, 1000),
            "[“No,”|QUOTE:1002] [Díaz|SPEAKER:1012] said at 10:30: [x|PERSON]"
        );
    }
}
