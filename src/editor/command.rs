//! Everything the editor can ask for, as a [`Command`], and what the view must
//! do after one ran, as an [`Effect`]. The window turns every key, click and
//! menu item into a command; [`crate::editor::Editor::run`] carries it out
//! (annotation changes become transactions applied through the history and
//! committed to the project) and answers with the effect, if any, so the
//! whole path from a command to the model is tested without a window.

use std::path::PathBuf;

use crate::editor::edits::{Edge, Step};
use crate::editor::purpose::Purpose;
use crate::editor::selection::Role;
use crate::editor::work::Task;
use crate::formats::ExportFormat;
use crate::model::{
    AttributionClass, ByteRange, ClassSet, DocStatus, Interrupted, QuoteId, QuoteKind, SpanId,
};

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
    /// Set what a quote's attribution reports.
    SetQuoteClass(QuoteId, AttributionClass),
    /// Step the selected quote's kind to the next one.
    CycleQuoteKind,
    /// Undo the last change of this article.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Mark the article done, asking first (as [`Effect::AskDone`]) what to
    /// do with suggestions still pending; without any, as [`Command::DoneAndNext`].
    MarkDone,
    /// Mark the article done and show the next one not done; suggestions
    /// still pending stay pending, and are not gold.
    DoneAndNext,
    /// Accept every pending suggestion, mark the article done, show the next.
    AcceptAllAndDone,
    /// Reject every pending suggestion, mark the article done, show the next.
    RejectAllAndDone,
    /// Set the article's status.
    SetStatus(DocStatus),
    /// Replace the article's pending suggestions with what the engines
    /// propose now (the learned model's, once trusted).
    SuggestAgain,
    /// Suggest an interrupted quote (`“A,” she said. “B.”`) this way from
    /// now on, and keep the choice in the project.
    SetInterruptedQuotes(Interrupted),
    /// Suggest the attributions of these classes from now on (never none),
    /// and keep the choice in the project.
    SetQuoteClasses(ClassSet),
    /// Let "next article" favour the articles the learned model is least
    /// sure of (true), or follow the project's order (false).
    LeastSureFirst(bool),
    /// Show or hide the shortcut sheet.
    ToggleShortcuts,
    /// Open the export dialog.
    Export,
    /// Write the documents (all, or only those done) in `format` to `path`.
    ExportTo {
        /// The export format.
        format: ExportFormat,
        /// Only the documents marked done.
        only_done: bool,
        /// The file (or, for brat, the folder) to write.
        path: PathBuf,
    },
    /// Ask for a path with the native dialog (the path field when it gives nothing).
    PickPath(Purpose),
    /// Ask for a path with the path field.
    AskPath(Purpose),
    /// Read these files and folders in the background and add their articles.
    OpenPaths(Vec<PathBuf>),
    /// Open this project.
    OpenProject(PathBuf),
    /// Create a project here and open it.
    NewProject(PathBuf),
    /// Write the window's work to a new project here and continue there.
    SaveProjectAs(PathBuf),
    /// Try again to write what the project refused.
    RetrySave,
    /// Clear the notices.
    DismissNotices,
    /// Stop a kind of background work (what it finished stays).
    Cancel(Task),
    /// Show the find bar over the article.
    OpenFind,
    /// Find this text in the shown article.
    Find(String),
    /// Make the next match current.
    FindNext,
    /// Make the previous match current.
    FindPrevious,
    /// Label every whole-word match as a pending suggestion of this label.
    LabelAllFound(String),
    /// Close the find bar and forget the search.
    CloseFind,
    /// List only the documents whose text (or title, or file) holds these words.
    SearchDocuments(String),
    /// Use this theme.
    SetTheme(Theme),
    /// Switch what the window looks like: dark to light, light to dark.
    ToggleTheme,
    /// Show or hide a side panel.
    TogglePanel(Side),
    /// Close the window (every change is saved already).
    Quit,
}

/// The window's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Whatever the desktop uses (dark when it does not say).
    #[default]
    System,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Dark, Self::Light];

    /// The name in the View menu.
    pub fn name(self) -> &'static str {
        match self {
            Self::System => "Follow the system",
            Self::Dark => "Dark",
            Self::Light => "Light",
        }
    }
}

/// A side panel of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The document list, on the left.
    Documents,
    /// The inspector and the quote ledger, on the right.
    Inspector,
}

/// What the view must do after a command ran or the editor polled its work.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Scroll this range of the shown document into view.
    Reveal(ByteRange),
    /// Scroll so the line holding this byte is at the top: where the reader
    /// left the document last time.
    Restore(usize),
    /// Show or hide the shortcut sheet.
    ToggleShortcuts,
    /// Open the export dialog.
    OpenExport,
    /// An export ran: what was written, or why nothing was.
    Exported(String),
    /// Open the native dialog asking for a path for this purpose.
    PickPath(Purpose),
    /// Show the path field asking for a path for this purpose.
    AskPath(Purpose),
    /// Another project replaced the documents: forget what the view cached
    /// about the old ones, and title the window.
    ProjectOpened {
        /// The window title naming the project.
        title: String,
    },
    /// Ask what to do with the suggestions still pending in the article
    /// before marking it done: accept them ([`Command::AcceptAllAndDone`]),
    /// reject them ([`Command::RejectAllAndDone`]) or leave them
    /// ([`Command::DoneAndNext`]).
    AskDone {
        /// Spans and quotes still pending.
        pending: usize,
    },
    /// Show the find bar and give it the keyboard.
    OpenFind,
    /// Hide the find bar.
    CloseFind,
    /// Use this theme.
    SetTheme(Theme),
    /// Switch to the light theme if the window looks dark, else to the dark.
    ToggleTheme,
    /// Show or hide a side panel.
    TogglePanel(Side),
    /// Close the window.
    Quit,
}

impl Command {
    /// The command that paths chosen for `purpose` stand for: articles are
    /// opened; a project path (the first one) is opened, created or saved
    /// to. `None` when nothing was chosen.
    pub fn chosen(purpose: Purpose, paths: Vec<PathBuf>) -> Option<Self> {
        let project = paths.first().cloned().map(|p| purpose.finish(p));
        match purpose {
            _ if paths.is_empty() => None,
            Purpose::Files | Purpose::Folder | Purpose::AnyPath => Some(Self::OpenPaths(paths)),
            Purpose::OpenProject => project.map(Self::OpenProject),
            Purpose::NewProject => project.map(Self::NewProject),
            Purpose::SaveProjectAs => project.map(Self::SaveProjectAs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_path_becomes_the_command_it_stands_for() {
        let paths = vec![PathBuf::from("wire/zürich.txt"), PathBuf::from("北京")];
        assert_eq!(
            Command::chosen(Purpose::Files, paths.clone()),
            Some(Command::OpenPaths(paths))
        );
        assert_eq!(
            Command::chosen(Purpose::NewProject, vec![PathBuf::from("/tmp/Ødegård")]),
            Some(Command::NewProject(PathBuf::from("/tmp/Ødegård.byline")))
        );
        assert_eq!(
            Command::chosen(Purpose::OpenProject, vec![PathBuf::from("old")]),
            Some(Command::OpenProject(PathBuf::from("old"))),
            "an existing project is opened as named"
        );
        assert_eq!(
            Command::chosen(Purpose::SaveProjectAs, vec![PathBuf::from("r.db")]),
            Some(Command::SaveProjectAs(PathBuf::from("r.db")))
        );
        assert_eq!(Command::chosen(Purpose::Folder, Vec::new()), None);
    }
}
