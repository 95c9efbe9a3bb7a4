//! Running a command on the shown document: selecting, linking, moving
//! between suggestions and documents, and editing. Annotation changes become
//! transactions (built in `edits`) applied through the workspace's history,
//! and each applied, undone or redone transaction is committed to the
//! project at once; a change the project cannot take (read-only) is refused
//! with a message.

use crate::editor::command::{Command, Effect};
use crate::editor::edits::{self, SPEAKER};
use crate::editor::navigate;
use crate::editor::selection::{Mode, Role, Selection};
use crate::editor::session::{Change, Session};
use crate::editor::shown::Shown;
use crate::editor::workspace::Workspace;
use crate::model::{Applied, DocStatus, Document, Edit, QuoteKind, SpanId, SpanState, Transaction};

/// Runs one command on the shown document (nothing without one); returns
/// what the view must do, if anything.
pub fn run(
    ws: &mut Workspace,
    session: &mut Session,
    shown: &mut Shown,
    cmd: Command,
) -> Option<Effect> {
    ws.current()?;
    match cmd {
        Command::ShowDocument(i) => navigate::show_document(ws, session, shown, i),
        Command::NextDocument | Command::PrevDocument => {
            navigate::show_neighbour(ws, session, shown, cmd == Command::NextDocument);
        }
        Command::Select(id) => ws.selection = id.map_or(Selection::None, Selection::Span),
        Command::SelectRange(range) => ws.selection = Selection::Range(range),
        Command::Jump(id) => return select_and_reveal(ws, Some(id)),
        Command::Escape if ws.mode != Mode::Normal => ws.mode = Mode::Normal,
        Command::Escape => ws.selection = Selection::None,
        Command::NextPending | Command::PrevPending => {
            let next = ws.neighbour_pending(cmd == Command::NextPending);
            return select_and_reveal(ws, next);
        }
        Command::StartLink(role) => start_link(ws, role),
        Command::Undo | Command::Redo => undo_or_redo(ws, session, cmd == Command::Undo),
        Command::MarkDone => {
            let pending = ws.current().map_or(0, |o| pending_review(&o.doc));
            if pending > 0 {
                return Some(Effect::AskDone { pending });
            }
            done_and_next(ws, session, shown, None);
        }
        Command::DoneAndNext => done_and_next(ws, session, shown, None),
        Command::AcceptAllAndDone | Command::RejectAllAndDone => {
            let doc = &ws.current()?.doc;
            let review = if cmd == Command::AcceptAllAndDone {
                edits::accept_all(doc)
            } else {
                edits::reject_all(doc)
            };
            done_and_next(ws, session, shown, review);
        }
        Command::ApplyLabel(label) if matches!(ws.selection, Selection::Range(_)) => {
            let Selection::Range(range) = ws.selection else {
                return None;
            };
            let made = ws
                .current()
                .and_then(|o| edits::create_span(&o.doc, &ws.labels, range, &label));
            if let Some((tx, id)) = made
                && apply(ws, session, tx)
            {
                ws.selection = Selection::Span(id);
            }
        }
        Command::ApplyLabel(_) if ws.selection == Selection::None => {
            ws.last_action = Some("Select a span or drag over text first".into());
        }
        edit => return run_edit(ws, session, &edit),
    }
    None
}

/// Spans and quotes of `doc` still waiting for review.
fn pending_review(doc: &Document) -> usize {
    let quotes = doc.quotes().filter(|q| q.state == SpanState::Pending);
    doc.pending_count() + quotes.count()
}

/// Marks the article done, after `review` (accepting or rejecting what is
/// pending) in the same transaction, so one undo takes both back; then shows
/// the next article not done.
fn done_and_next(
    ws: &mut Workspace,
    session: &mut Session,
    shown: &mut Shown,
    review: Option<Transaction>,
) {
    let mut tx = match review {
        Some(review) => {
            let mut tx = Transaction::new(format!("{} and mark done", review.label));
            tx.edits = review.edits;
            tx
        }
        None => Transaction::new("Mark done"),
    };
    tx.push(Edit::SetStatus(DocStatus::Done));
    if apply(ws, session, tx) {
        navigate::show_next_undone(ws, session, shown);
    }
}

/// Runs a command that stands for one transaction; accepting or rejecting
/// moves on to the next pending suggestion.
fn run_edit(ws: &mut Workspace, session: &mut Session, edit: &Command) -> Option<Effect> {
    let tx = transaction_for(ws, edit);
    if matches!(edit, Command::LinkTo(_) | Command::LinkToRange(_)) {
        ws.mode = Mode::Normal;
    }
    let advance = matches!(edit, Command::Accept | Command::Reject);
    if let Some(tx) = tx
        && apply(ws, session, tx)
        && advance
    {
        let next = ws.neighbour_pending(true);
        return select_and_reveal(ws, next);
    }
    None
}

