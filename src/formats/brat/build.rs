//! Turns parsed `.ann` lines into a document: text-bound annotations become
//! spans (one per fragment), attribution events become quotes, `RefersTo`
//! relations become mention links, `Segment` relations between the content
//! of events give those quotes one group, `Kind` and `Class` attributes set quote
//! kinds and classes, and what the model has no place for goes to
//! `meta.brat` (see `schema`).

use std::collections::{HashMap, HashSet};

use super::events::{quote_of, raw_event, refers_to};
use super::kept::{Kept, KeptTexts, SpanRun};
use super::overrides::{Events, lone_event};
use super::parse::{Parsed, TextLine};
use super::raw_text::RawText;
use super::schema::{
    ATTRIBUTE_CLASS, ATTRIBUTE_KIND, BratMeta, META_KEY, Note, ROLE_CONTENT, RawEvent,
    byline_label, is_role,
};
use super::segments::segment_link;
use crate::formats::Warning;
use crate::formats::json::link_segments;
use crate::model::{
    AttributionClass, ByteRange, Document, Edit, LabelSet, Quote, QuoteId, QuoteKind, Span, SpanId,
};

/// State shared by the building steps.
struct Builder<'p> {
    doc: Document,
    source: String,
    meta: BratMeta,
    kept: KeptTexts<'p>,
    warnings: Vec<Warning>,
    originals: Vec<(QuoteId, RawEvent)>,
}

/// Builds the document from the parsed lines, adding a warning per refused
/// annotation; what is left to do is [`Events::keep_overrides`].
pub fn build(
    doc: Document,
    mut parsed: Parsed<'_>,
    raw: &RawText<'_>,
    warnings: &mut Vec<Warning>,
) -> (Document, Events) {
    let mut builder = Builder {
        source: doc.source.clone().unwrap_or_default(),
        doc,
        meta: BratMeta::default(),
        // Sized once: a map that grows holds its old and new tables at once.
        kept: KeptTexts::with_capacity(parsed.texts.len()),
        warnings: Vec::new(),
        originals: Vec::new(),
    };
    builder.check_texts(&parsed, raw);
    // The `T` lines, most of a dense file, are kept annotations now: freed
    // before they become spans.
    parsed.texts = Vec::new();
    let spans_ok = builder.make_spans(&parsed, raw);
    if spans_ok {
        builder.make_quotes(&parsed, raw);
    }
    builder.keep_notes(&parsed);
    warnings.append(&mut builder.warnings);
    (builder.doc, Events::new(builder.meta, builder.originals))
}

