//! A loop counter's step fused with the branch testing it (`StepBrI32..`, `StepBrI64..`, one
//! dispatch for `local.set $i (i32.add (local.get $i) (i32.const step))` and the `br_if` on
//! `$i` after it), for i32 and i64 counters: every comparison, the counter on either side, a
//! slot or a constant on the other, steps up and down to the ends of the 16-bit range, across
//! the wrap-around of the counter's width (and, for i64, across 2^32 with no 32-bit wrap),
//! give the results of the Wasm semantics, metered or not, the gas the price list says, pause
//! where a block cannot be paid for at every budget, and snapshots there restore and go on;
//! an i64 test at the loop's end branches back into it (the fused step's paying form under
//! metering) with the same results, gas and pauses.
//!
//! Each program steps `$i` from `$start` and exits when the test holds, at most 40 rounds
//! (`$k` counts them, an i32 tested and stepped the same way); it returns `$i` and `$k` in one
//! i64: an i32 `$i` zero-extended with `$k` above bit 32, an i64 `$i` plus `$k` shifted left
//! by 48.

mod common;

use common::{as_i64 as result, engine, expected_pauses, holds, instantiate_run, run_topped_up};
use common::{width_name, wrap_to, COMPARISONS};

use wasp_core::Val;

/// The counter widths, in bits.
const WIDTHS: [u32; 2] = [32, 64];

/// Where the counter stands in the test.
#[derive(Clone, Copy, Debug)]
enum Side {
    /// `(op $i $n)`.
    Left,
    /// `(op $n $i)`.
    Right,
    /// `(op $i (iNN.const rhs))`.
    Const,
}

/// One program and how to run it.
struct Case {
    name: String,
    /// The width of `$i`, `$start` and `$n`.
    bits: u32,
    wat: String,
    /// `(start, rhs)` arguments to try, wrapped to `bits`.
    args: Vec<(i64, i64)>,
    /// Gas of one round, paid up front.
    round: u64,
    reference: Box<dyn Fn(i64, i64) -> (i64, u64)>,
}

/// Gas of the code before the loop.
const ENTRY: u64 = 2;

/// Gas of the code after the loop: packing an i32 counter takes one more extension.
fn exit(bits: u32) -> u64 {
    if bits == 32 {
        7
    } else {
        6
    }
}

/// What a program returns for its final `$i` and `$k`.
fn packed(bits: u32, i: i64, k: u32) -> i64 {
    if bits == 32 {
        i64::from(i as u32) | i64::from(k) << 32
    } else {
        i.wrapping_add(i64::from(k) << 48)
    }
}

/// Runs the program in Rust: `(result, rounds)`.
fn simulate(
    (op, side, bits): (&str, Side, u32),
    step: i64,
    start: i64,
    rhs: i64,
    jump_on_counter: bool,
) -> (i64, u64) {
    let (mut i, mut k) = (start, 0_u32);
    let rounds = loop {
        k += 1;
        if k >= 40 {
            break k;
        }
        i = wrap_to(bits, i.wrapping_add(step));
        let test = if jump_on_counter {
            i != 0
        } else {
            match side {
                Side::Right => holds(op, bits, rhs, i),
                _ => holds(op, bits, i, rhs),
            }
        };
        if test {
            break k;
        }
    };
    (packed(bits, i, k), u64::from(rounds))
}

/// The program's text.
fn program(
    bits: u32,
    op: &str,
    side: Side,
    step: i64,
    jump_on_counter: bool,
    fixed: i64,
) -> String {
    let t = width_name(bits);
    let test = match (jump_on_counter, side) {
        (true, _) if bits == 32 => "(local.get $i)".to_string(),
        (true, _) => "(i64.ne (local.get $i) (i64.const 0))".to_string(),
        (false, Side::Left) => format!("({t}.{op} (local.get $i) (local.get $n))"),
        (false, Side::Right) => format!("({t}.{op} (local.get $n) (local.get $i))"),
        (false, Side::Const) => format!("({t}.{op} (local.get $i) ({t}.const {fixed}))"),
    };
    let (add, amount) = if step < 0 {
        ("sub", -step)
    } else {
        ("add", step)
    };
    let k_high = "(i64.shl (i64.extend_i32_u (local.get $k))";
    let result = if bits == 32 {
        format!("(i64.or (i64.extend_i32_u (local.get $i)) {k_high} (i64.const 32)))")
    } else {
        format!("(i64.add (local.get $i) {k_high} (i64.const 48)))")
    };
    format!(
        r#"(module (func (export "run") (param $start {t}) (param $n {t}) (result i64)
          (local $i {t}) (local $k i32)
          (local.set $i (local.get $start))
          (block $out
            (loop $l
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $out (i32.ge_u (local.get $k) (i32.const 40)))
              (local.set $i ({t}.{add} (local.get $i) ({t}.const {amount})))
              (br_if $out {test})
              (br $l)))
          {result}))"#
    )
}

