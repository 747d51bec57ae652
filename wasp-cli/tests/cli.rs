//! End-to-end tests of the `wasp` binary, run as a child process.

mod common;

use common::{stderr, stdout, wasp};

use std::path::PathBuf;

/// Asserts success and returns stdout.
fn success(args: &[&str]) -> String {
    let output = wasp(args);
    assert!(
        output.status.success(),
        "wasp {args:?} failed with {}: {}",
        output.status,
        stderr(&output)
    );
    stdout(&output)
}

/// Asserts that `wasp` failed with exit code 1 and printed exactly one line,
/// `error: ...`, on stderr and nothing on stdout; returns that line.
fn failure(args: &[&str]) -> String {
    let output = wasp(args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "wasp {args:?}: stdout {:?}, stderr {:?}",
        stdout(&output),
        stderr(&output)
    );
    assert_eq!(stdout(&output), "", "wasp {args:?}: unexpected stdout");
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "wasp {args:?} panicked: {err}");
    assert!(!err.contains("backtrace"), "wasp {args:?}: {err}");
    let lines: Vec<_> = err.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "wasp {args:?}: expected one line, got {err:?}"
    );
    assert!(lines[0].starts_with("error: "), "wasp {args:?}: {err:?}");
    lines[0].to_owned()
}

/// Asserts that `wasp` failed with exit code 1 and nothing on stdout; returns
/// all of stderr (a trap's one-line error and its backtrace).
fn trap_failure(args: &[&str]) -> String {
    let output = wasp(args);
    assert_eq!(output.status.code(), Some(1), "wasp {args:?}");
    assert_eq!(stdout(&output), "", "wasp {args:?}: unexpected stdout");
    stderr(&output)
}

/// `run` prints the single result of an `i32` function.
#[test]
fn run_prints_result() {
    assert_eq!(
        success(&["run", "--invoke", "add", "@add.wat", "2", "40"]),
        "42\n"
    );
}

/// Integer arguments accept the signed and unsigned ranges; results print signed.
#[test]
fn run_integers_signed_and_unsigned() {
    assert_eq!(
        success(&["run", "--invoke", "add", "@add.wat", "-5", "3"]),
        "-2\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "add", "@add.wat", "4294967295", "0"]),
        "-1\n"
    );
    assert_eq!(
        success(&[
            "run",
            "--invoke",
            "add64",
            "@add.wat",
            "9223372036854775807",
            "1"
        ]),
        "-9223372036854775808\n"
    );
}

/// A function without results prints nothing.
#[test]
fn run_without_results_prints_nothing() {
    assert_eq!(success(&["run", "--invoke", "nothing", "@add.wat"]), "");
}

/// Without `--invoke`, `run` calls `_start`.
#[test]
fn run_defaults_to_start() {
    assert_eq!(success(&["run", "@start.wat"]), "42\n");
}

/// Float arguments and results use Rust's syntax, including `inf`, `-0` and `NaN`.
#[test]
fn run_prints_floats() {
    assert_eq!(
        success(&["run", "--invoke", "half", "@float.wat", "3"]),
        "1.5\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "half", "@float.wat", "-inf"]),
        "-inf\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "half", "@float.wat", "-0"]),
        "-0\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "half", "@float.wat", "NaN"]),
        "NaN\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "div32", "@float.wat", "1", "0"]),
        "inf\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "div32", "@float.wat", "1", "3"]),
        "0.33333334\n"
    );
}

/// Each result of a multi-value function is printed on its own line.
#[test]
fn run_multi_value() {
    assert_eq!(
        success(&["run", "--invoke", "swap", "@multi.wat", "7", "-8"]),
        "-8\n7\n1.5\n"
    );
}

