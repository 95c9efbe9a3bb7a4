//! The project's external engine: the command line the window runs on every
//! article it opens (`byline engine --project P --cmd "…"`), kept in the
//! `settings` table so it travels with the project file.

use rusqlite::OptionalExtension;

use super::error::StoreError;
use super::project::Project;

/// Name of the setting in the `settings` table.
const SETTING: &str = "engine_command";

impl Project {
    /// The external engine's command line, as the user wrote it, if one is set.
    pub fn engine_command(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE name = ?1")
            .and_then(|mut stmt| stmt.query_row([SETTING], |r| r.get(0)).optional())
            .map_err(|e| self.error("read the engine command", e))
    }

    /// Sets the external engine's command line, or removes it with `None`.
    pub fn set_engine_command(&mut self, command: Option<&str>) -> Result<(), StoreError> {
        self.write("save the engine command", |tx| {
            match command {
                Some(command) => tx
                    .prepare_cached(
                        "INSERT INTO settings (name, value) VALUES (?1, ?2)
                         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    )?
                    .execute([SETTING, command])?,
                None => tx
                    .prepare_cached("DELETE FROM settings WHERE name = ?1")?
                    .execute([SETTING])?,
            };
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_command_is_kept_changed_and_removed_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        assert_eq!(project.engine_command().unwrap(), None);
        project
            .set_engine_command(Some("python3 ner.py --model 'fr core'"))
            .unwrap();
        project.set_engine_command(Some("python3 nér.py")).unwrap();
        drop(project);
        let mut project = Project::open(&path).unwrap();
        assert_eq!(
            project.engine_command().unwrap().as_deref(),
            Some("python3 nér.py")
        );
        project.set_engine_command(None).unwrap();
        assert_eq!(project.engine_command().unwrap(), None);
    }
}
