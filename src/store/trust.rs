//! The external engines this machine allows. A project file can name a
//! command (`byline engine --project P --cmd …`), and a project file can come
//! from anyone, so the window runs it only when this machine's config folder
//! lists that exact command for that project (by canonical path). A copy
//! received, moved or with its command changed is not trusted until
//! `byline engine --project P --trust` says so here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::places::Places;

/// One allowed engine: the exact command line, for one project.
#[derive(Serialize, Deserialize, PartialEq)]
struct Trusted {
    project: PathBuf,
    command: String,
}

/// The trust file.
#[derive(Default, Serialize, Deserialize)]
struct TrustList {
    engines: Vec<Trusted>,
}

impl Places {
    fn trust_file(&self) -> PathBuf {
        self.config.join("trusted-engines.json")
    }

    /// The list as written; a missing or unreadable one trusts nothing.
    fn trust_list(&self) -> TrustList {
        std::fs::read_to_string(self.trust_file())
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    /// True when this machine allowed the project at `project` to run
    /// exactly `command`. A project that cannot be found is not trusted.
    pub fn trusts_engine(&self, project: &Path, command: &str) -> bool {
        let Ok(project) = std::fs::canonicalize(project) else {
            return false;
        };
        let wanted = Trusted {
            project,
            command: command.to_owned(),
        };
        self.trust_list().engines.contains(&wanted)
    }

    /// Allows the project at `project` to run `command` on this machine,
    /// replacing whatever that project was allowed before.
    pub fn trust_engine(&self, project: &Path, command: &str) -> Result<(), StoreError> {
        let project = std::fs::canonicalize(project)
            .map_err(|e| StoreError::io("resolve the project path", project, e))?;
        let mut list = self.trust_list();
        list.engines.retain(|t| t.project != project);
        list.engines.push(Trusted {
            project,
            command: command.to_owned(),
        });
        self.write_config(&self.trust_file(), "write the trusted engines", &list)
    }
}

/// The command line that trusts the engine of the project at `project`,
/// quoted for a shell, for messages telling the user how to allow it.
pub fn trust_command(project: &Path) -> String {
    let path = project.to_string_lossy();
    match shlex::try_quote(&path) {
        Ok(quoted) => format!("byline engine --project {quoted} --trust"),
        Err(_) => format!("byline engine --project {path} --trust"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trusted_command_is_trusted_for_its_project_only_and_only_verbatim() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let project = home.path().join("wire café.byline");
        let other = home.path().join("received.byline");
        std::fs::write(&project, "").unwrap();
        std::fs::write(&other, "").unwrap();
        let command = "python3 'nér v2.py'";
        assert!(!places.trusts_engine(&project, command), "nothing at first");
        places.trust_engine(&project, command).unwrap();
        let reached = home.path().join(".").join("wire café.byline");
        assert!(Places::under(home.path()).trusts_engine(&reached, command));
        assert!(!places.trusts_engine(&other, command), "another project");
        assert!(!places.trusts_engine(&project, "python3 'nér v2.py' ; rm -rf ~"));
        places.trust_engine(&other, "sh -c 'echo'").unwrap();
        places.trust_engine(&project, "python3 ner.py").unwrap();
        assert!(!places.trusts_engine(&project, command), "replaced");
        assert!(places.trusts_engine(&project, "python3 ner.py"));
        assert!(places.trusts_engine(&other, "sh -c 'echo'"), "kept");
    }

    #[test]
    fn the_trust_command_quotes_the_path() {
        assert_eq!(
            trust_command(Path::new("my wire/café.byline")),
            "byline engine --project 'my wire/café.byline' --trust"
        );
        assert_eq!(
            trust_command(Path::new("p.byline")),
            "byline engine --project p.byline --trust"
        );
    }

    #[test]
    fn a_broken_or_missing_trust_list_trusts_nothing() {
        let home = tempfile::tempdir().unwrap();
        let places = Places::under(home.path());
        let project = home.path().join("p.byline");
        std::fs::write(&project, "").unwrap();
        std::fs::create_dir_all(&places.config).unwrap();
        std::fs::write(places.config.join("trusted-engines.json"), "{not json").unwrap();
        assert!(!places.trusts_engine(&project, "x"));
        assert!(!places.trusts_engine(&home.path().join("gone.byline"), "x"));
        assert!(
            places
                .trust_engine(&home.path().join("gone.byline"), "x")
                .is_err()
        );
        places.trust_engine(&project, "x").unwrap();
        assert!(places.trusts_engine(&project, "x"));
    }
}
