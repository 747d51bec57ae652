//! An `if` pays for the `then` arm it falls into in the same dispatch as its test (the forms
//! paying either way, `..PayBoth`): every program gives the results, the gas and the pauses
//! the price list says, pauses exactly where the `then` arm (or the `else` arm) cannot be paid
//! for (at every budget), resumes from there, and snapshots there restore and go on; a trap in
//! the `then` arm leaves the gas its blocks paid, as before.
//!
//! Each program is a loop stepping `$i` from 0 to `$n`; the run functions work out, from the
//! price list by hand, every block a run pays in order.

mod common;

use common::{as_i64, engine, expected_pauses, instantiate_run, run_topped_up, trap_of};
use wasp_core::{TrapCode, Val};

/// One program: its text, and for an argument its result and the blocks it pays, in order.
struct Case {
    name: &'static str,
    wat: String,
    run: fn(i32) -> (i32, Vec<u64>),
}

/// `$acc` is multiplied by 3 and grows by `$i` when `test` holds (the `then` arm, which the
/// `if` falls into) and grows by 1 otherwise (the `else` arm, which the `if`'s branch enters).
fn if_else(test: &str) -> String {
    format!(
        r#"(module (func (export "run") (param $n i32) (result i32) (local $i i32) (local $acc i32)
          (loop $l
            (if {test}
              (then (local.set $acc
                (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $i))))
              (else (local.set $acc (i32.add (local.get $acc) (i32.const 1)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $acc)))"#
    )
}

/// The run of an [`if_else`] program whose test takes `test_cost` (with the `if`) and holds
/// for `$i` when `holds($i)`.
fn if_else_run(n: i32, test_cost: u64, holds: impl Fn(i32) -> bool) -> (i32, Vec<u64>) {
    let (mut i, mut acc, mut charges) = (0, 0_i32, Vec::new());
    loop {
        charges.push(test_cost);
        if holds(i) {
            // local.get, i32.const, i32.mul, local.get, i32.add, local.set.
            charges.push(6);
            acc = acc.wrapping_mul(3).wrapping_add(i);
        } else {
            // local.get, i32.const, i32.add, local.set.
            charges.push(4);
            acc = acc.wrapping_add(1);
        }
        // local.get, i32.const, i32.add, local.set; local.get, local.get, i32.lt_u, br_if.
        charges.push(8);
        i += 1;
        if (i as u32) >= (n as u32) {
            break;
        }
    }
    // local.get.
    charges.push(1);
    (acc, charges)
}

fn odd(i: i32) -> bool {
    i & 1 != 0
}

fn below_four(i: i32) -> bool {
    i < 4
}

fn above_two(i: i32) -> bool {
    i > 2
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "if on an i32 value",
            wat: if_else("(i32.and (local.get $i) (i32.const 1))"),
            // local.get, i32.const, i32.and, if.
            run: |n| if_else_run(n, 4, odd),
        },
        Case {
            name: "if on i32.lt_u of two locals (a compare-and-branch on slots)",
            wat: if_else("(i32.lt_u (local.get $i) (i32.shr_u (local.get $n) (i32.const 1)))"),
            // local.get, local.get, i32.const, i32.shr_u, i32.lt_u, if.
            run: |n| if_else_run(n, 6, move |i| i < n / 2),
        },
        Case {
            name: "if on i32.lt_s with a constant",
            wat: if_else("(i32.lt_s (local.get $i) (i32.const 4))"),
            run: |n| if_else_run(n, 4, below_four),
        },
        Case {
            name: "if on i64.gt_s of an extended local and a constant",
            wat: if_else("(i64.gt_s (i64.extend_i32_u (local.get $i)) (i64.const 2))"),
            // local.get, i64.extend_i32_u, i64.const, i64.gt_s, if.
            run: |n| if_else_run(n, 5, above_two),
        },
        Case {
            name: "if on i64.eqz (a test of an i64 value)",
            wat: if_else("(i64.eqz (i64.extend_i32_u (i32.and (local.get $i) (i32.const 1))))"),
            // local.get, i32.const, i32.and, i64.extend_i32_u, i64.eqz, if.
            run: |n| if_else_run(n, 6, |i| !odd(i)),
        },
        Case {
            name: "if without an else arm",
            wat: r#"(module (func (export "run") (param $n i32) (result i32)
                  (local $i i32) (local $acc i32)
                  (loop $l
                    (if (i32.and (local.get $i) (i32.const 1))
                      (then (local.set $acc (i32.add (local.get $acc) (local.get $i)))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                  (local.get $acc)))"#
                .to_string(),
            run: |n| {
                let (mut acc, mut charges) = (0, Vec::new());
                for i in 0..n.max(1) {
                    // local.get, i32.const, i32.and, if.
                    charges.push(4);
                    if i & 1 != 0 {
                        // local.get, local.get, i32.add, local.set.
                        charges.push(4);
                        acc += i;
                    }
                    charges.push(8);
                }
                charges.push(1);
                (acc, charges)
            },
        },
    ]
}

