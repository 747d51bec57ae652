//! A WASI context saved with open files, pipes and deterministic state, and restored beneath
//! same-named preopens (and refused when one is missing or a file is gone).

mod common;

use common::{Shim, ROOT};
use wasp_core::Val;
use wasp_wasi::{Errno, Pipe, Stdio, WasiCtx, WasiError};

const CREAT: i32 = 1;

/// A guest that opened `log.txt` (fd 4) and wrote "ab" to it, with "rest" waiting on stdin.
fn saved(dir: &std::path::Path) -> (Vec<u8>, u32) {
    let stdin = Pipe::new();
    stdin.write(b"rest");
    let wasi = WasiCtx::builder()
        .args(["bot", "--fast"])
        .env("MODE", "test")
        .stdin(Stdio::Pipe(stdin))
        .preopened_dir(dir, "/")
        .deterministic(9)
        .build()
        .unwrap();
    let mut g = Shim::new(wasi);
    let fd = g.open(ROOT, "log.txt", true, CREAT).unwrap();
    let (p, n) = g.put(200, "ab");
    assert_eq!(
        g.call("write", &[Val::I32(fd as i32), Val::I32(p), Val::I32(n)]),
        Errno::Success
    );
    (g.store.data().snapshot().unwrap(), fd)
}

#[test]
fn a_restored_context_writes_on_at_the_saved_offset_beneath_the_new_preopen() {
    let first = tempfile::tempdir().unwrap();
    let (bytes, fd) = saved(first.path());
    // Another process, another host folder under the same guest name, the file copied.
    let second = tempfile::tempdir().unwrap();
    std::fs::copy(first.path().join("log.txt"), second.path().join("log.txt")).unwrap();
    let stdin = Pipe::new();
    let wasi = WasiCtx::builder()
        .preopened_dir(second.path(), "/")
        .stdin(Stdio::Pipe(stdin.clone()))
        .restore(&bytes)
        .unwrap();
    assert_eq!(wasi.args(), ["bot", "--fast"]);
    assert_eq!(wasi.env(), [("MODE".to_string(), "test".to_string())]);
    assert_eq!(
        stdin.take(),
        b"rest",
        "the bytes waiting in the pipe come back"
    );
    let mut g = Shim::new(wasi);
    let (p, n) = g.put(200, "cd");
    assert_eq!(
        g.call("write", &[Val::I32(fd as i32), Val::I32(p), Val::I32(n)]),
        Errno::Success
    );
    assert_eq!(
        std::fs::read_to_string(second.path().join("log.txt")).unwrap(),
        "abcd"
    );
    assert_eq!(
        std::fs::read_to_string(first.path().join("log.txt")).unwrap(),
        "ab"
    );
}

#[test]
fn a_missing_preopen_or_a_gone_file_is_refused_clearly() {
    let first = tempfile::tempdir().unwrap();
    let (bytes, _) = saved(first.path());
    let other = tempfile::tempdir().unwrap();
    let err = WasiCtx::builder()
        .preopened_dir(other.path(), "data")
        .restore(&bytes)
        .unwrap_err();
    assert!(matches!(err, WasiError::Restore(_)));
    assert!(err.to_string().contains("had \"/\" preopened"), "{err}");
    let err = WasiCtx::builder()
        .preopened_dir(other.path(), "/")
        .stdin(Stdio::Pipe(Pipe::new()))
        .restore(&bytes)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot reopen fd 4 at \"log.txt\""),
        "{err}"
    );
    let err = WasiCtx::builder().restore(b"WASPRUN1").unwrap_err();
    assert!(
        err.to_string().contains("expected a WASI snapshot"),
        "{err}"
    );
}

#[test]
fn deterministic_state_continues_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = saved(dir.path());
    let preopens = WasiCtx::snapshot_preopens(&bytes).unwrap();
    assert_eq!(preopens[0].guest, "/");
    assert_eq!(preopens[0].host, dir.path());
    let restore = || {
        WasiCtx::builder()
            .preopened_dir(dir.path(), "/")
            .stdin(Stdio::Pipe(Pipe::new()))
            .restore(&bytes)
            .unwrap()
    };
    let (a, b) = (restore(), restore());
    assert_eq!(a.snapshot().unwrap(), b.snapshot().unwrap());
    assert_eq!(
        a.snapshot().unwrap(),
        bytes,
        "a restore saves back to the same bytes"
    );
}
