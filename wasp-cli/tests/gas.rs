//! End-to-end tests of gas metering, pausing and snapshot files: `wasp run
//! --gas N [--save FILE]` and `wasp resume FILE --gas N [--save FILE2]`.

mod common;

use common::{fixture, scratch, stderr, stdout, wasp};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// What `sum 1000` returns: the sum of 1..=1000, the memory bucket of 1000
/// (8 + 24 + ... + 1000) and the iteration count plus the start function's 7.
const SUM_1000: &str = "500500\n31752\n1007\n";

/// The single line of stderr; fails if there is not exactly one.
fn one_stderr_line(output: &Output) -> String {
    let err = stderr(output);
    assert!(!err.contains("panicked"), "{err}");
    let lines: Vec<_> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr, got {err:?}");
    lines[0].to_owned()
}

/// Asserts exit code `code` and returns stdout and the one line of stderr.
fn expect_exit<S: AsRef<str> + std::fmt::Debug>(args: &[S], code: i32) -> (String, String) {
    let output = wasp(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "wasp {args:?}: stdout {:?}, stderr {:?}",
        stdout(&output),
        stderr(&output)
    );
    (stdout(&output), one_stderr_line(&output))
}

/// Asserts that `wasp` failed with exit code 1, nothing on stdout and one
/// `error: ...` line on stderr; returns that line.
fn failure<S: AsRef<str> + std::fmt::Debug>(args: &[S]) -> String {
    let (out, err) = expect_exit(args, 1);
    assert_eq!(out, "", "wasp {args:?}: unexpected stdout");
    assert!(err.starts_with("error: "), "wasp {args:?}: {err}");
    err
}

/// Asserts that `wasp` failed with exit code 1 on a trap: nothing on stdout,
/// an `error: ...` line then the Wasm backtrace on stderr; returns the error line.
fn trap_failure(args: &[&str]) -> String {
    let output = wasp(args);
    assert_eq!(output.status.code(), Some(1), "wasp {args:?}");
    assert_eq!(stdout(&output), "", "wasp {args:?}: unexpected stdout");
    let err = stderr(&output);
    let lines: Vec<_> = err.lines().collect();
    assert!(lines[0].starts_with("error: "), "wasp {args:?}: {err}");
    assert_eq!(
        lines.get(1),
        Some(&"wasm backtrace:"),
        "wasp {args:?}: {err}"
    );
    lines[0].to_owned()
}

