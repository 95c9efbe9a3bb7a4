//! The project store: one SQLite file per project, and the only code in Byline
//! that speaks SQL. Every applied transaction is committed at once, so there
//! is no Save button and a crash loses nothing that was on screen.
//!
//! The interface takes and returns model values ([`Document`], [`Applied`],
//! [`LabelSet`], [`Memory`]); a second backend (say PostgreSQL, for a team
//! sharing one project) would offer the same methods on its own `Project`.
//!
//! The usual flow in the app:
//! ```no_run
//! # use byline::model::Transaction;
//! # use byline::store::{Step, StoreError};
//! # fn edit(tx: Transaction) -> Result<(), StoreError> {
//! let mut project = byline::store::startup_project()?; // last one, or the default
//! let summaries = project.list_documents()?;
//! let mut doc = project.load_document(&summaries[0].id)?;
//! let mut history = project.load_history(&doc)?; // undo survives restarts
//! if let Ok(applied) = history.apply(&mut doc, &tx) {
//!     project.apply_step(&doc, &applied, Step::Edit)?; // one SQLite commit
//! }
//! # Ok(()) }
//! ```
//!
//! [`Document`]: crate::model::Document
//! [`Applied`]: crate::model::Applied
//! [`LabelSet`]: crate::model::LabelSet
//! [`Memory`]: crate::model::memory::Memory

mod checkpoint;
mod documents;
mod engine;
mod error;
mod guard;
mod header;
mod history;
mod interrupted_quotes;
mod load;
mod memory;
mod migrate;
mod model;
mod opening;
mod order;
mod places;
mod project;
mod quote_classes;
mod rows;
mod save;
mod schema;
mod search;
pub mod stats;
mod trust;

mod view;

pub use documents::{AddReport, DocSummary, Duplicate};
pub use error::{ReadOnlyReason, StoreError};
pub use history::Step;
pub use model::{HeldOut, ModelBytes, ModelInfo, StoredModel};
pub use places::{
    PROJECT_EXTENSION, Places, default_project_path, recent_projects, remember_project,
    startup_project,
};
pub use project::{Access, Project};
pub use schema::SCHEMA_VERSION;
pub use trust::trust_command;
pub use view::ViewPosition;