/// Arguments to try; the first is also run from every budget.
const ARGS: [i32; 3] = [7, 1, 0];

#[test]
fn results_and_gas_are_those_of_the_price_list() {
    for case in cases() {
        for n in ARGS {
            let (result, charges) = (case.run)(n);
            let (mut plain, run) = instantiate_run(&engine(false), &case.wat);
            let mut out = [Val::I32(0)];
            run.call(&mut plain, &[Val::I32(n)], &mut out).unwrap();
            let at = format!("{}, n = {n}", case.name);
            assert_eq!(as_i64(&out[0]), i64::from(result), "{at} unmetered");
            let metered = run_topped_up(&case.wat, &[Val::I32(n)], Some(u64::MAX / 2), false);
            assert_eq!(metered.pauses, vec![], "{at}");
            assert_eq!(as_i64(&metered.results[0]), i64::from(result), "{at}");
            assert_eq!(metered.gas_used, charges.iter().sum::<u64>(), "{at}");
        }
    }
}

#[test]
fn every_budget_pauses_where_an_arm_is_not_covered() {
    for case in cases() {
        let n = ARGS[0];
        let (result, charges) = (case.run)(n);
        let total: u64 = charges.iter().sum();
        for budget in 0..=total {
            let run = run_topped_up(&case.wat, &[Val::I32(n)], Some(budget), false);
            let at = format!("{}, budget {budget}", case.name);
            assert_eq!(run.pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!(as_i64(&run.results[0]), i64::from(result), "{at}");
            assert_eq!(run.gas_used, total, "{at}");
        }
    }
}

#[test]
fn snapshots_at_every_pause_restore_and_resume() {
    for case in cases() {
        let n = ARGS[0];
        let (result, charges) = (case.run)(n);
        let total: u64 = charges.iter().sum();
        for budget in 0..=total {
            let run = run_topped_up(&case.wat, &[Val::I32(n)], Some(budget), true);
            let at = format!("{}, budget {budget}", case.name);
            assert_eq!(run.pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!(as_i64(&run.results[0]), i64::from(result), "{at}");
            assert_eq!(run.gas_used, total, "{at}");
        }
    }
}

/// `run($d)` divides 100 by `$d` in the `then` arm of an `if` on `$d < 8`.
const TRAPS_IN_THEN: &str = r#"(module (func (export "run") (param $d i32) (result i32)
      (if (result i32) (i32.lt_u (local.get $d) (i32.const 8))
        (then (i32.div_u (i32.const 100) (local.get $d)))
        (else (i32.const 0)))))"#;

#[test]
fn a_trap_in_the_then_arm_leaves_the_gas_its_blocks_paid() {
    // local.get, i32.const, i32.lt_u, if; then i32.const, local.get, i32.div_u (a division,
    // 4 units).
    let (test, then) = (4, 6);
    for budget in [test + then, test + then + 5, 1000] {
        let (mut store, run) = instantiate_run(&engine(true), TRAPS_IN_THEN);
        store.set_gas(budget).expect("gas");
        let mut out = [Val::I32(0)];
        let trap = trap_of(
            run.call(&mut store, &[Val::I32(0)], &mut out)
                .map(|()| out.to_vec()),
        );
        assert_eq!(
            trap,
            Some(TrapCode::IntegerDivisionByZero),
            "budget {budget}"
        );
        assert_eq!(
            store.gas_left().ok(),
            Some(budget - test - then),
            "budget {budget}"
        );
    }
    // Short of the `then` arm's cost: it pauses before the division, standing at the arm.
    let run = run_topped_up(TRAPS_IN_THEN, &[Val::I32(5)], Some(test + 1), true);
    assert_eq!(run.pauses, vec![(test, then - 1)]);
    assert_eq!(as_i64(&run.results[0]), 20);
    assert_eq!(run.gas_used, test + then);
}
