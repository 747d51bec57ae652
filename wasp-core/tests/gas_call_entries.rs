//! Calls and tail calls metered: programs of nested calls and of tail calls, paused at every
//! point where they can pause with every amount of gas left over (among them each callee's
//! entry block, paid on entering it), pause where the price list says, and resume (directly
//! and through snapshots) to the same result and total gas.

mod common;

use common::{engine, expected_pauses, instantiate_run, run_topped_up};
use wasp_core::Val;

/// `run(n)`: adds 2 to a counter through two nested calls until it reaches `n`.
const PROGRAM: &str = r#"(module
  (func $inc (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1)))
  (func $twice (param $x i32) (result i32) (call $inc (call $inc (local.get $x))))
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (local.set $i (call $twice (local.get $i)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))"#;

/// Every charge `run(4)` pays, in order (default prices):
/// - the loop block: local.get 1 + call 5 + local.set 1 + local.get 1 + local.get 1 +
///   i32.lt_u 1 + br_if 1 = 11;
/// - `$twice`'s entry block: local.get 1 + call 5 + call 5 = 11;
/// - `$inc`'s, twice: local.get 1 + i32.const 1 + i32.add 1 = 3;
/// - the loop again, with its calls (the counter reaches 4);
/// - after the loop: local.get 1 = 1.
const CHARGES: [u64; 9] = [11, 11, 3, 3, 11, 11, 3, 3, 1];

/// The total: 57.
const TOTAL: u64 = 57;

/// `run(n)`: sums `n + (n - 1) + ... + 1` through a chain of tail calls.
const TAIL: &str = r#"(module
  (func $down (param $k i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $k))
      (then (local.get $acc))
      (else (return_call $down
        (i32.sub (local.get $k) (i32.const 1))
        (i32.add (local.get $acc) (local.get $k))))))
  (func (export "run") (param $n i32) (result i32)
    (return_call $down (local.get $n) (i32.const 0))))"#;

/// Every charge `run(2)` of [`TAIL`] pays, in order (default prices):
/// - `run`'s block: local.get 1 + i32.const 1 + return_call 5 = 7;
/// - `$down`'s entry block: local.get 1 + i32.eqz 1 + if 1 = 3;
/// - its `else`: local.get, i32.const, i32.sub, local.get, local.get, i32.add at 1 each +
///   return_call 5 = 11;
/// - `$down` again with 1, then with 0: 3, 11, 3;
/// - the `then`: local.get 1 = 1.
const TAIL_CHARGES: [u64; 7] = [7, 3, 11, 3, 11, 3, 1];

#[test]
fn metered_and_unmetered_calls_give_the_same_results() {
    for gas in [false, true] {
        let (mut store, run) = instantiate_run(&engine(gas), PROGRAM);
        if gas {
            store.set_gas(TOTAL).unwrap();
        }
        let mut out = [Val::I32(0)];
        run.call(&mut store, &[Val::I32(4)], &mut out).unwrap();
        assert_eq!(out[0], Val::I32(4), "gas {gas}");
        if gas {
            assert_eq!(
                store.gas_left().unwrap(),
                0,
                "the charges add up to {TOTAL}"
            );
        }
    }
}

#[test]
fn every_budget_pauses_where_the_price_list_says() {
    assert_eq!(CHARGES.iter().sum::<u64>(), TOTAL);
    // Spot checks of the rule, so that it is not only checked against itself: with 22 the
    // loop and `$twice` are paid, and the first `$inc` pauses at its entry needing 3.
    assert_eq!(expected_pauses(&CHARGES, 22)[0], (22, 3));
    assert_eq!(expected_pauses(&CHARGES, 24)[0], (22, 1));
    assert_pauses(PROGRAM, 4, &CHARGES, 4);
}

#[test]
fn every_budget_of_tail_calls_pauses_where_the_price_list_says() {
    // With 10, `run` and `$down`'s first entry block are paid; its `else` needs 11.
    assert_eq!(expected_pauses(&TAIL_CHARGES, 10)[0], (10, 11));
    assert_eq!(expected_pauses(&TAIL_CHARGES, 9)[0], (7, 1));
    assert_pauses(TAIL, 2, &TAIL_CHARGES, 3);
}

/// Runs `run(arg)` of `wat` from every budget up to the sum of `charges`, directly and
/// through snapshots: each pauses as [`expected_pauses`] says and ends with `want`.
fn assert_pauses(wat: &str, arg: i32, charges: &[u64], want: i32) {
    let total: u64 = charges.iter().sum();
    for budget in 0..=total {
        for through_snapshot in [false, true] {
            let run = run_topped_up(wat, &[Val::I32(arg)], Some(budget), through_snapshot);
            let at = format!("budget {budget}, through a snapshot {through_snapshot}");
            assert_eq!(run.pauses, expected_pauses(charges, budget), "{at}");
            assert_eq!(run.results, [Val::I32(want)], "{at}");
            assert_eq!(run.gas_used, total, "{at}");
        }
    }
}