/// Parses the `gas used: X` line.
fn gas_used(line: &str) -> u64 {
    line.strip_prefix("gas used: ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("expected `gas used: X`, found {line:?}"))
}

/// The number after `marker` in `line`, e.g. `after using 480 gas`.
fn number_after(line: &str, marker: &str) -> u64 {
    let rest = &line[line
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {line:?}"))
        + marker.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("{line:?}"))
}

/// The path as a string argument.
fn arg(path: &Path) -> String {
    path.to_str().expect("UTF-8 path").to_owned()
}

/// The gas `sum 1000` uses at the default prices. The function's entry (`block`, `loop`) is
/// free; the loop block costs local.get + i32.const + i32.add + local.set (4) + local.get +
/// local.get + i32.gt_u + br_if (4) + local.get + local.get + i64.extend_i32_u + i64.add +
/// local.set (5) + local.get + i32.const + i32.and + i32.const + i32.shl + local.set (6) +
/// local.get + local.get + i64.load 2 + local.get + i64.extend_i32_u + i64.add + i64.store 2
/// (9) + global.get + i32.const + i32.add + global.set (4) + br (1) = 33, paid 1001 times (the
/// last one leaves through the `br_if`); after the block, local.get (1) + local.get +
/// i32.const + i32.and + i32.const + i32.shl + i64.load 2 (7) + global.get (1) = 9.
/// 1001 * 33 + 9 = 33042.
const SUM_1000_GAS: u64 = 33042;

/// The loop block of `sum`.
const SUM_LOOP_GAS: u64 = 33;

/// Runs `sum 1000` uninterrupted with plenty of gas; returns the gas used.
fn full_run_gas() -> u64 {
    let (out, err) = expect_exit(
        &[
            "run", "--gas", "1000000", "--invoke", "sum", "@sum.wat", "1000",
        ],
        0,
    );
    assert_eq!(out, SUM_1000);
    gas_used(&err)
}

/// Starts `sum 1000` in `module` with too little gas and saves it to `file`.
fn start_paused(module: &str, file: &Path) {
    let (out, err) = expect_exit(
        &[
            "run",
            "--gas",
            "500",
            "--save",
            &arg(file),
            "--invoke",
            "sum",
            module,
            "1000",
        ],
        3,
    );
    assert_eq!(out, "");
    assert!(err.starts_with("paused: `sum` ran out of gas"), "{err}");
    assert!(
        err.contains(&format!("saved to `{}`", file.display())),
        "{err}"
    );
    assert!(file.exists());
}

/// With enough gas, `run --gas` prints the same results as an unmetered run,
/// and `gas used` on stderr.
#[test]
fn run_with_enough_gas_prints_results_and_gas_used() {
    let plain = wasp(&["run", "--invoke", "sum", "@sum.wat", "1000"]);
    assert_eq!(stdout(&plain), SUM_1000);
    assert_eq!(stderr(&plain), "", "no gas line without --gas");
    assert_eq!(full_run_gas(), SUM_1000_GAS);
    // Metering is deterministic.
    assert_eq!(full_run_gas(), SUM_1000_GAS);
}

/// Running out of gas without `--save` exits with 3 and hints at `--save`.
#[test]
fn pause_without_save_exits_3_with_hint() {
    let (out, err) = expect_exit(
        &["run", "--gas", "1000", "--invoke", "spin", "@forever.wat"],
        3,
    );
    assert_eq!(out, "");
    assert!(
        err.starts_with("paused: `spin` ran out of gas after using "),
        "{err}"
    );
    assert!(err.contains("--save FILE"), "{err}");
    // The loop block is one `br` (1 gas): 1000 rounds, and the next needs 1.
    assert_eq!(number_after(&err, "after using "), 1000, "{err}");
    assert_eq!(number_after(&err, "next step needs "), 1, "{err}");
}

/// `run --gas --save` exits with 3 and writes the snapshot; `resume` with
/// plenty of gas gives the results and total gas of an uninterrupted run.
#[test]
fn save_then_resume_matches_uninterrupted_run() {
    let dir = scratch("gas-tests", "save_then_resume");
    let file = dir.join("sum.snap");
    start_paused("@sum.wat", &file);
    let bytes = fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"WASPRUN1"));

    let (out, err) = expect_exit(&["resume", &arg(&file), "--gas", "1000000000"], 0);
    assert_eq!(out, SUM_1000);
    assert_eq!(gas_used(&err), full_run_gas());
    // Resuming does not consume the file: it can be resumed again.
    let (out, err) = expect_exit(&["resume", &arg(&file), "--gas", "1000000000"], 0);
    assert_eq!(out, SUM_1000);
    assert_eq!(gas_used(&err), full_run_gas());
}