impl<'p> Builder<'p> {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings
            .push(Warning::at_line(self.source.clone(), line, message));
    }

    /// Keeps the `T` lines whose offsets and text fit the file.
    fn check_texts(&mut self, parsed: &Parsed<'p>, raw: &RawText<'_>) {
        for t in &parsed.texts {
            if self.kept.contains(t.id) {
                self.warn(
                    t.line,
                    format!("{}: id used twice, this annotation skipped", t.id),
                );
                continue;
            }
            match check_text(t, raw) {
                Ok(k) => self.kept.insert(k),
                Err(message) => self.warn(
                    t.line,
                    format!("{} ({}): {message}; annotation refused", t.id, t.label),
                ),
            }
        }
    }

    /// One span per fragment of every kept `T` but event triggers; false when refused.
    fn make_spans(&mut self, parsed: &Parsed<'p>, raw: &RawText<'_>) -> bool {
        let triggers: HashSet<&str> = parsed.events.iter().map(|e| e.trigger).collect();
        let arguments: HashSet<&str> = parsed
            .events
            .iter()
            .flat_map(|e| e.args.iter())
            .chain(parsed.relations.iter().flat_map(|r| r.args.iter()))
            .map(|(_, id)| *id)
            .collect();
        let contents: HashSet<&str> = parsed
            .events
            .iter()
            .flat_map(|e| e.args.iter())
            .filter(|(role, _)| is_role(role, ROLE_CONTENT))
            .map(|(_, id)| *id)
            .collect();
        let labels = LabelSet::builtin();
        let mut ids = self.doc.ids();
        let mut loading = self.doc.load();
        for k in self.kept.iter_mut() {
            let id = k.id;
            if triggers.contains(id) && !arguments.contains(id) {
                continue;
            }
            let label = match byline_label(k.label) {
                Some(renamed) => {
                    self.meta
                        .labels
                        .insert(renamed.to_owned(), k.label.to_owned());
                    renamed.to_owned()
                }
                None => k.label.to_owned(),
            };
            if k.fragments.len() > 1 && !contents.contains(id) {
                self.meta.groups.push(k.bound());
            }
            // Checked with the line: every fragment is in the document.
            let mut ranges: Vec<ByteRange> = k
                .fragments
                .iter()
                .filter_map(|&chars| raw.doc_bytes(chars).ok())
                .collect();
            ranges.sort();
            let layer = labels.layer_of(&label);
            let mut run = SpanRun::default();
            for range in ranges {
                let span_id = ids.span();
                if run.len == 0 {
                    run.first = span_id.0;
                }
                run.len += 1;
                loading.push(Edit::InsertSpan(Span::manual(
                    span_id,
                    range,
                    label.clone(),
                    layer,
                )));
            }
            k.spans = run;
        }
        match loading.finish() {
            Ok(()) => true,
            Err(err) => {
                let warning =
                    Warning::new(self.source.clone(), format!("annotations refused: {err}"));
                self.warnings.push(warning);
                false
            }
        }
    }

    /// Quotes from attribution events (kinds and classes from `Kind` and
    /// `Class` attributes, groups from `Segment` relations), mention
    /// links from `RefersTo` relations; events the writer would not give back go to `meta.brat`.
    /// An event is kept for [`Events::keep_overrides`] only when it is not
    /// the one its quote gets alone ([`lone_event`]): most events are, and
    /// a dense file would otherwise hold a second copy of them all.
    fn make_quotes(&mut self, parsed: &Parsed<'p>, raw: &RawText<'_>) {
        let mut ids = self.doc.ids();
        let index = raw.doc_index();
        let mut originals: Vec<(QuoteId, RawEvent)> = Vec::new();
        // The quotes in id order, found by event id.
        let mut quotes: Vec<Quote> = Vec::with_capacity(parsed.events.len());
        let mut quote_of_event: HashMap<&str, usize> = HashMap::with_capacity(parsed.events.len());
        for event in &parsed.events {
            if quote_of_event.contains_key(event.id) {
                self.warn(
                    event.line,
                    format!("{}: id used twice, this event skipped", event.id),
                );
                continue;
            }
            let (raw_event, problems) = raw_event(event, &self.kept);
            for problem in problems {
                self.warn(event.line, problem);
            }
            let Some(raw_event) = raw_event else { continue };
            if raw_event.signature().content.is_empty() {
                self.meta.events.push(raw_event);
                continue;
            }
            let quote = quote_of(
                event,
                &self.doc,
                &self.kept,
                ids.quote(),
                &mut self.warnings,
                &self.source,
            );
            let lone = lone_event(&quote, &self.doc, &self.meta, index);
            if lone.is_none_or(|lone| lone.canonical() != raw_event.canonical()) {
                originals.push((quote.id, raw_event));
            }
            quote_of_event.insert(event.id, quotes.len());
            quotes.push(quote);
        }
        for attribute in &parsed.attributes {
            let at = quote_of_event.get(attribute.target).copied();
            let quote = at.and_then(|at| quotes.get_mut(at));
            let value = attribute.value;
            let kind = value.and_then(QuoteKind::parse);
            let class = value.and_then(AttributionClass::parse);
            match (attribute.name, quote, kind, class) {
                (ATTRIBUTE_KIND, Some(quote), Some(kind), _) => quote.kind = kind,
                (ATTRIBUTE_CLASS, Some(quote), _, Some(class)) => quote.class = class,
                _ => self.warn(
                    attribute.line,
                    format!(
                        "attribute {} on {} is not kept (Byline keeps `{ATTRIBUTE_KIND}` with a quote kind and `{ATTRIBUTE_CLASS}` with an attribution class on an attribution event)",
                        attribute.name, attribute.target
                    ),
                ),
            }
        }
        let mut linked = Vec::new();
        let mut segments = Vec::new();
        for relation in &parsed.relations {
            let (kind, args) = (&relation.kind, &relation.args);
            let read = match segment_link(kind, args, &self.kept) {
                Some(link) => link.map(|link| segments.push((link, relation))),
                None => refers_to(kind, args, &self.kept, &self.doc).map(|link| linked.push(link)),
            };
            if let Err(message) = read {
                self.warn(relation.line, format!("{}: {message}", relation.id));
            }
        }
        drop(quote_of_event);
        let content: HashSet<SpanId> = quotes.iter().flat_map(|q| q.content.clone()).collect();
        let mut links = Vec::with_capacity(segments.len());
        for ((from, to), relation) in segments {
            if content.contains(&from) && content.contains(&to) {
                links.push((from, to));
            } else {
                let message =
                    "Arg1 and Arg2 must be the content of attribution events; relation skipped";
                self.warn(relation.line, format!("{}: {message}", relation.id));
            }
        }
        let groups = link_segments(&links);
        let mut loading = self.doc.load();
        for mut quote in quotes {
            quote.group = quote.content.iter().find_map(|id| groups.get(id)).copied();
            loading.push(Edit::InsertQuote(quote));
        }
        for (mention, antecedent) in linked {
            if let Some(mut span) = loading.doc().span(mention).cloned() {
                span.refers_to = Some(antecedent);
                loading.push(Edit::ReplaceSpan(span));
            }
        }
        if let Err(err) = loading.finish() {
            let warning = Warning::new(
                self.source.clone(),
                format!("events and relations refused: {err}"),
            );
            self.warnings.push(warning);
            // No quote is left to give its event back: every one is kept.
            originals.clear();
            let events = parsed
                .events
                .iter()
                .filter_map(|e| raw_event(e, &self.kept).0);
            let with_content = events.filter(|e| !e.signature().content.is_empty());
            self.meta.events.extend(with_content);
        }
        keep_meta(&mut self.doc, &self.meta);
        self.originals = originals;
    }

    /// Annotator notes on kept annotations, into `meta.brat`.
    fn keep_notes(&mut self, parsed: &Parsed<'p>) {
        for note in &parsed.notes {
            match self.kept.get(note.target) {
                Some(k) => self.meta.notes.push(Note {
                    target: k.bound(),
                    text: note.text.to_owned(),
                }),
                None => self.warn(
                    note.line,
                    format!(
                        "note on {} is not kept (notes are kept on kept T annotations)",
                        note.target
                    ),
                ),
            }
        }
        keep_meta(&mut self.doc, &self.meta);
    }
}

