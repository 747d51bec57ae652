//! A loop counter's step fused with the branch testing it (`StepBrI32..`, one dispatch for
//! `local.set $i (i32.add (local.get $i) (i32.const step))` and the `br_if` on `$i` after it):
//! every comparison, the counter on either side, a slot or a constant on the other, steps up
//! and down to the ends of the 16-bit range and across the wrap-around of i32, give the
//! results of the Wasm semantics, metered or not, the gas the price list says, pause where
//! a block cannot be paid for at every budget, and snapshots there restore and go on.
//!
//! Each program steps `$i` from `$start` and exits when the test holds, at most 40 rounds
//! (`$k` counts them, tested and stepped the same way); it returns `$i` and `$k` in one i64.

mod common;

use common::{as_i64 as result, engine, expected_pauses, instantiate_run as instantiate};

use wasp_core::{CallOutcome, Val};

const COMPARISONS: [&str; 10] = [
    "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
];

fn holds(op: &str, a: i32, b: i32) -> bool {
    let (ua, ub) = (a as u32, b as u32);
    match op {
        "eq" => a == b,
        "ne" => a != b,
        "lt_s" => a < b,
        "lt_u" => ua < ub,
        "gt_s" => a > b,
        "gt_u" => ua > ub,
        "le_s" => a <= b,
        "le_u" => ua <= ub,
        "ge_s" => a >= b,
        "ge_u" => ua >= ub,
        _ => unreachable!("not a comparison: {op}"),
    }
}

/// Where the counter stands in the test.
#[derive(Clone, Copy, Debug)]
enum Side {
    /// `(op $i $n)`.
    Left,
    /// `(op $n $i)`.
    Right,
    /// `(op $i (i32.const rhs))`.
    Const,
}

/// One program and how to run it.
struct Case {
    name: String,
    wat: String,
    /// `(start, rhs)` arguments to try.
    args: Vec<(i32, i32)>,
    /// Gas of one round, paid up front.
    round: u64,
    reference: Box<dyn Fn(i32, i32) -> (i64, u64)>,
}

/// Gas of the code before the loop and after the loop.
const ENTRY: u64 = 2;
const EXIT: u64 = 7;

/// Runs the program in Rust: `(result, rounds)`.
fn simulate(
    op: &str,
    side: Side,
    step: i32,
    start: i32,
    rhs: i32,
    jump_on_counter: bool,
) -> (i64, u64) {
    let (mut i, mut k) = (start, 0_u32);
    let rounds = loop {
        k += 1;
        if k >= 40 {
            break k;
        }
        i = i.wrapping_add(step);
        let test = if jump_on_counter {
            i != 0
        } else {
            match side {
                Side::Right => holds(op, rhs, i),
                _ => holds(op, i, rhs),
            }
        };
        if test {
            break k;
        }
    };
    (i64::from(i as u32) | i64::from(k) << 32, u64::from(rounds))
}

fn case(op: &'static str, side: Side, step: i32, jump_on_counter: bool) -> Case {
    let fixed = 5;
    let test = match (jump_on_counter, side) {
        (true, _) => "(local.get $i)".to_string(),
        (false, Side::Left) => format!("(i32.{op} (local.get $i) (local.get $n))"),
        (false, Side::Right) => format!("(i32.{op} (local.get $n) (local.get $i))"),
        (false, Side::Const) => format!("(i32.{op} (local.get $i) (i32.const {fixed}))"),
    };
    let (add, amount) = if step < 0 {
        ("sub", -i64::from(step))
    } else {
        ("add", i64::from(step))
    };
    let wat = format!(
        r#"(module (func (export "run") (param $start i32) (param $n i32) (result i64)
          (local $i i32) (local $k i32)
          (local.set $i (local.get $start))
          (block $out
            (loop $l
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $out (i32.ge_u (local.get $k) (i32.const 40)))
              (local.set $i (i32.{add} (local.get $i) (i32.const {amount})))
              (br_if $out {test})
              (br $l)))
          (i64.or (i64.extend_i32_u (local.get $i))
                  (i64.shl (i64.extend_i32_u (local.get $k)) (i64.const 32)))))"#
    );
    let starts = [
        0,
        -3,
        7,
        i32::MAX - 2,
        i32::MIN + 2,
        -(step.saturating_mul(3)),
    ];
    let args = starts
        .into_iter()
        .flat_map(|s| {
            [
                (s, 5),
                (s, -1),
                (s, i32::MIN),
                (s, s.wrapping_add(step * 4)),
            ]
        })
        .collect();
    Case {
        name: format!("i32.{op}, counter {side:?}, step {step}, jump on $i {jump_on_counter}"),
        wat,
        args,
        // Step `$k` (4), test it (4), step `$i` (4), test it (4, or 2 for `$i` itself), `br`.
        round: if jump_on_counter { 15 } else { 17 },
        reference: Box::new(move |start, n| {
            let rhs = if matches!(side, Side::Const) {
                fixed
            } else {
                n
            };
            simulate(op, side, step, start, rhs, jump_on_counter)
        }),
    }
}

fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for op in COMPARISONS {
        for side in [Side::Left, Side::Right, Side::Const] {
            for step in [1, -1, 7, 32767, -32768] {
                cases.push(case(op, side, step, false));
            }
        }
    }
    for step in [1, -1, 32767, -32768] {
        cases.push(case("ne", Side::Left, step, true));
    }
    cases
}

/// Runs `run(start, n)` from `budget`, topping up what each pause needs; when `snapshot`,
/// each pause is saved and restored into a fresh store first. Returns the pauses, the result
/// and the total gas.
fn run_paused(
    case: &Case,
    (start, n): (i32, i32),
    budget: u64,
    snapshot: bool,
) -> (Vec<(u64, u64)>, i64, u64) {
    let engine = engine(true);
    let (mut store, run) = instantiate(&engine, &case.wat);
    store.set_gas(budget).unwrap();
    let args = [Val::I32(start), Val::I32(n)];
    let mut outcome = run.call_resumable(&mut store, &args).unwrap();
    let mut pauses = Vec::new();
    loop {
        match outcome {
            CallOutcome::OutOfGas(mut paused) => {
                let needed = paused.gas_needed().unwrap();
                pauses.push((paused.gas_used(), needed));
                assert!(pauses.len() <= 64, "{}: too many pauses", case.name);
                if snapshot {
                    let bytes = store.snapshot(Some(&paused));
                    store = instantiate(&engine, &case.wat).0;
                    paused = store.restore(&bytes).unwrap().unwrap();
                }
                let left = store.gas_left().unwrap();
                store.set_gas(left + needed).unwrap();
                outcome = paused.resume(&mut store, &[]).unwrap();
            }
            CallOutcome::Finished { results, gas_used } => {
                return (pauses, result(&results[0]), gas_used)
            }
            other => panic!("{}: only gas pauses here, found {other:?}", case.name),
        }
    }
}

fn charges(case: &Case, rounds: u64) -> Vec<u64> {
    let mut charges = vec![ENTRY];
    charges.extend(std::iter::repeat_n(case.round, rounds as usize));
    charges.push(EXIT);
    charges
}

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics_and_the_price_list() {
    for case in all_cases() {
        let (mut plain, run) = instantiate(&engine(false), &case.wat);
        for &(start, n) in &case.args {
            let (expected, rounds) = (case.reference)(start, n);
            let at = format!("{}, start {start}, n {n}", case.name);
            let mut out = [Val::I64(0)];
            run.call(&mut plain, &[Val::I32(start), Val::I32(n)], &mut out)
                .unwrap();
            assert_eq!(result(&out[0]), expected, "{at} unmetered");
            let (pauses, metered, gas) = run_paused(&case, (start, n), u64::MAX / 2, false);
            assert_eq!((pauses, metered), (vec![], expected), "{at}");
            assert_eq!(gas, ENTRY + case.round * rounds + EXIT, "{at}");
        }
    }
}

#[test]
fn the_cases_exit_on_the_fused_test_and_run_several_rounds() {
    let (mut on_test, mut long) = (0, 0);
    for case in all_cases() {
        for &(start, n) in &case.args {
            let (_, rounds) = (case.reference)(start, n);
            on_test += usize::from(rounds < 39);
            long += usize::from((3..39).contains(&rounds));
        }
    }
    assert!(on_test > 500 && long > 100, "{on_test} {long}");
}

#[test]
fn every_budget_pauses_where_a_block_is_not_covered_and_snapshots_resume() {
    for case in all_cases().into_iter().step_by(7) {
        // The shortest run of more than one round.
        let rounds_of = |&(start, n): &(i32, i32)| (case.reference)(start, n).1;
        let (start, n) = *case
            .args
            .iter()
            .min_by_key(|a| (rounds_of(a) < 2, rounds_of(a)))
            .expect("arguments");
        let (expected, rounds) = (case.reference)(start, n);
        let charges = charges(&case, rounds);
        let total: u64 = charges.iter().sum();
        for budget in 0..=total {
            let snapshot = budget % 3 == 0;
            let (pauses, r, gas) = run_paused(&case, (start, n), budget, snapshot);
            let at = format!("{}, budget {budget}, snapshot {snapshot}", case.name);
            assert_eq!(pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!((r, gas), (expected, total), "{at}");
        }
    }
}
