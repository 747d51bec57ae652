//! Saving a store with a paused call to bytes and restoring it into a store built anew;
//! restore refuses anything the modules could not have produced and never panics.

use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Error, Func, Linker, Module, SnapshotError,
    Store, Val,
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

fn engine() -> Engine {
    let mut config = Config::default();
    config.gas_metering(true);
    Engine::new(&config)
}

/// Builds the store exactly the same way each time, as a new process would.
fn build(engine: &Engine, module: &Module) -> (Store<u32>, Func) {
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
    let work = instance.get_func(&store, "work").unwrap();
    (store, work)
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

    let (mut first, work) = build(&engine, &module);
    let paused = paused_after(&mut first, work, 20_000);
    let bytes = first.snapshot(Some(&paused));
    drop(first);

    let (mut second, _) = build(&engine, &module);
    let paused = second
        .restore(&bytes)
        .unwrap()
        .expect("the snapshot holds a call");
    let outcome = paused.resume(&mut second, &[]).unwrap();
    let (got, got_gas) = run_to_end(&mut second, outcome, 5_000);
    assert_eq!(got, want);
    assert_eq!(got_gas, want_gas);
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

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
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
