//! The menu bar. Every item pushes a command — the File menu's dialogs
//! included — and names its shortcut from the same tables the keyboard
//! reads.

use egui::{Button, Ui};

use crate::app::side_panels::{SidePanels, Visibility};
use crate::app::{keys, theme};
use crate::editor::{Command, Purpose, Session, Side, Theme};
use crate::model::{AttributionClass, ClassSet, Interrupted};

/// The shortcut text of a command, if a table binds one.
fn shortcut_of(ui: &Ui, command: &Command) -> String {
    (keys::table().into_iter())
        .chain(keys::open_table())
        .chain(keys::view_table())
        .find(|s| &s.command == command)
        .and_then(|s| s.keys.first().map(|k| ui.ctx().format_shortcut(k)))
        .unwrap_or_default()
}

/// A menu item that pushes `command` and shows its shortcut.
pub fn item(ui: &mut Ui, text: &str, command: Command, cmds: &mut Vec<Command>) {
    let shortcut = shortcut_of(ui, &command);
    if ui.add(Button::new(text).shortcut_text(shortcut)).clicked() {
        cmds.push(command);
        ui.close();
    }
}

/// The project's settings the menus show: how "next article" goes, how
/// interrupted quotes are suggested and which attribution classes.
pub struct Settings {
    /// "Next article" favours the articles the learned model is least sure of.
    pub least_sure_first: bool,
    /// How an interrupted quote is suggested.
    pub interrupted: Interrupted,
    /// The attribution classes suggested.
    pub classes: ClassSet,
}

/// Shows the menu bar; `session` lists the recent projects, `shown` says
/// which side panels were toggled and whether the find bar is open.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    shown: (SidePanels, bool),
    settings: &Settings,
    cmds: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, session, cmds));
        ui.menu_button("Edit", |ui| {
            item(ui, "Undo", Command::Undo, cmds);
            item(ui, "Redo", Command::Redo, cmds);
            ui.separator();
            item(ui, "Accept", Command::Accept, cmds);
            item(ui, "Reject", Command::Reject, cmds);
            item(ui, "Accept all pending", Command::AcceptAll, cmds);
            item(ui, "Suggest again", Command::SuggestAgain, cmds);
            item(ui, "Next quote kind", Command::CycleQuoteKind, cmds);
            ui.separator();
            classes_menu(ui, settings.classes, cmds);
            interrupted_menu(ui, settings.interrupted, cmds);
        });
        ui.menu_button("View", |ui| view_menu(ui, shown, cmds));
        ui.menu_button("Go", |ui| {
            item(ui, "Next suggestion", Command::NextPending, cmds);
            item(ui, "Previous suggestion", Command::PrevPending, cmds);
            ui.separator();
            item(ui, "Next document", Command::NextDocument, cmds);
            item(ui, "Previous document", Command::PrevDocument, cmds);
            item(ui, "Done, next article", Command::MarkDone, cmds);
            ui.separator();
            least_sure_item(ui, settings.least_sure_first, cmds);
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(Button::new("Keyboard shortcuts").shortcut_text("?"))
                .clicked()
            {
                cmds.push(Command::ToggleShortcuts);
                ui.close();
            }
        });
    });
}

/// The View menu: find, the side panels, the theme.
fn view_menu(ui: &mut Ui, (panels, finding): (SidePanels, bool), cmds: &mut Vec<Command>) {
    if !finding {
        item(ui, "Find in article…", Command::OpenFind, cmds);
    } else {
        item(ui, "Close the find bar", Command::CloseFind, cmds);
    }
    ui.separator();
    let hidden = |v: Visibility| v == Visibility::Hidden;
    let documents = if hidden(panels.documents) {
        "Show the document list"
    } else {
        "Show or hide the document list"
    };
    item(ui, documents, Command::TogglePanel(Side::Documents), cmds);
    let inspector = if hidden(panels.inspector) {
        "Show the inspector"
    } else {
        "Show or hide the inspector"
    };
    item(ui, inspector, Command::TogglePanel(Side::Inspector), cmds);
    ui.separator();
    let current = theme::choice::current(ui.ctx());
    ui.menu_button("Theme", |ui| {
        for theme in Theme::ALL {
            if ui.radio(current == theme, theme.name()).clicked() {
                cmds.push(Command::SetTheme(theme));
                ui.close();
            }
        }
        ui.separator();
        item(ui, "Switch dark and light", Command::ToggleTheme, cmds);
    });
}

