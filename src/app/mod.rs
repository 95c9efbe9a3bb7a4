//! The annotator window — the only code that knows egui. [`BylineApp`] is the
//! shell around an [`Editor`] (the egui-free core in `crate::editor`): each
//! frame it lays out the panels around the article, draws the editor's state,
//! turns keys, clicks, menu items, dialog answers and dropped files into
//! [`Command`]s, and at the end of the frame hands them to the editor in
//! order, doing what each returned [`Effect`] says (scroll, open a dialog,
//! quit). It never changes a document itself. [`run`] opens the window.

pub mod dialogs;
pub mod done;
pub mod export;
pub mod fonts;
pub mod keys;
pub mod panels;
pub mod side_panels;
pub mod text_view;
pub mod theme;

use std::sync::Arc;
use std::time::Duration;

use egui::{CentralPanel, Context, Panel, Ui, ViewportCommand};

use self::dialogs::Dialogs;
use self::done::DoneDialog;
use self::export::ExportDialog;
use self::panels::{
    banner, documents::DocumentList, drop_hint, find_bar::FindBar, inspector, ledger, menu,
    notices, palette, shortcuts, status,
};
use self::side_panels::SidePanels;
use self::text_view::TextView;
use crate::editor::{Command, Editor, Effect, Launch, Places, Task, ViewPosition, Wake, startup};

/// How often the window looks at a load's progress while articles are read.
const LOADING_REPAINT: Duration = Duration::from_millis(100);
/// Share of the right panel's height the inspector may take before it
/// scrolls; the quote ledger gets the rest. Enough for a selected quote's
/// facts (kind, class, speaker, cue) on a 600-pixel-high window.
const INSPECTOR_SHARE: f32 = 0.62;

/// The annotator: the editor and the state of every panel.
pub struct BylineApp {
    editor: Editor,
    view: TextView,
    documents: DocumentList,
    dialogs: Dialogs,
    exporter: ExportDialog,
    done: DoneDialog,
    find_bar: FindBar,
    /// Which side panels show, as the editor toggled them.
    panels: SidePanels,
    show_shortcuts: bool,
    /// Whether the editor's background work wakes this window's context yet.
    woken: bool,
}

impl BylineApp {
    /// A window over `editor`.
    pub fn new(editor: Editor) -> Self {
        Self {
            editor,
            view: TextView::default(),
            documents: DocumentList::default(),
            dialogs: Dialogs::default(),
            exporter: ExportDialog::default(),
            done: DoneDialog::default(),
            find_bar: FindBar::default(),
            panels: SidePanels::default(),
            show_shortcuts: false,
            woken: false,
        }
    }

    /// A window whose native file dialogs show nothing, as on a desktop
    /// without a dialog service: tests use it to take the fallbacks.
    pub fn without_native_dialogs(mut self) -> Self {
        self.dialogs.disable_native();
        self.exporter.disable_native();
        self
    }

    /// Characters the widest line of the article held in the last frame.
    pub fn article_chars(&self) -> usize {
        self.view.chars_per_line()
    }

    /// Whether the find bar shows.
    pub fn find_bar_open(&self) -> bool {
        self.find_bar.is_open()
    }

    /// The editor behind the window: documents, selection, project.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The editor, mutably: tests and benchmarks set a scene up with it.
    pub fn editor_mut(&mut self) -> &mut Editor {
        &mut self.editor
    }

    /// Where the reader is in the shown document, as drawn last frame.
    pub fn view_position(&self) -> Option<ViewPosition> {
        self.view.position().map(|(_, position)| position)
    }

    /// Where the character at byte `offset` of the current document was drawn
    /// in the last frame, if it was visible.
    pub fn glyph_rect(&self, offset: usize) -> Option<egui::Rect> {
        let text = self.editor.workspace().current()?.doc.text();
        self.view.glyph_rect(text, offset)
    }

    /// Whether the shortcut sheet is showing.
    pub fn shortcuts_shown(&self) -> bool {
        self.show_shortcuts
    }

    /// Runs one command now, as the end of a frame does, and does what the
    /// editor answers.
    pub fn run_command(&mut self, ctx: &Context, cmd: Command) {
        self.wake_with(ctx);
        if let Some(effect) = self.editor.run(cmd) {
            self.apply(ctx, effect);
        }
    }

