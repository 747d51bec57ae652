//! Finding the target of `call_indirect`: one branch per condition on the common path, the
//! trap worked out on a cold one. Every kind of element (a Wasm function, a host function,
//! null, past the end, of another type) through table 0 and through another table, with
//! the index read from a slot and from the result register, metered or not.

mod common;

use common::{engine, trap_of, try_call};
use wasp_core::{Linker, Module, Store, TrapCode, Val};

/// `slot(t, k, x)` calls element `k` of table `t` with `x`, the index read from its slot;
/// `acc(t, k, x)` the same with the index computed just before the call (the result
/// register). Both tables hold, from 0: a Wasm function, the host's `triple`, a function of
/// another type, then null up to their size (4 and 6).
const MODULE: &str = r#"(module
  (import "host" "triple" (func $triple (param i32) (result i32)))
  (type $un (func (param i32) (result i32)))
  (type $bin (func (param i32 i32) (result i32)))
  (table $t0 4 funcref)
  (table $t1 6 funcref)
  (elem (table $t0) (i32.const 0) func $inc $triple $pair)
  (elem (table $t1) (i32.const 0) func $dec $triple $pair)
  (func $inc (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func $dec (type $un) (i32.sub (local.get 0) (i32.const 1)))
  (func $pair (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func (export "slot") (param $t i32) (param $k i32) (param $x i32) (result i32)
    (if (result i32) (local.get $t)
      (then (call_indirect $t1 (type $un) (local.get $x) (local.get $k)))
      (else (call_indirect $t0 (type $un) (local.get $x) (local.get $k)))))
  (func (export "acc") (param $t i32) (param $k i32) (param $x i32) (result i32)
    (if (result i32) (local.get $t)
      (then (call_indirect $t1 (type $un) (local.get $x)
              (i32.add (local.get $k) (i32.const 0))))
      (else (call_indirect $t0 (type $un) (local.get $x)
              (i32.add (local.get $k) (i32.const 0)))))))"#;

/// What calling element `k` of table `t` with `x` gives: its result or its trap.
fn reference(t: i32, k: i32, x: i32) -> Result<i32, TrapCode> {
    let size = if t == 0 { 4 } else { 6 };
    match k {
        0 if t == 0 => Ok(x.wrapping_add(1)),
        0 => Ok(x.wrapping_sub(1)),
        1 => Ok(x.wrapping_mul(3)),
        2 => Err(TrapCode::IndirectCallTypeMismatch),
        k if (0..size).contains(&k) => Err(TrapCode::UninitializedElement),
        _ => Err(TrapCode::UndefinedElement),
    }
}

#[test]
fn every_kind_of_element_is_called_or_traps_as_wasm_says() {
    for gas in [false, true] {
        let engine = engine(gas);
        let module = Module::new(&engine, MODULE).unwrap();
        let mut linker = Linker::new(&engine);
        linker
            .func_wrap("host", "triple", |x: i32| x.wrapping_mul(3))
            .unwrap();
        let mut store = Store::new(&engine, ());
        store.set_gas(u64::MAX / 2).ok();
        let instance = linker.instantiate(&mut store, &module).unwrap();
        for export in ["slot", "acc"] {
            for t in [0, 1] {
                for k in [0, 1, 2, 3, 5, 6, 100, -1, i32::MIN] {
                    let args = [Val::I32(t), Val::I32(k), Val::I32(14)];
                    let got = try_call(&mut store, &instance, export, &args);
                    let context = format!("{export}({t}, {k}) gas {gas}");
                    match reference(t, k, 14) {
                        Ok(want) => assert_eq!(got.expect(&context), [Val::I32(want)], "{context}"),
                        Err(trap) => assert_eq!(trap_of(got), Some(trap), "{context}"),
                    }
                }
            }
        }
    }
}
