//! Branches back into a loop pay for the loop's first block themselves (one dispatch instead
//! of the branch and the loop's `ConsumeGas`): every form of them gives the results, the gas
//! and the pauses the price list says, pauses exactly where the loop's block cannot be paid
//! for (at every budget), resumes from there, and snapshots there restore and go on.
//!
//! Each program is a loop stepping `$i` from 0; every iteration pays the loop's one block,
//! the code before and after the loop pays `entry` and `exit`.

mod common;

use common::{as_i64, engine, expected_pauses, instantiate_run, run_topped_up};
use common::{holds, width_name, COMPARISONS};
use wasp_core::Val;

/// One loop program: its text, its charges and what it returns.
struct Case {
    name: String,
    wat: String,
    /// Gas of the code before the loop, of one iteration, and after the loop.
    entry: u64,
    per_iteration: u64,
    exit: u64,
    /// Arguments to try; the first is also run from every budget.
    args: Vec<i64>,
    /// `(result, iterations)` for an argument.
    reference: Box<dyn Fn(i64) -> (i64, u64)>,
}

/// The loop's shape: the test at the bottom (`br_if $l` while it holds) or at the top
/// (`br_if $out` when it holds, then `br $l`, whose back edge repeats the test).
#[derive(Clone, Copy, PartialEq)]
enum Test {
    Bottom,
    Top,
}

/// How a loop's `$i` starts and steps.
#[derive(Clone, Copy)]
struct Walk {
    start: i64,
    step: i64,
}

/// Runs the loop of `$i += step` from `start` against `rhs` in Rust: `(final $i, blocks
/// paid)`, `None` past 40 blocks.
fn simulate(test: Test, op: &str, bits: u32, walk: Walk, rhs: i64) -> Option<(i64, u64)> {
    let (mut i, step) = (walk.start, walk.step);
    for blocks in 1..=40 {
        if test == Test::Top && holds(op, bits, i, rhs) {
            return Some((i, blocks));
        }
        i += step;
        if test == Test::Bottom && !holds(op, bits, i, rhs) {
            return Some((i, blocks));
        }
    }
    None
}

/// Right operands to try.
const RHS: [i64; 6] = [6, 1, 0, -1, 3, -6];

/// The walk and the right operands for which the loop ends within 40 blocks, the one with
/// most blocks first; the walk is the one that gives the most blocks.
fn shape(test: Test, op: &str, bits: u32) -> (Walk, Vec<i64>) {
    let blocks = |walk, rhs| simulate(test, op, bits, walk, rhs).map(|(_, k)| k);
    let walks = [0, 10, -10]
        .into_iter()
        .flat_map(|start| [1, -1].map(|step| Walk { start, step }));
    walks
        .map(|walk| {
            let mut args: Vec<i64> = RHS
                .into_iter()
                .filter(|&n| blocks(walk, n).is_some())
                .collect();
            args.sort_by_key(|&n| std::cmp::Reverse(blocks(walk, n)));
            (walk, args)
        })
        .max_by_key(|(walk, args)| args.first().and_then(|&n| blocks(*walk, n)))
        .expect("six walks")
}

/// Every comparison on i32 and i64, with the right operand a parameter (`BrI32LtUPay`...)
/// and a constant (`BrI32LtUImmPay`...), in loops tested at the bottom and at the top (the
/// back edge of which takes the inverted comparison's pay-first form, fused with the counter
/// step before it, `StepBrI32GeUPayFirst`, `StepBrI64GeUPayFirst`...). At the top,
/// comparisons also take the counter on the right (the fused form swaps them).
fn comparison_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for test in [Test::Bottom, Test::Top] {
        for bits in [32_u32, 64] {
            for op in COMPARISONS {
                for imm in [false, true] {
                    cases.push(comparison_case(test, bits, op, imm, false));
                }
                if test == Test::Top {
                    cases.push(comparison_case(test, bits, op, false, true));
                }
            }
        }
    }
    cases
}

/// The comparison `b op' a` that holds when `a op b` does.
fn mirrored(op: &str) -> &'static str {
    let mirror = |from: &str, to: &'static str| op.replacen(from, to, 1);
    let swapped = match &op[..2] {
        "lt" => mirror("lt", "gt"),
        "gt" => mirror("gt", "lt"),
        "le" => mirror("le", "ge"),
        "ge" => mirror("ge", "le"),
        _ => op.to_string(),
    };
    COMPARISONS
        .into_iter()
        .find(|&c| c == swapped)
        .expect("a comparison")
}

