//! The dispatch shortcuts of the interpreter give the results, gas and pauses of the plain
//! path: a `br_table` jumps straight to its entry's target, calls and globals read the
//! running instance's cached address lists, and straight-line steps spend no budget.
//!
//! One program uses all of them, with tail calls too; it runs unmetered, metered with
//! plenty of gas, and metered
//! from every small budget, topping up by what each pause needs, and once more paused,
//! snapshotted and restored into a fresh store at every pause.

mod common;

use common::{engine, instantiate_run, run_topped_up};
use wasp_core::Val;

/// `run(n)`: a loop of `br_table` steps on `n % 5` (four targets and the default), each
/// calling a helper, with a global counting the steps; ends with a chain of tail calls.
const PROGRAM: &str = r#"(module
  (global $steps (mut i32) (i32.const 0))
  (func $twice (param $x i32) (result i32) (i32.add (local.get $x) (local.get $x)))
  (func $down (param $k i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $k))
      (then (local.get $acc))
      (else (return_call $down
        (i32.sub (local.get $k) (i32.const 1))
        (i32.add (i32.mul (local.get $acc) (i32.const 7)) (local.get $k))))))
  (func (export "run") (param $n i32) (result i32) (local $acc i32)
    (global.set $steps (i32.const 0))
    (block $exit
      (loop $top
        (br_if $exit (i32.eqz (local.get $n)))
        (global.set $steps (i32.add (global.get $steps) (i32.const 1)))
        (block $d
          (block $c
            (block $b
              (block $a
                (br_table $a $b $c $d (i32.rem_u (local.get $n) (i32.const 5))))
              (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
              (br $d))
            (local.set $acc (call $twice (local.get $acc)))
            (br $d))
          (local.set $acc (i32.xor (local.get $acc) (local.get $n))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $top)))
    (return_call $down (global.get $steps) (local.get $acc))))"#;

/// What `run(n)` returns, computed in Rust.
fn expected(n: u32) -> i32 {
    let (mut acc, mut steps) = (0u32, 0u32);
    for k in (1..=n).rev() {
        steps += 1;
        match k % 5 {
            0 => acc = acc.wrapping_add(1),
            1 => acc = acc.wrapping_add(acc),
            2 => acc ^= k,
            _ => {}
        }
    }
    for k in (1..=steps).rev() {
        acc = acc.wrapping_mul(7).wrapping_add(k);
    }
    acc as i32
}

/// Runs `run(n)` from `budget` gas, topping up what each pause needs; when `snapshot`, every
/// pause is also saved and restored into a fresh store, which goes on. Returns the result,
/// the total gas and the number of pauses.
fn run_paused(n: i32, budget: u64, snapshot: bool) -> (Val, u64, usize) {
    let end = run_topped_up(PROGRAM, &[Val::I32(n)], Some(budget), snapshot);
    (end.results[0], end.gas_used, end.pauses.len())
}

#[test]
fn results_match_the_reference() {
    for gas in [false, true] {
        let (mut store, run) = instantiate_run(&engine(gas), PROGRAM);
        if gas {
            store.set_gas(u64::MAX / 2).unwrap();
        }
        for n in [0, 1, 2, 3, 4, 5, 6, 11, 100, 1000] {
            let mut out = [Val::I32(0)];
            run.call(&mut store, &[Val::I32(n)], &mut out).unwrap();
            assert_eq!(out[0], Val::I32(expected(n as u32)), "run({n}), gas {gas}");
        }
    }
}

#[test]
fn every_budget_pauses_and_resumes_to_the_same_result_and_gas() {
    let n = 12;
    let (result, total, pauses) = run_paused(n, u64::MAX / 2, false);
    assert_eq!((result, pauses), (Val::I32(expected(n as u32)), 0));
    for budget in 0..total {
        let (r, gas, pauses) = run_paused(n, budget, false);
        assert_eq!((r, gas), (result, total), "budget {budget}");
        assert!(pauses > 0, "budget {budget} < {total} must pause");
    }
}

#[test]
fn snapshots_at_every_pause_restore_and_resume() {
    let n = 12;
    let (result, total, _) = run_paused(n, u64::MAX / 2, false);
    for budget in (0..total).step_by(7) {
        let (r, gas, _) = run_paused(n, budget, true);
        assert_eq!((r, gas), (result, total), "budget {budget}");
    }
}
