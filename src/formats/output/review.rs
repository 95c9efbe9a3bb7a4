//! Gold and suggestions in an export: what the user asked for
//! ([`ExportOptions`]), what each writer keeps of it ([`Kept`]), and the count
//! of what it leaves out. Every writer writes [`crate::model::Document::gold`]
//! — the one gold rule — and, when asked and where its format has a place for
//! them, the suggestions listed here.

use std::borrow::Cow;

use crate::formats::ExportReport;
use crate::model::{Document, Quote, Span, SpanState};

/// What an export writes besides gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Also write what is still to review, where the format can mark it as
    /// such (`--with-suggestions`): byline JSONL keeps every state, Prodigy
    /// a `suggestions` key, Label Studio its `predictions`.
    pub with_suggestions: bool,
}

impl ExportOptions {
    /// Gold only: the default of every export.
    pub const GOLD: Self = Self {
        with_suggestions: false,
    };
    /// Gold, and suggestions where the format has a place for them.
    pub const WITH_SUGGESTIONS: Self = Self {
        with_suggestions: true,
    };
}

/// What a writer keeps of a document, beyond which nothing is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Gold only; `asked` when the user wanted suggestions the format has no place for.
    Gold {
        /// `--with-suggestions` was given.
        asked: bool,
    },
    /// Gold, and pending spans and quotes marked as suggestions.
    GoldAndSuggestions,
    /// Everything, with its review state (byline JSONL with suggestions).
    Everything,
}

impl Kept {
    /// What a format keeps under `options`: `place` when it can mark suggestions.
    pub fn of(options: ExportOptions, place: bool) -> Self {
        match (options.with_suggestions, place) {
            (true, true) => Self::GoldAndSuggestions,
            (asked, _) => Self::Gold { asked },
        }
    }
}

/// The pending spans an export marks as suggestions, sorted by start then id.
pub fn pending_spans(doc: &Document) -> Vec<&Span> {
    doc.spans_sorted()
        .into_iter()
        .filter(|s| s.state == SpanState::Pending)
        .collect()
}

/// The quotes an export marks as suggestions (see
/// [`Quote::is_suggestion`]), sorted, each without links to rejected spans.
pub fn suggested_quotes(doc: &Document) -> Vec<Quote> {
    let kept = |id| doc.span(id).is_some_and(|s| s.state != SpanState::Rejected);
    doc.quotes_sorted()
        .into_iter()
        .filter(|q| q.is_suggestion(doc))
        .map(|q| {
            let mut quote = q.clone();
            quote.speaker = quote.speaker.filter(|&s| kept(s));
            quote.cue = quote.cue.filter(|&c| kept(c));
            quote
        })
        .collect()
}

/// What a writer that keeps `kept` writes of `doc`: the document itself when
/// it keeps everything, else its gold view (`Document::gold`); what it
/// leaves out is counted in `report` on the way. Every writer starts here,
/// so the rule of what is written lives in one place.
pub fn written<'d>(doc: &'d Document, kept: Kept, report: &mut ExportReport) -> Cow<'d, Document> {
    count_left_out(doc, kept, report);
    match kept {
        Kept::Everything => Cow::Borrowed(doc),
        _ => doc.gold(),
    }
}

/// Counts what of `doc` a writer that keeps `kept` leaves out because it is
/// not gold: pending and rejected spans and quotes, and the links of the
/// quotes and mentions it writes to spans it does not.
fn count_left_out(doc: &Document, kept: Kept, report: &mut ExportReport) {
    let pending = match kept {
        Kept::Everything => return,
        Kept::GoldAndSuggestions => None,
        Kept::Gold { asked: false } => {
            Some("not gold; --with-suggestions writes them where a format can")
        }
        Kept::Gold { asked: true } => Some("suggestions: this format has no place for them"),
    };
    let suggestions = kept == Kept::GoldAndSuggestions;
    let written = |span: &Span| span.is_gold() || suggestions && span.state == SpanState::Pending;
    // Counted here and reported once per reason: a report's key is a string.
    let (mut rejected, mut pending_spans, mut mention_links) = (0, 0, 0);
    for span in doc.spans() {
        match span.state {
            SpanState::Rejected => rejected += 1,
            SpanState::Pending if pending.is_some() => pending_spans += 1,
            _ => {}
        }
        let target = span.refers_to.and_then(|t| doc.span(t));
        if written(span) && target.is_some_and(|t| !written(t)) {
            mention_links += 1;
        }
    }
    report.lose_many(
        "rejected spans (not gold: training exports leave them out)",
        rejected,
    );
    if let Some(why) = pending {
        report.lose_many(&format!("pending spans ({why})"), pending_spans);
    }
    report.lose_many(
        "coreference links to spans not written (not gold)",
        mention_links,
    );
    for quote in doc.quotes() {
        let gold = quote.is_gold(doc);
        let suggested = suggestions && quote.is_suggestion(doc);
        match pending {
            _ if gold || suggested => {}
            _ if quote.state == SpanState::Rejected => {
                report.lose("rejected quotes (not gold: training exports leave them out)");
            }
            Some(why) if quote.is_suggestion(doc) => report.lose(format!("pending quotes ({why})")),
            _ => report.lose("quotes with rejected content (not gold)"),
        }
        let lost_link = |id| {
            doc.span(id)
                .is_some_and(|s| !written(s) || gold && !s.is_gold())
        };
        if (gold || suggested) && quote.speaker.into_iter().chain(quote.cue).any(lost_link) {
            report.lose("quote links to speakers or cues not written (not gold)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::fixtures::rich;

    fn lost(kept: Kept) -> Vec<(String, usize)> {
        let mut report = ExportReport::default();
        count_left_out(&rich(), kept, &mut report);
        report.lost.into_iter().collect()
    }

    #[test]
    fn counts_what_is_not_gold_by_what_the_writer_keeps() {
        let rejected = (
            "rejected spans (not gold: training exports leave them out)".to_owned(),
            1,
        );
        assert_eq!(lost(Kept::Everything), []);
        assert_eq!(
            lost(Kept::GoldAndSuggestions),
            std::slice::from_ref(&rejected)
        );
        let asked = lost(Kept::Gold { asked: true });
        assert_eq!(
            asked,
            [
                (
                    "pending quotes (suggestions: this format has no place for them)".to_owned(),
                    1
                ),
                (
                    "pending spans (suggestions: this format has no place for them)".to_owned(),
                    1
                ),
                rejected.clone(),
            ]
        );
        let not_asked = lost(Kept::Gold { asked: false });
        assert_eq!(not_asked.len(), 3);
        assert!(
            not_asked[0].0.contains("--with-suggestions"),
            "{not_asked:?}"
        );
    }

    #[test]
    fn suggestions_are_pending_spans_and_quotes_without_rejected_links() {
        let doc = rich();
        let spans: Vec<&str> = pending_spans(&doc)
            .iter()
            .map(|s| s.text(doc.text()))
            .collect();
        assert_eq!(spans, ["Ana Díaz"]);
        let quotes = suggested_quotes(&doc);
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0].speaker.is_some() && quotes[0].cue.is_some());
        assert_eq!(
            Kept::of(ExportOptions::WITH_SUGGESTIONS, true),
            Kept::GoldAndSuggestions
        );
        assert_eq!(
            Kept::of(ExportOptions::WITH_SUGGESTIONS, false),
            Kept::Gold { asked: true }
        );
        assert_eq!(
            Kept::of(ExportOptions::GOLD, true),
            Kept::Gold { asked: false }
        );
    }
}
