//! `wasp`: the command-line front end of the Wasp WebAssembly interpreter.
//!
//! This file only parses the command line, dispatches to [`commands::run`]
//! and maps the outcome to an exit code; see [`cli`] for the command-line
//! grammar, [`error::CliError`] for the error messages and [`snapshot_file`]
//! for the files that `--save` writes.

mod args;
mod cli;
mod commands;
mod error;
mod snapshot_file;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;

/// Parses the command line, runs the requested command and reports any
/// failure as a single `error: ...` line on stderr; a trap is followed by
/// its Wasm backtrace.
fn main() -> ExitCode {
    error::install_panic_hook();
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => {
            eprintln!("error: {}", error::one_line(&err));
            if let Some(backtrace) = err.backtrace() {
                eprint!("{backtrace}");
            }
            ExitCode::from(err.exit_code())
        }
    }
}
