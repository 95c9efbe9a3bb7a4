//! Asking the editor for a path: a native dialog on its own thread (rfd blocks
//! the thread it runs on), and a path field for desktops where rfd has no
//! dialog to show — it then returns nothing, silently, which is also what a
//! cancel looks like, so the field is offered after either. Every answer
//! becomes the [`Command`] it stands for ([`Command::chosen`]).

mod native;
mod path_field;

use egui::Context;

use self::native::Picking;
pub use self::native::pick_destination;
use self::path_field::PathField;
use crate::editor::{Command, Purpose};

/// The native dialog waiting for an answer, and the path field, if shown.
#[derive(Default)]
pub struct Dialogs {
    picking: Option<Picking>,
    path_field: Option<PathField>,
    /// True when native dialogs are not tried (tests: a desktop without a
    /// dialog service, where they show nothing).
    no_native: bool,
}

impl Dialogs {
    /// Never tries a native dialog: the path field shows at once, as after
    /// a dialog that showed nothing.
    pub fn disable_native(&mut self) {
        self.no_native = true;
    }

    /// Opens a native dialog for `purpose` (unless one is open already);
    /// its answer arrives in a later [`Dialogs::poll`].
    pub fn pick(&mut self, purpose: Purpose, ctx: &Context) {
        if self.no_native {
            self.path_field = Some(PathField::after_empty_dialog(purpose));
        } else if self.picking.is_none() {
            self.picking = Some(Picking::start(purpose, ctx));
        }
    }

    /// Shows the path field for `purpose`.
    pub fn ask(&mut self, purpose: Purpose) {
        self.path_field = Some(PathField::new(purpose, purpose.prompt()));
    }

    /// True while the path field has the keyboard.
    pub fn modal_open(&self) -> bool {
        self.path_field.is_some()
    }

    /// The command a native dialog answered with, once it closed; after an
    /// empty answer the path field is shown instead.
    pub fn poll(&mut self) -> Option<Command> {
        let picking = self.picking.as_ref()?;
        let paths = picking.poll()?;
        let purpose = picking.purpose;
        self.picking = None;
        if paths.is_empty() {
            self.path_field = Some(PathField::after_empty_dialog(purpose));
            return None;
        }
        Command::chosen(purpose, paths)
    }

    /// Draws the path field, if shown; the command a confirmed path stands for.
    pub fn ui(&mut self, ctx: &Context) -> Option<Command> {
        let field = self.path_field.as_mut()?;
        let purpose = field.purpose;
        let path = field.ui(ctx)?;
        self.path_field = None;
        Command::chosen(purpose, vec![path?])
    }
}
