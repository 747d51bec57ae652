//! A metered direct call pays its callee's entry block itself (`Instr::CallPay`) when the gas
//! in hand covers it, and leaves it to the callee's `ConsumeGas` when not: a program of
//! nested calls, paused at every point where it can pause with every amount of gas left over,
//! pauses where the price list says, and resumes (directly and through snapshots) to the
//! same result and total gas.

mod common;

use common::{engine, instantiate_run, run_topped_up};
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

/// The pauses a call started with `budget` gas must make when each is given what it needs:
/// (gas used so far, gas needed beyond what was left).
fn expected_pauses(budget: u64) -> Vec<(u64, u64)> {
    let mut pauses = Vec::new();
    let (mut left, mut used) = (budget, 0);
    for &charge in &CHARGES {
        if left < charge {
            pauses.push((used, charge - left));
            left = charge;
        }
        left -= charge;
        used += charge;
    }
    pauses
}

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
    assert_eq!(expected_pauses(22)[0], (22, 3));
    assert_eq!(expected_pauses(24)[0], (22, 1));
    for budget in 0..=TOTAL {
        for through_snapshot in [false, true] {
            let run = run_topped_up(PROGRAM, &[Val::I32(4)], Some(budget), through_snapshot);
            let at = format!("budget {budget}, through a snapshot {through_snapshot}");
            assert_eq!(run.pauses, expected_pauses(budget), "{at}");
            assert_eq!(run.results, [Val::I32(4)], "{at}");
            assert_eq!(run.gas_used, TOTAL, "{at}");
        }
    }
}
