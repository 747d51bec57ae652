//! `wasp run` on WASI programs: `_start` with argv, the exit code as the status.

mod common;

use common::fixture;

use std::process::Command;

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

#[test]
fn a_paused_wasi_program_continues_in_a_new_process_with_its_open_file() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("paused.snap");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let mount = format!("{}::/", data.display());
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(["run", "--gas", "5000", "--save"])
        .arg(&snap)
        .args(["--dir", &mount])
        .arg(fixture("wasi_file.wat"))
        .output()
        .expect("wasp runs");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(data.join("out.txt")).unwrap(),
        "first\n"
    );

    // Another folder under the same guest name, without the file: refused clearly.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .arg("resume")
        .arg(&snap)
        .args([
            "--gas",
            "100000000",
            "--dir",
            &format!("{}::/", other.display()),
        ])
        .output()
        .expect("wasp runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot reopen fd 4 at \"out.txt\""), "{err}");

    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .arg("resume")
        .arg(&snap)
        .args(["--gas", "100000000"])
        .output()
        .expect("wasp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(data.join("out.txt")).unwrap(),
        "first\nsecond\n"
    );
}

#[test]
fn a_reactor_is_initialized_before_the_invoked_function() {
    let out = Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(["run", "--invoke", "get"])
        .arg(fixture("wasi_reactor.wat"))
        .arg("1")
        .output()
        .expect("wasp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // argv is just the program's name: 1 arg, so 41, plus 1.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
}
