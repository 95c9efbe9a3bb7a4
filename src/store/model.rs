//! The `learned` engine's model in the project file (one row of
//! `learned_model`), so a project carries what it learned wherever the file
//! goes: the model's bytes in the tagger's own versioned format, the number
//! of reviewed documents it learned from and a fingerprint of which ones (so
//! the editor can tell when the reviewed set moved on), its k-fold held-out
//! scores once they are measured, and when it was trained. The bytes are
//! opaque here: the tagger (`suggest::learned`) writes and reads them.

use rusqlite::{OptionalExtension, Row, params};

use super::error::StoreError;
use super::project::Project;
use super::rows::Res;

/// K-fold held-out F1 of the model's entity spans (exact match, all labels
/// together), with the rules alone and both combined on the same folds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeldOut {
    /// Number of folds.
    pub folds: usize,
    /// The learned tagger alone.
    pub learned: Option<f64>,
    /// The rules engine alone.
    pub rules: Option<f64>,
    /// Learned first, rules filling in (what the editor shows).
    pub combined: Option<f64>,
}

/// What the project knows about its model, without the weights.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelInfo {
    /// Reviewed documents it learned from.
    pub documents: usize,
    /// Which ones: a fingerprint of their ids, compared with the reviewed
    /// set of the moment to tell a stale model.
    pub reviewed: String,
    /// Its held-out scores, once measured.
    pub held_out: Option<HeldOut>,
    /// When it was trained, UTC (`YYYY-MM-DD HH:MM:SS`).
    pub trained_at: String,
    /// Size of the stored model in bytes.
    pub bytes: usize,
}

/// A learned model as the project keeps it: the tagger's bytes with their
/// format version, and how many reviewed documents it learned from.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelBytes {
    /// The tagger's format version of `bytes`.
    pub format: u8,
    /// The model, in the tagger's own format.
    pub bytes: Vec<u8>,
    /// Reviewed documents it learned from.
    pub documents: usize,
}

/// The stored model and what is known about it; its bytes are read by the
/// tagger, which reports a damaged model or another Byline's format.
#[derive(Debug)]
pub struct StoredModel {
    /// What the project knows about it.
    pub info: ModelInfo,
    /// The format version recorded beside the bytes.
    pub format: i64,
    /// The model's bytes.
    pub bytes: Vec<u8>,
}

const INFO_COLUMNS: &str =
    "documents, reviewed, folds, f1, rules_f1, combined_f1, trained_at, length(model)";

