//! The last step the column formats (CoNLL, CoNLL-U) share: their spans,
//! read from tag columns, become one transaction on the new document, every
//! span reviewed and every QUOTE span its own quote (columns cannot say who
//! spoke).

use std::cmp::Reverse;

use crate::formats::{Loaded, Warning};
use crate::model::{ByteRange, Document, Edit, Layer, QUOTE, Quote, Span};

/// Loads `spans` into `doc`, all or nothing (see [`Document::load`]), and
/// adds the document to `loaded`; annotations the model refuses become a
/// warning and the text still loads. Spans are inserted in text order (outer first), so
/// ids follow the text.
pub(crate) fn finish_document<L: AsRef<str>>(
    mut doc: Document,
    mut spans: Vec<(ByteRange, L, Layer)>,
    source: &str,
    loaded: &mut Loaded,
) {
    spans.sort_by(|a, b| {
        (a.0.start, Reverse(a.0.end), a.1.as_ref()).cmp(&(
            b.0.start,
            Reverse(b.0.end),
            b.1.as_ref(),
        ))
    });
    let mut ids = doc.ids();
    let mut loading = doc.load();
    for (range, label, layer) in &spans {
        let label = label.as_ref();
        let id = ids.span();
        loading.push(Edit::InsertSpan(Span::manual(id, *range, label, *layer)));
        if label == QUOTE && *layer == Layer::Attribution {
            let text = range.slice(loading.doc().text()).unwrap_or_default();
            loading.push(Edit::InsertQuote(Quote::manual(ids.quote(), id, text)));
        }
    }
    if let Err(err) = loading.finish() {
        loaded
            .warnings
            .push(Warning::new(source, format!("annotations refused: {err}")));
    }
    loaded.documents.push(doc);
}
