//! The keyboard: one table of shortcuts, read each frame into commands and
//! shown in the shortcut sheet and the menus, so the three never disagree.
//! Label keys come from the label set. Keys are read only while no text field
//! has focus — so letters typed into a field never fire a shortcut — except
//! the open and view shortcuts (Ctrl+O, Ctrl+Shift+O, Ctrl+L, Ctrl+F, F3,
//! F9, F10, Ctrl+T), which type nothing and work everywhere.

use egui::{Context, Event, FocusDirection, Key, KeyboardShortcut, Modifiers};

use crate::editor::edits::{Edge, Step};
use crate::editor::{Command, Purpose, Role, Side};
use crate::model::LabelSet;

/// One row of the shortcut sheet: the keys, what they do, and the command.
#[derive(Clone, Debug)]
pub struct Shortcut {
    /// Every key combination that triggers it, most specific first.
    pub keys: Vec<KeyboardShortcut>,
    /// What it does, for the sheet and menus.
    pub help: &'static str,
    /// The command it runs.
    pub command: Command,
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::NONE
};
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const CMD_ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::COMMAND
};

fn keys(list: &[(Modifiers, Key)]) -> Vec<KeyboardShortcut> {
    list.iter()
        .map(|&(m, k)| KeyboardShortcut::new(m, k))
        .collect()
}

fn row(list: &[(Modifiers, Key)], help: &'static str, command: Command) -> Shortcut {
    Shortcut {
        keys: keys(list),
        help,
        command,
    }
}

/// The editing and navigation shortcuts, most specific first (so that
/// Shift+A is tried before A, Ctrl+Shift+Z before Ctrl+Z).
pub fn table() -> Vec<Shortcut> {
    use Key::{
        A, ArrowLeft, ArrowRight, C, D, Delete, E, Enter, Escape, K, N, P, Q, S, Tab, X, Y, Z,
    };
    let resize =
        |m, k, help, edge, step, fwd| row(&[(m, k)], help, Command::Resize(edge, step, fwd));
    vec![
        row(&[(CMD_SHIFT, Z), (CMD, Y)], "Redo", Command::Redo),
        row(&[(CMD, Z)], "Undo", Command::Undo),
        row(&[(CMD, E)], "Export…", Command::Export),
        row(
            &[(CMD, Q)],
            "Quit (everything is saved already)",
            Command::Quit,
        ),
        row(
            &[(SHIFT, A)],
            "Accept all pending in the article",
            Command::AcceptAll,
        ),
        row(
            &[(NONE, Enter), (NONE, A)],
            "Accept the selected suggestion",
            Command::Accept,
        ),
        row(
            &[(NONE, X), (NONE, Delete)],
            "Reject (or delete) the selected span",
            Command::Reject,
        ),
        row(
            &[(SHIFT, Tab)],
            "Previous pending suggestion",
            Command::PrevPending,
        ),
        row(
            &[(NONE, Tab)],
            "Next pending suggestion",
            Command::NextPending,
        ),
        resize(
            CMD_ALT_SHIFT,
            ArrowLeft,
            "Start edge one token left",
            Edge::Start,
            Step::Token,
            false,
        ),
        resize(
            CMD_ALT_SHIFT,
            ArrowRight,
            "Start edge one token right",
            Edge::Start,
            Step::Token,
            true,
        ),
        resize(
            CMD_SHIFT,
            ArrowLeft,
            "End edge one token left",
            Edge::End,
            Step::Token,
            false,
        ),
        resize(
            CMD_SHIFT,
            ArrowRight,
            "End edge one token right",
            Edge::End,
            Step::Token,
            true,
        ),
        resize(
            ALT_SHIFT,
            ArrowLeft,
            "Start edge one character left",
            Edge::Start,
            Step::Char,
            false,
        ),
        resize(
            ALT_SHIFT,
            ArrowRight,
            "Start edge one character right",
            Edge::Start,
            Step::Char,
            true,
        ),
        resize(
            SHIFT,
            ArrowLeft,
            "End edge one character left",
            Edge::End,
            Step::Char,
            false,
        ),
        resize(
            SHIFT,
            ArrowRight,
            "End edge one character right",
            Edge::End,
            Step::Char,
            true,
        ),
        row(
            &[(NONE, S)],
            "Link the selected quote to its speaker (then click it)",
            Command::StartLink(Role::Speaker),
        ),
        row(
            &[(NONE, C)],
            "Link the selected quote to its cue (then click it)",
            Command::StartLink(Role::Cue),
        ),
        row(
            &[(NONE, K)],
            "Next quote kind (direct, indirect, partial, mixed)",
            Command::CycleQuoteKind,
        ),
        row(
            &[(NONE, D)],
            "Mark the article done and open the next (asks about pending suggestions)",
            Command::MarkDone,
        ),
        row(
            &[(NONE, N)],
            "Open the next document",
            Command::NextDocument,
        ),
        row(
            &[(NONE, P)],
            "Open the previous document",
            Command::PrevDocument,
        ),
        row(
            &[(NONE, Escape)],
            "Cancel linking, or clear the selection",
            Command::Escape,
        ),
    ]
}

