//! Helpers the `wasp` end-to-end tests share: fixtures, scratch directories, running the
//! binary and reading what it printed.
//!
//! Each test binary compiles this module and uses only some of it, hence the
//! `#[allow(dead_code)]` on every item.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The path of a file in `tests/fixtures/`.
#[allow(dead_code)]
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// A fresh, empty scratch directory for the test `name` of the suite `suite`.
#[allow(dead_code)]
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(suite)
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("cannot create the scratch directory");
    dir
}

/// Runs `wasp` with `args`, where an argument of the form `@name` stands for the fixture
/// `name`.
#[allow(dead_code)]
pub fn wasp<S: AsRef<str>>(args: &[S]) -> Output {
    let args: Vec<_> = args
        .iter()
        .map(|arg| match arg.as_ref().strip_prefix('@') {
            Some(name) => fixture(name).into_os_string(),
            None => arg.as_ref().into(),
        })
        .collect();
    Command::new(env!("CARGO_BIN_EXE_wasp"))
        .args(&args)
        .output()
        .expect("failed to start wasp")
}

/// Runs `wasp` with `args` in the directory `dir`.
#[allow(dead_code)]
pub fn wasp_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wasp"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("failed to start wasp")
}

/// Standard output as a string.
#[allow(dead_code)]
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error as a string.
#[allow(dead_code)]
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
