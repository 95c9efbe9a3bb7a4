//! Where projects live: a default project in the platform's data folder
//! (`~/.local/share/byline` on Linux, `~/Library/Application Support/…` on
//! macOS, `%APPDATA%\…` on Windows), and the list of recently opened projects
//! in its config folder (beside the engines this machine trusts, see
//! `trust.rs`). `BYLINE_HOME` moves both under one folder (portable
//! installs, tests).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::project::Project;

/// File extension of project files.
pub const PROJECT_EXTENSION: &str = "byline";

/// How many recent projects are remembered.
const RECENT_MAX: usize = 10;

/// The recent-projects file.
#[derive(Default, Serialize, Deserialize)]
struct Recent {
    recent: Vec<PathBuf>,
}

/// Byline's own folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places {
    /// Holds the default project.
    pub data: PathBuf,
    /// Holds the recent-projects list and the trusted engines.
    pub config: PathBuf,
}

impl Places {
    /// The platform's folders, or those under `BYLINE_HOME` when it is set.
    pub fn platform() -> Result<Self, StoreError> {
        if let Some(home) = std::env::var_os("BYLINE_HOME") {
            return Ok(Self::under(Path::new(&home)));
        }
        let dirs = directories::ProjectDirs::from("org", "Byline", "byline").ok_or_else(|| {
            StoreError::io(
                "find the data folder",
                "$HOME",
                std::io::Error::new(std::io::ErrorKind::NotFound, "no home folder is set"),
            )
        })?;
        Ok(Self {
            data: dirs.data_dir().to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
        })
    }

    /// Both folders under `root`.
    pub fn under(root: &Path) -> Self {
        Self {
            data: root.join("data"),
            config: root.join("config"),
        }
    }

    /// The project opened on first run.
    pub fn default_project(&self) -> PathBuf {
        self.data.join(format!("default.{PROJECT_EXTENSION}"))
    }

    fn recent_file(&self) -> PathBuf {
        self.config.join("recent.json")
    }

    /// Recently opened projects that still exist, most recent first. A
    /// missing or unreadable list is an empty one.
    pub fn recent(&self) -> Vec<PathBuf> {
        let list: Recent = std::fs::read_to_string(self.recent_file())
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        list.recent.into_iter().filter(|p| p.is_file()).collect()
    }

    /// Puts `project` at the top of the recent list.
    pub fn remember(&self, project: &Path) -> Result<(), StoreError> {
        let project = std::path::absolute(project)
            .map_err(|e| StoreError::io("resolve the project path", project, e))?;
        let mut recent = self.recent();
        recent.retain(|p| p != &project);
        recent.insert(0, project);
        recent.truncate(RECENT_MAX);
        self.write_config(
            &self.recent_file(),
            "write the recent projects",
            &Recent { recent },
        )
    }

    /// Writes `value` as JSON to `file` in the config folder, creating the
    /// folder; `what` names the write in errors.
    pub(super) fn write_config(
        &self,
        file: &Path,
        what: &'static str,
        value: &impl Serialize,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string_pretty(value)
            .map_err(|e| StoreError::io(what, file, e.into()))?;
        std::fs::create_dir_all(&self.config)
            .map_err(|e| StoreError::io("create the config folder", &self.config, e))?;
        // Write then rename, so a crash never leaves half a list.
        let partial = file.with_extension("json.partial");
        std::fs::write(&partial, json)
            .and_then(|()| std::fs::rename(&partial, file))
            .map_err(|e| StoreError::io(what, file, e))
    }

    /// The project to open when Byline starts without one: the most recent,
    /// or the default project (created on first run). It is remembered.
    pub fn startup(&self) -> Result<Project, StoreError> {
        let path = self
            .recent()
            .into_iter()
            .next()
            .unwrap_or_else(|| self.default_project());
        let project = Project::open_or_create(&path)?;
        self.remember(&path)?;
        Ok(project)
    }
}

/// The default project's path on this machine.
pub fn default_project_path() -> Result<PathBuf, StoreError> {
    Places::platform().map(|p| p.default_project())
}

/// Recently opened projects on this machine, most recent first.
pub fn recent_projects() -> Result<Vec<PathBuf>, StoreError> {
    Places::platform().map(|p| p.recent())
}

/// Records that `project` was opened.
pub fn remember_project(project: &Path) -> Result<(), StoreError> {
    Places::platform()?.remember(project)
}

/// Opens the project Byline starts with on this machine.
pub fn startup_project() -> Result<Project, StoreError> {
    Places::platform()?.startup()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_run_creates_the_default_then_reopens_the_last() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let first = places.startup().unwrap();
        assert_eq!(first.path(), places.default_project());
        drop(first);
        let other = home
            .path()
            .join("elsewhere")
            .join(format!("wire.{PROJECT_EXTENSION}"));
        drop(Project::create(&other).unwrap());
        places.remember(&other).unwrap();
        assert_eq!(places.recent(), [other.clone(), places.default_project()]);
        assert_eq!(places.startup().unwrap().path(), other);
        std::fs::remove_file(&other).unwrap();
        assert_eq!(places.recent(), [places.default_project()]);
    }

    #[test]
    fn a_broken_recent_list_is_an_empty_one() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        std::fs::create_dir_all(&places.config).unwrap();
        std::fs::write(places.config.join("recent.json"), "{not json").unwrap();
        assert!(places.recent().is_empty());
        let project = home.path().join(format!("a.{PROJECT_EXTENSION}"));
        drop(Project::create(&project).unwrap());
        places.remember(&project).unwrap();
        assert_eq!(places.recent(), [project]);
    }
}
