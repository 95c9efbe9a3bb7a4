//! The order "next article" follows in a project: the project's own order,
//! or the documents the learned model is least sure of first. A setting in
//! the `settings` table, so it travels with the project file.

use rusqlite::OptionalExtension;

use super::error::StoreError;
use super::project::Project;

/// Name of the setting in the `settings` table.
const SETTING: &str = "next_article";

/// Its value when the least sure documents come first.
const LEAST_SURE: &str = "least_sure";

impl Project {
    /// True when "next article" favours the documents the learned model is
    /// least sure of.
    pub fn least_sure_first(&self) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE name = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([SETTING], |r| r.get::<_, String>(0))
                    .optional()
            })
            .map(|value| value.as_deref() == Some(LEAST_SURE))
            .map_err(|e| self.error("read the article order", e))
    }

    /// Sets whether "next article" favours the least sure documents.
    pub fn set_least_sure_first(&mut self, on: bool) -> Result<(), StoreError> {
        self.write("save the article order", |tx| {
            if on {
                tx.prepare_cached(
                    "INSERT INTO settings (name, value) VALUES (?1, ?2)
                     ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                )?
                .execute([SETTING, LEAST_SURE])?;
            } else {
                tx.prepare_cached("DELETE FROM settings WHERE name = ?1")?
                    .execute([SETTING])?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_kept_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        assert!(!project.least_sure_first().unwrap());
        project.set_least_sure_first(true).unwrap();
        drop(project);
        let mut project = Project::open(&path).unwrap();
        assert!(project.least_sure_first().unwrap());
        project.set_least_sure_first(false).unwrap();
        assert!(!project.least_sure_first().unwrap());
    }
}
