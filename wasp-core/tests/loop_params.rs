//! A branch back to a loop that carries each parameter out of the local the loop's head
//! stores it in lands after those stores and moves nothing (`translator/loop_params.rs`).
//! Results must be Wasm's whatever the order of the values, whatever was written after
//! they were pushed, with the values used straight from the stack, metered or not.

mod common;

use common::{call, each_mode};
use wasp_core::Val;

const MODULE: &str = r#"
(module
  ;; Nested loops carrying their state as parameters, stored in locals at their heads.
  (func (export "nested") (param $n i32) (result i32)
    (local $i i32) (local $k i32) (local $acc i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else
        (i32.const 0)
        (loop $outer (param i32) (result i32)
          (local.set $acc)
          (i32.const 8)
          (local.get $acc)
          (loop $inner (param i32 i32) (result i32 i32)
            (local.set $acc)
            (local.set $k)
            (local.set $acc
              (i32.xor
                (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $k))
                (local.get $i)))
            (local.tee $k (i32.sub (local.get $k) (i32.const 1)))
            (local.get $acc)
            (br_if $inner (local.get $k)))
          (local.set $acc)
          (drop)
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (local.get $acc)
          (br_if $outer (i32.lt_u (local.get $i) (local.get $n)))))))
  ;; The back edge carries the two locals crossed: they swap on every iteration.
  (func (export "swap") (param $n i32) (result i32)
    (local $a i32) (local $b i32)
    (i32.const 1) (i32.const 2)
    (loop $next (param i32 i32) (result i32 i32)
      (local.set $b) (local.set $a)
      (local.set $a (i32.add (local.get $a) (i32.const 10)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.get $b) (local.get $a)
      (br_if $next (local.get $n)))
    (i32.sub (i32.mul (i32.const 1000)) (i32.const 0))
    (i32.add))
  ;; A local written after it was pushed: the value carried is the one pushed.
  (func (export "overwritten") (param $n i32) (result i32)
    (local $a i32)
    (i32.const 5)
    (loop $next (param i32) (result i32)
      (local.set $a)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.get $a)
      (local.set $a (i32.const 1000))
      (i32.add (i32.const 3))
      (br_if $next (local.get $n)))
    (i32.add (local.get $a)))
  ;; A parameter kept on the stack by local.tee, and a `br` back rather than a `br_if`.
  (func (export "teed") (param $n i32) (result i32)
    (local $x i32) (local $sum i32)
    (i32.const 0)
    (loop $next (param i32)
      (local.tee $x)
      (local.set $sum (i32.add (local.get $sum)))
      (if (i32.lt_u (local.get $x) (local.get $n))
        (then (local.get $x) (i32.const 1) (i32.add) (br $next))))
    (local.get $sum)))
"#;

fn nested(n: u32) -> u32 {
    let mut total: u32 = 0;
    for i in 0..n {
        let (mut k, mut acc) = (8u32, total);
        loop {
            acc = acc.wrapping_mul(3).wrapping_add(k) ^ i;
            k -= 1;
            if k == 0 {
                break;
            }
        }
        total = acc;
    }
    total
}

fn swap(mut n: i32) -> i32 {
    let (mut a, mut b) = (1, 2);
    loop {
        a += 10;
        n -= 1;
        (a, b) = (b, a);
        if n == 0 {
            break;
        }
    }
    a + b * 1000
}

fn overwritten(mut n: i32) -> i32 {
    let mut v = 5;
    loop {
        n -= 1;
        v += 3;
        if n == 0 {
            break;
        }
    }
    v + 1000
}

#[test]
fn loops_carrying_their_parameters_through_locals_compute_what_wasm_does() {
    let wasm = wat::parse_str(MODULE).expect("wat");
    each_mode(&wasm, |store, instance, mode| {
        for n in [0u32, 1, 2, 9, 100] {
            let got = call(store, instance, "nested", &[Val::I32(n as i32)]);
            assert_eq!(got, [Val::I32(nested(n) as i32)], "nested({n}) {mode:?}");
        }
        for n in [1, 2, 3, 10, 11] {
            let got = call(store, instance, "swap", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(swap(n))], "swap({n}) {mode:?}");
            let got = call(store, instance, "overwritten", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(overwritten(n))], "overwritten({n}) {mode:?}");
            let got = call(store, instance, "teed", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(n * (n + 1) / 2)], "teed({n}) {mode:?}");
        }
    });
}
