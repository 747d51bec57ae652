//! `wasp inspect` on saved calls: the run files of `wasp run --save` and core snapshots
//! with `--module`; damaged files give one `error:` line, never a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The path of a file in `tests/fixtures/`.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// A fresh scratch directory for the test `name`, holding a copy of `spin.wat`.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("inspect-tests")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    fs::copy(fixture("spin.wat"), dir.join("spin.wat")).expect("copy the fixture");
    dir
}

fn wasp(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wasp"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("failed to start wasp")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

/// `run 1000` of `spin.wat` paused after 60 gas and saved to `r.snap`.
fn saved(dir: &Path) -> PathBuf {
    let out = wasp(
        dir,
        &[
            "run", "--gas", "60", "--save", "r.snap", "--invoke", "run", "spin.wat", "1000",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    dir.join("r.snap")
}

/// What `wasp inspect` says of the paused call after its first line.
const PAUSED: &str = "\
gas used: 56
gas left: 4
paused: out of gas: the next step needs 12 gas, 8 more than is left
memory 0: 1 page of 65536 bytes (65536 bytes), maximum 3 pages
global 0: (mut i32) 4
frames (innermost first):
     0:     0x35 - spin
          locals: i32 1000, i32 4
     1:     0x5b - run
          locals: i32 1000, f32 2.5
";

#[test]
fn a_run_file_shows_gas_reason_memories_globals_and_frames() {
    let dir = scratch("run-file");
    saved(&dir);
    let out = wasp(&dir, &["inspect", "r.snap"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let module = dir.join("spin.wat").canonicalize().expect("path");
    let expected = format!("paused call of `run` in `{}`\n{PAUSED}", module.display());
    assert_eq!(stdout(&out), expected);
}

/// The core snapshot inside a run file: `WASPSNAP` bytes after the path, hash and name.
fn core_bytes(run_file: &[u8]) -> Vec<u8> {
    let at = run_file
        .windows(8)
        .position(|w| w == b"WASPSNAP")
        .expect("a core snapshot");
    let len = u64::from_le_bytes(run_file[at - 8..at].try_into().expect("8 bytes")) as usize;
    run_file[at..at + len].to_vec()
}

#[test]
fn a_core_snapshot_takes_its_module_with_module() {
    let dir = scratch("core");
    let run_file = fs::read(saved(&dir)).expect("read");
    fs::write(dir.join("core.snap"), core_bytes(&run_file)).expect("write");

    let out = wasp(&dir, &["inspect", "core.snap", "--module", "spin.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("store snapshot `core.snap`\n{PAUSED}")
    );

    let out = wasp(&dir, &["inspect", "core.snap"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("not given (--module)"), "{text}");
    assert!(
        text.contains("memory 0: 1 page of 65536 bytes (65536 bytes), maximum 3 pages"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "     0:        ? - <wasm function 0>\n     1:        ? - <wasm function 1>\n"
        ),
        "{text}"
    );
}

#[test]
fn a_changed_module_leaves_frames_without_offsets() {
    let dir = scratch("changed");
    saved(&dir);
    let source = fs::read_to_string(dir.join("spin.wat")).expect("read");
    fs::write(dir.join("spin.wat"), source.replace("2.5", "3.5")).expect("write");
    let out = wasp(&dir, &["inspect", "r.snap"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("it changed since the call was saved"),
        "{text}"
    );
    assert!(text.contains("<wasm function 1>"), "{text}");
}

/// One `error:` line and exit code 1, no panic.
fn assert_one_error_line(out: &Output, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert!(
        err.starts_with("error: ") && err.lines().count() == 1,
        "{what}: {err}"
    );
    assert!(!err.contains("internal error"), "{what}: {err}");
}

#[test]
fn damaged_files_give_one_error_line() {
    let dir = scratch("damaged");
    let run_file = fs::read(saved(&dir)).expect("read");
    let core = core_bytes(&run_file);
    for cut in [0, 5, 8, 20, 60, 200, run_file.len() / 2, run_file.len() - 1] {
        fs::write(dir.join("cut.snap"), &run_file[..cut]).expect("write");
        assert_one_error_line(&wasp(&dir, &["inspect", "cut.snap"]), &format!("cut {cut}"));
    }
    for cut in [9, 17, 100, core.len() - 3] {
        fs::write(dir.join("cut.snap"), &core[..cut]).expect("write");
        let out = wasp(&dir, &["inspect", "cut.snap", "--module", "spin.wat"]);
        assert_one_error_line(&out, &format!("core cut {cut}"));
    }
    // A run file's checksum catches any changed byte.
    let mut flipped = run_file.clone();
    flipped[run_file.len() / 2] ^= 0x10;
    fs::write(dir.join("flip.snap"), &flipped).expect("write");
    assert_one_error_line(&wasp(&dir, &["inspect", "flip.snap"]), "flipped");
}

/// Core snapshots carry no checksum: flipped bits in the header, layout and call either
/// read (as another consistent snapshot) or give one error line.
#[test]
fn flipped_core_snapshots_never_panic() {
    let dir = scratch("flipped-core");
    let core = core_bytes(&fs::read(saved(&dir)).expect("read"));
    let positions = (0..200).step_by(7).chain(core.len() - 120..core.len());
    for i in positions.step_by(3) {
        let mut damaged = core.clone();
        damaged[i] ^= 0x41;
        fs::write(dir.join("flip.snap"), &damaged).expect("write");
        let out = wasp(&dir, &["inspect", "flip.snap", "--module", "spin.wat"]);
        let err = stderr(&out);
        assert!(!err.contains("internal error"), "byte {i}: {err}");
        if !out.status.success() {
            assert_one_error_line(&out, &format!("byte {i}"));
        }
    }
}

#[test]
fn a_module_is_still_listed() {
    let dir = scratch("module");
    let out = wasp(&dir, &["inspect", "spin.wat"]);
    assert_eq!(
        stdout(&out),
        "export \"run\": (func (param i32) (result i32))\n"
    );
}
