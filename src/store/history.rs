//! Undo and redo across restarts: each document's stacks of inverse
//! transactions, kept in the same commit as the edit that moves them, as JSON
//! with code-point offsets like everything else in the file.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::project::Project;
use super::rows::{Bad, Res, damaged, to_bytes, to_chars};
use super::save::find_key;
use crate::model::{
    Applied, AttributionClass, DocStatus, Document, Edit, History, Layer, OffsetIndex, Origin,
    Quote, QuoteGroup, QuoteId, QuoteKind, Span, SpanId, SpanState, Transaction,
};

/// Undo steps kept per document; older ones are dropped.
const KEEP: i64 = 500;

/// How an applied transaction moved the document's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A new edit ([`History::apply`]): its inverse goes on the undo stack.
    Edit,
    /// [`History::undo`]: one undo step became a redo step.
    Undo,
    /// [`History::redo`]: one redo step became an undo step.
    Redo,
}

impl Project {
    /// Saves an edit like [`Project::apply`], and moves the document's stored
    /// undo/redo stacks the way `step` moved the in-memory [`History`].
    pub fn apply_step(
        &mut self,
        doc: &Document,
        applied: &Applied,
        step: Step,
    ) -> Result<(), StoreError> {
        self.commit(doc, applied, Some(step))
    }

    /// The stored undo/redo history of `doc`, to continue where the editor left off.
    pub fn load_history(&self, doc: &Document) -> Result<History, StoreError> {
        let read = || -> Res<History> {
            let tx = self.conn.unchecked_transaction()?;
            let key = find_key(&tx, &doc.id)?.ok_or_else(|| Bad::Missing(doc.id.0.clone()))?;
            let index = OffsetIndex::new(doc.text());
            let mut stmt = tx.prepare_cached(
                "SELECT label, edits FROM history WHERE doc = ?1 AND stack = ?2 ORDER BY seq",
            )?;
            let mut stacks = [Vec::new(), Vec::new()];
            for (stack, out) in ["undo", "redo"].into_iter().zip(&mut stacks) {
                let rows = stmt.query_map(params![key, stack], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?;
                for row in rows {
                    let (label, edits) = row?;
                    out.push(decode(label, &edits, &index)?);
                }
            }
            let [undo, redo] = stacks;
            Ok(History::from_stacks(undo, redo))
        };
        read().map_err(|e| e.at("read the undo history", self.path()))
    }
}

/// Moves the stored stacks of document `key` as `step` moved the history;
/// `inverse` is the applied transaction's inverse, encoded.
pub(super) fn record(
    conn: &Connection,
    key: i64,
    step: Step,
    label: &str,
    inverse: &str,
) -> Res<()> {
    let (pop, push) = match step {
        Step::Edit => {
            conn.prepare_cached("DELETE FROM history WHERE doc = ?1 AND stack = 'redo'")?
                .execute([key])?;
            (None, "undo")
        }
        Step::Undo => (Some("undo"), "redo"),
        Step::Redo => (Some("redo"), "undo"),
    };
    if let Some(stack) = pop {
        conn.prepare_cached(
            "DELETE FROM history WHERE doc = ?1 AND stack = ?2 AND seq =
               (SELECT max(seq) FROM history WHERE doc = ?1 AND stack = ?2)",
        )?
        .execute(params![key, stack])?;
    }
    conn.prepare_cached(
        "INSERT INTO history (doc, stack, seq, label, edits) VALUES (?1, ?2,
           (SELECT coalesce(max(seq), 0) + 1 FROM history WHERE doc = ?1 AND stack = ?2), ?3, ?4)",
    )?
    .execute(params![key, push, label, inverse])?;
    conn.prepare_cached(
        "DELETE FROM history WHERE doc = ?1 AND stack = ?2 AND seq <=
           (SELECT max(seq) FROM history WHERE doc = ?1 AND stack = ?2) - ?3",
    )?
    .execute(params![key, push, KEEP])?;
    Ok(())
}

