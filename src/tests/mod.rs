//! End-to-end scenarios, named by feature.

mod app_review;
pub mod support;
