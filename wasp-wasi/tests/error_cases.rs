//! The error cases of every preview-1 function, as a guest meets them: each row calls one
//! function through a Wasm module (generated here in WebAssembly text from the function's
//! type, importing all of them) and expects one errno.

use wasp_core::{Engine, Instance, Linker, Module, Store, Val, ValType};
use wasp_wasi::{Errno, WasiCtx, WasiOutcome};

/// An argument: a number, or a string placed in memory and passed as (pointer, length).
#[derive(Clone, Copy)]
enum A {
    I(i32),
    L(i64),
    S(&'static str),
}
use A::{I, L, S};

/// Descriptors and addresses of the fixture.
const ROOT: i32 = 3;
const FILE: i32 = 4;
const CLOSED: i32 = 99;
const OUT: i32 = 70_000; // past the one page of memory
const IOVS: i32 = 500; // one iovec: 16 bytes at 600
const SCRATCH: i32 = 800;

/// A module importing every WASI function and exporting `call_NAME` for each.
fn wat() -> String {
    let mut imports = String::new();
    let mut exports = String::new();
    for (_, name, host) in wasp_wasi::imports::<WasiCtx>().iter() {
        let ty = host.ty();
        let params: Vec<String> = ty.params().iter().map(ValType::to_string).collect();
        let params = params.join(" ");
        let result = if ty.results().is_empty() {
            ""
        } else {
            "(result i32)"
        };
        imports.push_str(&format!(
            "(import \"wasi_snapshot_preview1\" \"{name}\" (func ${name} (param {params}) {result}))\n"
        ));
        let gets: String = (0..ty.params().len())
            .map(|i| format!("(local.get {i})"))
            .collect();
        exports.push_str(&format!(
            "(func (export \"call_{name}\") (param {params}) {result} (call ${name} {gets}))\n"
        ));
    }
    format!("(module {imports} (memory (export \"memory\") 1) {exports})")
}

struct Guest {
    store: Store<WasiCtx>,
    instance: Instance,
    _dir: tempfile::TempDir,
}

impl Guest {
    /// A preopen (fd 3) holding `file` ("hello") and `dir/inner`; `file` open as fd 4.
    fn new() -> Guest {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "hello").unwrap();
        std::fs::create_dir(dir.path().join("dir")).unwrap();
        std::fs::write(dir.path().join("dir/inner"), "").unwrap();
        let wasi = WasiCtx::builder()
            .arg("prog")
            .env("K", "V")
            .preopened_dir(dir.path(), "/")
            .build()
            .unwrap();
        let engine = Engine::default();
        let module = Module::new(&engine, wat()).expect("generated module");
        let mut linker = Linker::new(&engine);
        wasp_wasi::add_to_linker(&mut linker).unwrap();
        let mut store = Store::new(&engine, wasi);
        let instance = linker.instantiate(&mut store, &module).unwrap();
        let mut g = Guest {
            store,
            instance,
            _dir: dir,
        };
        g.poke(IOVS as usize, &600u32.to_le_bytes());
        g.poke(IOVS as usize + 4, &16u32.to_le_bytes());
        let all = (1i64 << 30) - 1;
        let opened = g.call(
            "path_open",
            &[
                I(ROOT),
                I(0),
                S("file"),
                I(0),
                L(all),
                L(all),
                I(0),
                I(SCRATCH),
            ],
        );
        assert_eq!(opened, Errno::Success);
        assert_eq!(g.peek_u32(SCRATCH as usize), FILE as u32);
        g
    }

    fn poke(&mut self, at: usize, bytes: &[u8]) {
        let mem = self.instance.get_memory(&self.store, "memory").unwrap();
        mem.write(&mut self.store, at, bytes).unwrap();
    }

    fn peek_u32(&self, at: usize) -> u32 {
        let mem = self.instance.get_memory(&self.store, "memory").unwrap();
        let mut b = [0; 4];
        mem.read(&self.store, at, &mut b).unwrap();
        u32::from_le_bytes(b)
    }

