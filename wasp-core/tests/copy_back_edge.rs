//! A copy right before a `br` back to a loop joins the branch (`translator/copy_branch.rs`):
//! one `BrCopy` copies and jumps, the value a loop carries to its next iteration (a loop
//! parameter, `a = b` at the end of a body). A `br_if` carrying values that stand right above
//! its target block's own moves them before it tests (`translator/control.rs`), taken or
//! not. Results, gas and pauses must be those of Wasm, wherever else branches land.

mod common;

use common::{assert_resumes_from_every_budget, call, each_mode};
use wasp_core::Val;

const MODULE: &str = r#"
(module
  ;; Counts down a loop parameter: `br_if` with a value back to the loop.
  (func (export "count_param") (param $n i32) (result i32)
    (local.get $n)
    (loop $next (param i32) (result i32)
      (i32.const 1)
      (i32.sub)
      (local.tee $n)
      (local.get $n)
      (br_if $next))
    (drop)
    (local.get $n))
  ;; Fibonacci with the pair carried by copies, the last one right before the `br`.
  (func (export "fib") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $t i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $t (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (br $next)))
    (local.get $a))
  ;; A block ending right before the `br`: its branch lands on the `br` and skips the copy.
  (func (export "skips") (param $n i32) (result i32)
    (local $x i32) (local $y i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $y (i32.add (local.get $y) (i32.const 3)))
        (block $odd
          (br_if $odd (i32.and (local.get $n) (i32.const 1)))
          (local.set $x (local.get $y)))
        (local.set $sum (i32.add (local.get $sum) (local.get $x)))
        (br $next)))
    (local.get $sum))
  ;; `br_if` out of blocks with values: a local and a constant carried, falling through
  ;; when not taken; and a value carried over one left below it (moved only when taken).
  (func (export "carry") (param $n i32) (result i32)
    (local $k i32)
    (local.set $k (i32.mul (local.get $n) (i32.const 10)))
    (block $two (result i32 i32)
      (local.get $k)
      (i32.const 7)
      (br_if $two (i32.gt_u (local.get $n) (i32.const 5)))
      (i32.add (i32.const 100)))
    (i32.sub))
  (func (export "below") (param $n i32) (result i32)
    (i32.add
      (i32.const 1000)
      (block $one (result i32)
        (i32.const 3)
        (local.get $n)
        (br_if $one (i32.and (local.get $n) (i32.const 1)))
        (i32.mul))))
  ;; The counting loop, to be paused at every budget.
  (func (export "run") (result i32)
    (local i32)
    (i32.const 40)
    (loop $next (param i32) (result i32)
      (i32.const 1)
      (i32.sub)
      (local.tee 0)
      (local.get 0)
      (br_if $next))
    (drop)
    (local.get 0)))
"#;

fn fib(n: i32) -> i32 {
    let (mut a, mut b) = (0i32, 1i32);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

fn skips(mut n: i32) -> i32 {
    let (mut x, mut y, mut sum) = (0i32, 0i32, 0i32);
    while n != 0 {
        n -= 1;
        y += 3;
        if n & 1 == 0 {
            x = y;
        }
        sum = sum.wrapping_add(x);
    }
    sum
}

#[test]
fn a_copy_joined_with_the_back_edge_carries_the_value() {
    let wasm = wat::parse_str(MODULE).expect("wat");
    each_mode(&wasm, |store, instance, mode| {
        for n in [1, 2, 7, 1000] {
            let got = call(store, instance, "count_param", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(0)], "count_param({n}) {mode:?}");
        }
        for n in [0, 1, 2, 10, 46, 100] {
            let got = call(store, instance, "fib", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(fib(n))], "fib({n}) {mode:?}");
            let got = call(store, instance, "skips", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(skips(n))], "skips({n}) {mode:?}");
            let carry = if n > 5 { n * 10 - 7 } else { n * 10 - 107 };
            let got = call(store, instance, "carry", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(carry)], "carry({n}) {mode:?}");
            let below = 1000 + if n & 1 == 1 { n } else { 3 * n };
            let got = call(store, instance, "below", &[Val::I32(n)]);
            assert_eq!(got, [Val::I32(below)], "below({n}) {mode:?}");
        }
    });
}

#[test]
fn a_loop_carrying_its_parameter_pauses_and_resumes_at_every_budget() {
    assert_resumes_from_every_budget(MODULE, &[Val::I32(0)], 1);
}
