//! Turns parsed `.ann` lines into a document: text-bound annotations become
//! spans (one per fragment), attribution events become quotes, `RefersTo`
//! relations become mention links, `Segment` relations between the content
//! of events give those quotes one group, `Kind` and `Class` attributes set quote
//! kinds and classes, and what the model has no place for goes to
//! `meta.brat` (see `schema`).

use std::collections::{HashMap, HashSet};

use super::events::{Kept, quote_of, raw_event, refers_to};
use super::parse::{Parsed, TextLine};
use super::plan::plan;
use super::raw_text::RawText;
use super::schema::{
    ATTRIBUTE_CLASS, ATTRIBUTE_KIND, BratMeta, META_KEY, Note, ROLE_CONTENT, RawEvent,
    byline_label, is_role,
};
use super::segments::segment_link;
use crate::formats::json::link_segments;
use crate::formats::{ExportReport, Warning};
use crate::model::{
    AttributionClass, Document, Edit, LabelSet, Quote, QuoteId, QuoteKind, Span, SpanId,
};

/// State shared by the building steps.
struct Builder<'p> {
    doc: Document,
    source: String,
    meta: BratMeta,
    kept: HashMap<&'p str, Kept<'p>>,
    spans_of: HashMap<&'p str, Vec<SpanId>>,
    warnings: Vec<Warning>,
    originals: Vec<(QuoteId, RawEvent)>,
}

/// The events read as quotes, each with its event as written, for
/// [`Events::keep_overrides`]: that step plans the whole document as the
/// writer would, so it runs once the parsed lines are dropped.
pub struct Events {
    meta: BratMeta,
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
        kept: HashMap::with_capacity(parsed.texts.len()),
        spans_of: HashMap::with_capacity(parsed.texts.len()),
        warnings: Vec::new(),
        originals: Vec::new(),
    };
    builder.check_texts(&parsed, raw);
    let spans_ok = builder.make_spans(&parsed);
    // The `T` lines, most of a dense file, are spans now: freed before the
    // quotes are made.
    parsed.texts = Vec::new();
    if spans_ok {
        builder.make_quotes(&parsed);
    }
    builder.keep_notes(&parsed);
    warnings.append(&mut builder.warnings);
    let events = Events {
        meta: builder.meta,
        originals: builder.originals,
    };
    (builder.doc, events)
}

impl<'p> Builder<'p> {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings
            .push(Warning::at_line(self.source.clone(), line, message));
    }

    /// Keeps the `T` lines whose offsets and text fit the file.
    fn check_texts(&mut self, parsed: &Parsed<'p>, raw: &RawText<'_>) {
        for t in &parsed.texts {
            if self.kept.contains_key(t.id) {
                self.warn(
                    t.line,
                    format!("{}: id used twice, this annotation skipped", t.id),
                );
                continue;
            }
            match check_text(t, raw) {
                Ok(k) => {
                    self.kept.insert(t.id, k);
                }
                Err(message) => self.warn(
                    t.line,
                    format!("{} ({}): {message}; annotation refused", t.id, t.label),
                ),
            }
        }
    }

    /// One span per fragment of every kept `T` but event triggers; false when refused.
    fn make_spans(&mut self, parsed: &Parsed<'p>) -> bool {
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
        for t in &parsed.texts {
            let id = t.id;
            let Some(k) = self.kept.get(id) else {
                continue;
            };
            if self.spans_of.contains_key(id) || (triggers.contains(id) && !arguments.contains(id))
            {
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
            let mut ranges = k.ranges.clone();
            ranges.sort();
            let layer = labels.layer_of(&label);
            let span_ids: Vec<SpanId> = ranges
                .into_iter()
                .map(|range| {
                    let span_id = ids.span();
                    loading.push(Edit::InsertSpan(Span::manual(
                        span_id,
                        range,
                        label.clone(),
                        layer,
                    )));
                    span_id
                })
                .collect();
            self.spans_of.insert(id, span_ids);
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
    fn make_quotes(&mut self, parsed: &Parsed<'p>) {
        let mut ids = self.doc.ids();
        let mut originals: Vec<(QuoteId, RawEvent)> = Vec::new();
        let mut quote_of_event: HashMap<&str, Quote> = HashMap::with_capacity(parsed.events.len());
        for event in &parsed.events {
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
                &self.spans_of,
                ids.quote(),
                &mut self.warnings,
                &self.source,
            );
            originals.push((quote.id, raw_event));
            quote_of_event.insert(event.id, quote);
        }
        for attribute in &parsed.attributes {
            let quote = quote_of_event.get_mut(attribute.target);
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
            let read = match segment_link(kind, args, &self.spans_of) {
                Some(link) => link.map(|link| segments.push((link, relation))),
                None => refers_to(kind, args, &self.spans_of, &self.doc)
                    .map(|span| linked.push(Edit::ReplaceSpan(span))),
            };
            if let Err(message) = read {
                self.warn(relation.line, format!("{}: {message}", relation.id));
            }
        }
        let mut quotes: Vec<Quote> = quote_of_event.into_values().collect();
        quotes.sort_by_key(|q| q.id);
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
        for edit in linked {
            loading.push(edit);
        }
        if let Err(err) = loading.finish() {
            let warning = Warning::new(
                self.source.clone(),
                format!("events and relations refused: {err}"),
            );
            self.warnings.push(warning);
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
    let mut ranges = Vec::with_capacity(t.fragments.len());
    let mut covered = Vec::with_capacity(t.fragments.len());
    for &fragment in &t.fragments {
        let [start, end] = fragment;
        let (range, chars) = raw
            .to_doc(fragment)
            .map_err(|e| format!("offsets {start} {end}: {e}"))?;
        covered.push(
            raw.slice(fragment)
                .map_err(|e| format!("offsets {start} {end}: {e}"))?,
        );
        fragments.push(chars);
        ranges.push(range);
    }
    let flat = |s: &str| s.replace(['\n', '\t', '\r'], " ");
    let covered = flat(&covered.join(" "));
    match &t.text {
        Some(text) if flat(text) != covered => Err(format!(
            "its text `{text}` is not the text at its offsets (`{covered}`)"
        )),
        _ => Ok(Kept {
            label: t.label,
            fragments,
            ranges,
        }),
    }
}

fn keep_meta(doc: &mut Document, meta: &BratMeta) {
    if meta.is_empty() {
        doc.meta.remove(META_KEY);
    } else if let Ok(value) = serde_json::to_value(meta) {
        doc.meta.insert(META_KEY.to_owned(), value);
    }
}

impl Events {
    /// Keeps in `meta.brat` every event the writer's default would not give back.
    pub fn keep_overrides(self, doc: &mut Document) {
        let Self {
            mut meta,
            originals,
        } = self;
        if originals.is_empty() {
            return;
        }
        let Ok(standoff) = plan(doc, &mut ExportReport::default()) else {
            return;
        };
        let planned: HashMap<QuoteId, &RawEvent> = standoff
            .events
            .iter()
            .filter_map(|e| Some((e.quote?, &e.event)))
            .collect();
        for (quote, original) in originals {
            let same = planned
                .get(&quote)
                .is_some_and(|p| p.canonical() == original.canonical());
            if !same {
                meta.events.push(original);
            }
        }
        keep_meta(doc, &meta);
    }
}
