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
       argument, a trap while running the module, or a snapshot file that
       is damaged or whose module changed
  2    the command line itself could not be parsed
  3    paused: the call ran out of gas (`--gas`) before it finished; with
       `--save FILE` it was saved, to be continued with `wasp resume FILE`
  101  internal error (a bug in wasp)
  A WASI program's own exit code (proc_exit, or 0 when `_start` returns)
  becomes the status, modulo 256. Wasp's own statuses (1, 2, 3, 101) then
  always come with a line on stderr starting `error:` or `paused:`, the
  last one except after a trap, which is followed by its Wasm backtrace;
  a program's exit adds no line."
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
    /// Continue a call saved by `wasp run --gas N --save FILE`.
    #[command(after_help = RESUME_HELP)]
    Resume(ResumeArgs),
    /// Check that a module is valid WebAssembly.
    #[command(after_help = EXIT_CODES)]
    Validate(FileArgs),
    /// List the imports and exports of a module with their types, or show a
    /// saved paused call (gas, why it paused, memories, globals, frames).
    #[command(after_help = INSPECT_HELP)]
    Inspect(InspectArgs),
}

/// Extra help for `wasp run`.
const RUN_HELP: &str = concat!(
    "\
Arguments are parsed according to the parameter types of the function:
i32 and i64 as decimal integers (signed, or unsigned up to the type's
unsigned maximum, e.g. 4294967295 for i32), f32 and f64 as decimal floats
(also `inf`, `-inf`, `NaN`, `-0`), funcref and externref only as `null`.
Options must come before FILE: everything after FILE is an argument.

WASI: a module importing `wasi_snapshot_preview1` runs as `wasmtime run`
runs it: without --invoke, `_start` runs with ARGS as its argv (after
argv[0]); with --invoke, `_initialize` (a reactor's) runs first. Its stdin,
stdout and stderr are wasp's; it reaches only the --dir directories and sees
only the --env variables.
Each result is printed on its own line.

Gas: with --gas N, every instruction costs gas and the run may use at most N
(the start function, if the module has one, pays from the same N). When the
call finishes, `gas used: X` is printed on stderr: the gas of the called
function. When the gas runs out first, the call pauses: wasp says on stderr how
much gas the call used and how much gas its next step needs, and exits with 3.
With --save FILE the paused call is written to FILE, and
`wasp resume FILE --gas M` continues it, in another process if need be.
Without --gas nothing is metered: a function that never returns runs forever
(use --gas to bound it).

Trace: with --trace, every Wasm operator the called function executes (and
those of the functions it calls) is printed on stderr before it runs, as
`OFFSET FUNCTION: OPERATOR`, indented two spaces per call level. Operators
that Wasp folds into the instruction using their value (most `local.get`,
constants, `block`, `end`) print no line. Gas, pauses and results are the
same as without --trace. --trace-func NAME and --trace-limit N narrow it.

",
    exit_codes!()
);

/// Extra help for `wasp resume`.
const RESUME_HELP: &str = concat!(
    "\
The snapshot file (magic `WASPRUN1`) names the module by its absolute path
and records its content hash, the called function, the saved store (memories,
tables, globals and the paused call) and a checksum. The module is loaded from
that path, checked to be unchanged (its binary encoding: comments of a `.wat`
file do not count), instantiated again with no imports, and the saved state
is restored into it. The call then continues with N gas, which replaces the
gas left over when it paused: to make progress, N must be at least what the
pause message said the next step needs. When the call finishes, its results
are printed as by `wasp run`, and `gas used` counts the whole call, over all
its steps. If the gas runs out again, the call pauses again (exit code 3)
and, with --save FILE2, is saved again (FILE2 may be FILE itself). Unless
overwritten that way, FILE stays as it was and can be resumed again.

",
    exit_codes!()
);

/// Arguments of `wasp run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The exported function to call (default: `_start`).
    #[arg(long, value_name = "NAME")]
    pub invoke: Option<String>,
    /// WASI: let the program reach host directory HOST under the name GUEST
    /// (HOST when not given), and nothing outside it.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    pub dirs: Vec<String>,
    /// WASI: set the environment variable K to V (to the host's value of K
    /// when no value is given). Nothing else of the host's environment is
    /// passed.
    #[arg(long = "env", value_name = "K[=V]")]
    pub envs: Vec<String>,
    /// WASI: the program's name, argv[0] (default: FILE as given).
    #[arg(long, value_name = "NAME")]
    pub argv0: Option<String>,
    /// Meter the run and give it N gas; pause when it runs out.
    #[arg(long, value_name = "N")]
    pub gas: Option<u64>,
    /// When the gas runs out, save the paused call to FILE for `wasp resume`.
    #[arg(long, value_name = "FILE", requires = "gas")]
    pub save: Option<PathBuf>,
    /// Print every Wasm operator the call executes on stderr: its offset, function and
    /// text (`0x35 spin: i32.add`), indented by call depth.
    #[arg(long)]
    pub trace: bool,
    /// Trace only the function named NAME (or of index NAME); implies --trace.
    #[arg(long, value_name = "NAME")]
    pub trace_func: Option<String>,
    /// Trace at most N operators, then run on untraced; implies --trace.
    #[arg(long, value_name = "N")]
    pub trace_limit: Option<u64>,
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

/// Arguments of `wasp resume`.
#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// The snapshot file written by `--save`.
    #[arg(value_name = "FILE")]
    pub snapshot: PathBuf,
    /// The gas for this step of the call; pause again when it runs out.
    #[arg(long, value_name = "N")]
    pub gas: u64,
    /// When the gas runs out again, save the paused call to FILE2 (may be FILE).
    #[arg(long, value_name = "FILE2")]
    pub save: Option<PathBuf>,
    /// WASI: preopen HOST under the name GUEST again (default: the directories
    /// the program had when saved); its open files are reopened beneath it.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    pub dirs: Vec<String>,
}

