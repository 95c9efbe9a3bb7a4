//! Reads the links of a brat file: attribution events as quotes, `RefersTo`
//! relations as mention links. Unusable arguments are named, not fatal.

use super::kept::KeptTexts;
use super::parse::EventLine;
use super::schema::{
    RELATION_REFERS_TO, RELATION_SEGMENT, ROLE_CONTENT, ROLE_CUE, ROLE_SOURCE, RawArg, RawEvent,
    is_role,
};
use crate::formats::Warning;
use crate::model::{
    AttributionClass, Document, Origin, Quote, QuoteId, QuoteKind, SpanId, SpanState,
};

/// The event as written, with unusable arguments left out and named.
pub fn raw_event(event: &EventLine, kept: &KeptTexts<'_>) -> (Option<RawEvent>, Vec<String>) {
    let mut problems = Vec::new();
    let Some(trigger) = kept.get(event.trigger) else {
        problems.push(format!(
            "{}: trigger {} is not a kept annotation; event skipped",
            event.id, event.trigger
        ));
        return (None, problems);
    };
    let mut args = Vec::new();
    for (role, id) in &event.args {
        match kept.get(id) {
            Some(k) => args.push(RawArg {
                role: (*role).to_owned(),
                target: k.bound(),
            }),
            None => problems.push(format!(
                "{}: argument {role}:{id} is not a kept annotation; argument ignored",
                event.id
            )),
        }
    }
    let raw = RawEvent {
        kind: event.kind.to_owned(),
        trigger: trigger.fragments.clone(),
        args,
    };
    (Some(raw), problems)
}

/// The quote an attribution event reads as.
pub fn quote_of(
    event: &EventLine,
    doc: &Document,
    kept: &KeptTexts<'_>,
    id: QuoteId,
    warnings: &mut Vec<Warning>,
    source: &str,
) -> Quote {
    let spans = |role: &str| -> Vec<SpanId> {
        event
            .args
            .iter()
            .filter(|(r, _)| is_role(r, role))
            .flat_map(|(_, t)| kept.spans_of(t))
            .collect()
    };
    let mut content = spans(ROLE_CONTENT);
    content.sort_by_key(|s| (doc.span(*s).map(|s| s.range.start), *s));
    content.dedup();
    let mut one = |role: &str| {
        let found: Vec<&str> = event
            .args
            .iter()
            .filter(|(r, _)| is_role(r, role))
            .map(|(_, t)| *t)
            .collect();
        if found.len() > 1 {
            warnings.push(Warning::at_line(
                source,
                event.line,
                format!(
                    "{}: {} {role} arguments; the quote keeps the first",
                    event.id,
                    found.len()
                ),
            ));
        }
        found.first().and_then(|t| kept.spans_of(t).next())
    };
    let speaker = one(ROLE_SOURCE);
    let cue = one(ROLE_CUE);
    for (role, _) in &event.args {
        if ![ROLE_CONTENT, ROLE_SOURCE, ROLE_CUE]
            .iter()
            .any(|base| is_role(role, base))
        {
            warnings.push(Warning::at_line(
                source,
                event.line,
                format!(
                    "{}: role {role} is not kept (Content, Source and Cue are)",
                    event.id
                ),
            ));
        }
    }
    let texts = content
        .iter()
        .filter_map(|s| doc.span(*s))
        .map(|s| s.text(doc.text()));
    Quote {
        id,
        kind: QuoteKind::inferred(texts),
        class: AttributionClass::Speech,
        content,
        speaker,
        cue,
        speaker_entity: None,
        state: SpanState::Accepted,
        origin: Origin::Manual,
        group: None,
    }
}

/// The first span of `Arg1` (the mention) and the first span of `Arg2`
/// (the antecedent it refers to).
pub fn refers_to(
    kind: &str,
    args: &[(&str, &str)],
    kept: &KeptTexts<'_>,
    doc: &Document,
) -> Result<(SpanId, SpanId), String> {
    if !kind.eq_ignore_ascii_case(RELATION_REFERS_TO) {
        return Err(format!(
            "relation type {kind} is not kept (Byline keeps {RELATION_REFERS_TO} and {RELATION_SEGMENT})"
        ));
    }
    let first = |role: &str| first_span(args, role, kept).and_then(|id| doc.span(id));
    match (first("Arg1"), first("Arg2")) {
        (Some(mention), Some(antecedent)) if mention.id != antecedent.id => {
            Ok((mention.id, antecedent.id))
        }
        _ => Err("Arg1 and Arg2 must be two kept annotations; relation skipped".to_owned()),
    }
}

/// The first span of the annotation filling a relation's `role` (`Arg1`, `Arg2`).
pub fn first_span(args: &[(&str, &str)], role: &str, kept: &KeptTexts<'_>) -> Option<SpanId> {
    args.iter()
        .find(|(r, _)| *r == role)
        .and_then(|(_, t)| kept.spans_of(t).next())
}
