//! End-to-end scenarios, one file per feature.

mod memory_learning;
mod store_crash;
mod store_failures;
mod store_round_trip;
mod store_two_windows;