/// The loop of `comparison_cases` testing `$i op rhs`, or, `swapped`, `rhs op $i`.
fn comparison_case(test: Test, bits: u32, op: &'static str, imm: bool, swapped: bool) -> Case {
    let t = width_name(bits);
    // `rhs op $i` runs as `$i op' rhs` does.
    let written = op;
    let op = if swapped { mirrored(op) } else { op };
    let (walk, args) = shape(test, op, bits);
    let (start, step) = (walk.start, walk.step);
    let fixed = args[0];
    let rhs = if imm {
        format!("({t}.const {fixed})")
    } else {
        "(local.get $n)".to_string()
    };
    let step_up = format!("(local.set $i ({t}.add (local.get $i) ({t}.const {step})))");
    let compare = if swapped {
        format!("({t}.{written} {rhs} (local.get $i))")
    } else {
        format!("({t}.{op} (local.get $i) {rhs})")
    };
    let body = match test {
        Test::Bottom => format!("(loop $l {step_up} (br_if $l {compare}))"),
        Test::Top => format!("(block $out (loop $l (br_if $out {compare}) {step_up} (br $l)))"),
    };
    let wat = format!(
        r#"(module (func (export "run") (param $n {t}) (result {t}) (local $i {t})
          (local.set $i ({t}.const {start})) {body} (local.get $i)))"#
    );
    Case {
        name: format!(
            "{t}.{written}{}{}, tested at the {}",
            if imm { " imm" } else { "" },
            if swapped { " swapped" } else { "" },
            if test == Test::Top { "top" } else { "bottom" }
        ),
        wat,
        // const, local.set.
        entry: 2,
        // local.get, const, add, local.set; local.get, rhs, compare; br_if; at the top, br.
        per_iteration: if test == Test::Top { 9 } else { 8 },
        exit: 1,
        args: if imm { vec![fixed] } else { args },
        reference: Box::new(move |n| {
            let rhs = if imm { fixed } else { n };
            simulate(test, op, bits, walk, rhs).expect("a loop that ends")
        }),
    }
}

/// Tests for zero, an unconditional `br`, a loop with a parameter (the branch moves a value
/// first) and a `br_table` entry (which stays a plain branch) into a loop.
fn other_cases() -> Vec<Case> {
    let i32_case = |name: &str, body: &str, entry, per_iteration, exit, args: Vec<i64>, f| Case {
        name: name.to_string(),
        wat: format!(
            r#"(module (func (export "run") (param $n i32) (result i32) (local $i i32) {body}))"#
        ),
        entry,
        per_iteration,
        exit,
        args,
        reference: f,
    };
    let at_least_once = |n: i64| (n.max(1), n.max(1) as u64);
    vec![
        i32_case(
            "br_if on a value (BrIfNezPay)",
            "(loop $l
               (local.set $n (i32.sub (local.get $n) (i32.const 1)))
               (br_if $l (local.get $n)))
             (local.get $n)",
            0,
            6,
            1,
            vec![7, 1],
            Box::new(|n| (0, n as u64)),
        ),
        i32_case(
            "br_if on i32.eqz (BrIfEqzPay)",
            "(loop $l
               (local.set $i (i32.add (local.get $i) (i32.const 1)))
               (br_if $l (i32.eqz (i32.ge_u (local.get $i) (local.get $n)))))
             (local.get $i)",
            0,
            9,
            1,
            vec![7, 1, 0],
            Box::new(at_least_once),
        ),
        i32_case(
            "br_if on i64.eqz (BrI64IfEqzPay)",
            "(loop $l
               (local.set $i (i32.add (local.get $i) (i32.const 1)))
               (br_if $l (i64.eqz (i64.shr_u (i64.extend_i32_u (local.get $i))
                                              (i64.extend_i32_u (local.get $n))))))
             (local.get $i)",
            0,
            11,
            1,
            vec![3, 0, 5],
            Box::new(|n| (1 << n, 1 << n)),
        ),
        i32_case(
            "br (BrPay)",
            "(block $out
               (loop $l
                 (local.set $i (i32.add (local.get $i) (i32.const 1)))
                 (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                 (br $l)))
             (local.get $i)",
            0,
            9,
            1,
            vec![7, 1, 0],
            Box::new(at_least_once),
        ),
        i32_case(
            "br_if carrying a loop parameter",
            "(i32.const 0)
             (loop $l (param i32) (result i32)
               (local.set $i (i32.add (i32.const 1)))
               (local.get $i)
               (br_if $l (i32.lt_u (local.get $i) (local.get $n))))",
            1,
            8,
            0,
            vec![7, 1, 0],
            Box::new(at_least_once),
        ),
        i32_case(
            "br_table entry",
            "(block $out
               (loop $l
                 (local.set $i (i32.add (local.get $i) (i32.const 1)))
                 (br_table $l $out (i32.ge_u (local.get $i) (local.get $n)))))
             (local.get $i)",
            0,
            8,
            1,
            vec![7, 1, 0],
            Box::new(at_least_once),
        ),
    ]
}

