//! Byline: annotate quotes, speakers and entities in news articles.
//!
//! What may import what (an arrow points at what a folder uses; no circles;
//! `src/tests/layout.rs` checks it, and that no file passes 400 lines):
//!
//! ```text
//! model                      documents, spans, quotes, edits, tokens
//! formats  -> model          readers and writers, one folder per format
//! suggest  -> formats model  the engines: rules, entities, memory, learned, external
//! eval     -> suggest formats model           scores against gold
//! store    -> model          the project file (SQLite): edits, memory, model bytes
//! editor   -> store eval suggest formats model   the core, no egui
//! app      -> editor model   the window: input to commands, the model drawn
//! cli      -> editor store eval suggest formats model (bench: `byline bench`)
//! bench    -> anything; it and `byline bench` exist only with `--features bench`
//! ```
//!
//! Everything but `app` works without a window: the editor core in
//! [`editor`] (documents, commands, sessions) is driven by the desktop app
//! in [`app`], one front end; the command line in [`cli`] is another.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod cli;
pub mod editor;
pub mod eval;
pub mod formats;
pub mod model;
pub mod store;
pub mod suggest;

#[cfg(test)]
mod tests;

/// mimalloc instead of the system allocator, for every program built on this
/// crate (the `byline` binary, its benchmarks and tests, so the figures they
/// give are the shipped ones): the suggestion engines make many small,
/// short-lived allocations per paragraph, which mimalloc serves in far fewer
/// instructions than glibc's malloc (the rules engine runs about a fifth
/// faster; `byline bench suggest`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
