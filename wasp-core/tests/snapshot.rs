//! Saving a store with a paused call to bytes and restoring it into a store built anew;
//! restore refuses anything the modules could not have produced and never panics.

mod common;

use common::Rng;
use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Error, Func, Instance, Linker, Module,
    SnapshotError, Store, Val,
};

/// Fills memory with a running hash while counting, calling the host to report progress.
const WORKER: &str = r#"(module
  (import "env" "report" (func $report (param i32) (result i32)))
  (memory (export "mem") 1 4)
  (table 2 funcref)
  (elem (i32.const 0) $mix $report)
  (type $mixer (func (param i32) (result i32)))
  (global $done (export "done") (mut i32) (i32.const 0))
  (func $mix (param i32) (result i32)
    (i32.xor (i32.mul (local.get 0) (i32.const 31)) (i32.const 0x5bd1e995)))
  (func $work (export "work") (param $n i32) (result i32)
    (local $i i32) (local $h i32)
    (loop $l
      (local.set $h (call_indirect (type $mixer) (i32.add (local.get $h) (local.get $i)) (i32.const 0)))
      (i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfffc)) (local.get $h))
      (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 64)))
        (then (local.set $h (i32.add (local.get $h) (call $report (local.get $i))))))
      (global.set $done (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $h)))"#;

/// What `work n` computes, worked out in Rust: its result, the words it leaves in memory
/// (word `i` at byte `4 i`, for `n` up to 16,384) and how many times it calls `report`
/// (which returns `i & 7`: 0, since it is only called when `i` is a multiple of 64).
fn reference_work(n: u32) -> (i32, Vec<u32>, u32) {
    let mix = |x: u32| x.wrapping_mul(31) ^ 0x5bd1_e995;
    let (mut h, mut words, mut reports) = (0_u32, Vec::new(), 0);
    for i in 0..n {
        h = mix(h.wrapping_add(i));
        words.push(h);
        if i % 64 == 0 {
            reports += 1;
            h = h.wrapping_add(i & 7);
        }
    }
    (h as i32, words, reports)
}

/// The gas of `work 2000` at the default prices. Each round pays the loop block, 26:
/// local.get, local.get, i32.add, i32.const, call_indirect 5 and local.set (10); local.get,
/// i32.const, i32.shl, i32.const, i32.and, local.get and i32.store 2 (8); local.get,
/// i32.const, i32.rem_u 4, i32.eqz and if (8). Then `$mix`, 5: local.get, i32.const,
/// i32.mul, i32.const, i32.xor. Then the block after the `if`, 10: local.get and global.set
/// (2); local.get, i32.const, i32.add and local.set (4); local.get, local.get, i32.lt_u and
/// br_if (4). That is 41 a round. Every 64th round (32 of 2000) the `then` arm adds 29:
/// local.get, local.get, call 5, i32.add and local.set (9), and the host call (20). After
/// the loop, local.get 1. In all: 2000 * 41 + 32 * 29 + 1 = 82000 + 928 + 1.
const WORK_2000_GAS: u64 = 82_929;

/// The words of memory `mem` from byte 0.
fn words(store: &Store<u32>, mem: wasp_core::Memory, count: usize) -> Vec<u32> {
    mem.data(store)[..4 * count]
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect()
}

fn engine() -> Engine {
    let mut config = Config::default();
    config.gas_metering(true);
    Engine::new(&config)
}

/// Builds the store exactly the same way each time, as a new process would. The store's data
/// counts the calls of `report`.
fn build(engine: &Engine, module: &Module) -> (Store<u32>, Func) {
    let (store, instance) = build_instance(engine, module);
    let work = instance.get_func(&store, "work").unwrap();
    (store, work)
}

fn build_instance(engine: &Engine, module: &Module) -> (Store<u32>, Instance) {
    let mut linker = Linker::<u32>::new(engine);
    linker
        .func_wrap(
            "env",
            "report",
            |mut caller: Caller<'_, u32>, i: i32| -> i32 {
                *caller.data_mut() += 1;
                i & 7
            },
        )
        .unwrap();
    let mut store = Store::new(engine, 0);
    let instance = linker.instantiate(&mut store, module).unwrap();
    (store, instance)
}

fn run_to_end(store: &mut Store<u32>, mut outcome: CallOutcome, step: u64) -> (Vec<Val>, u64) {
    loop {
        match outcome {
            CallOutcome::Finished { results, gas_used } => return (results, gas_used),
            CallOutcome::OutOfGas(paused) => {
                let left = store.gas_left().unwrap();
                store.set_gas(left + step).unwrap();
                outcome = paused.resume(&mut *store, &[]).unwrap();
            }
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => {
                panic!("nothing yields or interrupts here")
            }
        }
    }
}

fn paused_after(store: &mut Store<u32>, work: Func, gas: u64) -> Continuation {
    store.set_gas(gas).unwrap();
    match work.call_resumable(&mut *store, &[Val::I32(2000)]).unwrap() {
        CallOutcome::OutOfGas(c) => c,
        other => panic!("expected a pause, got {other:?}"),
    }
}

