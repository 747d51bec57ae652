//! A global set to a sum with a constant in one instruction (`GlobalAddI32` for
//! `global.set $g (i32.add (global.get $g) (i32.const k))`, also through a `local.tee`, and
//! `GlobalSetAddI32` for `global.set $g (i32.add (local.get $x) (i32.const k))`): the
//! shadow-stack prologue and epilogue of compiled C and Rust and a counter in a global give
//! the results of the Wasm semantics across the wrap-around of i32, metered or not, the gas
//! of the operators the program has, and a pause at every budget, through a snapshot or
//! not, resumes to the same result and the same global.

mod common;

use common::{drive_topped_up, engine, instantiate, Fresh};
use wasp_core::{Engine, Instance, Store, Val};

/// `run(x)`: a function's prologue moves `$sp` down by `K` (keeping the new value in
/// `$fp`), the body reads `$sp`, calls `$inner` (which moves it by 16 and back), the
/// epilogue moves it back up; then a counter in `$count` steps by `STEP` three times.
/// Returns `x + (sp - K) + (sp - K - 16)`; `$sp` ends where it started and `$count` three
/// steps on.
fn wat(k: i32, step: i32) -> String {
    format!(
        r#"(module
          (global $sp (export "sp") (mut i32) (i32.const 0))
          (global $count (export "count") (mut i32) (i32.const 0))
          (func $inner (result i32) (local $fp i32)
            (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
            (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
            (local.get $fp))
          (func (export "run") (param $x i32) (result i32) (local $fp i32)
            (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const {k}))))
            (local.set $x (i32.add (local.get $x) (global.get $sp)))
            (local.set $x (i32.add (local.get $x) (call $inner)))
            (global.set $sp (i32.add (local.get $fp) (i32.const {k})))
            (global.set $count (i32.add (global.get $count) (i32.const {step})))
            (global.set $count (i32.add (global.get $count) (i32.const {step})))
            (global.set $count (i32.sub (global.get $count) (i32.const {neg})))
            (local.get $x)))"#,
        neg = step.wrapping_neg()
    )
}

/// Operators charged (1 each, a call 5): `$inner` 5 + 4 + 1, `run` 5 + 4 + (3 + 5) + 4 +
/// 3 * 4 + 1.
const GAS: u64 = 10 + 5 + 4 + 8 + 4 + 12 + 1;

fn reference(x: i32, sp: i32, k: i32) -> i32 {
    let frame = sp.wrapping_sub(k);
    x.wrapping_add(frame).wrapping_add(frame.wrapping_sub(16))
}

const CONSTANTS: [i32; 6] = [0, 16, -32, 4096, i32::MAX, i32::MIN];
const STARTS: [i32; 4] = [0, 1 << 20, 5, i32::MIN + 3];

fn setup(engine: &Engine, wat: &str, sp: i32) -> (Store<()>, Instance) {
    let (mut store, instance) = instantiate(engine, wat);
    let global = instance.get_global(&store, "sp").unwrap();
    global.set(&mut store, Val::I32(sp)).unwrap();
    (store, instance)
}

fn global(store: &Store<()>, instance: &Instance, name: &str) -> i32 {
    match instance.get_global(store, name).unwrap().get(store) {
        Val::I32(v) => v,
        other => panic!("an i32 global, found {other:?}"),
    }
}

#[test]
fn results_globals_and_gas_are_those_of_the_wasm_semantics() {
    for k in CONSTANTS {
        for step in [1, -1, 7, i32::MIN] {
            for gas in [false, true] {
                for sp in STARTS {
                    let engine = engine(gas);
                    let (mut store, instance) = setup(&engine, &wat(k, step), sp);
                    if gas {
                        store.set_gas(1_000).unwrap();
                    }
                    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
                    let at = format!("k {k}, step {step}, sp {sp}, gas {gas}");
                    assert_eq!(
                        run.call(&mut store, 9).unwrap(),
                        reference(9, sp, k),
                        "{at}"
                    );
                    assert_eq!(global(&store, &instance, "sp"), sp, "{at}");
                    let count = step.wrapping_mul(3);
                    assert_eq!(global(&store, &instance, "count"), count, "{at}");
                    if gas {
                        assert_eq!(1_000 - store.gas_left().unwrap(), GAS, "{at}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_pause_at_every_budget_resumes_to_the_same_result_and_globals() {
    let (k, step, sp, x) = (48, -5, 1 << 16, 77);
    let source = wat(k, step);
    let engine = engine(true);
    for budget in 0..=GAS {
        for snapshot in [false, true] {
            let (mut store, instance) = setup(&engine, &source, sp);
            store.set_gas(budget).unwrap();
            let fresh = || setup(&engine, &source, 0);
            let restore_into: Option<&Fresh> = snapshot.then_some(&fresh);
            let end = drive_topped_up((store, instance), &[Val::I32(x)], 0, restore_into);
            let at = format!("budget {budget}, snapshot {snapshot}");
            assert_eq!(end.gas_used, GAS, "{at}");
            assert_eq!(end.results, vec![Val::I32(reference(x, sp, k))], "{at}");
            assert_eq!(global(&end.store, &end.instance, "sp"), sp, "{at}");
            assert_eq!(global(&end.store, &end.instance, "count"), step * 3, "{at}");
        }
    }
}
