//! End-to-end scenarios, one file per feature.

mod app_export;
mod app_external;
mod app_navigation;
mod app_project;
mod app_review;
mod bad_inputs;
mod brat_polnear;
mod conllu_gum;
mod convert_cli;
mod entities_gum;
mod eval_gold;
mod exit_codes;
mod export_losses;
mod memory_learning;
mod open_samples;
pub mod py_slice;
mod read_inputs;
mod round_trips;
mod samples;
mod samples_gold;
mod store_crash;
mod store_failures;
mod store_round_trip;
mod store_two_windows;
pub mod support;
