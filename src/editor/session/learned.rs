//! The project's learned model, article order and way of suggesting
//! interrupted quotes, as the editor keeps them through its session: stored in the project when it can be written, and
//! quietly nothing without a project or in a read-only window.

use super::Session;
use crate::editor::learning::reviewed::stored_form;
use crate::model::{ClassSet, Interrupted};
use crate::store::{HeldOut, Project, StoreError};
use crate::suggest::learned::Model;

impl Session {
    /// True when this window may train and store a model: a project is
    /// open and writable.
    pub fn can_learn(&self) -> bool {
        self.project.is_some() && self.read_only().is_none()
    }

    /// The project, when this window may write it.
    fn writable(&mut self) -> Option<&mut Project> {
        if self.read_only().is_some() {
            return None;
        }
        self.project.as_mut()
    }

    /// Stores `model`, trained on the reviewed set `reviewed`.
    pub fn save_model(&mut self, model: &Model, reviewed: &str) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), |p| {
            p.save_model(&stored_form(model), reviewed, None)
        })
    }

    /// Records the held-out scores of the model trained on `reviewed`.
    pub fn set_model_scores(
        &mut self,
        reviewed: &str,
        held_out: &HeldOut,
    ) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), |p| {
            p.set_model_scores(reviewed, held_out).map(|_| ())
        })
    }

    /// Removes the stored model.
    pub fn clear_model(&mut self) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), Project::clear_model)
    }

    /// True when the project's "next article" favours the least sure documents.
    pub fn least_sure_first(&self) -> bool {
        (self.project.as_ref()).is_some_and(|p| p.least_sure_first().unwrap_or(false))
    }

    /// Keeps whether "next article" favours the least sure documents.
    pub fn set_least_sure_first(&mut self, on: bool) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), |p| p.set_least_sure_first(on))
    }

    /// Keeps which attribution classes the project's engines suggest.
    pub fn set_quote_classes(&mut self, classes: ClassSet) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), |p| p.set_quote_classes(classes))
    }

    /// Keeps how the project's rules engine writes interrupted quotes.
    pub fn set_interrupted_quotes(&mut self, how: Interrupted) -> Result<(), StoreError> {
        (self.writable()).map_or(Ok(()), |p| p.set_interrupted_quotes(how))
    }
}
