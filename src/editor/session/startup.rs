//! Which project the window opens on start, and what it adds to it:
//! `--project FILE` or a `.byline` argument opens (or creates) that project
//! (no home folder needed); otherwise the last project opened, or on first
//! run the default project in the platform's data folder, filled with the
//! sample articles embedded in the binary (`formats::samples`). Article arguments are added to whichever project opens.

use std::path::PathBuf;

use super::opening::OpenMode;
use crate::store::{PROJECT_EXTENSION, Places};

/// What the window was asked to open, from the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    /// The project named by `--project`.
    pub project: Option<PathBuf>,
    /// Articles and folders to add, or a `.byline` project file.
    pub paths: Vec<PathBuf>,
}

/// The decided start: a project to open, then files to add to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The project file.
    pub project: PathBuf,
    /// How to open it.
    pub mode: OpenMode,
    /// Files and folders to add once it is open.
    pub import: Vec<PathBuf>,
    /// True on a first run: the bundled samples are added once it is open.
    pub samples: bool,
    /// Things the editor should know (extra project arguments ignored).
    pub notes: Vec<String>,
}

/// True for a path that names a project file.
pub fn is_project_file(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(PROJECT_EXTENSION))
}

/// Decides the start for `launch`; the bundled samples are added to a
/// default project created now, when no files were given. `places` (the home folder's data
/// and config folders) is only needed when no project is named; without it
/// the error says to name one.
pub fn plan(launch: Launch, places: Result<&Places, String>) -> Result<Plan, String> {
    let (projects, import): (Vec<PathBuf>, Vec<PathBuf>) =
        launch.paths.into_iter().partition(|p| is_project_file(p));
    let mut named = launch.project.into_iter().chain(projects);
    let explicit = named.next();
    let notes = named
        .map(|p| format!("one project opens at a time; not opened: {}", p.display()))
        .collect();
    if let Some(project) = explicit {
        return Ok(Plan {
            project,
            mode: OpenMode::OpenOrCreate,
            import,
            samples: false,
            notes,
        });
    }
    let places = places.map_err(|err| {
        format!("{err}; name a project to open with --project FILE or a .byline path")
    })?;
    if let Some(last) = places.recent().into_iter().next() {
        return Ok(Plan {
            project: last,
            mode: OpenMode::Open,
            import,
            samples: false,
            notes,
        });
    }
    let project = places.default_project();
    let samples = !project.exists() && import.is_empty();
    Ok(Plan {
        project,
        mode: OpenMode::OpenOrCreate,
        import,
        samples,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Project;

    fn launch(project: Option<&str>, paths: &[&str]) -> Launch {
        Launch {
            project: project.map(PathBuf::from),
            paths: paths.iter().map(PathBuf::from).collect(),
        }
    }

    #[test]
    fn first_run_fills_the_default_project_with_the_samples_once() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let first = plan(Launch::default(), Ok(&places)).unwrap();
        assert_eq!(first.project, places.default_project());
        assert!(first.samples && first.import.is_empty());
        let with_files = plan(launch(None, &["ümlaut.txt"]), Ok(&places)).unwrap();
        assert_eq!(with_files.import, [PathBuf::from("ümlaut.txt")]);
        assert!(!with_files.samples, "files given instead of the samples");
        drop(Project::create(&first.project).unwrap());
        let again = plan(Launch::default(), Ok(&places)).unwrap();
        assert!(again.import.is_empty(), "samples only on first run");
        assert!(!again.samples, "samples only on first run");
    }

    #[test]
    fn the_last_project_opens_and_files_are_added_to_it() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let last = home.path().join("wire.byline");
        drop(Project::create(&last).unwrap());
        places.remember(&last).unwrap();
        let start = plan(launch(None, &["a.txt", "b/"]), Ok(&places)).unwrap();
        assert_eq!(start.project, last);
        assert_eq!(start.mode, OpenMode::Open);
        assert_eq!(start.import, [PathBuf::from("a.txt"), PathBuf::from("b/")]);
    }

    #[test]
    fn a_named_project_wins_and_extra_ones_are_noted() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let start = plan(
            launch(Some("x.byline"), &["y.BYLINE", "a.txt"]),
            Ok(&places),
        )
        .unwrap();
        assert_eq!(start.project, PathBuf::from("x.byline"));
        assert_eq!(start.mode, OpenMode::OpenOrCreate);
        assert_eq!(start.import, [PathBuf::from("a.txt")]);
        assert_eq!(
            start.notes,
            ["one project opens at a time; not opened: y.BYLINE"]
        );
        let positional = plan(launch(None, &["y.byline"]), Ok(&places)).unwrap();
        assert_eq!(positional.project, PathBuf::from("y.byline"));
    }

    #[test]
    fn a_named_project_needs_no_home_folder() {
        let no_home = || Err("cannot find the data folder: no home folder is set".to_owned());
        let start = plan(launch(Some("wire.byline"), &["a.txt"]), no_home());
        assert_eq!(start.unwrap().project, PathBuf::from("wire.byline"));
        let positional = plan(launch(None, &["wire.byline"]), no_home());
        assert_eq!(positional.unwrap().project, PathBuf::from("wire.byline"));
        let err = plan(launch(None, &["a.txt"]), no_home()).unwrap_err();
        assert!(err.starts_with("cannot find the data folder"), "{err}");
        assert!(err.contains("--project FILE"), "{err}");
    }
}
