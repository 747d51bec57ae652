//! Forward branches that land on a block's `ConsumeGas` pay for that block themselves (the
//! branch of an `if` to its `else` arm, a `br` from the `then` arm to the code after the `if`,
//! a `br_if` out of a block followed by more code): every program gives the results, the gas
//! and the pauses the price list says, pauses exactly where a block cannot be paid for (at
//! every budget), resumes from there, and snapshots there restore and go on. A `br_table`
//! every entry of which lands on a block pays for the one it takes.
//!
//! Each program is a loop stepping `$i` from 0 to `$n`; `charges` works out, from the price
//! list by hand, every block a run pays in order.

mod common;

use common::{as_i64, engine, expected_pauses, instantiate_run, run_topped_up};
use wasp_core::Val;

/// One program: its text, and for an argument its result and the blocks it pays, in order.
struct Case {
    name: &'static str,
    wat: String,
    run: fn(i32) -> (i32, Vec<u64>),
}

/// `$acc` grows by 3 on odd `$i` (the `then` arm, which branches past the `else` arm to the
/// code after the `if`) and is xored with `$i * 5` on even `$i` (the `else` arm, which the
/// `if`'s branch enters): `if` on an i32 value.
fn if_else(test: &str) -> String {
    format!(
        r#"(module (func (export "run") (param $n i32) (result i32) (local $i i32) (local $acc i32)
          (loop $l
            (if {test}
              (then (local.set $acc (i32.add (local.get $acc) (i32.const 3))))
              (else (local.set $acc
                (i32.xor (local.get $acc) (i32.mul (local.get $i) (i32.const 5))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $acc)))"#
    )
}

/// The run of an [`if_else`] program whose test takes `test_cost` (with the `if`) and holds
/// for `$i` when `holds($i)`.
fn if_else_run(n: i32, test_cost: u64, holds: fn(i32) -> bool) -> (i32, Vec<u64>) {
    let (mut i, mut acc, mut charges) = (0, 0_i32, Vec::new());
    loop {
        charges.push(test_cost);
        if holds(i) {
            // local.get, i32.const, i32.add, local.set.
            charges.push(4);
            acc = acc.wrapping_add(3);
        } else {
            // local.get, local.get, i32.const, i32.mul, i32.xor, local.set.
            charges.push(6);
            acc ^= i.wrapping_mul(5);
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

fn below_three(i: i32) -> bool {
    i < 3
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "if on a value (paying branches to the else arm and past it)",
            wat: if_else("(i32.and (local.get $i) (i32.const 1))"),
            // local.get, i32.const, i32.and, if.
            run: |n| if_else_run(n, 4, odd),
        },
        Case {
            name: "if on i32.lt_s with a constant (a fused compare-and-branch)",
            wat: if_else("(i32.lt_s (local.get $i) (i32.const 3))"),
            run: |n| if_else_run(n, 4, below_three),
        },
        Case {
            name: "if on i64.ne (an i64 compare-and-branch)",
            wat: if_else(
                "(i64.ne (i64.extend_i32_u (i32.and (local.get $i) (i32.const 1))) (i64.const 0))",
            ),
            // local.get, i32.const, i32.and, i64.extend_i32_u, i64.const, i64.ne, if.
            run: |n| if_else_run(n, 7, odd),
        },
        Case {
            name: "br_if out of a block followed by code",
            wat: r#"(module (func (export "run") (param $n i32) (result i32)
                  (local $i i32) (local $acc i32)
                  (loop $l
                    (block $skip
                      (br_if $skip (i32.and (local.get $i) (i32.const 1)))
                      (local.set $acc (i32.add (local.get $acc) (local.get $i))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                  (local.get $acc)))"#
                .to_string(),
            run: |n| {
                let (mut acc, mut charges) = (0, Vec::new());
                for i in 0..n.max(1) {
                    // The loop's block, skipped part included: local.get, i32.const, i32.and,
                    // br_if; local.get, local.get, i32.add, local.set. Then the code after the
                    // block.
                    charges.extend([8, 8]);
                    if i & 1 == 0 {
                        acc += i;
                    }
                }
                charges.push(1);
                (acc, charges)
            },
        },
        Case {
            name: "br_table out of two blocks followed by code (a paying table)",
            wat: r#"(module (func (export "run") (param $n i32) (result i32)
                  (local $i i32) (local $acc i32)
                  (loop $l
                    (block $b
                      (block $a
                        (br_table $a $b (i32.and (local.get $i) (i32.const 1))))
                      (local.set $acc (i32.add (local.get $acc) (i32.const 10))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                  (local.get $acc)))"#
                .to_string(),
            run: |n| {
                let (mut acc, mut charges) = (0, Vec::new());
                for i in 0..n.max(1) {
                    // local.get, i32.const, i32.and, br_table.
                    charges.push(4);
                    if i & 1 == 0 {
                        // local.get, i32.const, i32.add, local.set.
                        charges.push(4);
                        acc += 10;
                    }
                    charges.push(8);
                }
                charges.push(1);
                (acc, charges)
            },
        },
        Case {
            name: "br_table into a loop and out of a block (a paying table)",
            wat: r#"(module (func (export "run") (param $n i32) (result i32)
                  (local $i i32) (local $acc i32)
                  (loop $l
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (block $a
                      (br_table $l $a (i32.ge_u (local.get $i) (local.get $n))))
                    (local.set $acc (i32.const 9)))
                  (i32.add (local.get $acc) (local.get $i))))"#
                .to_string(),
            run: |n| {
                let (mut i, mut charges) = (0, Vec::new());
                loop {
                    // local.get, i32.const, i32.add, local.set; local.get, local.get,
                    // i32.ge_u, br_table.
                    charges.push(8);
                    i += 1;
                    if i >= n {
                        break;
                    }
                }
                // i32.const, local.set; after the loop's end, local.get, local.get, i32.add.
                charges.extend([2, 3]);
                (9 + i, charges)
            },
        },
    ]
}

/// Arguments to try; the first is also run from every budget.
const ARGS: [i32; 3] = [6, 1, 0];

#[test]
fn results_and_gas_are_those_of_the_price_list() {
    for case in cases() {
        for n in ARGS {
            let (result, charges) = (case.run)(n);
            let (mut plain, run) = instantiate_run(&engine(false), &case.wat);
            let mut out = [Val::I32(0)];
            run.call(&mut plain, &[Val::I32(n)], &mut out).unwrap();
            assert_eq!(
                as_i64(&out[0]),
                i64::from(result),
                "{} unmetered",
                case.name
            );
            let metered = run_topped_up(&case.wat, &[Val::I32(n)], Some(u64::MAX / 2), false);
            let at = format!("{}, n = {n}", case.name);
            assert_eq!(metered.pauses, vec![], "{at}");
            assert_eq!(as_i64(&metered.results[0]), i64::from(result), "{at}");
            assert_eq!(metered.gas_used, charges.iter().sum::<u64>(), "{at}");
        }
    }
}

#[test]
fn every_budget_pauses_where_a_block_is_not_covered() {
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
