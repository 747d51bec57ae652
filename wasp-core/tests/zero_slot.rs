//! What a function's entry zeroes: its declared locals, whatever their number (the entry
//! zeroes two slots a step and an odd one alone), and its zero slot, from which it reads the
//! constant 0 in any function, with or without loops (compilers for wasm32 address statics as
//! `i32.const 0` with the static's address in the offset of a load or store). The zero slot
//! holds 0 at every pause; a snapshot in which it holds anything else is refused.

#[path = "snapshot_confinement/places.rs"]
#[allow(dead_code)] // shared with the `snapshot_restore` fuzz target, which uses all of it
mod places;

mod common;

use common::{call, each_mode, engine, instantiate, resume_through_snapshots};
use places::{places, poke};
use wasp_core::{CallOutcome, SnapshotError, Val};

/// A counter in a static at address 1024 (no loops), bumped three times, each time after
/// `$dirty` left -1 in the slots `$bump`'s frame takes; `run` returns the last value:
/// 42 + 1 + 2 + 3.
const STATICS: &str = r#"(module
  (memory 1)
  (data (i32.const 1024) "\2a\00\00\00")
  (func $bump (param $by i32) (result i32)
    (local $old i32)
    (local.set $old (i32.load offset=1024 (i32.const 0)))
    (i32.store offset=1024 (i32.const 0) (i32.add (local.get $old) (local.get $by)))
    (i32.store8 offset=1030 (i32.const 0) (i32.const 0))
    (i32.sub (i32.const 0) (i32.sub (i32.const 0) (i32.load offset=1024 (i32.const 0)))))
  (func $dirty (local i64 i64 i64 i64 i64 i64)
    (local.set 0 (i64.const -1)) (local.set 1 (i64.const -1)) (local.set 2 (i64.const -1))
    (local.set 3 (i64.const -1)) (local.set 4 (i64.const -1)) (local.set 5 (i64.const -1)))
  (func (export "run") (result i32)
    (call $dirty)
    (drop (call $bump (i32.const 1)))
    (call $dirty)
    (drop (call $bump (i32.const 2)))
    (call $dirty)
    (call $bump (i32.const 3))))"#;

#[test]
fn statics_at_constant_addresses_read_and_write_through_the_zero_slot() {
    each_mode(wat::parse_str(STATICS).unwrap(), |store, instance, mode| {
        assert_eq!(
            call(store, instance, "run", &[]),
            [Val::I32(48)],
            "{mode:?}"
        );
        assert_eq!(
            call(store, instance, "run", &[]),
            [Val::I32(54)],
            "{mode:?}"
        );
    });
}

#[test]
fn calls_paused_in_a_function_with_a_zero_slot_resume_from_snapshots() {
    let fresh = || {
        let (mut store, instance) = instantiate(&engine(true), STATICS);
        store.set_gas(0).unwrap();
        (store, instance)
    };
    let pauses = resume_through_snapshots(fresh, &[Val::I32(48)], 40, |_, _| ());
    assert!(pauses >= 10, "only {pauses} pauses");
}

#[test]
fn a_snapshot_whose_zero_slot_holds_anything_but_zero_is_refused() {
    let engine = engine(true);
    // The first pause in `$bump` (at its entry).
    let mut paused = None;
    for gas in 1..100 {
        let (mut s, i) = instantiate(&engine, STATICS);
        s.set_gas(gas).unwrap();
        let run = i.get_func(&s, "run").unwrap();
        if let CallOutcome::OutOfGas(c) = run.call_resumable(&mut s, &[]).unwrap() {
            let bytes = s.snapshot(Some(&c));
            let p = places(&bytes).unwrap();
            // `$bump` is the module's function 0.
            if p.frames.len() == 2 && u64::from(p.frames[1].0) == p.instance_funcs[0][0] {
                paused = Some(bytes);
                break;
            }
        }
    }
    let bytes = paused.expect("a pause inside `$bump`");
    let p = places(&bytes).unwrap();
    let (_, _, base) = p.frames[1];
    // `$bump`'s slots: its parameter, its local, then the zero slot.
    let zero_slot = p.values[base as usize + 2];
    for (value, refused) in [(0, false), (1, true), (u64::MAX, true)] {
        let mut forged = bytes.clone();
        poke(&mut forged, zero_slot, value);
        let (mut fresh, _) = instantiate(&engine, STATICS);
        match fresh.restore(&forged) {
            Err(SnapshotError::Corrupt { .. }) if refused => {}
            Ok(Some(c)) if !refused => {
                fresh.set_gas(1_000_000).unwrap();
                match c.resume(&mut fresh, &[]).unwrap() {
                    CallOutcome::Finished { results, .. } => assert_eq!(results, [Val::I32(48)]),
                    other => panic!("expected the call to finish, got {other:?}"),
                }
            }
            Err(e) => panic!("zero slot {value:#x}: unexpected refusal: {e}"),
            Ok(_) => panic!("zero slot {value:#x}: restored"),
        }
    }
}

/// `locals_n(p)` has `n` declared i64 locals and returns `p` plus the OR of all of them
/// (`p` when they were zeroed); `dirty` first leaves -1 in the slots they take.
fn locals_program(max: usize) -> String {
    let mut funcs = String::new();
    let mut calls = String::new();
    for n in 0..=max {
        let locals = " i64".repeat(n);
        let or = (0..n).fold("(i64.const 0)".to_string(), |acc, k| {
            format!("(i64.or {acc} (local.get {}))", k + 1)
        });
        funcs.push_str(&format!(
            "(func $locals_{n} (param i64) (result i64) (local{locals})
               (i64.add (local.get 0) {or}))\n"
        ));
        calls.push_str(&format!(
            "(call $dirty)
             (local.set $sum (i64.add (local.get $sum)
               (i64.mul (i64.const {}) (call $locals_{n} (i64.const {n})))))\n",
            n + 1
        ));
    }
    let dirty_locals = " i64".repeat(max + 4);
    let fill: String = (0..max + 4)
        .map(|k| format!("(local.set {k} (i64.const -1))"))
        .collect();
    format!(
        "(module
           (func $dirty (local{dirty_locals}) {fill})
           {funcs}
           (func (export \"run\") (result i64) (local $sum i64)
             {calls}
             (local.get $sum)))"
    )
}

#[test]
fn every_number_of_locals_is_zeroed_on_entry_and_the_parameter_kept() {
    let max = 11;
    let wasm = wat::parse_str(locals_program(max)).unwrap();
    // The sum of (n + 1) * n for n in 0..=max: each `$locals_n` returned its parameter.
    let want: i64 = (0..=max as i64).map(|n| (n + 1) * n).sum();
    each_mode(&wasm, |store, instance, mode| {
        assert_eq!(
            call(store, instance, "run", &[]),
            [Val::I64(want)],
            "{mode:?}"
        );
    });
}
