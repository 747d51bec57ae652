//! `global.get` and the counter step of a global (`GlobalAddI32`) hand their value to the
//! instruction right after them in the result register: a loop counting in globals of each
//! width gives the Wasm result unmetered, metered and traced (every step starts a new handler
//! chain, which reloads the register), and paused at every budget and resumed through
//! snapshots, with the same gas.

mod common;

use common::{engine, instantiate, run_topped_up, try_call};

use wasp_core::{Tracer, Val};

/// `$c` counts to 50 in steps of 1 (`GlobalAddI32`); each round adds `$c * 3` to the i64
/// global `$s` and `$c ^ 5` to the f64 global `$f`, each read back right after.
const LOOP: &str = r#"(module
  (global $c (mut i32) (i32.const 0))
  (global $s (mut i64) (i64.const 7))
  (global $f (mut f64) (f64.const 0.5))
  (func (export "run") (result i64)
    (loop $l
      (global.set $c (i32.add (global.get $c) (i32.const 1)))
      (global.set $s (i64.add (global.get $s) (i64.extend_i32_u (i32.mul (global.get $c) (i32.const 3)))))
      (global.set $f (f64.add (global.get $f) (f64.convert_i32_u (i32.xor (global.get $c) (i32.const 5)))))
      (br_if $l (i32.lt_u (global.get $c) (i32.const 50))))
    (i64.add (i64.mul (global.get $s) (i64.const 3)) (i64.trunc_sat_f64_s (global.get $f)))))"#;

fn reference() -> i64 {
    let (mut s, mut f) = (7i64, 0.5f64);
    for c in 1..=50u32 {
        s += i64::from(c * 3);
        f += f64::from(c ^ 5);
    }
    s * 3 + f as i64
}

#[test]
fn a_loop_over_globals_gives_the_wasm_result_unmetered_metered_and_traced() {
    let want = vec![Val::I64(reference())];
    assert_eq!(run_topped_up(LOOP, &[], None, false).results, want);
    assert_eq!(
        run_topped_up(LOOP, &[], Some(u64::MAX / 2), false).results,
        want
    );
    for gas in [false, true] {
        let (mut store, instance) = instantiate(&engine(gas), LOOP);
        store.set_gas(u64::MAX / 2).ok();
        store.set_tracer(Some(Tracer::new(|_| {})));
        assert_eq!(
            try_call(&mut store, &instance, "run", &[]).expect("runs"),
            want
        );
    }
}

#[test]
fn a_loop_over_globals_pauses_at_every_budget_and_resumes_through_snapshots() {
    let want = vec![Val::I64(reference())];
    common::assert_resumes_from_every_budget(LOOP, &want, 13);
}