/// Reference results print as `ref.null func`, `ref.func` and `ref.null extern`.
#[test]
fn run_prints_references() {
    assert_eq!(
        success(&["run", "--invoke", "null_func", "@multi.wat"]),
        "ref.null func\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "some_func", "@multi.wat"]),
        "ref.func\n"
    );
    assert_eq!(
        success(&["run", "--invoke", "null_extern", "@multi.wat", "null"]),
        "ref.null extern\n"
    );
}

/// A trap fails with exit code 1, the trap message on one line, then the Wasm backtrace.
#[test]
fn run_trap_is_one_line_error_then_backtrace() {
    let err = trap_failure(&["run", "--invoke", "div", "@trap.wat", "1", "0"]);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains("integer divide by zero"), "{err}");
    assert_eq!(lines[1], "wasm backtrace:", "{err}");
    assert!(lines[2].starts_with("     0: "), "{err}");
    assert!(lines[2].ends_with(" - <wasm function 0>"), "{err}");
    let err = trap_failure(&["run", "--invoke", "boom", "@trap.wat"]);
    assert!(err.contains("unreachable"), "{err}");
    assert!(err.contains(" - <wasm function 1>"), "{err}");
}

/// Instantiating with the empty linker names the missing import.
#[test]
fn run_missing_import_is_named() {
    let err = failure(&["run", "--invoke", "call", "@import.wat", "1"]);
    assert!(err.contains("env"), "{err}");
    assert!(err.contains("host_double"), "{err}");
}

/// An unknown `--invoke` name lists the exported functions.
#[test]
fn run_missing_export_lists_functions() {
    let err = failure(&["run", "--invoke", "nope", "@add.wat"]);
    assert!(err.contains("`nope`"), "{err}");
    assert!(err.contains("add, add64, nothing"), "{err}");
    let err = failure(&["run", "@add.wat"]);
    assert!(err.contains("`_start`"), "{err}");
}

/// Invoking a non-function export says what was found.
#[test]
fn run_export_that_is_not_a_function() {
    let err = failure(&["run", "--invoke", "memory", "@add.wat"]);
    assert!(err.contains("(memory 1)"), "{err}");
    assert!(err.contains("expected a function"), "{err}");
}

/// A wrong argument count shows the expected count, the type and the found count.
#[test]
fn run_wrong_argument_count() {
    let err = failure(&["run", "--invoke", "add", "@add.wat", "1"]);
    assert!(
        err.contains("expected 2 arguments for (func (param i32 i32) (result i32)), found 1"),
        "{err}"
    );
    let err = failure(&["run", "--invoke", "half", "@float.wat", "1", "2"]);
    assert!(
        err.contains("expected 1 argument for (func (param f64) (result f64)), found 2"),
        "{err}"
    );
}

/// An unparsable argument shows its position, the expected type and the text found.
#[test]
fn run_bad_argument_format() {
    let err = failure(&["run", "--invoke", "add", "@add.wat", "1", "two"]);
    assert!(err.contains("argument 2"), "{err}");
    assert!(err.contains("expected i32"), "{err}");
    assert!(err.contains("found `two`"), "{err}");
    let err = failure(&["run", "--invoke", "add", "@add.wat", "4294967296", "0"]);
    assert!(err.contains("expected i32"), "{err}");
    let err = failure(&["run", "--invoke", "half", "@float.wat", "1.5.2"]);
    assert!(err.contains("expected f64"), "{err}");
    assert!(err.contains("found `1.5.2`"), "{err}");
}

/// An unreadable file is reported with its path.
#[test]
fn run_missing_file() {
    let err = failure(&["run", "does-not-exist.wasm"]);
    assert!(err.contains("does-not-exist.wasm"), "{err}");
}

/// `validate` accepts a valid module with `FILE: valid`.
#[test]
fn validate_valid_module() {
    let out = success(&["validate", "@add.wat"]);
    assert!(out.ends_with("add.wat: valid\n"), "{out}");
    assert_eq!(out.lines().count(), 1);
}

