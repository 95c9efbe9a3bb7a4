//! What a path the editor is asked for is for: articles to add, a project to
//! open or create, or where to save the work as a new project. The window
//! asks (a native dialog, or a path field where the desktop has none) and
//! turns the answer into the command it stands for
//! ([`crate::editor::Command::chosen`]).

use std::path::PathBuf;

use crate::store::PROJECT_EXTENSION;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Articles to add.
    Files,
    /// A folder of articles to add.
    Folder,
    /// A file or folder typed in the path field.
    AnyPath,
    /// A project to open.
    OpenProject,
    /// Where to create a new project.
    NewProject,
    /// Where to write the window's work as a new project.
    SaveProjectAs,
}

impl Purpose {
    /// The title of the dialog asking for it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Files => "Open articles",
            Self::Folder => "Open a folder of articles",
            Self::AnyPath => "Open path",
            Self::OpenProject => "Open project",
            Self::NewProject => "New project",
            Self::SaveProjectAs => "Save project as",
        }
    }

    /// The note above the path field.
    pub fn prompt(self) -> &'static str {
        match self {
            Self::Files | Self::Folder | Self::AnyPath => "A file or folder to open:",
            Self::OpenProject => "A project file (.byline) to open:",
            Self::NewProject => "Where to create the new project (.byline):",
            Self::SaveProjectAs => "Where to save this window's work as a new project (.byline):",
        }
    }

    /// The confirm button of the path field.
    pub fn confirm(self) -> &'static str {
        match self {
            Self::NewProject => "Create",
            Self::SaveProjectAs => "Save",
            _ => "Open",
        }
    }

    /// Whether the answer names a project file (which gets its extension).
    pub fn is_project(self) -> bool {
        matches!(
            self,
            Self::OpenProject | Self::NewProject | Self::SaveProjectAs
        )
    }

    /// The path as the purpose needs it: a new project file gets `.byline`.
    pub fn finish(self, path: PathBuf) -> PathBuf {
        let creates = matches!(self, Self::NewProject | Self::SaveProjectAs);
        if creates && path.extension().is_none() {
            path.with_extension(PROJECT_EXTENSION)
        } else {
            path
        }
    }
}
