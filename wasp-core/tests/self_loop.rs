//! A counting loop of one instruction: a counter's step fused with the branch back to itself
//! (`StepBr..` and `StepRegBr..` branching by 0), linked to a handler that takes up to 1024
//! rounds at a time with the counter in a register (`executor/handlers/self_loop.rs`). For i32 and i64 counters, every comparison,
//! the counter on either side, a slot or a constant on the other, steps by constants up and
//! down and by a variable (the counter itself, doubling, too), runs of 1 to a few thousand
//! rounds (around 1024, where the handler stops): the results are the Wasm semantics',
//! plain, metered and traced (where each round is a step of its own); metered, every round
//! pays what the price list says, a call started from every budget pauses where a round is
//! not covered and resumes, through snapshots too, to the same result; and an interrupt
//! stops such a loop that never ends, which then resumes.

mod common;

use std::time::Duration;

use common::{as_i64, engine, expected_pauses, holds, instantiate, run_topped_up, Hammer};
use common::{width_name, wrap_to, COMPARISONS};

use wasp_core::{CallOutcome, Val};

/// Gas of one round: `local.get`, the constant, `add`, `local.set`, two operands, the test
/// and `br_if`, one unit each.
const ROUND: u64 = 8;

/// Gas of the code after the loop: `local.get` and the function's `end`.
const EXIT: u64 = 1;

/// The most rounds a reference run takes before its arguments are dropped as too long.
const MAX_ROUNDS: u64 = 3000;

/// Where the counter stands in the test.
#[derive(Clone, Copy, Debug)]
enum Side {
    /// `(op $i $n)`.
    Left,
    /// `(op $n $i)`.
    Right,
    /// `(op $i (iNN.const n))`, the constant baked into the program.
    Const,
}

/// What the counter steps by.
#[derive(Clone, Copy, Debug)]
enum By {
    /// A constant.
    Const,
    /// The third parameter, `$s`.
    Slot,
    /// The counter itself: `i += i`.
    Counter,
}

/// `i += step` while `i <op> n` (or `n <op> i`): the loop of one instruction.
fn program(bits: u32, op: &str, side: Side, (by, step): (By, i64), constant: i64) -> String {
    let t = width_name(bits);
    let test = match side {
        Side::Left => format!("({t}.{op} (local.get $i) (local.get $n))"),
        Side::Right => format!("({t}.{op} (local.get $n) (local.get $i))"),
        Side::Const => format!("({t}.{op} (local.get $i) ({t}.const {constant}))"),
    };
    let amount = match by {
        By::Const => format!("({t}.const {step})"),
        By::Slot => "(local.get $s)".to_string(),
        By::Counter => "(local.get $i)".to_string(),
    };
    format!(
        r#"(module (func (export "run") (param $i {t}) (param $n {t}) (param $s {t}) (result {t})
          (loop $l
            (local.set $i ({t}.add (local.get $i) {amount}))
            (br_if $l {test}))
          (local.get $i)))"#
    )
}

/// The final counter and the rounds run, in Rust; `None` past [`MAX_ROUNDS`].
fn simulate(
    bits: u32,
    op: &str,
    side: Side,
    (by, step): (By, i64),
    start: i64,
    n: i64,
) -> Option<(i64, u64)> {
    let mut i = start;
    for rounds in 1..=MAX_ROUNDS {
        let amount = if matches!(by, By::Counter) { i } else { step };
        i = wrap_to(bits, i.wrapping_add(amount));
        let taken = match side {
            Side::Right => holds(op, bits, n, i),
            _ => holds(op, bits, i, n),
        };
        if !taken {
            return Some((i, rounds));
        }
    }
    None
}

/// One program with the arguments it is run with: `(start, n, final counter, rounds)`, and
/// the step `$s` it is given.
struct Case {
    name: String,
    bits: u32,
    wat: String,
    step: i64,
    runs: Vec<(i64, i64, i64, u64)>,
}

