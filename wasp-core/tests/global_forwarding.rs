//! A `global.get` right after a `global.set` of the same global reads the value the set
//! stored from the slot it is still in, with no instruction of its own: the same results,
//! the same gas, the same pauses and snapshots as code where the two are kept apart (a
//! `nop` between them, which costs nothing and stops the forwarding).

mod common;

use common::run_topped_up;
use wasp_core::Val;

/// `run n` counts `$g` up to `c = max(n, 1)` (each test reads the global just stored: one
/// forwarding per iteration), copies it to the i64 `$h` and reads `$h` back (forwarded, an
/// i64), stores `3c` in `$g` and then reads `$h` (another global: not forwarded, must not
/// see `3c`) and `$g`. Returns `c + 3c = 4c`.
const FORWARDED: &str = r#"(module
  (global $g (export "g") (mut i32) (i32.const 0))
  (global $h (mut i64) (i64.const 7))
  (func (export "run") (param $n i32) (result i32)
    (loop $l
      (global.set $g (i32.add (global.get $g) (i32.const 1)))
      (br_if $l (i32.lt_u (global.get $g) (local.get $n))))
    (global.set $h (i64.extend_i32_u (global.get $g)))
    (global.set $g (i32.mul (i32.wrap_i64 (global.get $h)) (i32.const 3)))
    (i32.add (i32.wrap_i64 (global.get $h)) (global.get $g))))"#;

/// `FORWARDED` with a `nop` after every `global.set`.
const KEPT_APART: &str = r#"(module
  (global $g (export "g") (mut i32) (i32.const 0))
  (global $h (mut i64) (i64.const 7))
  (func (export "run") (param $n i32) (result i32)
    (loop $l
      (global.set $g (i32.add (global.get $g) (i32.const 1)))
      nop
      (br_if $l (i32.lt_u (global.get $g) (local.get $n))))
    (global.set $h (i64.extend_i32_u (global.get $g)))
    nop
    (global.set $g (i32.mul (i32.wrap_i64 (global.get $h)) (i32.const 3)))
    nop
    (i32.add (i32.wrap_i64 (global.get $h)) (global.get $g))))"#;

/// Runs `run n` with `budget` gas (or unmetered), topping up exactly what each pause needs
/// and, when `through_snapshot`, moving the paused call to a new store through a snapshot
/// at every pause. Returns the result, the gas used, the pauses (gas used, gas needed) and
/// `$g` at the end.
fn run(
    wat: &str,
    n: i32,
    budget: Option<u64>,
    through_snapshot: bool,
) -> (Vec<Val>, u64, Vec<(u64, u64)>, Val) {
    let end = run_topped_up(wat, &[Val::I32(n)], budget, through_snapshot);
    let g = end.instance.get_global(&end.store, "g").expect("g");
    (end.results, end.gas_used, end.pauses, g.get(&end.store))
}

#[test]
fn results_are_those_of_the_program() {
    for n in [0, 1, 2, 5, 1000] {
        let c = n.max(1);
        for wat in [FORWARDED, KEPT_APART] {
            let (results, _, _, g) = run(wat, n, None, false);
            assert_eq!(results, vec![Val::I32(4 * c)], "n = {n}");
            assert_eq!(g, Val::I32(3 * c), "n = {n}");
        }
    }
}

#[test]
fn gas_is_that_of_the_operators() {
    for n in [0, 1, 5, 1000] {
        let forwarded = run(FORWARDED, n, Some(u64::MAX / 2), false);
        let apart = run(KEPT_APART, n, Some(u64::MAX / 2), false);
        assert_eq!(forwarded.0, vec![Val::I32(4 * n.max(1))]);
        assert_eq!(forwarded.1, apart.1, "n = {n}");
        assert!(forwarded.1 > 0);
    }
}

#[test]
fn every_budget_pauses_and_resumes_alike() {
    let (_, total, _, _) = run(FORWARDED, 3, Some(u64::MAX / 2), false);
    for budget in 0..=total {
        for through_snapshot in [false, true] {
            let forwarded = run(FORWARDED, 3, Some(budget), through_snapshot);
            let apart = run(KEPT_APART, 3, Some(budget), through_snapshot);
            let what = format!("budget {budget}, snapshots {through_snapshot}");
            assert_eq!(forwarded, apart, "{what}");
            assert_eq!(forwarded.0, vec![Val::I32(12)], "{what}");
            assert_eq!(forwarded.1, total, "{what}");
            assert_eq!(forwarded.2.is_empty(), budget == total, "{what}");
        }
    }
}
