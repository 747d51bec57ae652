//! Loops whose counter is stepped by a slot (`j += stride`) and tested right after: the step
//! and the compare-and-branch run as one instruction (`StepRegBr..`, `translator/step.rs`),
//! metered in its paying forms (paying when it branches back into the loop, or first where it
//! repeats the loop's exit test). Results against Rust in every mode (traced too, where each
//! instruction starts a handler chain of its own), gas against the price list, and pauses and
//! snapshots at every budget.

mod common;

use common::{assert_resumes_from_every_budget, each_mode, engine, gas_of, instantiate_with_gas};
use wasp_core::Val;

/// Each function folds the counter's values into `acc = acc * 3 + j` (wrapping: every value
/// and its order count), the counter stepped by a parameter, with the test after the step
/// written another way.
const STRIDED: &str = r#"(module
  ;; do { acc += mem[j]; j += stride } while (j < end), unsigned.
  (func $lt_u (export "lt_u") (param $j i32) (param $stride i32) (param $end i32) (result i32)
    (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
      (local.set $j (i32.add (local.get $j) (local.get $stride)))
      (br_if $l (i32.lt_u (local.get $j) (local.get $end))))
    (local.get $acc))
  ;; The same with the step written `stride + j` and the test `end > j`, signed.
  (func $gt_s_swapped (export "gt_s_swapped") (param $j i32) (param $stride i32) (param $end i32) (result i32)
    (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
      (local.set $j (i32.add (local.get $stride) (local.get $j)))
      (br_if $l (i32.gt_s (local.get $end) (local.get $j))))
    (local.get $acc))
  ;; A negative stride, counting down until j is stop: a forward exit on `eq`.
  (func $down_eq (export "down_eq") (param $j i32) (param $stride i32) (param $stop i32) (result i32)
    (local $acc i32)
    (block $out
      (loop $l
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
        (local.set $j (i32.add (local.get $j) (local.get $stride)))
        (br_if $out (i32.eq (local.get $j) (local.get $stop)))
        (br $l)))
    (local.get $acc))
  ;; A forward exit right after the step: `j += stride; if (j >= end) break;`.
  (func $exit_ge_u (export "exit_ge_u") (param $j i32) (param $stride i32) (param $end i32) (result i32)
    (local $acc i32)
    (block $out
      (loop $l
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
        (local.set $j (i32.add (local.get $j) (local.get $stride)))
        (br_if $out (i32.ge_u (local.get $j) (local.get $end)))
        (br $l)))
    (i32.add (local.get $acc) (local.get $j)))
  ;; An i64 counter: do { acc += mem[j]; j += stride } while (j <= last), signed.
  (func $le_s64 (export "le_s64") (param $j i64) (param $stride i64) (param $last i64) (result i64)
    (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 3)) (local.get $j)))
      (local.set $j (i64.add (local.get $j) (local.get $stride)))
      (br_if $l (i64.le_s (local.get $j) (local.get $last))))
    (local.get $acc))
  ;; while (j < end) { acc = acc * 3 + j; j += stride }, unsigned: the back edge repeats the
  ;; exit test.
  (func $while_lt_u (export "while_lt_u") (param $j i32) (param $stride i32) (param $end i32) (result i32)
    (local $acc i32)
    (block $out
      (loop $l
        (br_if $out (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
        (local.set $j (i32.add (local.get $j) (local.get $stride)))
        (br $l)))
    (local.get $acc))
  (func (export "run") (result i32)
    (i32.add
      (i32.add
        (i32.add (call $lt_u (i32.const 5) (i32.const 3) (i32.const 60))
                 (call $gt_s_swapped (i32.const 1) (i32.const 4) (i32.const 50)))
        (i32.add (call $down_eq (i32.const 90) (i32.const -6) (i32.const 0))
                 (call $exit_ge_u (i32.const 2) (i32.const 9) (i32.const 70))))
      (i32.add (i32.wrap_i64 (call $le_s64 (i64.const 7) (i64.const 5) (i64.const 64)))
               (call $while_lt_u (i32.const 3) (i32.const 7) (i32.const 40))))))"#;

/// `acc = acc * 3 + j` over `j`, `j + stride`, ... while `more(next)` holds after each step
/// (a do-while loop), and the counter's last value; the 32-bit functions keep the low half.
fn do_while(mut j: i64, stride: i64, more: impl Fn(i64) -> bool) -> (i64, i64) {
    let mut acc: i64 = 0;
    loop {
        acc = acc.wrapping_mul(3).wrapping_add(j);
        j += stride;
        if !more(j) {
            return (acc, j);
        }
    }
}

fn lt_u(j: i32, stride: i32, end: i32) -> i32 {
    let more = |k: i64| (k as u32) < end as u32;
    do_while(j.into(), stride.into(), more).0 as i32
}

fn gt_s_swapped(j: i32, stride: i32, end: i32) -> i32 {
    do_while(j.into(), stride.into(), |k| end as i64 > k).0 as i32
}

fn down_eq(j: i32, stride: i32, stop: i32) -> i32 {
    do_while(j.into(), stride.into(), |k| k != stop as i64).0 as i32
}

fn exit_ge_u(j: i32, stride: i32, end: i32) -> i32 {
    let (acc, j) = do_while(j.into(), stride.into(), |k| (k as u32) < end as u32);
    (acc + j) as i32
}

fn le_s64(j: i64, stride: i64, last: i64) -> i64 {
    do_while(j, stride, |k| k <= last).0
}

/// `acc = acc * 3 + j` over `j`, `j + stride`, ... while `j < end` (unsigned) before each
/// step, and the number of steps.
fn while_lt_u(j: i32, stride: i32, end: i32) -> (i32, u64) {
    let (mut j, mut acc, mut steps) = (j, 0i32, 0);
    while (j as u32) < end as u32 {
        acc = acc.wrapping_mul(3).wrapping_add(j);
        j = j.wrapping_add(stride);
        steps += 1;
    }
    (acc, steps)
}

#[test]
fn strided_loops_match_rust_in_every_mode() {
    each_mode(STRIDED, |store, instance, mode| {
        let call = |store: &mut wasp_core::Store<()>, name: &str, args: &[Val]| {
            let f = instance.get_func(&*store, name).expect("exported");
            let mut out = [Val::I64(0)];
            f.call(store, args, &mut out).expect("no trap");
            out[0]
        };
        for (j, stride, end) in [
            (0, 1, 1),
            (5, 3, 60),
            (1, 4, 50),
            (7, 16, 4000),
            (9, 1000, 9),
        ] {
            let args = [Val::I32(j), Val::I32(stride), Val::I32(end)];
            let at = format!("({j}, {stride}, {end}) in {mode:?}");
            assert_eq!(
                call(store, "lt_u", &args),
                Val::I32(lt_u(j, stride, end)),
                "{at}"
            );
            let got = call(store, "gt_s_swapped", &args);
            assert_eq!(got, Val::I32(gt_s_swapped(j, stride, end)), "{at}");
            let got = call(store, "exit_ge_u", &args);
            assert_eq!(got, Val::I32(exit_ge_u(j, stride, end)), "{at}");
            let got = call(store, "while_lt_u", &args);
            assert_eq!(got, Val::I32(while_lt_u(j, stride, end).0), "{at}");
        }
        for (j, stride, stop) in [(90, -6, 0), (100, -1, 40), (3, 5, 3003)] {
            let args = [Val::I32(j), Val::I32(stride), Val::I32(stop)];
            let got = call(store, "down_eq", &args);
            assert_eq!(
                got,
                Val::I32(down_eq(j, stride, stop)),
                "down_eq in {mode:?}"
            );
        }
        for (j, stride, last) in [(7, 5, 64), (0, 1, 0), (100, -3, 50), (0, 97, 60_000)] {
            let args = [Val::I64(j), Val::I64(stride), Val::I64(last)];
            let got = call(store, "le_s64", &args);
            assert_eq!(got, Val::I64(le_s64(j, stride, last)), "le_s64 in {mode:?}");
        }
    });
}

#[test]
fn strided_loops_resume_from_every_budget() {
    let want = lt_u(5, 3, 60)
        .wrapping_add(gt_s_swapped(1, 4, 50))
        .wrapping_add(down_eq(90, -6, 0))
        .wrapping_add(exit_ge_u(2, 9, 70))
        .wrapping_add(le_s64(7, 5, 64) as i32)
        .wrapping_add(while_lt_u(3, 7, 40).0);
    assert_resumes_from_every_budget(STRIDED, &[Val::I32(want)], 1);
}

/// Metered, the fused step pays what the price list says (every operator 1, `block`, `loop`
/// and `end` free; a block is paid in full when entered, a `br_if` out of it included):
/// `lt_u`'s loop is 14 operators, entered once per value of the counter, then `local.get`
/// after it; `while_lt_u`'s is 15 (the exit test, the body, the step and the `br`), entered
/// once more than it steps, then `local.get`. The same figures as with the step and the
/// branch apart.
#[test]
fn fused_slot_steps_pay_what_the_price_list_says() {
    let (mut store, instance) = instantiate_with_gas(&engine(true), STRIDED);
    for (j, stride, end) in [
        (0, 1, 1),
        (5, 3, 60),
        (7, 16, 4000),
        (9, 1000, 9),
        (50, 1, 3),
    ] {
        let args = [Val::I32(j), Val::I32(stride), Val::I32(end)];
        let runs = do_while(j.into(), stride.into(), |k| (k as u32) < end as u32);
        let body_runs = ((runs.1 - i64::from(j)) / i64::from(stride)) as u64;
        let at = format!("({j}, {stride}, {end})");
        assert_eq!(
            gas_of(&mut store, &instance, "lt_u", &args),
            14 * body_runs + 1,
            "{at}"
        );
        let steps = while_lt_u(j, stride, end).1;
        assert_eq!(
            gas_of(&mut store, &instance, "while_lt_u", &args),
            15 * (steps + 1) + 1,
            "{at}"
        );
    }
}
