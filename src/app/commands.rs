//! Everything the editor can ask for, as a [`Command`]. Widgets and the
//! keyboard only push commands during a frame; the app runs them at the end of
//! the frame, in order. Annotation changes become transactions (built in
//! `edits`) applied through the workspace's history, and each applied, undone
//! or redone transaction is committed to the project at once.

use std::path::PathBuf;

use crate::app::BylineApp;
use crate::app::edits::{self, Edge, Step};
use crate::app::open::Purpose;
use crate::app::session::Change;
use crate::app::state::{Mode, Role, Selection, Workspace};
use crate::model::{Applied, ByteRange, DocStatus, Edit, QuoteId, QuoteKind, SpanId, Transaction};

/// One thing the editor asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the document at this index of the list.
    ShowDocument(usize),
    /// Show the next document of the project.
    NextDocument,
    /// Show the previous document of the project.
    PrevDocument,
    /// Select a span, or clear the selection.
    Select(Option<SpanId>),
    /// Select a dragged range, to be labelled next.
    SelectRange(ByteRange),
    /// Select a span and scroll it into view.
    Jump(SpanId),
    /// Leave link mode, or clear the selection.
    Escape,
    /// Accept the selected span (a whole quote when it is quote content).
    Accept,
    /// Reject the selected suggestion, or delete the selected manual span.
    Reject,
    /// Accept every pending suggestion of the article.
    AcceptAll,
    /// Relabel the selected span, or label the selected range.
    ApplyLabel(String),
    /// Select the next pending suggestion.
    NextPending,
    /// Select the previous pending suggestion.
    PrevPending,
    /// Move an edge of the selected span: edge, step, forward.
    Resize(Edge, Step, bool),
    /// Give a span a new range (an edge was dragged).
    SetRange(SpanId, ByteRange),
    /// Start linking the selected quote's speaker or cue (or a mention's referent).
    StartLink(Role),
    /// Link mode: this span was clicked.
    LinkTo(SpanId),
    /// Make a span the speaker or cue of a quote (picked from a list).
    Link(QuoteId, Role, SpanId),
    /// Link mode: this range was dragged.
    LinkToRange(ByteRange),
    /// Set a quote's kind.
    SetQuoteKind(QuoteId, QuoteKind),
    /// Step the selected quote's kind to the next one.
    CycleQuoteKind,
    /// Undo the last change of this article.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Mark the article done and show the next one not done.
    DoneAndNext,
    /// Set the article's status.
    SetStatus(DocStatus),
    /// Show or hide the shortcut sheet.
    ToggleShortcuts,
    /// Open the export dialog.
    Export,
    /// Ask for a project path (a dialog, or the path field).
    PickProject(Purpose),
    /// Open this project.
    OpenProject(PathBuf),
    /// Create a project here and open it.
    NewProject(PathBuf),
    /// Write the window's work to a new project here and continue there.
    SaveProjectAs(PathBuf),
    /// Try again to write what the project refused.
    RetrySave,
    /// Close the window (every change is saved already).
    Quit,
}