    fn call(&mut self, name: &str, args: &[A]) -> Errno {
        let mut vals = Vec::new();
        let mut at = 1000;
        for a in args {
            match *a {
                I(v) => vals.push(Val::I32(v)),
                L(v) => vals.push(Val::I64(v)),
                S(s) => {
                    self.poke(at, s.as_bytes());
                    vals.push(Val::I32(at as i32));
                    vals.push(Val::I32(s.len() as i32));
                    at += 256;
                }
            }
        }
        let f = self
            .instance
            .get_func(&self.store, &format!("call_{name}"))
            .unwrap();
        let mut out = [Val::I32(-1)];
        f.call(&mut self.store, &vals, &mut out)
            .unwrap_or_else(|e| panic!("{name} trapped: {e}"));
        let Val::I32(n) = out[0] else {
            panic!("{name}: an i32 result")
        };
        Errno::from_u16(n as u16).unwrap_or_else(|| panic!("{name}: {n} is no errno"))
    }
}

use Errno::*;

/// (function, arguments, expected errno), in the order of the witx file.
fn rows() -> Vec<(&'static str, Vec<A>, Errno)> {
    vec![
        ("args_get", vec![I(OUT), I(OUT)], Fault),
        ("args_sizes_get", vec![I(OUT), I(0)], Fault),
        ("environ_get", vec![I(OUT), I(OUT)], Fault),
        ("environ_sizes_get", vec![I(0), I(OUT)], Fault),
        ("clock_res_get", vec![I(9), I(0)], Inval),
        ("clock_time_get", vec![I(9), L(0), I(0)], Inval),
        ("clock_time_get", vec![I(0), L(0), I(OUT)], Fault),
        ("fd_advise", vec![I(CLOSED), L(0), L(0), I(0)], Badf),
        ("fd_advise", vec![I(FILE), L(0), L(0), I(9)], Inval),
        ("fd_allocate", vec![I(CLOSED), L(0), L(1)], Badf),
        ("fd_allocate", vec![I(ROOT), L(0), L(1)], Badf),
        ("fd_close", vec![I(CLOSED)], Badf),
        ("fd_datasync", vec![I(CLOSED)], Badf),
        ("fd_fdstat_get", vec![I(CLOSED), I(0)], Badf),
        ("fd_fdstat_get", vec![I(FILE), I(OUT)], Fault),
        ("fd_fdstat_set_flags", vec![I(CLOSED), I(0)], Badf),
        ("fd_fdstat_set_flags", vec![I(FILE), I(16)], NotSup),
        ("fd_fdstat_set_rights", vec![I(CLOSED), L(0), L(0)], Badf),
        (
            "fd_fdstat_set_rights",
            vec![I(ROOT), L(-1), L(0)],
            NotCapable,
        ),
        ("fd_filestat_get", vec![I(CLOSED), I(0)], Badf),
        ("fd_filestat_get", vec![I(FILE), I(OUT)], Fault),
        ("fd_filestat_set_size", vec![I(CLOSED), L(0)], Badf),
        ("fd_filestat_set_size", vec![I(ROOT), L(0)], Badf),
        (
            "fd_filestat_set_times",
            vec![I(CLOSED), L(0), L(0), I(0)],
            Badf,
        ),
        (
            "fd_filestat_set_times",
            vec![I(FILE), L(0), L(0), I(3)],
            Inval,
        ),
        ("fd_pread", vec![I(CLOSED), I(IOVS), I(1), L(0), I(0)], Badf),
        ("fd_pread", vec![I(ROOT), I(IOVS), I(1), L(0), I(0)], IsDir),
        ("fd_pread", vec![I(0), I(IOVS), I(1), L(0), I(0)], Spipe),
        ("fd_prestat_get", vec![I(FILE), I(0)], Badf),
        ("fd_prestat_get", vec![I(CLOSED), I(0)], Badf),
        (
            "fd_prestat_dir_name",
            vec![I(ROOT), I(0), I(0)],
            NameTooLong,
        ),
        ("fd_prestat_dir_name", vec![I(FILE), I(0), I(8)], Badf),
        (
            "fd_pwrite",
            vec![I(CLOSED), I(IOVS), I(1), L(0), I(0)],
            Badf,
        ),
        ("fd_pwrite", vec![I(1), I(IOVS), I(1), L(0), I(0)], Spipe),
        ("fd_read", vec![I(CLOSED), I(IOVS), I(1), I(0)], Badf),
        ("fd_read", vec![I(ROOT), I(IOVS), I(1), I(0)], NotCapable),
        ("fd_read", vec![I(FILE), I(OUT), I(1), I(0)], Fault),
        ("fd_readdir", vec![I(CLOSED), I(0), I(64), L(0), I(0)], Badf),
        ("fd_readdir", vec![I(FILE), I(0), I(64), L(0), I(0)], NotDir),
        ("fd_renumber", vec![I(CLOSED), I(FILE)], Badf),
        ("fd_renumber", vec![I(FILE), I(CLOSED)], Badf),
        ("fd_seek", vec![I(CLOSED), L(0), I(0), I(0)], Badf),
        ("fd_seek", vec![I(FILE), L(0), I(7), I(0)], Inval),
        ("fd_seek", vec![I(FILE), L(-5), I(0), I(0)], Inval),
        ("fd_seek", vec![I(1), L(0), I(0), I(0)], Spipe),
        ("fd_sync", vec![I(CLOSED)], Badf),
        ("fd_tell", vec![I(CLOSED), I(0)], Badf),
        ("fd_tell", vec![I(ROOT), I(0)], Badf),
        ("fd_write", vec![I(CLOSED), I(IOVS), I(1), I(0)], Badf),
        ("fd_write", vec![I(0), I(IOVS), I(1), I(0)], Badf),
        ("fd_write", vec![I(FILE), I(OUT), I(1), I(0)], Fault),
        ("path_create_directory", vec![I(ROOT), S("file")], Exist),
        ("path_create_directory", vec![I(FILE), S("x")], NotDir),
        ("path_create_directory", vec![I(CLOSED), S("x")], Badf),
        ("path_create_directory", vec![I(ROOT), S("")], NoEnt),
        (
            "path_filestat_get",
            vec![I(ROOT), I(0), S("missing"), I(0)],
            NoEnt,
        ),
        (
            "path_filestat_get",
            vec![I(ROOT), I(0), I(OUT), I(4), I(0)],
            Fault,
        ),
        (
            "path_filestat_set_times",
            vec![I(ROOT), I(0), S("file"), L(0), L(0), I(12)],
            Inval,
        ),
        (
            "path_filestat_set_times",
            vec![I(ROOT), I(0), S("missing"), L(0), L(0), I(2)],
            NoEnt,
        ),
        (
            "path_link",
            vec![I(ROOT), I(0), S("missing"), I(ROOT), S("x")],
            NoEnt,
        ),
        (
            "path_link",
            vec![I(ROOT), I(0), S("file"), I(ROOT), S("dir")],
            Exist,
        ),
        (
            "path_link",
            vec![I(ROOT), I(1), S("file"), I(ROOT), S("y")],
            Inval,
        ),
        (
            "path_open",
            vec![I(ROOT), I(0), S("missing"), I(0), L(0), L(0), I(0), I(0)],
            NoEnt,
        ),
        (
            "path_open",
            vec![I(ROOT), I(0), S("file"), I(5), L(0), L(0), I(0), I(0)],
            Exist,
        ),
        (
            "path_open",
            vec![I(ROOT), I(0), S("file"), I(2), L(0), L(0), I(0), I(0)],
            NotDir,
        ),
        (
            "path_open",
            vec![I(FILE), I(0), S("x"), I(0), L(0), L(0), I(0), I(0)],
            NotDir,
        ),
        (
            "path_open",
            vec![I(ROOT), I(0), S("dir"), I(2), L(64), L(0), I(0), I(0)],
            IsDir,
        ),
        (
            "path_readlink",
            vec![I(ROOT), S("file"), I(0), I(16), I(0)],
            Inval,
        ),
        (
            "path_readlink",
            vec![I(ROOT), S("missing"), I(0), I(16), I(0)],
            NoEnt,
        ),
        ("path_remove_directory", vec![I(ROOT), S("dir")], NotEmpty),
        ("path_remove_directory", vec![I(ROOT), S("file")], NotDir),
        (
            "path_rename",
            vec![I(ROOT), S("missing"), I(ROOT), S("x")],
            NoEnt,
        ),
        (
            "path_rename",
            vec![I(ROOT), S("dir"), I(ROOT), S("file")],
            NotDir,
        ),
        (
            "path_rename",
            vec![I(ROOT), S("file"), I(FILE), S("x")],
            NotCapable,
        ),
        ("path_symlink", vec![S("file"), I(ROOT), S("file")], Exist),
        ("path_symlink", vec![S("file"), I(CLOSED), S("l")], Badf),
        ("path_unlink_file", vec![I(ROOT), S("dir")], IsDir),
        ("path_unlink_file", vec![I(ROOT), S("missing")], NoEnt),
        ("poll_oneoff", vec![I(0), I(0), I(0), I(0)], Inval),
        ("poll_oneoff", vec![I(OUT), I(0), I(1), I(0)], Fault),
        ("proc_raise", vec![I(9)], NotSup),
        ("random_get", vec![I(OUT), I(10)], Fault),
        ("sched_yield", vec![], Success),
        ("sock_accept", vec![I(CLOSED), I(0), I(0)], Badf),
        ("sock_accept", vec![I(FILE), I(0), I(0)], NotSock),
        (
            "sock_recv",
            vec![I(FILE), I(IOVS), I(1), I(0), I(0), I(0)],
            NotSock,
        ),
        (
            "sock_send",
            vec![I(FILE), I(IOVS), I(1), I(0), I(0)],
            NotSock,
        ),
        ("sock_shutdown", vec![I(1), I(2)], NotSock),
        ("sock_shutdown", vec![I(CLOSED), I(2)], Badf),
    ]
}

