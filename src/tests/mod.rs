//! End-to-end scenarios, one file per feature, run as library tests: they
//! drive the editor core, the window (egui_kittest: click by label, assert
//! the model) or the command line in process (`support::byline`).
//!
//! The test layout: unit tests sit beside their code (an inline `mod tests`,
//! or `tests.rs` in the module's folder); scenarios are here, named by
//! feature; shared builders are in `support` (documents from markup,
//! suggested documents, the command line) and `py_slice` (Python's
//! `text[start:end]`, to check offsets as our users' tools read them);
//! scenarios that must run the built binary are the one `binary` test
//! target (`src/tests/binary/`); `fuzz_corpus/` holds hostile inputs every
//! reader is run on.

mod app_done;
mod app_export;
mod app_external;
mod app_interrupted_quotes;
mod app_learned;
mod app_navigation;
mod app_project;
mod app_quote_class;
mod app_review;
mod app_theme;
mod bad_inputs;
mod brat_overrides;
mod brat_polnear;
mod conllu_gum;
mod convert_cli;
mod editor_commands;
mod editor_done;
mod editor_learning;
mod editor_project;
mod entities_gum;
mod eval_gold;
mod exit_codes;
mod export_atomic;
mod export_gold;
mod export_losses;
mod folder_walks;
mod import_suggest;
mod interrupted_quotes;
mod layout;
mod memory_learning;
mod open_samples;
pub mod py_slice;
mod read_inputs;
mod readers_fuzz;
mod round_trips;
mod samples;
mod samples_gold;
mod store_crash;
mod store_failures;
mod store_foreign_files;
mod store_round_trip;
mod store_two_windows;
mod suggest_done;
pub mod suggest_project;
pub mod support;
