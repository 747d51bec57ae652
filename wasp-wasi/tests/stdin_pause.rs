//! A read of standard input given as an open, empty pipe pauses the call; the embedder
//! writes input and resumes it, and the read completes as if it had waited.

mod common;

use common::Shim;
use wasp_core::{Engine, Linker, Module, Store, Val};
use wasp_wasi::{Pipe, Stdio, WasiCtx, WasiOutcome};

fn paused_read(shim: &mut Shim) -> WasiOutcome {
    let read = shim.instance.get_func(&shim.store, "read").expect("read");
    let result = read.call_resumable(&mut shim.store, &[Val::I32(0)]);
    wasp_wasi::outcome(&mut shim.store, result).expect("no trap")
}

#[test]
fn fd_read_on_an_empty_pipe_waits_for_input() {
    let stdin = Pipe::new();
    let wasi = WasiCtx::builder()
        .stdin(Stdio::Pipe(stdin.clone()))
        .build()
        .unwrap();
    let mut shim = Shim::new(wasi);
    let WasiOutcome::WaitingForInput(paused) = paused_read(&mut shim) else {
        panic!("expected the read to wait for input");
    };
    assert_eq!(paused.yielded(), Some(&Val::I32(wasp_wasi::STDIN_YIELD)));

    // Still nothing: the same continuation comes back.
    let again = wasp_wasi::resume(&mut shim.store, &shim.instance, paused).unwrap();
    let WasiOutcome::WaitingForInput(paused) = again else {
        panic!("still waiting")
    };

    stdin.write(b"move e4\n");
    let done = wasp_wasi::resume(&mut shim.store, &shim.instance, paused).unwrap();
    let WasiOutcome::Finished(results) = done else {
        panic!("expected the read to finish")
    };
    assert_eq!(results, [Val::I32(0)], "errno success");
    assert_eq!(shim.result_u32(), 8, "bytes read");
    assert_eq!(shim.buffer(8), b"move e4\n");
}

#[test]
fn a_closed_empty_pipe_reads_end_of_file() {
    let stdin = Pipe::new();
    stdin.close();
    let wasi = WasiCtx::builder()
        .stdin(Stdio::Pipe(stdin))
        .build()
        .unwrap();
    let mut shim = Shim::new(wasi);
    let WasiOutcome::Finished(results) = paused_read(&mut shim) else {
        panic!("no pause at EOF")
    };
    assert_eq!(results, [Val::I32(0)]);
    assert_eq!(shim.result_u32(), 0);
}

#[test]
fn poll_oneoff_on_stdin_waits_for_input() {
    let engine = Engine::default();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wat/poll_stdin.wat");
    let module = Module::new(&engine, std::fs::read(path).unwrap()).unwrap();
    let stdin = Pipe::new();
    let wasi = WasiCtx::builder()
        .stdin(Stdio::Pipe(stdin.clone()))
        .build()
        .unwrap();
    let mut linker = Linker::new(&engine);
    wasp_wasi::add_to_linker(&mut linker).unwrap();
    let mut store = Store::new(&engine, wasi);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let poll = instance.get_func(&store, "poll_stdin").unwrap();
    let result = poll.call_resumable(&mut store, &[]);
    let WasiOutcome::WaitingForInput(paused) = wasp_wasi::outcome(&mut store, result).unwrap()
    else {
        panic!("expected the poll to wait");
    };
    stdin.write(b"go");
    let WasiOutcome::Finished(results) = wasp_wasi::resume(&mut store, &instance, paused).unwrap()
    else {
        panic!("expected the poll to finish");
    };
    assert_eq!(results, [Val::I32(0)]);
    let mem = instance.get_memory(&store, "memory").unwrap();
    let mut event = [0u8; 32];
    mem.read(&store, 3000, &mut event).unwrap();
    assert_eq!(
        u64::from_le_bytes(event[0..8].try_into().unwrap()),
        42,
        "userdata"
    );
    assert_eq!(event[10], 1, "fd_read event");
    let mut count = [0u8; 4];
    mem.read(&store, 1000, &mut count).unwrap();
    assert_eq!(u32::from_le_bytes(count), 1);
}

#[test]
fn a_program_waiting_for_input_is_saved_and_resumed_in_a_new_store() {
    let engine = Engine::default();
    let wasi = WasiCtx::builder()
        .stdin(Stdio::Pipe(Pipe::new()))
        .deterministic(1)
        .build()
        .unwrap();
    let mut first = Shim::with_engine(&engine, wasi);
    let WasiOutcome::WaitingForInput(paused) = paused_read(&mut first) else {
        panic!("expected the read to wait for input");
    };
    let core = first.store.snapshot(Some(&paused));
    let context = first.store.data().snapshot().unwrap();
    drop(first);

    let stdin = Pipe::new();
    let wasi = WasiCtx::builder()
        .stdin(Stdio::Pipe(stdin.clone()))
        .restore(&context)
        .unwrap();
    let mut second = Shim::with_engine(&engine, wasi);
    let paused = second.store.restore(&core).unwrap().expect("a paused call");
    stdin.write(b"late input");
    let done = wasp_wasi::resume(&mut second.store, &second.instance, paused).unwrap();
    assert!(
        matches!(done, WasiOutcome::Finished(ref r) if r == &[Val::I32(0)]),
        "{done:?}"
    );
    assert_eq!(second.result_u32(), 10);
    assert_eq!(second.buffer(10), b"late input");
}
