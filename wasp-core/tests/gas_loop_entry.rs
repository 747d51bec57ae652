//! Branches back into a loop pay for the loop's first block themselves (one dispatch instead
//! of the branch and the loop's `ConsumeGas`): every form of them gives the results, the gas
//! and the pauses the price list says, pauses exactly where the loop's block cannot be paid
//! for (at every budget), resumes from there, and snapshots there restore and go on.
//!
//! Each program is a loop counting `$i` up from 0; every iteration pays the loop's one block
//! (`LOOP` gas), the code before and after the loop pays `entry` and `exit`.

use wasp_core::{CallOutcome, Config, Engine, Func, Linker, Module, Store, Val};

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

/// The ten integer comparisons, with their Rust meaning on `i64` operands read as `bits`
/// wide (signed or unsigned).
const COMPARISONS: [&str; 10] = [
    "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
];

fn holds(op: &str, bits: u32, a: i64, b: i64) -> bool {
    let (ua, ub) = if bits == 32 {
        (u64::from(a as u32), u64::from(b as u32))
    } else {
        (a as u64, b as u64)
    };
    let (sa, sb) = if bits == 32 {
        (i64::from(a as i32), i64::from(b as i32))
    } else {
        (a, b)
    };
    match op {
        "eq" => ua == ub,
        "ne" => ua != ub,
        "lt_s" => sa < sb,
        "lt_u" => ua < ub,
        "gt_s" => sa > sb,
        "gt_u" => ua > ub,
        "le_s" => sa <= sb,
        "le_u" => ua <= ub,
        "ge_s" => sa >= sb,
        "ge_u" => ua >= ub,
        _ => unreachable!("not a comparison: {op}"),
    }
}

/// `$i += 1` while `op($i, rhs)` holds: `(final $i, iterations)`, `None` past 40 iterations.
fn count_while(op: &'static str, bits: u32, rhs: i64) -> Option<(i64, u64)> {
    let mut i = 0_i64;
    for iterations in 1..=40 {
        i += 1;
        if !holds(op, bits, i, rhs) {
            return Some((i, iterations));
        }
    }
    None
}

/// The arguments among a fixed set for which the loop ends within 40 iterations, the one
/// with most iterations first.
fn ending_args(op: &'static str, bits: u32) -> Vec<i64> {
    let mut args: Vec<i64> = [6, 1, 0, -1, 3]
        .into_iter()
        .filter(|&n| count_while(op, bits, n).is_some())
        .collect();
    args.sort_by_key(|&n| std::cmp::Reverse(count_while(op, bits, n).map(|(_, k)| k)));
    args
}

/// `br_if $l (op $i rhs)` for every comparison, on i32 and i64, with the right operand a
/// parameter (`BrI32LtUPay`...) and a constant (`BrI32LtUImmPay`...).
fn comparison_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for bits in [32_u32, 64] {
        let t = if bits == 32 { "i32" } else { "i64" };
        for op in COMPARISONS {
            for imm in [false, true] {
                let rhs = if imm {
                    format!("({t}.const 6)")
                } else {
                    "(local.get $n)".to_string()
                };
                let wat = format!(
                    r#"(module (func (export "run") (param $n {t}) (result {t}) (local $i {t})
                      (loop $l
                        (local.set $i ({t}.add (local.get $i) ({t}.const 1)))
                        (br_if $l ({t}.{op} (local.get $i) {rhs})))
                      (local.get $i)))"#
                );
                let args = if imm { vec![6] } else { ending_args(op, bits) };
                cases.push(Case {
                    name: format!("{t}.{op}{}", if imm { " imm" } else { "" }),
                    wat,
                    entry: 0,
                    // local.get, const, add, local.set; local.get, rhs, compare; br_if.
                    per_iteration: 8,
                    exit: 1,
                    args,
                    reference: Box::new(move |n| {
                        let rhs = if imm { 6 } else { n };
                        count_while(op, bits, rhs).expect("a loop that ends")
                    }),
                });
            }
        }
    }
    cases
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

fn engine(gas: bool) -> Engine {
    let mut config = Config::default();
    config.gas_metering(gas);
    Engine::new(&config)
}

fn instantiate(engine: &Engine, wat: &str) -> (Store<()>, Func) {
    let module = Module::new(engine, wat).unwrap();
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    (store, run)
}

fn arg(case: &Case, n: i64) -> Val {
    if case.wat.contains("(param $n i64)") {
        Val::I64(n)
    } else {
        Val::I32(n as i32)
    }
}

fn as_i64(v: &Val) -> i64 {
    match *v {
        Val::I32(x) => i64::from(x),
        Val::I64(x) => x,
        ref other => panic!("an integer result, found {other:?}"),
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

/// The pauses (gas used, gas needed) of a call started with `budget` that is given exactly
/// what each pause needs.
fn expected_pauses(charges: &[u64], budget: u64) -> Vec<(u64, u64)> {
    let (mut left, mut used, mut pauses) = (budget, 0, Vec::new());
    for &charge in charges {
        if left < charge {
            pauses.push((used, charge - left));
            left = charge;
        }
        left -= charge;
        used += charge;
    }
    pauses
}

/// Runs `run(n)` from `budget`, topping up what each pause needs; when `snapshot`, each pause
/// is saved and restored into a fresh store first. Returns the pauses, the result and the
/// total gas.
fn run_paused(case: &Case, n: i64, budget: u64, snapshot: bool) -> (Vec<(u64, u64)>, i64, u64) {
    let engine = engine(true);
    let (mut store, run) = instantiate(&engine, &case.wat);
    store.set_gas(budget).unwrap();
    let mut outcome = run.call_resumable(&mut store, &[arg(case, n)]).unwrap();
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
                return (pauses, as_i64(&results[0]), gas_used)
            }
            other => panic!("{}: only gas pauses here, found {other:?}", case.name),
        }
    }
}

#[test]
fn every_comparison_has_arguments_that_loop_more_than_once() {
    for case in comparison_cases() {
        assert!(!case.args.is_empty(), "{}", case.name);
        let (_, iterations) = (case.reference)(case.args[0]);
        let loops = ["eq", "ge_s", "ge_u", "gt_s", "gt_u"]
            .iter()
            .any(|op| case.name.ends_with(&format!(".{op} imm")));
        assert!(iterations > 1 || loops, "{}: {iterations}", case.name);
    }
}

#[test]
fn results_and_gas_are_those_of_the_price_list() {
    for case in all_cases() {
        for &n in &case.args {
            let (result, iterations) = (case.reference)(n);
            let (mut plain, run) = instantiate(&engine(false), &case.wat);
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
