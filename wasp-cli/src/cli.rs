//! The command-line grammar of `wasp`, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Expands to the exit-code table shown at the end of every `--help`.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0    success
  1    error: unreadable or invalid module, missing import or export, bad
       argument, or a trap while running the module
  2    the command line itself could not be parsed
  101  internal error (a bug in wasp)"
    };
}

/// Text appended to `wasp --help` and `wasp validate|inspect --help`.
const EXIT_CODES: &str = exit_codes!();

/// Run, validate and inspect WebAssembly modules with the Wasp interpreter.
#[derive(Debug, Parser)]
#[command(name = "wasp", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// The command to perform.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `wasp`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Instantiate a module and call one of its exported functions.
    #[command(after_help = RUN_HELP)]
    Run(RunArgs),
    /// Check that a module is valid WebAssembly.
    #[command(after_help = EXIT_CODES)]
    Validate(FileArgs),
    /// List the imports and exports of a module with their types.
    #[command(after_help = EXIT_CODES)]
    Inspect(FileArgs),
}

/// Extra help for `wasp run`.
const RUN_HELP: &str = concat!(
    "\
Arguments are parsed according to the parameter types of the function:
i32 and i64 as decimal integers (signed, or unsigned up to the type's
unsigned maximum, e.g. 4294967295 for i32), f32 and f64 as decimal floats
(also `inf`, `-inf`, `NaN`, `-0`), funcref and externref only as `null`.
Options must come before FILE: everything after FILE is an argument.
Each result is printed on its own line.

",
    exit_codes!()
);

/// Arguments of `wasp run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The exported function to call.
    #[arg(long, value_name = "NAME", default_value = "_start")]
    pub invoke: String,
    /// The module to run: a binary `.wasm` or a text `.wat` file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The arguments passed to the function, one per parameter.
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

/// Arguments of the commands that take just a module file.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The module: a binary `.wasm` or a text `.wat` file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// clap's own consistency checks on the derived grammar.
    #[test]
    fn grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Negative numbers and float specials after FILE are arguments, not options.
    #[test]
    fn hyphenated_arguments() {
        let cli =
            Cli::try_parse_from(["wasp", "run", "--invoke", "f", "m.wat", "-1", "-inf", "--x"])
                .unwrap();
        let Command::Run(run) = cli.command else {
            panic!("expected run");
        };
        assert_eq!(run.invoke, "f");
        assert_eq!(run.args, ["-1", "-inf", "--x"]);
    }
}