fn all_cases() -> Vec<Case> {
    let mut cases = comparison_cases();
    cases.extend(other_cases());
    cases
}

fn arg(case: &Case, n: i64) -> Val {
    if case.wat.contains("(param $n i64)") {
        Val::I64(n)
    } else {
        Val::I32(n as i32)
    }
}

/// Every charge of `run(n)`, in order.
fn charges(case: &Case, n: i64) -> Vec<u64> {
    let (_, iterations) = (case.reference)(n);
    let mut charges = vec![case.entry];
    charges.extend(std::iter::repeat_n(case.per_iteration, iterations as usize));
    charges.push(case.exit);
    charges.retain(|&c| c > 0);
    charges
}

/// Runs `run(n)` from `budget`, topping up what each pause needs; when `snapshot`, each pause
/// is saved and restored into a fresh store first. Returns the pauses, the result and the
/// total gas.
fn run_paused(case: &Case, n: i64, budget: u64, snapshot: bool) -> (Vec<(u64, u64)>, i64, u64) {
    let run = run_topped_up(&case.wat, &[arg(case, n)], Some(budget), snapshot);
    (run.pauses, as_i64(&run.results[0]), run.gas_used)
}

#[test]
fn every_comparison_loops_more_than_once() {
    for case in comparison_cases() {
        let (_, blocks) = (case.reference)(case.args[0]);
        assert!(blocks >= 2, "{}: {blocks}", case.name);
    }
}

#[test]
fn results_and_gas_are_those_of_the_price_list() {
    for case in all_cases() {
        for &n in &case.args {
            let (result, iterations) = (case.reference)(n);
            let (mut plain, run) = instantiate_run(&engine(false), &case.wat);
            let mut out = [arg(&case, 0)];
            run.call(&mut plain, &[arg(&case, n)], &mut out).unwrap();
            assert_eq!(as_i64(&out[0]), result, "{} unmetered, n = {n}", case.name);
            let (pauses, metered, gas) = run_paused(&case, n, u64::MAX / 2, false);
            assert_eq!(
                (pauses, metered),
                (vec![], result),
                "{}, n = {n}",
                case.name
            );
            let total = case.entry + case.per_iteration * iterations + case.exit;
            assert_eq!(gas, total, "{}, n = {n}", case.name);
        }
    }
}

#[test]
fn every_budget_pauses_where_the_loop_block_is_not_covered() {
    for case in all_cases() {
        let n = case.args[0];
        let (result, _) = (case.reference)(n);
        let charges = charges(&case, n);
        let total: u64 = charges.iter().sum();
        for budget in 0..=total {
            let (pauses, r, gas) = run_paused(&case, n, budget, false);
            let at = format!("{}, budget {budget}", case.name);
            assert_eq!(pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!((r, gas), (result, total), "{at}");
        }
    }
}

#[test]
fn snapshots_at_every_pause_restore_and_resume() {
    for case in all_cases() {
        let n = case.args[0];
        let (result, _) = (case.reference)(n);
        let charges = charges(&case, n);
        let total: u64 = charges.iter().sum();
        for budget in (0..=total).step_by(3) {
            let (pauses, r, gas) = run_paused(&case, n, budget, true);
            let at = format!("{}, budget {budget}", case.name);
            assert_eq!(pauses, expected_pauses(&charges, budget), "{at}");
            assert_eq!((r, gas), (result, total), "{at}");
        }
    }
}

#[test]
fn the_expected_pauses_are_the_ones_worked_out_by_hand() {
    // Three iterations of 8 and an exit of 1: 25 in all.
    let charges = [8, 8, 8, 1];
    assert_eq!(
        expected_pauses(&charges, 0),
        [(0, 8), (8, 8), (16, 8), (24, 1)]
    );
    assert_eq!(expected_pauses(&charges, 13), [(8, 3), (16, 8), (24, 1)]);
    assert_eq!(expected_pauses(&charges, 24), [(24, 1)]);
    assert_eq!(expected_pauses(&charges, 25), []);
}