fn info_from_row(row: &Row<'_>) -> rusqlite::Result<ModelInfo> {
    let count = |i: usize| -> rusqlite::Result<usize> {
        Ok(usize::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
    };
    let folds: Option<i64> = row.get(2)?;
    Ok(ModelInfo {
        documents: count(0)?,
        reviewed: row.get(1)?,
        held_out: match folds {
            Some(folds) => Some(HeldOut {
                folds: usize::try_from(folds).unwrap_or(0),
                learned: row.get(3)?,
                rules: row.get(4)?,
                combined: row.get(5)?,
            }),
            None => None,
        },
        trained_at: row.get(6)?,
        bytes: count(7)?,
    })
}

impl Project {
    /// Stores `model` (its bytes), trained on the reviewed documents whose fingerprint
    /// is `reviewed`, in place of the one before; `held_out` when its
    /// scores are known already. The time of training is now.
    pub fn save_model(
        &mut self,
        model: &ModelBytes,
        reviewed: &str,
        held_out: Option<&HeldOut>,
    ) -> Result<(), StoreError> {
        let documents = i64::try_from(model.documents).unwrap_or(i64::MAX);
        self.write("save the learned model", |tx| {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO learned_model
                 (id, format, model, documents, reviewed, trained_at)
                 VALUES (1, ?1, ?2, ?3, ?4, strftime('%Y-%m-%d %H:%M:%S', 'now'))",
            )?
            .execute(params![model.format, model.bytes, documents, reviewed])?;
            Ok(())
        })?;
        match held_out {
            Some(scores) => self.set_model_scores(reviewed, scores).map(|_| ()),
            None => Ok(()),
        }
    }

    /// Records the held-out scores of the stored model if it is still the
    /// one trained on `reviewed`; false when another model replaced it.
    pub fn set_model_scores(
        &mut self,
        reviewed: &str,
        held_out: &HeldOut,
    ) -> Result<bool, StoreError> {
        let folds = i64::try_from(held_out.folds).unwrap_or(i64::MAX);
        self.write("save the learned model's scores", |tx| {
            let changed = tx
                .prepare_cached(
                    "UPDATE learned_model SET folds = ?2, f1 = ?3, rules_f1 = ?4, combined_f1 = ?5
                     WHERE reviewed = ?1",
                )?
                .execute(params![
                    reviewed,
                    folds,
                    held_out.learned,
                    held_out.rules,
                    held_out.combined
                ])?;
            Ok(changed > 0)
        })
    }

    /// Removes the stored model (the reviewed documents fell below what the
    /// model needs).
    pub fn clear_model(&mut self) -> Result<(), StoreError> {
        self.write("remove the learned model", |tx| {
            tx.execute("DELETE FROM learned_model", [])?;
            Ok(())
        })
    }

    /// What the project knows about its model, without reading the weights.
    pub fn model_info(&self) -> Result<Option<ModelInfo>, StoreError> {
        let read = || -> Res<Option<ModelInfo>> {
            let sql = format!("SELECT {INFO_COLUMNS} FROM learned_model WHERE id = 1");
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_row([], info_from_row)
                .optional()?)
        };
        read().map_err(|e| e.at("read the learned model", self.path()))
    }

    /// The stored model, if the project has one.
    pub fn load_model(&self) -> Result<Option<StoredModel>, StoreError> {
        let read = || -> Res<Option<StoredModel>> {
            let sql =
                format!("SELECT {INFO_COLUMNS}, format, model FROM learned_model WHERE id = 1");
            let row = self
                .conn
                .prepare_cached(&sql)?
                .query_row([], |row| {
                    Ok((
                        info_from_row(row)?,
                        row.get::<_, i64>(8)?,
                        row.get::<_, Vec<u8>>(9)?,
                    ))
                })
                .optional()?;
            Ok(row.map(|(info, format, bytes)| StoredModel {
                info,
                format,
                bytes,
            }))
        };
        read().map_err(|e| e.at("read the learned model", self.path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::document;
    use crate::suggest::learned::{FORMAT_VERSION, Model, ModelError, TrainOptions};

    fn bytes(model: &Model) -> ModelBytes {
        ModelBytes {
            format: FORMAT_VERSION,
            bytes: model.to_bytes(),
            documents: model.documents_seen(),
        }
    }

    fn trained() -> Model {
        let docs: Vec<_> = [
            "[Leeds|ORG] beat [Bristol|ORG].",
            "[Ana Díaz|PERSON] spoke.",
        ]
        .iter()
        .map(|m| document(m).unwrap())
        .collect();
        Model::train(&docs, &TrainOptions::default())
    }

    #[test]
    fn the_model_is_kept_with_its_facts_replaced_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        assert_eq!(project.model_info().unwrap(), None);
        assert!(project.load_model().unwrap().is_none());
        let model = trained();
        project.save_model(&bytes(&model), "abc", None).unwrap();
        let scores = HeldOut {
            folds: 5,
            learned: Some(0.8),
            rules: Some(0.6),
            combined: None,
        };
        assert!(!project.set_model_scores("other", &scores).unwrap());
        assert!(project.set_model_scores("abc", &scores).unwrap());
        drop(project);

        let project = Project::open_to_read(&path).unwrap();
        let info = project.model_info().unwrap().unwrap();
        assert_eq!((info.documents, info.reviewed.as_str()), (2, "abc"));
        assert_eq!(info.held_out, Some(scores));
        assert_eq!(info.bytes, model.to_bytes().len());
        let at = info.trained_at.as_bytes();
        assert!(
            at.len() == 19 && at[4] == b'-' && at[13] == b':',
            "{}",
            info.trained_at
        );
        let stored = project.load_model().unwrap().unwrap();
        assert_eq!(stored.info, info);
        assert_eq!(Model::from_stored(stored.format, &stored.bytes), Ok(model));
        drop(project);

        let mut project = Project::open(&path).unwrap();
        project
            .save_model(&bytes(&Model::empty()), "def", None)
            .unwrap();
        let info = project.model_info().unwrap().unwrap();
        assert_eq!((info.documents, info.held_out), (0, None), "replaced");
        project.clear_model().unwrap();
        assert_eq!(project.model_info().unwrap(), None);
    }

    #[test]
    fn a_model_in_a_format_this_byline_does_not_read_is_reported_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.byline");
        let mut project = Project::create(&path).unwrap();
        project.save_model(&bytes(&trained()), "abc", None).unwrap();
        project
            .conn
            .execute("UPDATE learned_model SET format = 99", [])
            .unwrap();
        let stored = project.load_model().unwrap().unwrap();
        assert_eq!(
            Model::from_stored(stored.format, &stored.bytes),
            Err(ModelError::Version(99))
        );
        assert_eq!(stored.info.documents, 2);
    }
}
