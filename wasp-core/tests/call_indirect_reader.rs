//! `call_indirect` reading its element index from the result register when the
//! instruction right before computed it (`CallIndirectAcc`): a loop calling through a table
//! at a computed index, against Rust, metered or not, traced (every step starts a new
//! handler chain, which reloads the register), its traps (out of the table, null element,
//! wrong type), and paused at every budget, standing at the call or inside the callee, and
//! resumed through snapshots.

mod common;

use common::{each_mode, engine, instantiate_with_gas, run_topped_up, trap_of, try_call};

use wasp_core::{TrapCode, Val};

/// `run(n, acc)`: n calls of element `(i ^ (i >> 2)) & 3` of the table with `acc + i`;
/// `at(k, x)`: one call of element `k + 0` with `x ^ 0` (both computed, the index last, so
/// that the call reads it from the register).
const MODULE: &str = r#"(module
  (type $un (func (param i32) (result i32)))
  (type $bin (func (param i32 i32) (result i32)))
  (table 6 funcref)
  (elem (i32.const 0) $inc $triple $mix $rot $pair)
  (func $inc (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func $triple (type $un) (i32.mul (local.get 0) (i32.const 3)))
  (func $mix (type $un)
    (local $k i32)
    (loop $l
      (local.set 0 (i32.xor (i32.mul (local.get 0) (i32.const 31)) (local.get $k)))
      (br_if $l (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 3))))
    (local.get 0))
  (func $rot (type $un) (i32.rotl (local.get 0) (i32.const 5)))
  (func $pair (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func (export "run") (param $n i32) (param $acc i32) (result i32) (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (call_indirect (type $un)
            (i32.add (local.get $acc) (local.get $i))
            (i32.and (i32.xor (local.get $i) (i32.shr_u (local.get $i) (i32.const 2)))
                     (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "at") (param $k i32) (param $x i32) (result i32)
    (call_indirect (type $un) (i32.xor (local.get $x) (i32.const 0))
      (i32.add (local.get $k) (i32.const 0)))))"#;

/// What element `k` of the table computes.
fn callee(k: i32, x: i32) -> i32 {
    match k {
        0 => x.wrapping_add(1),
        1 => x.wrapping_mul(3),
        2 => (0..3).fold(x, |x, k| x.wrapping_mul(31) ^ k),
        _ => x.rotate_left(5),
    }
}

/// What `run(n, acc)` returns.
fn reference(n: i32, mut acc: i32) -> i32 {
    for i in 0..n {
        acc = callee((i ^ (i >> 2)) & 3, acc.wrapping_add(i));
    }
    acc
}

#[test]
fn an_indirect_call_reading_the_register_calls_the_element_wasm_does() {
    each_mode(MODULE, |store, instance, mode| {
        for (n, acc) in [(0, 5), (1, -3), (17, 0x1234_5678), (40, 7)] {
            let got = try_call(store, instance, "run", &[Val::I32(n), Val::I32(acc)]);
            let want = [Val::I32(reference(n, acc))];
            assert_eq!(got.expect("run"), want, "run({n}, {acc}) {mode:?}");
        }
    });
}

#[test]
fn an_indirect_call_reading_the_register_traps_as_wasm_does() {
    for gas in [false, true] {
        let (mut store, instance) = instantiate_with_gas(&engine(gas), MODULE);
        for (k, trap) in [
            (6, TrapCode::UndefinedElement),
            (-1, TrapCode::UndefinedElement),
            (5, TrapCode::UninitializedElement),
            (4, TrapCode::IndirectCallTypeMismatch),
        ] {
            let got = try_call(&mut store, &instance, "at", &[Val::I32(k), Val::I32(1)]);
            assert_eq!(trap_of(got), Some(trap), "at({k}) gas {gas}");
        }
        let got = try_call(&mut store, &instance, "at", &[Val::I32(2), Val::I32(9)]);
        assert_eq!(got.expect("at"), [Val::I32(callee(2, 9))], "gas {gas}");
    }
}

#[test]
fn a_loop_of_indirect_calls_through_the_register_pauses_at_every_budget_and_resumes_through_snapshots(
) {
    let args = [Val::I32(9), Val::I32(11)];
    let want = vec![Val::I32(reference(9, 11))];
    assert_eq!(run_topped_up(MODULE, &args, None, false).results, want);
    let total = run_topped_up(MODULE, &args, Some(u64::MAX / 2), false).gas_used;
    for budget in 0..=total {
        for through_snapshot in [false, true] {
            let run = run_topped_up(MODULE, &args, Some(budget), through_snapshot);
            assert_eq!(run.results, want, "budget {budget}");
            assert_eq!(run.gas_used, total, "budget {budget}");
        }
    }
}
