//! Python's `text[start:end]`, the slice every offset Byline writes must
//! reproduce. A file of its own, with no dependencies, so the test target
//! that runs the built binary (`src/tests/binary/`) includes the same
//! function as the library's tests.

/// Python's `text[start:end]`: `start..end` in code points.
pub fn py_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
