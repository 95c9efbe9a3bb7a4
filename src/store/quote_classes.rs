//! The attribution classes the project's rules engine suggests (speech and
//! writing unless the project says otherwise), kept in the `settings` table
//! so the choice travels with the project file.

use rusqlite::OptionalExtension;

use super::error::StoreError;
use super::project::Project;
use crate::model::ClassSet;

/// Name of the setting in the `settings` table.
const SETTING: &str = "quote_classes";

impl Project {
    /// The attribution classes suggested in this project: the ones set with
    /// [`set_quote_classes`](Self::set_quote_classes), else the default
    /// (speech and writing). A value this Byline cannot read is refused.
    pub fn quote_classes(&self) -> Result<ClassSet, StoreError> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE name = ?1")
            .and_then(|mut stmt| stmt.query_row([SETTING], |r| r.get(0)).optional())
            .map_err(|e| self.error("read the quote classes", e))?;
        match value {
            None => Ok(ClassSet::default()),
            Some(names) => ClassSet::parse(&names).map_err(|why| StoreError::Damaged {
                what: format!("setting {SETTING}: {why}"),
                path: self.path().to_path_buf(),
            }),
        }
    }

    /// Sets the attribution classes the project's rules engine suggests.
    pub fn set_quote_classes(&mut self, classes: ClassSet) -> Result<(), StoreError> {
        self.write("save the quote classes", |tx| {
            tx.prepare_cached(
                "INSERT INTO settings (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )?
            .execute([SETTING, &classes.names()])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_classes_default_to_speech_and_writing_and_are_kept_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        assert_eq!(project.quote_classes().unwrap(), ClassSet::default());
        let chosen = ClassSet::parse("speech,belief,evidence").unwrap();
        project.set_quote_classes(chosen).unwrap();
        drop(project);
        let project = Project::open(&path).unwrap();
        assert_eq!(project.quote_classes().unwrap(), chosen);
    }
}
