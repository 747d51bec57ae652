//! A running call carries its gas in slices: the interpreter hands its handlers a few
//! thousand units at a time and keeps the rest aside (so that branches paying for the loop
//! they enter return to the interpreter's loop in time). Slices are invisible: a call given
//! more gas than one slice pays the same, pauses at the same points, and its pauses snapshot,
//! restore and resume, whether its blocks, its loops or its dynamic charges cross a slice or
//! not, and whether each pause is topped up with just what it needs or with more.

mod common;

use common::{drive_topped_up, engine, expected_pauses_given, instantiate, Fresh};
use wasp_core::Val;

/// One program: its text and the charges of `run(n)`, in order.
struct Case {
    name: &'static str,
    wat: String,
    n: i32,
    result: i32,
    charges: Vec<u64>,
}

/// A loop tested at its bottom: the back edge is a paying counter step (8 a block).
fn bottom_tested(n: i32) -> Case {
    Case {
        name: "bottom-tested counter",
        wat: r#"(module (func (export "run") (param $n i32) (result i32) (local $i i32)
          (loop $l
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $i)))"#
            .to_string(),
        n,
        result: n,
        charges: repeat(&[8], n as usize, &[1]),
    }
}

/// A loop tested at its top: the back edge pays first, then repeats the test (9 a block,
/// one more block for the test that exits).
fn top_tested(n: i32) -> Case {
    Case {
        name: "top-tested counter",
        wat: r#"(module (func (export "run") (param $n i32) (result i32) (local $i i32)
          (block $out
            (loop $l
              (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
          (local.get $i)))"#
            .to_string(),
        n,
        result: n,
        charges: repeat(&[9], n as usize + 1, &[1]),
    }
}

/// A loop whose block is followed by a dynamic charge: `memory.fill` of 6,400 bytes (100).
fn dynamic_charges(n: i32) -> Case {
    Case {
        name: "memory.fill in a loop",
        wat: r#"(module (memory 1)
          (func (export "run") (param $n i32) (result i32) (local $i i32)
            (loop $l
              (memory.fill (i32.const 0) (i32.const 7) (i32.const 6400))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
            (local.get $i)))"#
            .to_string(),
        n,
        result: n,
        charges: repeat(&[12, 100], n as usize, &[1]),
    }
}

/// A loop whose one block costs more than a slice: 1,100 additions of 4 each and the
/// counter's 8.
fn big_block(n: i32) -> Case {
    let adds = "(local.set $x (i32.add (local.get $x) (i32.const 1)))\n".repeat(1100);
    Case {
        name: "a block larger than a slice",
        wat: format!(
            r#"(module (func (export "run") (param $n i32) (result i32)
              (local $i i32) (local $x i32)
              (loop $l
                {adds}
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $x)))"#
        ),
        n,
        result: 1100 * n,
        charges: repeat(&[4408], n as usize, &[1]),
    }
}

fn repeat(each: &[u64], times: usize, then: &[u64]) -> Vec<u64> {
    let mut charges: Vec<u64> = each
        .iter()
        .copied()
        .cycle()
        .take(each.len() * times)
        .collect();
    charges.extend_from_slice(then);
    charges
}

fn cases() -> Vec<Case> {
    vec![
        bottom_tested(1500),
        top_tested(1500),
        dynamic_charges(150),
        big_block(4),
    ]
}

/// Runs `run(n)` from `budget`, giving each pause what it needs and `extra` more, through a
/// snapshot when `snapshot`. Returns the pauses, the result, the gas used and the gas left.
fn run_paused(
    case: &Case,
    budget: u64,
    extra: u64,
    snapshot: bool,
) -> (Vec<(u64, u64)>, i32, u64, u64) {
    let engine = engine(true);
    let fresh = || instantiate(&engine, &case.wat);
    let (mut store, instance) = fresh();
    store.set_gas(budget).unwrap();
    let restore_into: Option<&Fresh> = snapshot.then_some(&fresh);
    let end = drive_topped_up((store, instance), &[Val::I32(case.n)], extra, restore_into);
    let Val::I32(result) = end.results[0] else {
        panic!("{}: an i32 result, found {:?}", case.name, end.results)
    };
    (
        end.pauses,
        result,
        end.gas_used,
        end.store.gas_left().unwrap(),
    )
}

/// Budgets from 0 to past the total, some 60 of them, with the total and a few around it.
fn budgets(total: u64) -> Vec<u64> {
    let mut budgets: Vec<u64> = (0..=total + 5000).step_by(total as usize / 60).collect();
    budgets.extend([total - 1, total, total + 1, u64::MAX / 2]);
    budgets
}

#[test]
fn the_cases_cost_more_than_a_few_slices() {
    for case in cases() {
        let total: u64 = case.charges.iter().sum();
        assert!(total > 12_000, "{}: {total}", case.name);
    }
}

#[test]
fn any_budget_pauses_where_a_charge_is_not_covered_whatever_each_pause_is_given() {
    for case in cases() {
        let total: u64 = case.charges.iter().sum();
        for budget in budgets(total) {
            for extra in [0, 300, 5000, 20_000] {
                // Given just what it needs, a call pauses at every block after its first
                // pause: only near the end.
                if extra == 0 && budget + 20 < total {
                    continue;
                }
                let at = format!("{}, budget {budget}, extra {extra}", case.name);
                let snapshot = budget % 7 == 0;
                let (pauses, result, used, left) = run_paused(&case, budget, extra, snapshot);
                let expected = expected_pauses_given(&case.charges, budget, extra);
                let given = budget + expected.iter().map(|(_, n)| n + extra).sum::<u64>();
                assert_eq!(pauses, expected, "{at}");
                assert_eq!((result, used), (case.result, total), "{at}");
                assert_eq!(left, given - total, "{at}");
            }
        }
    }
}