impl BylineApp {
    /// Runs one command against the workspace.
    pub(crate) fn run_command(&mut self, cmd: Command) {
        if cmd == Command::ToggleShortcuts {
            self.show_shortcuts = !self.show_shortcuts;
            return;
        }
        if cmd == Command::Export {
            self.exporter.open();
            return;
        }
        let ws = &mut self.workspace;
        if ws.current().is_none() {
            return;
        }
        match cmd {
            Command::ShowDocument(i) => self.show_document(i),
            Command::NextDocument | Command::PrevDocument => {
                self.show_neighbour(cmd == Command::NextDocument);
            }
            Command::Select(id) => ws.selection = id.map_or(Selection::None, Selection::Span),
            Command::SelectRange(range) => ws.selection = Selection::Range(range),
            Command::Jump(id) => self.select_and_reveal(Some(id)),
            Command::Escape if ws.mode != Mode::Normal => ws.mode = Mode::Normal,
            Command::Escape => ws.selection = Selection::None,
            Command::NextPending | Command::PrevPending => {
                let next = ws.neighbour_pending(cmd == Command::NextPending);
                self.select_and_reveal(next);
            }
            Command::StartLink(role) => self.start_link(role),
            Command::Undo | Command::Redo => self.undo_or_redo(cmd == Command::Undo),
            Command::DoneAndNext => {
                let tx = Transaction::new("Mark done").with(Edit::SetStatus(DocStatus::Done));
                if self.apply(tx) {
                    self.show_next_undone();
                }
            }
            Command::ApplyLabel(label) if matches!(ws.selection, Selection::Range(_)) => {
                let Selection::Range(range) = ws.selection else {
                    return;
                };
                let made = ws
                    .current()
                    .and_then(|o| edits::create_span(&o.doc, &ws.labels, range, &label));
                if let Some((tx, id)) = made
                    && self.apply(tx)
                {
                    self.workspace.selection = Selection::Span(id);
                }
            }
            Command::ApplyLabel(_) if ws.selection == Selection::None => {
                ws.last_action = Some("Select a span or drag over text first".into());
            }
            edit => {
                let tx = transaction_for(ws, &edit);
                if matches!(edit, Command::LinkTo(_) | Command::LinkToRange(_)) {
                    ws.mode = Mode::Normal;
                }
                let advance = matches!(edit, Command::Accept | Command::Reject);
                if let Some(tx) = tx
                    && self.apply(tx)
                    && advance
                {
                    let next = self.workspace.neighbour_pending(true);
                    self.select_and_reveal(next);
                }
            }
        }
    }

    /// Applies a transaction to the current document and commits it; a
    /// refusal (by the model, or a read-only project) becomes a notice.
    fn apply(&mut self, tx: Transaction) -> bool {
        if self.refused() {
            return false;
        }
        match self.workspace.apply(tx) {
            Ok(Some(applied)) => {
                self.commit(applied, Change::Edit);
                true
            }
            Ok(None) => false,
            Err(err) => {
                self.workspace.notify(format!("Edit refused: {err}"));
                false
            }
        }
    }

    /// Undoes or redoes the last change of the article, and commits that.
    fn undo_or_redo(&mut self, undo: bool) {
        if self.refused() {
            return;
        }
        let ws = &mut self.workspace;
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
                self.commit(applied, change);
            }
            Some(Err(err)) => {
                let what = if undo { "undo" } else { "redo" };
                ws.notify(format!("Could not {what}: {err}"));
            }
        }
    }

    /// True (with a message) when the project cannot be changed from this window.
    fn refused(&mut self) -> bool {
        let Some(message) = self.session.refusal() else {
            return false;
        };
        self.workspace.last_action = Some("Read-only: nothing changed".into());
        self.workspace.notify(message);
        true
    }

    /// Commits a transaction applied to the current document.
    pub(crate) fn commit(&mut self, applied: Applied, change: Change) {
        if let Some(index) = self.workspace.current_index() {
            self.session.commit(&self.workspace, index, applied, change);
        }
    }

    fn select_and_reveal(&mut self, id: Option<SpanId>) {
        let Some(id) = id else { return };
        let range = self
            .workspace
            .current()
            .and_then(|o| o.doc.span(id))
            .map(|s| s.range);
        if let Some(range) = range {
            self.workspace.selection = Selection::Span(id);
            self.view.reveal(range);
        }
    }

    fn start_link(&mut self, role: Role) {
        let ws = &mut self.workspace;
        let Some(doc) = ws.current().map(|o| &o.doc) else {
            return;
        };
        let Some(id) = ws.selected_span() else {
            ws.last_action = Some("Select a quote first".into());
            return;
        };
        let content_of = doc.quotes().find(|q| q.content.contains(&id)).map(|q| q.id);
        let is_speaker = doc.span(id).is_some_and(|s| s.label == edits::SPEAKER);
        ws.mode = match (content_of, role) {
            (Some(quote), role) => Mode::LinkQuote { quote, role },
            (None, Role::Speaker) if is_speaker => Mode::LinkMention { mention: id },
            _ => {
                ws.last_action = Some("Select a quote (or a speaker mention) first".into());
                Mode::Normal
            }
        };
    }
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
