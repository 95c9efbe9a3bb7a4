//! End-to-end scenarios, one file per feature.

mod app_export;
mod app_review;
mod brat_polnear;
mod conllu_gum;
mod entities_gum;
mod eval_gold;
mod memory_learning;
mod read_inputs;
mod samples;
mod store_crash;
mod store_failures;
mod store_round_trip;
mod store_two_windows;
pub mod support;
