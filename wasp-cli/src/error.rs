//! The errors `wasp` reports, and how they are turned into one line of text.

use std::error::Error as _;
use std::io;
use std::path::PathBuf;

use wasp_core::SnapshotError;

use crate::snapshot_file::FormatError;

/// Everything that can go wrong while running a `wasp` command.
///
/// Each message says what was expected and what was found; `main` prints it
/// as a single `error: ...` line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A `--dir` or `--env` option, or a WASI feature not available.
    #[error("{0}")]
    Wasi(String),
    /// The module file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file that was being read.
        path: PathBuf,
        /// Why reading failed.
        source: io::Error,
    },
    /// The file is not a valid WebAssembly module (binary or text).
    #[error("`{}` is not a valid module: {}", path.display(), module_error(error))]
    Invalid {
        /// The offending file.
        path: PathBuf,
        /// The decoding, parsing or validation error.
        error: wasp_core::Error,
    },
    /// Linking or initialising the module failed (e.g. a missing import).
    #[error("cannot instantiate `{}`: {error}", path.display())]
    Instantiate {
        /// The module being instantiated.
        path: PathBuf,
        /// The link, initialisation or start-function error.
        error: wasp_core::Error,
    },
    /// The requested export does not exist.
    #[error(
        "the module has no export named `{name}`; exported functions: {}",
        list_or_none(available)
    )]
    MissingExport {
        /// The name that was asked for.
        name: String,
        /// The names of the exported functions.
        available: Vec<String>,
    },
    /// The requested export exists but is not a function.
    #[error(
        "export `{name}` is {found}, expected a function; exported functions: {}",
        list_or_none(available)
    )]
    NotAFunction {
        /// The name that was asked for.
        name: String,
        /// The type of the export that was found, in Wasm text notation.
        found: String,
        /// The names of the exported functions.
        available: Vec<String>,
    },
    /// The number of command-line arguments does not match the parameters.
    #[error(
        "cannot call `{name}`: expected {expected} argument{} for {ty}, found {found}",
        plural(*expected)
    )]
    ArgCount {
        /// The function being called.
        name: String,
        /// The function's type, in Wasm text notation.
        ty: String,
        /// How many parameters the function has.
        expected: usize,
        /// How many arguments were given.
        found: usize,
    },
    /// A command-line argument could not be parsed as its parameter's type.
    #[error(
        "cannot call `{name}`: argument {position} for {ty}: expected {expected}, found `{found}`"
    )]
    BadArg {
        /// The function being called.
        name: String,
        /// The function's type, in Wasm text notation.
        ty: String,
        /// The 1-based position of the argument.
        position: usize,
        /// A description of what the parameter accepts.
        expected: String,
        /// The argument as given.
        found: String,
    },
    /// The called function trapped or otherwise failed while running.
    #[error("`{name}` failed: {error}")]
    Call {
        /// The function that was called.
        name: String,
        /// The trap or runtime error.
        error: wasp_core::Error,
    },
    /// A metered call yielded, which only host functions can make it do; `wasp` links none.
    #[error(
        "`{name}` yielded, expected it to finish or run out of gas (wasp links no host functions)"
    )]
    Yielded {
        /// The function that was called.
        name: String,
    },
    /// The module path cannot be recorded in a snapshot file.
    #[error("cannot save the call: the module path `{}` is not valid UTF-8", path.display())]
    PathNotUtf8 {
        /// The module's path.
        path: PathBuf,
    },
    /// The snapshot file could not be written.
    #[error("cannot write the snapshot `{}`: {source}", path.display())]
    WriteSnapshot {
        /// The file that was being written.
        path: PathBuf,
        /// Why writing failed.
        source: io::Error,
    },
    /// The snapshot file's framing is damaged or it is not a snapshot file.
    #[error("`{}` is not a usable snapshot: {error}", path.display())]
    SnapshotFormat {
        /// The snapshot file.
        path: PathBuf,
        /// What is wrong with it.
        error: FormatError,
    },
    /// The module a snapshot names could not be read.
    #[error(
        "cannot read `{}`, the module of the snapshot `{}`: {source}",
        module.display(),
        snapshot.display()
    )]
    SnapshotModule {
        /// The snapshot file.
        snapshot: PathBuf,
        /// The module it names.
        module: PathBuf,
        /// Why reading failed.
        source: io::Error,
    },
    /// The module file changed since the snapshot was saved.
    #[error(
        "the module `{}` changed since the snapshot `{}` was saved: expected content hash \
         {expected:016x}, found {found:016x}",
        module.display(),
        snapshot.display()
    )]
    ModuleChanged {
        /// The snapshot file.
        snapshot: PathBuf,
        /// The module it names.
        module: PathBuf,
        /// The hash recorded in the snapshot.
        expected: u64,
        /// The hash of the module file now.
        found: u64,
    },
    /// The core snapshot inside the file could not be restored into the rebuilt store.
    #[error("cannot restore the snapshot `{}`: {error}", path.display())]
    Restore {
        /// The snapshot file.
        path: PathBuf,
        /// What the store found wrong.
        error: SnapshotError,
    },
    /// A snapshot given to `wasp inspect` is damaged or inconsistent.
    #[error("cannot inspect the snapshot `{}`: {error}", path.display())]
    InspectSnapshot {
        /// The snapshot file.
        path: PathBuf,
        /// What is wrong with it.
        error: SnapshotError,
    },
    /// The snapshot holds the store's state but no paused call.
    #[error("the snapshot `{}` holds no paused call: expected one saved by `wasp run --save`", path.display())]
    NoPausedCall {
        /// The snapshot file.
        path: PathBuf,
    },
    /// Writing the output failed (other than a closed pipe).
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
}

