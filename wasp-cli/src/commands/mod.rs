//! The implementations of the `wasp` subcommands, and helpers they share.

mod gas;
mod inspect;
mod inspect_snapshot;
mod resume;
mod run;
mod trace;
mod validate;
mod wasi;

use std::io::{self, Write};
use std::path::Path;

use wasp_core::{Config, Engine, Module};

use crate::cli::{Cli, Command};
use crate::error::CliError;

/// The configuration of every command's engine: Wasp's defaults, with the proposals it runs
/// that an embedder must turn on (typed function references) turned on, since the command
/// line runs the files its user names.
pub fn config() -> Config {
    let mut config = Config::default();
    config.wasm_function_references(true);
    config
}

/// The engine of unmetered commands ([`config`]).
pub fn engine() -> Engine {
    Engine::new(&config())
}

/// How a command that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The command did all it was asked to.
    Done,
    /// The call ran out of gas and paused (and was saved, if asked to be).
    Paused,
    /// A WASI program exited with this code.
    Exited(i32),
}

impl Outcome {
    /// The process exit code for this outcome; see the `--help` text.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Done => 0,
            Outcome::Paused => 3,
            // The low byte, as a POSIX shell sees an exit status.
            Outcome::Exited(code) => code as u8,
        }
    }
}

/// Runs the command selected on the command line.
pub fn run(cli: Cli) -> Result<Outcome, CliError> {
    let result = match cli.command {
        Command::Run(args) => run::run(&args),
        Command::Resume(args) => resume::resume(&args),
        Command::Validate(args) => validate::validate(&args.file).map(|()| Outcome::Done),
        Command::Inspect(args) => {
            inspect::inspect(&args.file, &args.modules).map(|()| Outcome::Done)
        }
    };
    match result {
        // A closed pipe (`wasp inspect m.wasm | head -1`) is not an error.
        Err(CliError::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::Done),
        other => other,
    }
}

/// Reads the whole of `path`.
fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Reads `path` and compiles it (binary or text) into a module.
fn load_module(engine: &Engine, path: &Path) -> Result<Module, CliError> {
    let bytes = read_file(path)?;
    Module::new(engine, &bytes).map_err(|error| CliError::Invalid {
        path: path.to_owned(),
        error,
    })
}

/// Writes `lines` to stdout, one per line, and flushes.
fn print_lines<I>(lines: I) -> Result<(), CliError>
where
    I: IntoIterator,
    I::Item: std::fmt::Display,
{
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