fn val(bits: u32, x: i64) -> Val {
    if bits == 32 {
        Val::I32(x as i32)
    } else {
        Val::I64(x)
    }
}

/// Rounds to aim at: a few, some dozens, and each side of the 1024 the handler takes at a
/// time (1025 with the branch's own round), and of twice that.
const TARGETS: [i64; 14] = [
    1, 2, 3, 16, 17, 33, 250, 1023, 1024, 1025, 1026, 2049, 2050, 2051,
];

/// `(start, n)` pairs for which the loop ends within [`MAX_ROUNDS`]: starts near 0 and near
/// both ends of the width, `n` one step short of, at and one past a target's counter.
fn arguments(
    bits: u32,
    op: &str,
    side: Side,
    (by, step): (By, i64),
    starts: &[i64],
) -> Vec<(i64, i64, i64, u64)> {
    let mut runs = Vec::new();
    if matches!(by, By::Counter) {
        // Doubling: bounds a few to a few dozen doublings away, and one that is never met.
        for &start in starts {
            for n in [1000, 1 << 20, (1 << 20) + 1, 3 << 25, -1, 0] {
                let (start, n) = (wrap_to(bits, start), wrap_to(bits, n));
                if let Some((end, rounds)) = simulate(bits, op, side, (by, step), start, n) {
                    runs.push((start, n, end, rounds));
                }
            }
        }
        return runs;
    }
    for &start in starts {
        for target in TARGETS {
            let at = start.wrapping_add(step.wrapping_mul(target));
            for n in [at.wrapping_sub(1), at, at.wrapping_add(1)] {
                let (start, n) = (wrap_to(bits, start), wrap_to(bits, n));
                if let Some((end, rounds)) = simulate(bits, op, side, (by, step), start, n) {
                    runs.push((start, n, end, rounds));
                }
            }
        }
    }
    runs
}

fn bounds(bits: u32) -> (i64, i64) {
    if bits == 32 {
        (i64::from(i32::MIN), i64::from(i32::MAX))
    } else {
        (i64::MIN, i64::MAX)
    }
}

/// Every case: slot operands with all their arguments, constants with one program per `n`;
/// steps by constants, by a slot, and by the counter (from small starts, doubling).
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for bits in [32, 64] {
        let (min, max) = bounds(bits);
        for op in COMPARISONS {
            let steps = [1, -1, 3, -7, 300].map(|s| (By::Const, s));
            for by in steps
                .into_iter()
                .chain([(By::Slot, 5), (By::Slot, -2), (By::Counter, 0)])
            {
                let step = by.1;
                let name = |side: Side| format!("{}.{op}, {side:?}, step {by:?}", width_name(bits));
                for side in [Side::Left, Side::Right] {
                    let starts = match by.0 {
                        By::Counter => vec![1, 3, -1],
                        _ => vec![0, -5, 1000, max - 40, min + 3],
                    };
                    let runs = arguments(bits, op, side, by, &starts);
                    let wat = program(bits, op, side, by, 0);
                    cases.push(Case {
                        name: name(side),
                        bits,
                        wat,
                        step,
                        runs,
                    });
                }
                if !matches!(by.0, By::Const) {
                    continue;
                }
                for (start, n, end, rounds) in arguments(bits, op, Side::Const, by, &[0, max - 40])
                {
                    if ![1, 17, 250, 1024, 1025, 1026, 2050].contains(&rounds) {
                        continue;
                    }
                    let wat = program(bits, op, Side::Const, by, n);
                    let name = format!("{}, n {n}", name(Side::Const));
                    let runs = vec![(start, n, end, rounds)];
                    cases.push(Case {
                        name,
                        bits,
                        wat,
                        step,
                        runs,
                    });
                }
            }
        }
    }
    cases
}