#[test]
fn every_error_case_gives_its_errno() {
    let mut failures = Vec::new();
    for (name, args, want) in rows() {
        let mut g = Guest::new();
        let got = g.call(name, &args);
        if got != want {
            failures.push(format!("{name}: expected {want}, found {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_function_has_an_error_case_or_is_proc_exit() {
    let covered: Vec<&str> = rows().iter().map(|r| r.0).collect();
    for (_, name, _) in wasp_wasi::imports::<WasiCtx>().iter() {
        assert!(
            covered.contains(&name) || name == "proc_exit",
            "{name} has no row"
        );
    }
}

#[test]
fn proc_exit_ends_the_call_with_its_code() {
    let mut g = Guest::new();
    let f = g.instance.get_func(&g.store, "call_proc_exit").unwrap();
    let result = f.call_resumable(&mut g.store, &[Val::I32(42)]);
    let outcome = wasp_wasi::outcome(&mut g.store, result).unwrap();
    assert!(matches!(outcome, WasiOutcome::Exited(42)), "{outcome:?}");
}

#[test]
fn iovecs_naming_all_of_memory_many_times_neither_fault_nor_exhaust_the_host() {
    let mut g = Guest::new();
    // 4,000 iovecs, each the whole page: 256 MiB asked of a 5-byte file.
    let iov: Vec<u8> = (0..4000).flat_map(|_| [0u8, 0, 0, 0, 0, 0, 1, 0]).collect();
    g.poke(8192, &iov);
    assert_eq!(
        g.call("fd_read", &[I(FILE), I(8192), I(4000), I(SCRATCH)]),
        Success
    );
    assert_eq!(g.peek_u32(SCRATCH as usize), 5);
    // One iovec past the end of memory is a fault, before anything is read.
    g.poke(8192, &[0, 0, 0, 0, 0, 0, 2, 0]);
    assert_eq!(
        g.call("fd_read", &[I(FILE), I(8192), I(1), I(SCRATCH)]),
        Fault
    );
}