/// Extra help for `wasp inspect`.
const INSPECT_HELP: &str = concat!(
    "\
FILE may be a module (`.wasm` or `.wat`): its imports and exports are listed.
It may also be a saved call: a file written by `wasp run --save` (which
names its module: it is read from there unless --module is given), or the
bytes of `Store::snapshot` (which does not: give its modules with --module,
one per module, matched by content hash). For a saved call, wasp prints the
gas used and left, why the call paused, the memories (size in pages and
bytes), tables, globals and the frames, innermost first: function index and
name, Wasm offset, source line when the module has DWARF debug info, and the
locals with their types. Nothing is instantiated or run. Without its module
a frame shows only its function index. Modules are compiled as `wasp run
--gas` compiles them (gas metering on, default costs).

",
    exit_codes!()
);

/// Arguments of `wasp inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A module (`.wasm`, `.wat`) or a saved call (`wasp run --save`, `Store::snapshot`).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// For a saved call: the module of its instances (repeat for several).
    #[arg(long = "module", value_name = "MODULE")]
    pub modules: Vec<PathBuf>,
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
        assert_eq!(run.invoke.as_deref(), Some("f"));
        assert_eq!(run.args, ["-1", "-inf", "--x"]);
    }

    /// `--gas` and `--save` are options of `run`; `--save` needs `--gas`.
    #[test]
    fn run_gas_and_save() {
        let cli = Cli::try_parse_from([
            "wasp", "run", "--gas", "10", "--save", "s", "m.wat", "1", "--gas",
        ])
        .unwrap();
        let Command::Run(run) = cli.command else {
            panic!("expected run");
        };
        assert_eq!(run.gas, Some(10));
        assert_eq!(run.save.as_deref(), Some(std::path::Path::new("s")));
        assert_eq!(run.args, ["1", "--gas"]);
        assert!(Cli::try_parse_from(["wasp", "run", "--save", "s", "m.wat"]).is_err());
    }

    /// `resume` takes the snapshot file and a required `--gas`, in any order.
    #[test]
    fn resume_arguments() {
        let cli = Cli::try_parse_from(["wasp", "resume", "s.snap", "--gas", "5"]).unwrap();
        let Command::Resume(resume) = cli.command else {
            panic!("expected resume");
        };
        assert_eq!(resume.snapshot, PathBuf::from("s.snap"));
        assert_eq!(resume.gas, 5);
        assert_eq!(resume.save, None);
        assert!(Cli::try_parse_from(["wasp", "resume", "s.snap"]).is_err());
        assert!(Cli::try_parse_from(["wasp", "resume", "--gas", "5"]).is_err());
    }
}