#[test]
fn a_paused_call_resumes_from_a_snapshot_in_a_new_store() {
    let engine = engine();
    let module = Module::new(&engine, WORKER).unwrap();

    let (mut whole, work) = build(&engine, &module);
    whole.set_gas(u64::MAX / 2).unwrap();
    let outcome = work.call_resumable(&mut whole, &[Val::I32(2000)]).unwrap();
    let (want, want_gas) = run_to_end(&mut whole, outcome, 0);
    let (result, want_words, reports) = reference_work(2000);
    assert_eq!(want, vec![Val::I32(result)]);
    assert_eq!(want_gas, WORK_2000_GAS);
    assert_eq!(*whole.data(), reports);

    let (mut first, work) = build(&engine, &module);
    let paused = paused_after(&mut first, work, 20_000);
    let bytes = first.snapshot(Some(&paused));
    let reports_before = *first.data();
    drop(first);

    let (mut second, instance) = build_instance(&engine, &module);
    let paused = second
        .restore(&bytes)
        .unwrap()
        .expect("the snapshot holds a call");
    let outcome = paused.resume(&mut second, &[]).unwrap();
    let (got, got_gas) = run_to_end(&mut second, outcome, 5_000);
    assert_eq!(got, vec![Val::I32(result)]);
    assert_eq!(got_gas, WORK_2000_GAS);
    // Every report ran exactly once, before the snapshot or after the restore.
    assert!(reports_before > 0 && reports_before < reports);
    assert_eq!(reports_before + *second.data(), reports);
    let mem = instance.get_memory(&second, "mem").unwrap();
    assert_eq!(words(&second, mem, 2000), want_words);
    let done = instance.get_global(&second, "done").unwrap();
    assert_eq!(done.get(&second), Val::I32(1999));
    // Memories, globals and tables agree too: the store snapshots are identical after the
    // header (magic, version and gas left take the first 20 bytes).
    let (a, b) = (whole.snapshot(None), second.snapshot(None));
    assert_eq!(a.len(), b.len());
    assert_eq!(a[20..], b[20..]);
}

#[test]
fn a_snapshot_of_another_module_is_refused() {
    let engine = engine();
    let module = Module::new(&engine, WORKER).unwrap();
    let (mut store, work) = build(&engine, &module);
    let paused = paused_after(&mut store, work, 5_000);
    let bytes = store.snapshot(Some(&paused));

    let other = Module::new(&engine, WORKER.replace("0x5bd1e995", "0x12345")).unwrap();
    let (mut wrong, _) = build(&engine, &other);
    let err = wrong.restore(&bytes).unwrap_err();
    assert!(matches!(err, SnapshotError::Mismatch { .. }), "{err}");
    assert!(err.to_string().contains("content hashes"), "{err}");
}

#[test]
fn bad_headers_are_named() {
    let engine = engine();
    let module = Module::new(&engine, WORKER).unwrap();
    let (mut store, _) = build(&engine, &module);
    assert_eq!(
        store.restore(b"nope").unwrap_err(),
        SnapshotError::Truncated {
            what: "the magic bytes"
        }
    );
    assert_eq!(
        store.restore(b"NOTASNAPxxxx").unwrap_err(),
        SnapshotError::BadMagic
    );
    let mut bytes = store.snapshot(None);
    bytes[8] = 9;
    assert!(matches!(
        store.restore(&bytes),
        Err(SnapshotError::Version { found: 9, .. })
    ));
}

/// Every mutated or truncated snapshot is refused with an error or resumes safely.
#[test]
fn mutated_snapshots_are_refused_or_resume_safely() {
    let engine = engine();
    let module = Module::new(&engine, WORKER).unwrap();
    let (mut store, work) = build(&engine, &module);
    let paused = paused_after(&mut store, work, 30_000);
    let good = store.snapshot(Some(&paused));
    // Mutations aimed at the paused call are the interesting ones: it sits at the end,
    // after the 64 KiB of memory.
    let call_start = good.len() - (paused_len_hint(&good));
    let (mut target, _) = build(&engine, &module);
    let mut rng = Rng(7);
    let (mut refused, mut resumed) = (0, 0);
    for round in 0..4000 {
        let mut bytes = good.clone();
        match round % 4 {
            0 => bytes.truncate((rng.next() as usize) % good.len()),
            1 => {
                let at = call_start + (rng.next() as usize) % (good.len() - call_start);
                bytes[at] = rng.next() as u8;
            }
            2 => {
                let at = (rng.next() as usize) % good.len();
                bytes[at] ^= 1 << (rng.next() % 8);
            }
            _ => {
                for _ in 0..4 {
                    let at = call_start + (rng.next() as usize) % (good.len() - call_start);
                    bytes[at] = bytes[at].wrapping_add(rng.next() as u8);
                }
            }
        }
        match target.restore(&bytes) {
            Err(_) => refused += 1,
            Ok(call) => {
                resumed += 1;
                target.set_gas(20_000).unwrap();
                if let Some(call) = call {
                    // Any outcome but a panic is fine: a trap, a pause, a result.
                    let _: Result<CallOutcome, Error> = call.resume(&mut target, &[]);
                }
            }
        }
    }
    assert!(refused > 1000, "refused {refused}");
    assert!(resumed > 10, "resumed {resumed}");
}

/// A rough size of the paused-call part of a snapshot: frames and values are small here.
fn paused_len_hint(bytes: &[u8]) -> usize {
    (bytes.len() / 100).clamp(64, 2048)
}
