//! `wasp run` on WASI programs: `_start` with argv, the exit code as the status.

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_wasi_command_gets_its_args_and_its_exit_code_is_the_status() {
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(["run", "--env", "A=1"])
        .arg(fixture("wasi_echo.wat"))
        .arg("hello-wasi")
        .output()
        .expect("wasp runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello-wasi\n");
    assert_eq!(out.status.code(), Some(7));
    assert!(out.stderr.is_empty(), "a program's exit adds no line");
}

#[test]
fn a_wasi_command_out_of_gas_pauses_with_status_3() {
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(["run", "--gas", "10"])
        .arg(fixture("wasi_echo.wat"))
        .arg("x")
        .output()
        .expect("wasp runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("paused:"));
}

#[test]
fn a_missing_preopen_is_an_error_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(["run", "--dir", "/no/such/dir::data"])
        .arg(fixture("wasi_echo.wat"))
        .output()
        .expect("wasp runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: cannot preopen /no/such/dir as \"data\""),
        "{err}"
    );
}
