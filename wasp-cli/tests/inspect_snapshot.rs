//! `wasp inspect` on saved calls: the run files of `wasp run --save` and core snapshots
//! with `--module`; damaged files give one `error:` line, never a panic.

mod common;

use common::{fixture, stderr, stdout, wasp_in};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A fresh scratch directory for the test `name`, holding a copy of `spin.wat`.
fn scratch(name: &str) -> PathBuf {
    let dir = common::scratch("inspect-tests", name);
    fs::copy(fixture("spin.wat"), dir.join("spin.wat")).expect("copy the fixture");
    dir
}

/// `run 1000` of `spin.wat` paused after 60 gas and saved to `r.snap`.
fn saved(dir: &Path) -> PathBuf {
    let out = wasp_in(
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
    let out = wasp_in(&dir, &["inspect", "r.snap"]);
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

    let out = wasp_in(&dir, &["inspect", "core.snap", "--module", "spin.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("store snapshot `core.snap`\n{PAUSED}")
    );

    let out = wasp_in(&dir, &["inspect", "core.snap"]);
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
    let out = wasp_in(&dir, &["inspect", "r.snap"]);
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
        assert_one_error_line(
            &wasp_in(&dir, &["inspect", "cut.snap"]),
            &format!("cut {cut}"),
        );
    }
    for cut in [9, 17, 100, core.len() - 3] {
        fs::write(dir.join("cut.snap"), &core[..cut]).expect("write");
        let out = wasp_in(&dir, &["inspect", "cut.snap", "--module", "spin.wat"]);
        assert_one_error_line(&out, &format!("core cut {cut}"));
    }
    // A run file's checksum catches any changed byte.
    let mut flipped = run_file.clone();
    flipped[run_file.len() / 2] ^= 0x10;
    fs::write(dir.join("flip.snap"), &flipped).expect("write");
    assert_one_error_line(&wasp_in(&dir, &["inspect", "flip.snap"]), "flipped");
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
        let out = wasp_in(&dir, &["inspect", "flip.snap", "--module", "spin.wat"]);
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
    let out = wasp_in(&dir, &["inspect", "spin.wat"]);
    assert_eq!(
        stdout(&out),
        "export \"run\": (func (param i32) (result i32))\n"
    );
}