/// Resuming in many small steps, saving each time (to the same file and to
/// new files), gives the same results and total gas.
#[test]
fn resume_in_several_steps() {
    let dir = scratch("gas-tests", "several_steps");
    let file = dir.join("sum.snap");
    start_paused("@sum.wat", &file);
    let mut pauses = 0;
    let mut used_so_far = 0;
    let mut current = file.clone();
    let (out, err) = loop {
        // Alternate between overwriting the file and writing a new one.
        let next = if pauses % 2 == 0 {
            current.clone()
        } else {
            dir.join(format!("step{pauses}.snap"))
        };
        let output = wasp(&[
            "resume",
            &arg(&current),
            "--gas",
            "700",
            "--save",
            &arg(&next),
        ]);
        let err = one_stderr_line(&output);
        match output.status.code() {
            Some(0) => break (stdout(&output), err),
            Some(3) => {
                assert_eq!(stdout(&output), "");
                let used = number_after(&err, "after using ");
                assert!(used > used_so_far, "no progress: {err}");
                used_so_far = used;
                pauses += 1;
                current = next;
            }
            other => panic!("exit {other:?}: {err}"),
        }
        assert!(pauses < 1000, "never finished");
    };
    // The first run paid 15 loop blocks (495 of 500 gas); each resume with 700 pays 21 (693).
    // 1001 - 15 = 986 blocks are left: 46 resumes of 21 pause, the 47th pays 20 and the
    // last 9.
    assert_eq!(used_so_far, 495 + 46 * 21 * SUM_LOOP_GAS);
    assert_eq!(pauses, 46);
    assert_eq!(out, SUM_1000);
    assert_eq!(gas_used(&err), full_run_gas());
}

/// The "next step needs" figure is enough to make progress, and a budget
/// below it pauses again without progress.
#[test]
fn next_step_figure_is_truthful() {
    let dir = scratch("gas-tests", "next_step");
    let file = dir.join("sum.snap");
    let (_, err) = expect_exit(
        &[
            "run",
            "--gas",
            "500",
            "--save",
            &arg(&file),
            "--invoke",
            "sum",
            "@sum.wat",
            "1000",
        ],
        3,
    );
    let used = number_after(&err, "after using ");
    let next = number_after(&err, "next step needs ");
    // 500 gas pay for 15 loop blocks of 33 (495); the next step is another loop block.
    assert_eq!((used, next), (15 * SUM_LOOP_GAS, SUM_LOOP_GAS), "{err}");

    let again = dir.join("again.snap");
    let (_, err) = expect_exit(
        &[
            "resume",
            &arg(&file),
            "--gas",
            &(next - 1).to_string(),
            "--save",
            &arg(&again),
        ],
        3,
    );
    assert_eq!(number_after(&err, "after using "), used, "{err}");
    assert_eq!(number_after(&err, "next step needs "), next, "{err}");

    let (_, err) = expect_exit(
        &[
            "resume",
            &arg(&file),
            "--gas",
            &next.to_string(),
            "--save",
            &arg(&again),
        ],
        3,
    );
    // Exactly one more loop block.
    assert_eq!(
        number_after(&err, "after using "),
        used + SUM_LOOP_GAS,
        "{err}"
    );
}

/// Damaged and truncated snapshot files fail with one line and exit 1.
#[test]
fn corrupt_or_truncated_snapshot_is_one_line_error() {
    let dir = scratch("gas-tests", "corrupt");
    let file = dir.join("sum.snap");
    start_paused("@sum.wat", &file);
    let bytes = fs::read(&file).unwrap();
    let damaged = dir.join("damaged.snap");

    let mut cuts = vec![
        0,
        4,
        8,
        11,
        20,
        bytes.len() / 2,
        bytes.len() - 9,
        bytes.len() - 1,
    ];
    cuts.retain(|&cut| cut < bytes.len());
    for cut in cuts {
        fs::write(&damaged, &bytes[..cut]).unwrap();
        let err = failure(&["resume", &arg(&damaged), "--gas", "1000000"]);
        assert!(err.contains("not a usable snapshot"), "cut at {cut}: {err}");
    }
    for at in [9, 40, bytes.len() / 2, bytes.len() - 20, bytes.len() - 3] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x41;
        fs::write(&damaged, &changed).unwrap();
        let err = failure(&["resume", &arg(&damaged), "--gas", "1000000"]);
        assert!(err.contains("not a usable snapshot"), "byte {at}: {err}");
    }
    let err = failure(&["resume", "@sum.wat", "--gas", "1"]);
    assert!(err.contains("expected the magic bytes `WASPRUN1`"), "{err}");
    let err = failure(&["resume", &arg(&dir.join("missing.snap")), "--gas", "1"]);
    assert!(err.contains("missing.snap"), "{err}");
}

