//! The `byline` binary: parses the command line, then either runs a subcommand
//! or opens the window. Errors are printed once, by the layer that handles them.

use std::process::ExitCode;

use byline::cli::{self, Outcome};

fn main() -> ExitCode {
    byline::return_freed_memory_sooner();
    let outcome = cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    match outcome {
        Outcome::Exit(code) => ExitCode::from(code),
        Outcome::OpenApp(paths) => match byline::app::run(paths) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