/// `validate` rejects a malformed binary module.
#[test]
fn validate_garbage() {
    let err = failure(&["validate", "@garbage.wasm"]);
    assert!(err.contains("garbage.wasm"), "{err}");
    assert!(err.contains("not a valid module"), "{err}");
}

/// `validate` rejects a file that is neither binary nor text Wasm.
#[test]
fn validate_garbage_text() {
    // Cargo.toml is neither a binary module nor WAT.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let err = failure(&["validate", manifest.to_str().unwrap()]);
    assert!(err.contains("not a valid module"), "{err}");
}

/// `inspect` prints imports, then exports, with their Wasm types.
#[test]
fn inspect_lists_imports_and_exports() {
    assert_eq!(
        success(&["inspect", "@import.wat"]),
        "import \"env\" \"host_double\": (func (param i32) (result i32))\n\
         export \"call\": (func (param i32) (result i32))\n"
    );
    let out = success(&["inspect", "@add.wat"]);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(lines[0], "export \"memory\": (memory 1)");
    assert!(lines[1].starts_with("export \"counter\": (global"), "{out}");
    assert!(lines[2].starts_with("export \"table\": (table"), "{out}");
    assert_eq!(
        lines[3],
        "export \"add\": (func (param i32 i32) (result i32))"
    );
    assert_eq!(lines[5], "export \"nothing\": (func)");
}

/// `inspect` prints every memory of a module with several, a custom page size in Wasm text.
#[test]
fn inspect_prints_each_memory_with_its_page_size() {
    assert_eq!(
        success(&["inspect", "@memories.wat"]),
        "import \"env\" \"shared\": (memory 1 (pagesize 1))\n\
         export \"pages\": (memory 1 2)\n\
         export \"bytes\": (memory 3 100 (pagesize 1))\n"
    );
}

/// `inspect` prints 64-bit memories with their index type, in Wasm text.
#[test]
fn inspect_prints_64_bit_memories() {
    assert_eq!(
        success(&["inspect", "@memory64.wat"]),
        "import \"env\" \"heap\": (memory i64 1)\n\
         export \"wide\": (memory i64 2 8)\n\
         export \"wide_bytes\": (memory i64 3 100 (pagesize 1))\n"
    );
}

/// `inspect` prints typed function references in Wasm text, a concrete type as its signature.
#[test]
fn inspect_prints_typed_function_references() {
    let step = "(func (param i32) (result i32))";
    assert_eq!(
        success(&["inspect", "@typed_refs.wat"]),
        format!(
            "import \"env\" \"next\": (global (ref null {step}))\n\
             export \"apply\": (func (param (ref {step}) i32) (result i32))\n\
             export \"steps\": (table 2 (ref {step}))\n\
             export \"any\": (global (ref func))\n"
        )
    );
}

/// Command-line syntax errors use clap's exit code 2.
#[test]
fn usage_errors_exit_with_2() {
    let output = wasp(&["run"]);
    assert_eq!(output.status.code(), Some(2));
    let output = wasp(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

/// `--help` documents the exit codes.
#[test]
fn help_documents_exit_codes() {
    let out = success(&["run", "--help"]);
    assert!(out.contains("Exit codes"), "{out}");
}

/// All commands accept the binary format as well as text.
#[test]
fn binary_modules_work_too() {
    // fixtures/answer.wasm: (func (export "answer") (result i32) i32.const 42)
    assert_eq!(
        success(&["run", "--invoke", "answer", "@answer.wasm"]),
        "42\n"
    );
    assert!(success(&["validate", "@answer.wasm"]).ends_with("answer.wasm: valid\n"));
    assert_eq!(
        success(&["inspect", "@answer.wasm"]),
        "export \"answer\": (func (result i32))\n"
    );
}

/// A text-format parse error keeps its location but not its source snippet.
#[test]
fn parse_error_is_one_line_with_location() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let err = failure(&["validate", manifest.to_str().unwrap()]);
    assert!(err.contains("(at line 1, column 1)"), "{err}");
}