/// 64-bit FNV-1a, the checksum of snapshot files.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Rewrites the checksum of a snapshot file after its contents were changed.
fn reseal(bytes: &mut [u8]) {
    let end = bytes.len() - 8;
    let checksum = fnv1a(&bytes[..end]);
    bytes[end..].copy_from_slice(&checksum.to_le_bytes());
}

/// A well-framed file whose core snapshot is damaged reports the store's
/// snapshot error on one line.
#[test]
fn damaged_core_snapshot_reports_snapshot_error() {
    let dir = scratch("gas-tests", "core_damage");
    let file = dir.join("sum.snap");
    start_paused("@sum.wat", &file);
    let bytes = fs::read(&file).unwrap();
    let core = bytes
        .windows(8)
        .position(|w| w == b"WASPSNAP")
        .expect("the core snapshot");
    let damaged = dir.join("damaged.snap");

    let mut changed = bytes.clone();
    changed[core] = b'X';
    reseal(&mut changed);
    fs::write(&damaged, &changed).unwrap();
    let err = failure(&["resume", &arg(&damaged), "--gas", "1000000"]);
    assert!(err.contains("cannot restore"), "{err}");
    assert!(err.contains("not a Wasp snapshot"), "{err}");

    // The core snapshot's version field.
    let mut changed = bytes.clone();
    changed[core + 8] = 9;
    reseal(&mut changed);
    fs::write(&damaged, &changed).unwrap();
    let err = failure(&["resume", &arg(&damaged), "--gas", "1000000"]);
    assert!(err.contains("expected 3, found 9"), "{err}");

    // Whatever a resealed byte change does, the result is a clean outcome:
    // an error line, or a finished or paused call, never a crash.
    for at in (core..bytes.len() - 8).step_by(997) {
        let mut changed = bytes.clone();
        changed[at] ^= 0xff;
        reseal(&mut changed);
        fs::write(&damaged, &changed).unwrap();
        let output = wasp(&["resume", &arg(&damaged), "--gas", "1000000"]);
        let err = one_stderr_line(&output);
        assert!(
            matches!(output.status.code(), Some(0 | 1 | 3)),
            "byte {at}: {:?} {err}",
            output.status
        );
        assert!(!err.contains("internal error"), "byte {at}: {err}");
    }
}

/// A snapshot whose module file changed, or disappeared, is refused.
#[test]
fn changed_module_is_refused() {
    let dir = scratch("gas-tests", "changed_module");
    let module = dir.join("sum.wat");
    fs::copy(fixture("sum.wat"), &module).unwrap();
    let file = dir.join("sum.snap");
    start_paused(&arg(&module), &file);

    // Comments are not part of the module's binary: still the same module.
    let text = fs::read_to_string(&module).unwrap();
    fs::write(&module, format!(";; edited\n{text}")).unwrap();
    let (out, _) = expect_exit(&["resume", &arg(&file), "--gas", "1000000"], 0);
    assert_eq!(out, SUM_1000);

    fs::write(&module, text.replace("(i32.const 15)", "(i32.const 7)")).unwrap();
    let err = failure(&["resume", &arg(&file), "--gas", "1000000"]);
    assert!(err.contains("changed since the snapshot"), "{err}");
    assert!(err.contains("expected content hash"), "{err}");
    assert!(err.contains("found"), "{err}");

    fs::remove_file(&module).unwrap();
    let err = failure(&["resume", &arg(&file), "--gas", "1000000"]);
    assert!(err.contains("the module of the snapshot"), "{err}");
    assert!(err.contains("sum.wat"), "{err}");
}