/// `(start, rhs)` pairs: starts near 0, at both ends of the width (and, for i64, below 2^32)
/// and three steps below 0, against 5, -1, the width's minimum and four steps on.
fn arguments(bits: u32, step: i64) -> Vec<(i64, i64)> {
    let (min, max) = if bits == 32 {
        (i64::from(i32::MIN), i64::from(i32::MAX))
    } else {
        (i64::MIN, i64::MAX)
    };
    let mut starts = vec![0, -3, 7, max - 2, min + 2];
    if bits == 64 {
        starts.push(i64::from(u32::MAX) - 2);
    }
    starts.push(-(step.saturating_mul(3)));
    starts
        .into_iter()
        .flat_map(|s| {
            [
                (s, 5),
                (s, -1),
                (s, min),
                (s, wrap_to(bits, s.wrapping_add(step * 4))),
            ]
        })
        .collect()
}

fn case(bits: u32, op: &'static str, side: Side, step: i64, jump_on_counter: bool) -> Case {
    let fixed = 5;
    Case {
        name: format!(
            "{}.{op}, counter {side:?}, step {step}, jump on $i {jump_on_counter}",
            width_name(bits)
        ),
        bits,
        wat: program(bits, op, side, step, jump_on_counter, fixed),
        args: arguments(bits, step),
        // Step `$k` (4), test it (4), step `$i` (4), test it (4, or 2 for an i32 `$i`
        // itself), `br`.
        round: if jump_on_counter && bits == 32 {
            15
        } else {
            17
        },
        reference: Box::new(move |start, n| {
            let rhs = if matches!(side, Side::Const) {
                fixed
            } else {
                n
            };
            simulate((op, side, bits), step, start, rhs, jump_on_counter)
        }),
    }
}

/// Every case of one width.
fn cases(bits: u32) -> Vec<Case> {
    let mut cases = Vec::new();
    for op in COMPARISONS {
        for side in [Side::Left, Side::Right, Side::Const] {
            // Steps of 8 bits or fewer take the paying form that carries its cost.
            for step in [1, -1, 7, 127, -128, 128, -129, 32767, -32768] {
                cases.push(case(bits, op, side, step, false));
            }
        }
    }
    for step in [1, -1, 32767, -32768] {
        cases.push(case(bits, "ne", Side::Left, step, true));
    }
    cases
}

/// Every case of every width.
fn all_cases() -> impl Iterator<Item = Case> {
    WIDTHS.into_iter().flat_map(cases)
}

fn val(bits: u32, x: i64) -> Val {
    if bits == 32 {
        Val::I32(x as i32)
    } else {
        Val::I64(x)
    }
}

/// Runs `run(start, n)` from `budget`, topping up what each pause needs; when `snapshot`,
/// each pause is saved and restored into a fresh store first. Returns the pauses, the result
/// and the total gas.
fn run_paused(
    case: &Case,
    (start, n): (i64, i64),
    budget: u64,
    snapshot: bool,
) -> (Vec<(u64, u64)>, i64, u64) {
    let args = [val(case.bits, start), val(case.bits, n)];
    let run = run_topped_up(&case.wat, &args, Some(budget), snapshot);
    (run.pauses, result(&run.results[0]), run.gas_used)
}

fn charges(case: &Case, rounds: u64) -> Vec<u64> {
    let mut charges = vec![ENTRY];
    charges.extend(std::iter::repeat_n(case.round, rounds as usize));
    charges.push(exit(case.bits));
    charges
}

