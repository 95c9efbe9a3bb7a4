//! Scenarios that run the built `byline` binary as a shell or GNU parallel
//! does: bytes on stdin, JSONL on stdout, exit codes. They form one test
//! target (`[[test]] binary` in Cargo.toml), because only a test target is
//! told where cargo built the binary; [`spawn::byline`] is the one way they
//! start it. Every other scenario is a module of the library's tests in
//! `src/tests/` and runs the command line in process.

#[path = "../py_slice.rs"]
mod py;
mod spawn;
mod suggest_external;
mod suggest_stdin;
