//! Starting the built binary and reading JSON offsets back.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs the built `byline` with `args`, writing `stdin` to it from another
/// thread (so a large input cannot deadlock against its output), and waits.
pub fn byline(args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the byline binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let output = child.wait_with_output().expect("byline ends");
    writer
        .join()
        .expect("the writer ends")
        .expect("stdin is written");
    output
}

/// Python's `text[start:end]` with JSON offsets.
pub fn py_slice(text: &str, start: &Value, end: &Value) -> String {
    let at = |v: &Value| usize::try_from(v.as_u64().expect("an offset")).expect("in range");
    super::py::py_slice(text, at(start), at(end))
}
