//! A project's reviewed documents and the model they teach: which documents
//! count (status done), how a reviewed set is named (a fingerprint of its
//! ids, stored beside the model so a stale model is told at once), training
//! with its k-fold held-out score, and [`retrain`], which does it all on a
//! project in one go (`byline import --done`; the editor runs the same
//! steps on a worker, see `job`).

use std::time::Instant;

use xxhash_rust::xxh3::Xxh3;

use crate::eval::learning::{cross_validate, entities};
use crate::model::{DocId, DocStatus, Document};
use crate::store::{HeldOut, ModelBytes, Project, StoreError};
use crate::suggest::learned::{FORMAT_VERSION, Model, TRUST_AFTER, TrainOptions};

/// Folds of the held-out score.
pub const FOLDS: usize = 5;

/// A reviewed set's name: its size and a hash of its sorted ids.
pub fn fingerprint<'a>(ids: impl IntoIterator<Item = &'a DocId>) -> String {
    let mut ids: Vec<&str> = ids.into_iter().map(|id| id.0.as_str()).collect();
    ids.sort_unstable();
    let mut hash = Xxh3::new();
    for id in &ids {
        hash.update(id.as_bytes());
        hash.update(b"\n");
    }
    format!("{}:{:016x}", ids.len(), hash.digest())
}

/// The project's reviewed documents (status done), in import order.
pub fn reviewed_documents(project: &Project) -> Result<Vec<Document>, StoreError> {
    let mut docs = Vec::new();
    project.for_each_document(Some(DocStatus::Done), |doc| {
        docs.push(doc);
        true
    })?;
    Ok(docs)
}

/// Trains on reviewed documents (see `suggest::learned` for what is gold).
pub fn train(docs: &[Document]) -> Model {
    Model::train(docs, &TrainOptions::default())
}

/// The k-fold held-out scores of models trained like [`train`] on `docs`;
/// `None` for fewer than two documents.
pub fn held_out(docs: &[Document]) -> Option<HeldOut> {
    let scores = cross_validate(docs, FOLDS, &TrainOptions::default())?;
    let f1 = |report| entities(report).and_then(|l| l.exact.f1);
    Some(HeldOut {
        folds: FOLDS.clamp(2, docs.len()),
        learned: f1(&scores.learned),
        rules: f1(&scores.rules),
        combined: f1(&scores.combined),
    })
}

/// What [`retrain`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Retrained {
    /// Too few reviewed documents for a model: none is kept.
    TooFew {
        /// Reviewed documents in the project.
        reviewed: usize,
    },
    /// A model was trained and stored.
    Trained {
        /// Reviewed documents it learned from.
        documents: usize,
        /// Seconds training took (the held-out score not counted).
        seconds: f64,
        /// Its held-out scores.
        held_out: Option<HeldOut>,
    },
}

/// Trains the project's model on its reviewed documents, measures it and
/// stores both; with fewer than [`TRUST_AFTER`] reviewed documents, removes
/// any model instead.
pub fn retrain(project: &mut Project) -> Result<Retrained, StoreError> {
    let docs = reviewed_documents(project)?;
    if docs.len() < TRUST_AFTER {
        project.clear_model()?;
        return Ok(Retrained::TooFew {
            reviewed: docs.len(),
        });
    }
    let started = Instant::now();
    let model = train(&docs);
    let seconds = started.elapsed().as_secs_f64();
    let scores = held_out(&docs);
    project.save_model(
        &stored_form(&model),
        &fingerprint(docs.iter().map(|d| &d.id)),
        scores.as_ref(),
    )?;
    Ok(Retrained::Trained {
        documents: docs.len(),
        seconds,
        held_out: scores,
    })
}

/// `model` as the project keeps it.
pub fn stored_form(model: &Model) -> ModelBytes {
    ModelBytes {
        format: FORMAT_VERSION,
        bytes: model.to_bytes(),
        documents: model.documents_seen(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_name_the_set_not_its_order() {
        let ids = ["b", "a", "c"].map(|s| DocId(s.into()));
        let same = fingerprint(&[ids[2].clone(), ids[0].clone(), ids[1].clone()]);
        assert_eq!(fingerprint(&ids), same);
        assert!(same.starts_with("3:"), "{same}");
        assert_ne!(fingerprint(&ids[..2]), same);
        assert_ne!(fingerprint(&ids[1..]), fingerprint(&ids[..2]));
    }
}