impl CliError {
    /// The process exit code for this error; see the `--help` text.
    pub fn exit_code(&self) -> u8 {
        1
    }

    /// Where the guest was when it trapped, for errors that are traps of a running call.
    /// Bad input (a file, an argument) never has one: its error stays one line.
    pub fn backtrace(&self) -> Option<&wasp_core::WasmBacktrace> {
        match self {
            CliError::Call { error, .. } | CliError::Instantiate { error, .. } => error
                .as_trap()
                .and_then(wasp_core::Trap::backtrace)
                .filter(|b| !b.frames().is_empty()),
            _ => None,
        }
    }
}

/// The text of a module error without the engine's `invalid module: ` prefix,
/// which would repeat what [`CliError::Invalid`] already says.
fn module_error(error: &wasp_core::Error) -> String {
    match error {
        wasp_core::Error::Module(inner) => inner.to_string(),
        other => other.to_string(),
    }
}

/// `"s"` unless `n` is 1.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Joins `names` with commas, or says `(none)` when there are none.
fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "(none)".to_owned()
    } else {
        names.join(", ")
    }
}

/// Renders `err` and its chain of sources as a single line.
///
/// A source is appended only when its text is not already part of the
/// message (error types often embed their source's `Display`), and any line
/// breaks are folded into spaces.
pub fn one_line(err: &CliError) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    fold_lines(&message)
}

/// Folds a multi-line message into one line.
///
/// Diagnostics of the text-format parser look like
/// `expected `(`\n  --> <anon>:1:1\n   |\n 1 | [package]\n   | ^`: the
/// `-->` location is kept as `(at line 1, column 1)` and the source-snippet
/// lines (those containing ` | ` gutters) are dropped. Other line breaks
/// and runs of whitespace become single spaces.
fn fold_lines(message: &str) -> String {
    let mut parts = Vec::new();
    for (index, line) in message.lines().enumerate() {
        let line = line.trim();
        if let Some(location) = line.strip_prefix("-->") {
            let location = location.trim();
            let location = match location
                .strip_prefix("<anon>:")
                .and_then(|lc| lc.split_once(':'))
            {
                Some((line, column)) => format!("line {line}, column {column}"),
                None => location.to_owned(),
            };
            parts.push(format!("(at {location})"));
        } else if index > 0 && is_snippet(line) {
            continue;
        } else if !line.is_empty() {
            parts.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    parts.join(" ")
}

/// Whether `line` (trimmed) is part of a source snippet: `|`, `| ^^^` or
/// `12 | source text`.
fn is_snippet(line: &str) -> bool {
    let gutter = line.trim_start_matches(|c: char| c.is_ascii_digit());
    gutter == "|" || gutter.starts_with("| ") || gutter.starts_with(" |")
}

/// Replaces the default panic message (and backtrace hint) with one
/// `error: internal error: ...` line, so a bug never dumps a backtrace on
/// the user.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("unknown cause");
        let message = fold_lines(message);
        eprintln!("error: internal error (a bug in wasp): {message}");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sources already embedded in the message are not repeated, others are appended.
    #[test]
    fn one_line_chains_sources() {
        let err = CliError::Read {
            path: PathBuf::from("x.wasm"),
            source: io::Error::new(io::ErrorKind::NotFound, "gone\naway"),
        };
        assert_eq!(one_line(&err), "cannot read `x.wasm`: gone away");
    }

    /// Parser diagnostics keep their message and location, not the snippet.
    #[test]
    fn fold_parser_diagnostic() {
        let text = "not a valid text module: expected `(`\n     --> <anon>:3:7\n      |\n    3 | [package]\n      | ^";
        assert_eq!(
            fold_lines(text),
            "not a valid text module: expected `(` (at line 3, column 7)"
        );
        assert_eq!(fold_lines("a\n  b   c\n"), "a b c");
        assert_eq!(fold_lines("x | y"), "x | y");
    }

    /// The argument-count message names the expected and found counts.
    #[test]
    fn arg_count_message() {
        let err = CliError::ArgCount {
            name: "f".into(),
            ty: "(func (param i32) (result i32))".into(),
            expected: 1,
            found: 2,
        };
        assert_eq!(
            err.to_string(),
            "cannot call `f`: expected 1 argument for (func (param i32) (result i32)), found 2"
        );
    }
}
