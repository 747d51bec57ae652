//! Calls and returns hand the callee's (or the caller's) frame on to the next instruction in
//! a register only; whatever leaves the handler chain while the call runs (a gas slice
//! topped up from the reserve, a pause for gas, a snapshot of the paused call) must find the
//! running frame all the same. Call-heavy programs, metered across many slices, give the
//! results and the gas of an unmetered and an unpaused run, whatever the budget, the top-ups
//! and the snapshots.

mod common;

use common::{drive_topped_up, engine, instantiate, Fresh};
use wasp_core::Val;

/// Recursion that returns one result (`fib`), a small function with no result called in a
/// loop (`swap`), one with two results (`pair`) and an indirect call (`thrice`).
const CALLS: &str = r#"(module
  (memory 1)
  (type $unary (func (param i32) (result i32)))
  (table funcref (elem $thrice))
  (func $fib (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $swap (param i32 i32)
    (local $t i32)
    (local.set $t (i32.load (local.get 0)))
    (i32.store (local.get 0) (i32.load (local.get 1)))
    (i32.store (local.get 1) (local.get $t)))
  (func $pair (param i32) (result i32 i32)
    (local.get 0) (i32.mul (local.get 0) (i32.const 3)))
  (func $thrice (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (i32.store (i32.const 0) (i32.const 7))
    (i32.store (i32.const 4) (i32.const 9))
    (loop $again
      (call $swap (i32.const 0) (i32.const 4))
      (local.set $acc (i32.add (local.get $acc) (i32.sub (call $pair (local.get $i)))))
      (local.set $acc (i32.add (local.get $acc)
        (call_indirect (type $unary) (local.get $i) (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $acc)
      (i32.add (call $fib (i32.const 15)) (i32.load (i32.const 0))))))"#;

const N: i32 = 300;

/// The result unmetered.
fn unmetered() -> Val {
    let (mut store, instance) = instantiate(&engine(false), CALLS);
    let run = instance.get_func(&store, "run").expect("an export `run`");
    let mut results = [Val::I32(0)];
    run.call(&mut store, &[Val::I32(N)], &mut results)
        .expect("runs");
    results[0]
}

/// Runs metered from `budget`, topping each pause up with what it needs and `extra`, through
/// a snapshot when `snapshot`; the result, the gas used and the number of pauses.
fn metered(budget: u64, extra: u64, snapshot: bool) -> (Val, u64, usize) {
    let engine = engine(true);
    let fresh = || instantiate(&engine, CALLS);
    let (mut store, instance) = fresh();
    store.set_gas(budget).expect("gas");
    let restore_into: Option<&Fresh> = snapshot.then_some(&fresh);
    let end = drive_topped_up((store, instance), &[Val::I32(N)], extra, restore_into);
    (end.results[0], end.gas_used, end.pauses.len())
}

#[test]
fn the_program_computes_what_it_should() {
    // fib(15) = 610; each round adds i - 3i from the pair and 3i from the indirect call:
    // 0 + ... + 299 in all; an even number of swaps leaves 7 at address 0.
    assert_eq!(unmetered(), Val::I32(610 + N * (N - 1) / 2 + 7));
}

#[test]
fn metered_across_many_slices_it_gives_the_unmetered_result() {
    let (result, total, pauses) = metered(u64::MAX / 2, 0, false);
    assert_eq!(result, unmetered());
    assert_eq!(pauses, 0);
    // Several slices of the gas a chain carries (4096), so that they are topped up inside
    // callees, right after calls and returns.
    assert!(total > 5 * 4096, "{total}");
}

#[test]
fn any_budget_pauses_and_resumes_to_the_same_result_and_gas() {
    let (want, total, _) = metered(u64::MAX / 2, 0, false);
    for budget in (0..total).step_by(total as usize / 40) {
        for extra in [0, 1000, 5000] {
            if extra == 0 && budget + 2000 < total {
                // Topped up with just what it needs, a call pauses at every block.
                continue;
            }
            let snapshot = budget % 3 == 0;
            let at = format!("budget {budget}, extra {extra}, snapshot {snapshot}");
            let (result, used, pauses) = metered(budget, extra, snapshot);
            assert_eq!((result, used), (want, total), "{at}");
            assert!(pauses >= 1, "{at}");
        }
    }
}
