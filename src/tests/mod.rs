//! End-to-end scenarios, one file per feature.

mod samples;
