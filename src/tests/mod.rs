//! End-to-end scenarios, one file per feature.

mod app_review;
mod samples;
pub mod support;