/// The choice of what "next article" shows: the next in the project, or
/// the one the learned model is least sure of.
fn least_sure_item(ui: &mut Ui, least_sure_first: bool, cmds: &mut Vec<Command>) {
    let mut on = least_sure_first;
    let hint = "Next article (N, and after D) goes to the article the learned model \
                is least sure of, once it has learned from 20 reviewed articles";
    if ui
        .checkbox(&mut on, "Least sure article next")
        .on_hover_text(hint)
        .changed()
    {
        cmds.push(Command::LeastSureFirst(on));
        ui.close();
    }
}

/// The choice of which attribution classes the project's engines suggest:
/// a box per class, the last one ticked left on.
fn classes_menu(ui: &mut Ui, current: ClassSet, cmds: &mut Vec<Command>) {
    let hint = "Which attributions are suggested: what people said or wrote (what quote \
                datasets hold), and also beliefs, stances or findings (PolNeAR-style \
                sets). Kept in the project; applies to suggestions made from now on";
    ui.menu_button("Quote classes", |ui| {
        for class in AttributionClass::ALL {
            let mut on = current.contains(class);
            let last = on && current.toggled(class).is_empty();
            let text = format!("{} ({})", class.as_str(), class.examples());
            let tick = ui.add_enabled(!last, egui::Checkbox::new(&mut on, text));
            if tick.on_hover_text(hint).changed() {
                cmds.push(Command::SetQuoteClasses(current.toggled(class)));
            }
        }
    })
    .response
    .on_hover_text(hint);
}

/// The choice of how the project's rules engine suggests an interrupted
/// quote; it applies to suggestions made after it.
fn interrupted_menu(ui: &mut Ui, current: Interrupted, cmds: &mut Vec<Command>) {
    let hint = "How an interrupted quote (“A,” she said. “B.”) is suggested: one quote \
                with two content parts, or one quote per segment, the segments linked. \
                Kept in the project; applies to suggestions made from now on, not to \
                quotes already suggested";
    ui.menu_button("Interrupted quotes", |ui| {
        for how in Interrupted::ALL {
            if ui
                .radio(how == current, how.describe())
                .on_hover_text(hint)
                .clicked()
            {
                cmds.push(Command::SetInterruptedQuotes(how));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(hint);
}

/// The File menu: projects, articles, export, quit.
fn file_menu(ui: &mut Ui, session: &Session, cmds: &mut Vec<Command>) {
    let pick = Command::PickPath;
    item(ui, "New project…", pick(Purpose::NewProject), cmds);
    item(ui, "Open project…", pick(Purpose::OpenProject), cmds);
    ui.menu_button("Recent projects", |ui| {
        let recent = session.recent();
        if recent.is_empty() {
            ui.weak("None yet");
        }
        for path in recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let item = ui
                .add(Button::new(name))
                .on_hover_text(path.display().to_string());
            if item.clicked() {
                cmds.push(Command::OpenProject(path));
                ui.close();
            }
        }
    });
    item(ui, "Save project as…", pick(Purpose::SaveProjectAs), cmds);
    ui.separator();
    item(ui, "Open files…", pick(Purpose::Files), cmds);
    item(ui, "Open folder…", pick(Purpose::Folder), cmds);
    item(ui, "Open path…", Command::AskPath(Purpose::AnyPath), cmds);
    ui.separator();
    item(ui, "Export…", Command::Export, cmds);
    ui.separator();
    item(ui, "Quit", Command::Quit, cmds);
}