    /// Draws one frame into `ui` and then runs the commands it collected.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.wake_with(&ctx);
        for effect in self.editor.poll() {
            self.apply(&ctx, effect);
        }
        let mut cmds: Vec<Command> = self.dialogs.poll().into_iter().collect();
        if self.editor.loading().is_some() {
            ctx.request_repaint_after(LOADING_REPAINT);
        }
        if !self.dialogs.modal_open() && !self.exporter.is_open() && !self.done.is_open() {
            cmds.extend(keys::read(&ctx, &self.editor.workspace().labels));
            cmds.extend(keys::read_always(&ctx));
        }
        self.panels(ui, &mut cmds);
        drop_hint::ui(&ctx, &mut cmds);
        cmds.extend(self.dialogs.ui(&ctx));
        let ws = self.editor.workspace();
        let exporting = self
            .editor
            .work()
            .into_iter()
            .find(|w| w.task == Task::Exporting);
        self.exporter.ui(&ctx, ws, exporting.as_ref(), &mut cmds);
        self.done.ui(&ctx, &mut cmds);
        notices::ui(&ctx, &ws.notices, &mut cmds);
        self.editor.report_place(self.view.position());
        for cmd in cmds {
            self.run_command(&ctx, cmd);
        }
        if let Some(wait) = self.editor.keep_place(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(wait);
        }
    }

    /// The menu, banner, status bar, side panels and the article.
    fn panels(&mut self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let editor = &self.editor;
        let (ws, session) = (editor.workspace(), editor.session());
        let shown = (self.panels, self.find_bar.is_open());
        let settings = menu::Settings {
            least_sure_first: editor.learning().least_sure_first(),
            interrupted: editor.interrupted_quotes(),
            classes: editor.quote_classes(),
        };
        Panel::top("menu").show(ui, |ui| menu::ui(ui, session, shown, &settings, cmds));
        let opening = editor.opening();
        if banner::shown(session, opening) {
            Panel::top("banner").show(ui, |ui| banner::ui(ui, session, opening, cmds));
        }
        let work = editor.work();
        Panel::bottom("status").show(ui, |ui| status::ui(ui, ws, &work, session.path(), cmds));
        let window = ui.ctx().content_rect().width();
        let article = self.view.needed_width(ui);
        let widths = self.panels.widths(window, article);
        let room = (window - article).max(0.0);
        if let Some(width) = widths.documents {
            let most = (room - widths.inspector.unwrap_or(0.0)).max(width);
            Panel::left("documents")
                .resizable(true)
                .default_size(width)
                .size_range(side_panels::DOCUMENTS_MIN.min(width)..=most)
                .show(ui, |ui| {
                    self.documents.ui(ui, ws, editor.text_search(), cmds)
                });
        }
        if let Some(width) = widths.inspector {
            let most = (room - widths.documents.unwrap_or(0.0)).max(width);
            Panel::right("inspector")
                .resizable(true)
                .default_size(width)
                .size_range(side_panels::INSPECTOR_MIN.min(width)..=most)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("inspector")
                        .max_height(ui.available_height() * INSPECTOR_SHARE)
                        .show(ui, |ui| inspector::ui(ui, ws, cmds));
                    ui.separator();
                    ledger::ui(ui, ws, cmds);
                });
        }
        let (view, find_bar) = (&mut self.view, &mut self.find_bar);
        CentralPanel::default().show(ui, |ui| {
            find_bar.ui(ui, ws, editor.find(), cmds);
            if ws.current().is_some() {
                palette::ui(ui, ws, cmds);
                ui.separator();
            }
            view.ui(ui, ws, editor.find(), cmds);
        });
        shortcuts::ui(ui.ctx(), &mut self.show_shortcuts, &ws.labels);
    }

    /// Does what the editor asked of the view.
    fn apply(&mut self, ctx: &Context, effect: Effect) {
        match effect {
            Effect::Reveal(range) => self.view.reveal(range),
            Effect::Restore(offset) => self.view.restore(offset),
            Effect::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Effect::OpenExport => self.exporter.open(),
            Effect::AskDone { pending } => self.done.open(pending),
            Effect::Exported(outcome) => self.exporter.show_outcome(outcome),
            Effect::PickPath(purpose) => self.dialogs.pick(purpose, ctx),
            Effect::AskPath(purpose) => self.dialogs.ask(purpose),
            Effect::ProjectOpened { title } => {
                ctx.send_viewport_cmd(ViewportCommand::Title(title));
                self.view = TextView::default();
                self.documents.forget();
                self.find_bar.close();
            }
            Effect::OpenFind => self.find_bar.open(self.editor.find().query()),
            Effect::CloseFind => self.find_bar.close(),
            Effect::SetTheme(theme) => theme::choice::set(ctx, theme),
            Effect::ToggleTheme => theme::choice::set(ctx, theme::choice::toggled(ctx)),
            Effect::TogglePanel(side) => {
                let window = ctx.content_rect().width();
                self.panels
                    .toggle(side, window, self.view.last_needed_width());
            }
            Effect::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    /// Has the editor's background work repaint this window when it delivers.
    fn wake_with(&mut self, ctx: &Context) {
        if !self.woken {
            self.editor.set_wake(repaint(ctx));
            self.woken = true;
        }
    }
}

impl eframe::App for BylineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        BylineApp::ui(self, ui);
    }
}

/// A wake that repaints `ctx`.
fn repaint(ctx: &Context) -> Wake {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

/// Opens the annotator window as `launch` asks (see [`startup`]): a project,
/// then the files to add to it. Returns when the window is closed.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let places = Places::platform().map_err(|e| e.to_string());
    let plan = startup::plan(launch, places.as_ref().map_err(Clone::clone))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Byline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Byline",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let editor = Editor::launch(plan, places.ok(), repaint(&cc.egui_ctx));
            Ok(Box::new(BylineApp::new(editor)))
        }),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the window: {err}"))
}
