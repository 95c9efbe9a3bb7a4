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

// mimalloc's option setter (linked in by the `mimalloc` crate, whose bindings
// declare it only with the `extended` feature).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e`, 15 in
/// both the v2 and v3 headers that libmimalloc-sys 0.1.49 builds.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// How long mimalloc keeps freed memory before giving it back, in ms.
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Has mimalloc give freed memory back to the system after 100 ms instead
/// of its default second, for the `byline` binary to call first: a reader's
/// buffers that grew and were freed while it read (a Vec doubled, a string
/// rebuilt) no longer stay resident beside the ones that replaced them,
/// which kept peak memory over 10× the input (`byline bench memory`: 30 MB
/// HTML table 10.0× → 7.9×). Shorter delays save a little more memory but
/// slow the rules engine (`byline bench suggest`: 10 ms about 5%, 0 more);
/// 100 ms stays within the noise.
pub fn return_freed_memory_sooner() {
    // SAFETY: setting a numeric mimalloc option, which it reads atomically.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

#[cfg(test)]
mod allocator_tests {
    use super::*;

    unsafe extern "C" {
        fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    }

    #[test]
    fn the_purge_delay_is_shortened() {
        return_freed_memory_sooner();
        // SAFETY: reading a mimalloc option.
        assert_eq!(
            unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) },
            PURGE_DELAY_MS
        );
    }
}