/// Checks a `T` line's offsets and its text against the file.
fn check_text<'p>(t: &TextLine<'p>, raw: &RawText<'_>) -> Result<Kept<'p>, String> {
    let mut fragments = Vec::with_capacity(t.fragments.len());
    let mut covered = Vec::with_capacity(t.fragments.len());
    for &fragment in &t.fragments {
        let [start, end] = fragment;
        let chars = raw
            .to_doc(fragment)
            .map_err(|e| format!("offsets {start} {end}: {e}"))?;
        covered.push(
            raw.slice(fragment)
                .map_err(|e| format!("offsets {start} {end}: {e}"))?,
        );
        fragments.push(chars);
    }
    let flat = |s: &str| s.replace(['\n', '\t', '\r'], " ");
    let covered = flat(&covered.join(" "));
    match &t.text {
        Some(text) if flat(text) != covered => Err(format!(
            "its text `{text}` is not the text at its offsets (`{covered}`)"
        )),
        _ => Ok(Kept {
            id: t.id,
            label: t.label,
            fragments,
            spans: SpanRun::default(),
        }),
    }
}

/// Puts `meta` in the document's `meta.brat`, or removes it when empty.
pub(super) fn keep_meta(doc: &mut Document, meta: &BratMeta) {
    if meta.is_empty() {
        doc.meta.remove(META_KEY);
    } else if let Ok(value) = serde_json::to_value(meta) {
        doc.meta.insert(META_KEY.to_owned(), value);
    }
}