/// Applies a transaction to the current document and commits it; a
/// refusal (by the model, or a read-only project) becomes a notice.
fn apply(ws: &mut Workspace, session: &mut Session, tx: Transaction) -> bool {
    if refused(ws, session) {
        return false;
    }
    match ws.apply(tx) {
        Ok(Some(applied)) => {
            commit(ws, session, applied, Change::Edit);
            true
        }
        Ok(None) => false,
        Err(err) => {
            ws.notify(format!("Edit refused: {err}"));
            false
        }
    }
}

/// Undoes or redoes the last change of the article, and commits that.
fn undo_or_redo(ws: &mut Workspace, session: &mut Session, undo: bool) {
    if refused(ws, session) {
        return;
    }
    let result = if undo { ws.undo() } else { ws.redo() };
    match result {
        None => {
            let nothing = if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            };
            ws.last_action = Some(nothing.into());
        }
        Some(Ok(applied)) => {
            let change = if undo { Change::Undo } else { Change::Redo };
            commit(ws, session, applied, change);
        }
        Some(Err(err)) => {
            let what = if undo { "undo" } else { "redo" };
            ws.notify(format!("Could not {what}: {err}"));
        }
    }
}

/// True (with a message) when the project cannot be changed from this window.
fn refused(ws: &mut Workspace, session: &Session) -> bool {
    let Some(message) = session.refusal() else {
        return false;
    };
    ws.last_action = Some("Read-only: nothing changed".into());
    ws.notify(message);
    true
}

/// Commits a transaction applied to the current document.
fn commit(ws: &Workspace, session: &mut Session, applied: Applied, change: Change) {
    if let Some(index) = ws.current_index() {
        session.commit(ws, index, applied, change);
    }
}

/// Selects span `id` and asks the view to scroll it into view.
fn select_and_reveal(ws: &mut Workspace, id: Option<SpanId>) -> Option<Effect> {
    let id = id?;
    let range = ws.current().and_then(|o| o.doc.span(id)).map(|s| s.range)?;
    ws.selection = Selection::Span(id);
    Some(Effect::Reveal(range))
}

fn start_link(ws: &mut Workspace, role: Role) {
    let Some(doc) = ws.current().map(|o| &o.doc) else {
        return;
    };
    let Some(id) = ws.selected_span() else {
        ws.last_action = Some("Select a quote first".into());
        return;
    };
    let content_of = doc.quotes().find(|q| q.content.contains(&id)).map(|q| q.id);
    let is_speaker = doc.span(id).is_some_and(|s| s.label == SPEAKER);
    ws.mode = match (content_of, role) {
        (Some(quote), role) => Mode::LinkQuote { quote, role },
        (None, Role::Speaker) if is_speaker => Mode::LinkMention { mention: id },
        _ => {
            ws.last_action = Some("Select a quote (or a speaker mention) first".into());
            Mode::Normal
        }
    };
}

/// The transaction an editing command stands for, if it changes anything.
fn transaction_for(ws: &Workspace, cmd: &Command) -> Option<Transaction> {
    let doc = &ws.current()?.doc;
    let selected = ws.selected_span();
    match *cmd {
        Command::Accept => edits::accept(doc, selected?),
        Command::Reject => edits::reject(doc, selected?),
        Command::AcceptAll => edits::accept_all(doc),
        Command::ApplyLabel(ref label) => edits::relabel(doc, &ws.labels, selected?, label),
        Command::Resize(edge, step, forward) => edits::resize(doc, selected?, edge, step, forward),
        Command::SetRange(id, range) => edits::set_range(doc, id, range),
        Command::LinkTo(target) => match ws.mode {
            Mode::LinkQuote { quote, role } => edits::link_quote(doc, quote, role, target),
            Mode::LinkMention { mention } => edits::link_mention(doc, mention, target),
            Mode::Normal => None,
        },
        Command::Link(quote, role, target) => edits::link_quote(doc, quote, role, target),
        Command::LinkToRange(range) => match ws.mode {
            Mode::LinkQuote { quote, role } => edits::link_quote_to_range(doc, quote, role, range),
            Mode::LinkMention { .. } | Mode::Normal => None,
        },
        Command::SetQuoteKind(quote, kind) => edits::set_quote_kind(doc, quote, kind),
        Command::SetQuoteClass(quote, class) => edits::set_quote_class(doc, quote, class),
        Command::CycleQuoteKind => {
            let quote = doc.quotes_of_span(selected?).next()?;
            let at = QuoteKind::ALL
                .iter()
                .position(|k| *k == quote.kind)
                .unwrap_or(0);
            let next = QuoteKind::ALL.get((at + 1) % QuoteKind::ALL.len())?;
            edits::set_quote_kind(doc, quote.id, *next)
        }
        Command::SetStatus(status) => Some(
            Transaction::new(format!("Mark {}", status.as_str())).with(Edit::SetStatus(status)),
        ),
        _ => None,
    }
}
