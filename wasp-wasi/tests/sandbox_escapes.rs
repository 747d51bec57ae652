//! Every way out of a preopen we could think of is refused, with the errno a guest expects,
//! and leaves the outside untouched.

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::{Shim, ROOT};
use wasp_wasi::{Errno, WasiCtx};

const CREAT: i32 = 1;

/// `<tmp>/outside/secret.txt` and `<tmp>/sandbox` (the preopen) holding a file and links
/// that point out: absolute, relative, and to the outside directory.
fn setup() -> (tempfile::TempDir, Shim) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = tmp.path().join("outside");
    let sandbox = tmp.path().join("sandbox");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(sandbox.join("sub")).unwrap();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    std::fs::write(sandbox.join("file"), "inside").unwrap();
    symlink(outside.join("secret.txt"), sandbox.join("abs_link")).unwrap();
    symlink("../outside/secret.txt", sandbox.join("rel_link")).unwrap();
    symlink("../outside", sandbox.join("dir_link")).unwrap();
    symlink("../../outside/secret.txt", sandbox.join("sub/deep_link")).unwrap();
    let wasi = WasiCtx::builder()
        .preopened_dir(&sandbox, "/")
        .build()
        .unwrap();
    (tmp, Shim::new(wasi))
}

fn outside_is_untouched(tmp: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(tmp.join("outside"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["secret.txt"]);
    assert_eq!(
        std::fs::read_to_string(tmp.join("outside/secret.txt")).unwrap(),
        "secret"
    );
}

#[test]
fn dot_dot_and_absolute_paths_are_refused() {
    let (tmp, mut g) = setup();
    for path in [
        "..",
        "../outside/secret.txt",
        "sub/../../outside/secret.txt",
        "/etc/passwd",
        "/",
    ] {
        assert_eq!(g.open(ROOT, path, true, 0), Err(Errno::Perm), "{path}");
    }
    assert_eq!(g.on_path("stat", "../outside"), Errno::Perm);
    assert_eq!(
        g.open(ROOT, "sub/../file", true, 0).map(|_| ()),
        Ok(()),
        "inside is fine"
    );
    outside_is_untouched(tmp.path());
}

#[test]
fn symlinks_pointing_outside_are_not_followed() {
    let (tmp, mut g) = setup();
    for path in [
        "abs_link",
        "rel_link",
        "dir_link/secret.txt",
        "sub/deep_link",
        "dir_link/x",
    ] {
        assert_eq!(g.open(ROOT, path, true, 0), Err(Errno::Perm), "{path}");
        assert_eq!(
            g.open(ROOT, path, true, CREAT),
            Err(Errno::Perm),
            "{path} with creat"
        );
    }
    assert_eq!(
        g.open(ROOT, "rel_link", false, 0),
        Err(Errno::Loop),
        "nofollow on a link"
    );
    assert_eq!(
        g.on_path("stat", "rel_link"),
        Errno::Perm,
        "stat following the link"
    );
    assert_eq!(
        g.on_path("touch", "abs_link"),
        Errno::Perm,
        "times following the link"
    );
    outside_is_untouched(tmp.path());
}

#[test]
fn symlinks_made_by_the_guest_cannot_lead_out() {
    let (tmp, mut g) = setup();
    assert_eq!(
        g.symlink("/etc/passwd", "mine_abs"),
        Errno::Perm,
        "absolute target"
    );
    assert_eq!(
        g.symlink("../outside/secret.txt", "mine"),
        Errno::Success,
        "made, not followed"
    );
    assert_eq!(g.open(ROOT, "mine", true, 0), Err(Errno::Perm));
    assert_eq!(
        g.symlink("x", "../outside/planted"),
        Errno::Perm,
        "link placed outside"
    );
    assert_eq!(
        g.symlink("x", "dir_link/planted"),
        Errno::Perm,
        "through a link"
    );
    outside_is_untouched(tmp.path());
}

#[test]
fn rename_and_link_targets_outside_are_refused() {
    let (tmp, mut g) = setup();
    for (op, old, new) in [
        ("rename", "file", "../outside/stolen"),
        ("rename", "file", "dir_link/stolen"),
        ("rename", "../outside/secret.txt", "here"),
        ("rename", "dir_link/secret.txt", "here"),
        ("link", "file", "../outside/linked"),
        ("link", "file", "dir_link/linked"),
        ("link", "../outside/secret.txt", "here"),
        ("link", "dir_link/secret.txt", "here"),
    ] {
        assert_eq!(g.two_paths(op, old, new), Errno::Perm, "{op} {old} {new}");
    }
    assert_eq!(
        g.two_paths("rename", "file", "renamed"),
        Errno::Success,
        "inside is fine"
    );
    outside_is_untouched(tmp.path());
}

#[test]
fn creating_and_removing_outside_is_refused() {
    let (tmp, mut g) = setup();
    assert_eq!(g.on_path("mkdir", "../outside/new"), Errno::Perm);
    assert_eq!(g.on_path("mkdir", "dir_link/new"), Errno::Perm);
    assert_eq!(g.on_path("unlink", "../outside/secret.txt"), Errno::Perm);
    assert_eq!(g.on_path("unlink", "dir_link/secret.txt"), Errno::Perm);
    assert_eq!(
        g.on_path("rmdir", "dir_link"),
        Errno::NotDir,
        "the link itself is not a dir"
    );
    assert_eq!(g.on_path("rmdir", "../outside"), Errno::Perm);
    assert_eq!(
        g.open(ROOT, "../outside/new_file", true, CREAT),
        Err(Errno::Perm)
    );
    outside_is_untouched(tmp.path());
}

#[test]
fn a_read_only_preopen_refuses_every_change() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("file"), "data").unwrap();
    let wasi = WasiCtx::builder()
        .preopened_dir_read_only(tmp.path(), "/")
        .build()
        .unwrap();
    let mut g = Shim::new(wasi);
    assert_eq!(g.open(ROOT, "new", true, CREAT), Err(Errno::NotCapable));
    assert_eq!(g.on_path("mkdir", "d"), Errno::NotCapable);
    assert_eq!(g.on_path("unlink", "file"), Errno::NotCapable);
    assert_eq!(g.two_paths("rename", "file", "f2"), Errno::NotCapable);
    assert_eq!(g.symlink("file", "l"), Errno::NotCapable);
    assert_eq!(
        g.open(ROOT, "file", true, 0),
        Err(Errno::NotCapable),
        "asking to write"
    );
    let read_rights = (1 << 1) | (1 << 2) | (1 << 5);
    let fd = g
        .open_with_rights(ROOT, "file", true, 0, read_rights)
        .expect("reading is allowed");
    let (p, n) = g.put(200, "x");
    let args = [
        wasp_core::Val::I32(fd as i32),
        wasp_core::Val::I32(p),
        wasp_core::Val::I32(n),
    ];
    assert_eq!(g.call("write", &args), Errno::NotCapable);
    assert_eq!(
        g.call("read", &[wasp_core::Val::I32(fd as i32)]),
        Errno::Success
    );
    assert_eq!(g.buffer(4), b"data");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("file")).unwrap(),
        "data"
    );
}