#[test]
fn the_cases_are_those_of_every_width() {
    assert_eq!(all_cases().count(), 2 * 274);
    for bits in WIDTHS {
        let args: usize = cases(bits).iter().map(|c| c.args.len()).sum();
        assert_eq!(args, 274 * if bits == 32 { 24 } else { 28 }, "i{bits}");
    }
}

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics_and_the_price_list() {
    for case in all_cases() {
        let (mut plain, run) = instantiate_run(&engine(false), &case.wat);
        for &(start, n) in &case.args {
            let (expected, rounds) = (case.reference)(start, n);
            let at = format!("{}, start {start}, n {n}", case.name);
            let mut out = [Val::I64(0)];
            let args = [val(case.bits, start), val(case.bits, n)];
            run.call(&mut plain, &args, &mut out).unwrap();
            assert_eq!(result(&out[0]), expected, "{at} unmetered");
            let (pauses, metered, gas) = run_paused(&case, (start, n), u64::MAX / 2, false);
            assert_eq!((pauses, metered), (vec![], expected), "{at}");
            assert_eq!(gas, ENTRY + case.round * rounds + exit(case.bits), "{at}");
        }
    }
}

#[test]
fn the_cases_exit_on_the_fused_test_and_run_several_rounds() {
    for bits in WIDTHS {
        let (mut on_test, mut long) = (0, 0);
        for case in cases(bits) {
            for &(start, n) in &case.args {
                let (_, rounds) = (case.reference)(start, n);
                on_test += usize::from(rounds < 39);
                long += usize::from((3..39).contains(&rounds));
            }
        }
        assert!(on_test > 500 && long > 100, "i{bits}: {on_test} {long}");
    }
}

#[test]
fn every_budget_pauses_where_a_block_is_not_covered_and_snapshots_resume() {
    for case in WIDTHS
        .into_iter()
        .flat_map(|b| cases(b).into_iter().step_by(7))
    {
        // The shortest run of more than one round.
        let rounds_of = |&(start, n): &(i64, i64)| (case.reference)(start, n).1;
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

/// `i = start; do { i += step } while (i <op> n)`, at most 1000 rounds: the test at the loop's
/// end branches back into it.
fn back_edge(op: &str, step: i64) -> String {
    format!(
        r#"(module (func (export "run") (param $start i64) (param $n i64) (result i64)
          (local $k i32)
          (loop $l
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (if (i32.ge_u (local.get $k) (i32.const 1000)) (then (return (local.get $start))))
            (local.set $start (i64.add (local.get $start) (i64.const {step})))
            (br_if $l (i64.{op} (local.get $start) (local.get $n))))
          (local.get $start)))"#
    )
}

#[test]
fn an_i64_test_at_the_loop_end_gives_the_same_results_gas_and_pauses_metered_or_not() {
    for (op, step, start, n) in [
        ("lt_s", 3, -10, 20),
        ("lt_u", 1, i64::from(u32::MAX) - 4, i64::from(u32::MAX) + 3),
        ("ne", -2, 10, 0),
        ("gt_s", -32768, 100_000, -100_000),
    ] {
        let case = Case {
            name: format!("back edge i64.{op}, step {step}"),
            bits: 64,
            wat: back_edge(op, step),
            args: vec![(start, n)],
            round: 0,
            reference: Box::new(|_, _| (0, 0)),
        };
        let mut expected = start;
        loop {
            expected = expected.wrapping_add(step);
            if !holds(op, 64, expected, n) {
                break;
            }
        }
        let (mut plain, run) = instantiate_run(&engine(false), &case.wat);
        let mut out = [Val::I64(0)];
        run.call(&mut plain, &[Val::I64(start), Val::I64(n)], &mut out)
            .unwrap();
        assert_eq!(result(&out[0]), expected, "{}", case.name);
        let (pauses, r, total) = run_paused(&case, (start, n), u64::MAX / 2, false);
        assert_eq!((pauses, r), (vec![], expected), "{}", case.name);
        for budget in 0..total {
            let snapshot = budget % 2 == 0;
            let (pauses, r, gas) = run_paused(&case, (start, n), budget, snapshot);
            let at = format!("{}, budget {budget}", case.name);
            assert!(!pauses.is_empty(), "{at}");
            assert_eq!((r, gas), (expected, total), "{at}");
        }
    }
}