/// The snapshot names the module by absolute path: it resumes from any
/// working directory.
#[test]
fn resume_from_another_directory() {
    let dir = scratch("gas-tests", "other_dir");
    let file = dir.join("sum.snap");
    let output = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .current_dir(fixture(""))
        .args([
            "run",
            "--gas",
            "500",
            "--save",
            &arg(&file),
            "--invoke",
            "sum",
            "sum.wat",
            "1000",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let output = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .current_dir(&dir)
        .args(["resume", "sum.snap", "--gas", "1000000"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), SUM_1000, "{}", stderr(&output));
}

/// A trap in a metered call is an ordinary error, as without `--gas`.
#[test]
fn trap_under_gas_is_an_error() {
    let err = trap_failure(&[
        "run",
        "--gas",
        "1000",
        "--invoke",
        "div",
        "@trap.wat",
        "1",
        "0",
    ]);
    assert!(err.contains("integer divide by zero"), "{err}");
}

/// A start function that runs out of gas cannot pause: it is an error.
#[test]
fn start_function_pays_from_the_budget() {
    let err = trap_failure(&["run", "--gas", "0", "--invoke", "sum", "@sum.wat", "1"]);
    assert!(err.contains("cannot instantiate"), "{err}");
    assert!(err.contains("all gas consumed"), "{err}");
}

/// `--save` needs `--gas`, and `resume` needs `--gas`: usage errors (exit 2).
#[test]
fn usage_errors() {
    let output = wasp(&[
        "run", "--save", "x.snap", "--invoke", "sum", "@sum.wat", "1",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = wasp(&["resume", "x.snap"]);
    assert_eq!(output.status.code(), Some(2));
    let output = wasp(&["run", "--gas", "-1", "--invoke", "sum", "@sum.wat", "1"]);
    assert_eq!(output.status.code(), Some(2));
}

/// The help texts document gas, pausing, resuming and exit code 3.
#[test]
fn help_documents_gas_and_exit_code_3() {
    let output = wasp(&["run", "--help"]);
    let out = stdout(&output);
    assert!(out.contains("--gas <N>"), "{out}");
    assert!(out.contains("--save <FILE>"), "{out}");
    assert!(out.contains("runs forever"), "{out}");
    assert!(out.contains("  3    paused"), "{out}");
    let out = stdout(&wasp(&["resume", "--help"]));
    assert!(out.contains("absolute path"), "{out}");
    assert!(out.contains("  3    paused"), "{out}");
    let out = stdout(&wasp(&["--help"]));
    assert!(out.contains("resume"), "{out}");
    assert!(out.contains("  3    paused"), "{out}");
}

/// A file written by another program following the documented format is
/// read; one whose core snapshot holds no paused call is refused.
#[test]
fn hand_made_file_without_paused_call_is_refused() {
    use wasp_core::{Config, Engine, Linker, Module, Store};

    let dir = scratch("gas-tests", "no_call");
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, fs::read(fixture("sum.wat")).unwrap()).unwrap();
    let mut store = Store::new(&engine, ());
    store.set_gas(1000).unwrap();
    Linker::<()>::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let core = store.snapshot(None);

    // A relative module path is read relative to the snapshot's directory.
    fs::copy(fixture("sum.wat"), dir.join("sum.wat")).unwrap();
    let mut bytes = b"WASPRUN1".to_vec();
    bytes.extend_from_slice(&7u32.to_le_bytes());
    bytes.extend_from_slice(b"sum.wat");
    bytes.extend_from_slice(&module.content_hash().to_le_bytes());
    bytes.extend_from_slice(&3u32.to_le_bytes());
    bytes.extend_from_slice(b"sum");
    bytes.extend_from_slice(&(core.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&core);
    bytes.extend_from_slice(&[0; 8]);
    reseal(&mut bytes);
    let file = dir.join("idle.snap");
    fs::write(&file, &bytes).unwrap();

    let err = failure(&["resume", &arg(&file), "--gas", "1000"]);
    assert!(err.contains("holds no paused call"), "{err}");
}