/// One edit as stored: offsets in code points, ids as numbers.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum StoredEdit {
    InsertSpan(StoredSpan),
    DeleteSpan { id: u64 },
    ReplaceSpan(StoredSpan),
    InsertQuote(StoredQuote),
    DeleteQuote { id: u64 },
    ReplaceQuote(StoredQuote),
    SetStatus { status: DocStatus },
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredSpan {
    id: u64,
    start: i64,
    end: i64,
    label: String,
    layer: Layer,
    state: SpanState,
    origin: Origin,
    refers_to: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredQuote {
    id: u64,
    content: Vec<u64>,
    speaker: Option<u64>,
    cue: Option<u64>,
    kind: QuoteKind,
    /// Absent in undo steps stored before quotes had a class: speech.
    #[serde(default)]
    class: AttributionClass,
    /// Absent in undo steps stored before quotes had a group, or without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<u64>,
    speaker_entity: Option<String>,
    state: SpanState,
    origin: Origin,
}

/// A transaction as stored JSON.
pub(super) fn encode(tx: &Transaction, index: &OffsetIndex<'_>) -> Res<String> {
    let span = |s: &Span| -> Res<StoredSpan> {
        let (start, end) = to_chars(index, s.range)?;
        Ok(StoredSpan {
            id: s.id.0,
            start,
            end,
            label: s.label.clone(),
            layer: s.layer,
            state: s.state,
            origin: s.origin.clone(),
            refers_to: s.refers_to.map(|r| r.0),
        })
    };
    let quote = |q: &Quote| StoredQuote {
        id: q.id.0,
        content: q.content.iter().map(|s| s.0).collect(),
        speaker: q.speaker.map(|s| s.0),
        cue: q.cue.map(|s| s.0),
        kind: q.kind,
        class: q.class,
        group: q.group.map(|g| g.0),
        speaker_entity: q.speaker_entity.clone(),
        state: q.state,
        origin: q.origin.clone(),
    };
    let edits = tx
        .edits
        .iter()
        .map(|edit| {
            Ok(match edit {
                Edit::InsertSpan(s) => StoredEdit::InsertSpan(span(s)?),
                Edit::ReplaceSpan(s) => StoredEdit::ReplaceSpan(span(s)?),
                Edit::DeleteSpan(id) => StoredEdit::DeleteSpan { id: id.0 },
                Edit::InsertQuote(q) => StoredEdit::InsertQuote(quote(q)),
                Edit::ReplaceQuote(q) => StoredEdit::ReplaceQuote(quote(q)),
                Edit::DeleteQuote(id) => StoredEdit::DeleteQuote { id: id.0 },
                Edit::SetStatus(status) => StoredEdit::SetStatus { status: *status },
            })
        })
        .collect::<Res<Vec<_>>>()?;
    serde_json::to_string(&edits).or_else(|e| damaged(format!("cannot encode an edit: {e}")))
}

fn decode(label: String, json: &str, index: &OffsetIndex<'_>) -> Res<Transaction> {
    let Ok(stored) = serde_json::from_str::<Vec<StoredEdit>>(json) else {
        return damaged(format!("undo step {label:?} does not decode"));
    };
    let span = |s: StoredSpan| -> Res<Span> {
        Ok(Span {
            id: SpanId(s.id),
            range: to_bytes(index, s.start, s.end)?,
            label: s.label,
            layer: s.layer,
            origin: s.origin,
            state: s.state,
            refers_to: s.refers_to.map(SpanId),
        })
    };
    let quote = |q: StoredQuote| Quote {
        id: QuoteId(q.id),
        content: q.content.into_iter().map(SpanId).collect(),
        speaker: q.speaker.map(SpanId),
        cue: q.cue.map(SpanId),
        kind: q.kind,
        class: q.class,
        speaker_entity: q.speaker_entity,
        state: q.state,
        origin: q.origin,
        group: q.group.map(QuoteGroup),
    };
    let edits = stored
        .into_iter()
        .map(|edit| {
            Ok(match edit {
                StoredEdit::InsertSpan(s) => Edit::InsertSpan(span(s)?),
                StoredEdit::ReplaceSpan(s) => Edit::ReplaceSpan(span(s)?),
                StoredEdit::DeleteSpan { id } => Edit::DeleteSpan(SpanId(id)),
                StoredEdit::InsertQuote(q) => Edit::InsertQuote(quote(q)),
                StoredEdit::ReplaceQuote(q) => Edit::ReplaceQuote(quote(q)),
                StoredEdit::DeleteQuote { id } => Edit::DeleteQuote(QuoteId(id)),
                StoredEdit::SetStatus { status } => Edit::SetStatus(status),
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(Transaction { label, edits })
}