/// The shortcuts that open articles, most specific first (Ctrl+Shift+O
/// before Ctrl+O); shown in the File menu, not in the sheet.
pub fn open_table() -> Vec<Shortcut> {
    vec![
        row(
            &[(CMD_SHIFT, Key::O)],
            "Open a folder of articles",
            Command::PickPath(Purpose::Folder),
        ),
        row(
            &[(CMD, Key::O)],
            "Open articles",
            Command::PickPath(Purpose::Files),
        ),
        row(
            &[(CMD, Key::L)],
            "Type a path to open",
            Command::AskPath(Purpose::AnyPath),
        ),
    ]
}

/// The shortcuts of the find bar, the side panels and the theme, most
/// specific first; shown in the View menu and the sheet.
pub fn view_table() -> Vec<Shortcut> {
    use Key::{F, F3, F9, F10, T};
    vec![
        row(&[(CMD, F)], "Find in the article", Command::OpenFind),
        row(&[(SHIFT, F3)], "Previous match", Command::FindPrevious),
        row(&[(NONE, F3)], "Next match", Command::FindNext),
        row(
            &[(NONE, F9)],
            "Show or hide the document list",
            Command::TogglePanel(Side::Documents),
        ),
        row(
            &[(NONE, F10)],
            "Show or hide the inspector",
            Command::TogglePanel(Side::Inspector),
        ),
        row(&[(CMD, T)], "Switch dark and light", Command::ToggleTheme),
    ]
}

/// Reads this frame's open and view shortcuts into commands, consuming
/// them, even while a text field has focus.
pub fn read_always(ctx: &Context) -> Vec<Command> {
    ctx.input_mut(|input| {
        (open_table().into_iter().chain(view_table()))
            .filter(|s| s.keys.iter().any(|k| input.consume_shortcut(k)))
            .map(|s| s.command)
            .collect()
    })
}

/// The key that types `c`, for label shortcuts.
fn key_for(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

/// One shortcut per label that has a key.
pub fn label_table(labels: &LabelSet) -> Vec<Shortcut> {
    labels
        .labels
        .iter()
        .filter_map(|l| {
            let key = key_for(l.key.as_deref()?.chars().next()?)?;
            Some(Shortcut {
                keys: keys(&[(NONE, key)]),
                help: "Label the selection",
                command: Command::ApplyLabel(l.name.clone()),
            })
        })
        .collect()
}

/// Reads this frame's key presses into commands, consuming them. Does nothing
/// while a text field has keyboard focus.
pub fn read(ctx: &Context, labels: &LabelSet) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let tab = ctx.input(|i| i.key_pressed(Key::Tab));
    if tab {
        // Tab walks suggestions here, not egui's widget focus.
        ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
    }
    ctx.input_mut(|input| {
        for shortcut in table().into_iter().chain(label_table(labels)) {
            for key in &shortcut.keys {
                let count = input.count_and_consume_key(key.modifiers, key.logical_key);
                out.extend(std::iter::repeat_n(shortcut.command.clone(), count));
            }
        }
        let question = input.count_and_consume_key(Modifiers::NONE, Key::Questionmark);
        let typed = input
            .events
            .iter()
            .filter(|e| matches!(e, Event::Text(t) if t == "?"))
            .count();
        if question > 0 || typed > 0 {
            out.push(Command::ToggleShortcuts);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_key_gets_a_shortcut() {
        let labels = LabelSet::builtin();
        let table = label_table(&labels);
        let with_keys = labels.labels.iter().filter(|l| l.key.is_some()).count();
        assert_eq!(table.len(), with_keys);
        assert_eq!(table[0].keys[0].logical_key, Key::Num1);
    }

    #[test]
    fn no_two_rows_share_a_key() {
        let table: Vec<Shortcut> = (table().into_iter())
            .chain(open_table())
            .chain(view_table())
            .collect();
        let mut seen = Vec::new();
        for key in table.iter().flat_map(|s| s.keys.iter()) {
            assert!(!seen.contains(key), "{key:?} bound twice");
            seen.push(*key);
        }
    }
}
