//! How the project's rules engine writes an interrupted quote (`“A,” she
//! said. “B.”`): one record with several content parts (the default) or one
//! record per segment, linked by a group. Kept in the `settings` table so
//! the choice travels with the project file.

use rusqlite::OptionalExtension;

use super::error::StoreError;
use super::project::Project;
use crate::model::Interrupted;

/// Name of the setting in the `settings` table.
const SETTING: &str = "interrupted_quotes";

impl Project {
    /// How interrupted quotes are suggested in this project: as set with
    /// [`set_interrupted_quotes`](Self::set_interrupted_quotes), else one
    /// record. A value this Byline cannot read is refused.
    pub fn interrupted_quotes(&self) -> Result<Interrupted, StoreError> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE name = ?1")
            .and_then(|mut stmt| stmt.query_row([SETTING], |r| r.get(0)).optional())
            .map_err(|e| self.error("read how interrupted quotes are written", e))?;
        match value {
            None => Ok(Interrupted::default()),
            Some(name) => Interrupted::parse(&name).ok_or_else(|| StoreError::Damaged {
                what: format!("setting {SETTING}: unknown value {name:?}"),
                path: self.path().to_path_buf(),
            }),
        }
    }

    /// Sets how the project's rules engine writes interrupted quotes from now
    /// on; quotes already suggested stay as they are.
    pub fn set_interrupted_quotes(&mut self, how: Interrupted) -> Result<(), StoreError> {
        self.write("save how interrupted quotes are written", |tx| {
            tx.prepare_cached(
                "INSERT INTO settings (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )?
            .execute([SETTING, how.as_str()])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interrupted_quotes_default_to_one_record_and_are_kept_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        assert_eq!(
            project.interrupted_quotes().unwrap(),
            Interrupted::OneRecord
        );
        project
            .set_interrupted_quotes(Interrupted::PerSegment)
            .unwrap();
        drop(project);
        let project = Project::open(&path).unwrap();
        assert_eq!(
            project.interrupted_quotes().unwrap(),
            Interrupted::PerSegment
        );
    }
}