#[test]
fn the_cases_cover_short_and_long_loops_of_every_comparison() {
    let cases = cases();
    let runs: Vec<u64> = cases
        .iter()
        .flat_map(|c| c.runs.iter().map(|r| r.3))
        .collect();
    assert!(cases.len() > 400, "{} cases", cases.len());
    assert!(runs.iter().filter(|&&r| r == 1).count() > 100);
    for multiple in [1025, 2050] {
        for r in multiple - 1..=multiple + 1 {
            assert!(runs.contains(&r), "no run of {r} rounds");
        }
    }
    assert!(runs.iter().any(|&r| r > 2000));
}

#[test]
fn results_are_the_wasm_semantics_plain_metered_and_traced() {
    for case in cases() {
        for gas in [false, true] {
            for traced in [false, true] {
                let (mut store, instance) = instantiate(&engine(gas), &case.wat);
                if gas {
                    store.set_gas(u64::MAX / 2).expect("gas");
                }
                if traced {
                    store.set_tracer(Some(wasp_core::Tracer::new(|_| {})));
                }
                let run = instance.get_func(&store, "run").expect("run");
                for &(start, n, end, rounds) in &case.runs {
                    let at = format!(
                        "{}, start {start}, n {n}, gas {gas}, traced {traced}",
                        case.name
                    );
                    let before = store.gas_left().unwrap_or(0);
                    let mut out = [val(case.bits, 0)];
                    let args = [
                        val(case.bits, start),
                        val(case.bits, n),
                        val(case.bits, case.step),
                    ];
                    run.call(&mut store, &args, &mut out).unwrap();
                    assert_eq!(as_i64(&out[0]), end, "{at}");
                    if gas {
                        let used = before - store.gas_left().expect("gas");
                        assert_eq!(used, ROUND * rounds + EXIT, "{at}: {rounds} rounds");
                    }
                }
            }
        }
    }
}

#[test]
fn every_budget_pauses_where_a_round_is_not_covered_and_snapshots_resume() {
    let mut long = 0;
    for case in cases().iter().step_by(9) {
        // The run closest to 33 rounds.
        let Some(&(start, n, end, rounds)) = case
            .runs
            .iter()
            .filter(|r| r.3 <= 100)
            .min_by_key(|r| r.3.abs_diff(33))
        else {
            continue;
        };
        long += usize::from(rounds >= 16);
        let mut charges = vec![ROUND; rounds as usize];
        charges.push(EXIT);
        let total: u64 = charges.iter().sum();
        let args = [
            val(case.bits, start),
            val(case.bits, n),
            val(case.bits, case.step),
        ];
        for budget in 0..=total {
            let snapshot = budget % 5 == 0;
            let run = run_topped_up(&case.wat, &args, Some(budget), snapshot);
            let at = format!("{}, start {start}, n {n}, budget {budget}", case.name);
            assert_eq!(run.pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!(
                (as_i64(&run.results[0]), run.gas_used),
                (end, total),
                "{at}"
            );
        }
    }
    assert!(long >= 20, "{long} runs of 16 rounds or more");
}

#[test]
fn an_interrupt_stops_a_loop_of_one_instruction_that_never_ends() {
    // An even step never reaches an odd bound.
    let wat = program(32, "ne", Side::Const, (By::Const, 2), 1);
    for gas in [false, true] {
        let (mut store, instance) = instantiate(&engine(gas), &wat);
        if gas {
            store.set_gas(u64::MAX).expect("gas");
        }
        let run = instance.get_func(&store, "run").expect("run");
        let _hammer = Hammer::new(store.interrupt_handle(), Duration::from_millis(1));
        let mut outcome = run
            .call_resumable(&mut store, &[Val::I32(0), Val::I32(0), Val::I32(0)])
            .unwrap();
        for _ in 0..3 {
            let CallOutcome::Interrupted(paused) = outcome else {
                panic!("gas {gas}: expected an interrupt, got {outcome:?}");
            };
            outcome = paused.resume(&mut store, &[]).unwrap();
        }
    }
}
