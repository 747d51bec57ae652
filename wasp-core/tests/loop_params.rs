//! A branch back to a loop that carries each parameter out of the local the loop's head
//! stores it in lands after those stores and moves nothing (`translator/loop_params.rs`).
//! Results must be Wasm's whatever the order of the values, whatever was written after
//! they were pushed, with the values used straight from the stack, metered or not. Metered,
//! the loop's `ConsumeGas` moves behind the stores: pauses at every budget, directly and
//! through snapshots (with references among the parameters), and what a paused frame shows.

mod common;

use common::{assert_resumes_from_every_budget, call, each_mode, engine, instantiate, offsets_of};
use wasp_core::{CallOutcome, Val};

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

/// `nested` of the module above as a program of its own, from 3.
fn nested_run() -> String {
    let start = MODULE.find("  ;; Nested loops").expect("nested");
    let end = MODULE.find("  ;; The back edge carries").expect("swap");
    let func = MODULE[start..end].replace("(export \"nested\")", "$nested");
    format!("(module {func} (func (export \"run\") (result i32) (call $nested (i32.const 3))))")
}

#[test]
fn metered_loops_skipping_their_stores_pause_and_resume_at_every_budget() {
    assert_resumes_from_every_budget(&nested_run(), &[Val::I32(nested(3) as i32)], 1);
}

/// A loop whose parameters are a reference and a count: the slots the parameters came in
/// hold `i32`s of the body by the time the back edge pays, and a pause there must not take
/// them for references.
const REFS: &str = r#"
(module
  (func $f)
  (elem declare func $f)
  (func (export "run") (result i32)
    (local $r funcref) (local $n i32) (local $sum i32)
    (ref.func $f) (i32.const 6)
    (loop $l (param funcref i32)
      (local.set $n) (local.set $r)
      (local.set $sum
        (i32.add (i32.mul (local.get $sum) (i32.const 7))
                 (i32.add (local.get $n) (ref.is_null (local.get $r)))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.get $r) (local.get $n)
      (br_if $l (local.get $n))
      (drop) (drop))
    (i32.add (local.get $sum) (ref.is_null (local.get $r)))))
"#;

#[test]
fn a_reference_parameter_survives_pauses_and_snapshots_at_every_budget() {
    let want = (1..=6).rev().fold(0i32, |sum, n| sum * 7 + n);
    assert_resumes_from_every_budget(REFS, &[Val::I32(want)], 1);
}

/// Two loops starting at the same place, both branched back to with the locals their
/// shared stores fill.
const SHARED_HEAD: &str = r#"
(module
  (func (export "run") (result i32)
    (local $a i32) (local $b i32) (local $n i32) (local $m i32)
    (local.set $n (i32.const 4))
    (i32.const 1) (i32.const 2)
    (loop $o (param i32 i32) (result i32 i32)
      (loop $l (param i32 i32) (result i32 i32)
        (local.set $b) (local.set $a)
        (local.set $a (i32.add (local.get $a) (local.get $b)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (local.get $a) (local.get $b)
        (br_if $l (i32.and (local.get $m) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $o (local.get $n))))
    (i32.add)))
"#;

#[test]
fn loops_starting_together_pause_and_resume_at_every_budget() {
    // Eight passes through the inner body (four of the outer), each adding 2 to `a`.
    assert_resumes_from_every_budget(SHARED_HEAD, &[Val::I32(1 + 2 * 8 + 2)], 1);
    // Each of the eight passes pays for the loops' whole first block, 16 operators to the
    // inner `br_if` and 6 after it (in the same block, added to its price after the
    // `ConsumeGas` moved), with 4 before the loops and 1 after them.
    let run = common::run_topped_up(SHARED_HEAD, &[], Some(u64::MAX / 2), false);
    assert_eq!(run.gas_used, 4 + 8 * (16 + 6) + 1);
}

/// Stores `a` and `b` from the loop's parameters, then adds `b` to `a` five times.
const PAUSED_VIEW: &str = r#"
(module
  (func (export "run") (result i32) (local $a i32) (local $b i32) (local $n i32)
    (local.set $n (i32.const 5))
    (i32.const 1) (i32.const 2)
    (loop $l (param i32 i32) (result i32 i32)
      (local.set $b) (local.set $a)
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.get $a) (local.get $b)
      (br_if $l (local.get $n)))
    (i32.add)))
"#;

#[test]
fn a_pause_at_the_loops_consume_gas_stands_after_the_stores_with_them_done() {
    let wasm = wat::parse_str(PAUSED_VIEW).expect("wat");
    // The loop's first operator with code of its own after its two stores: the addition
    // (the `local.get`s before it push locals, which the addition reads where they are).
    let body = offsets_of(&wasm, "I32Add")[0];
    let (mut store, instance) = instantiate(&engine(true), &wasm);
    store.set_gas(0).expect("gas");
    let run = instance.get_func(&store, "run").expect("run");
    let mut outcome = run.call_resumable(&mut store, &[]).expect("call");
    let mut seen = Vec::new();
    let results = loop {
        match outcome {
            CallOutcome::OutOfGas(paused) => {
                let frames = paused.frames(&store);
                if frames[0].info().module_offset() == Some(body) {
                    seen.push(frames[0].locals().to_vec());
                }
                let needed = paused.gas_needed().expect("needed");
                store.set_gas(needed).expect("gas");
                outcome = paused.resume(&mut store, &[]).expect("resume");
            }
            CallOutcome::Finished { results, .. } => break results,
            other => panic!("only gas pauses here, found {other:?}"),
        }
    };
    assert_eq!(results, [Val::I32(1 + 2 * 5 + 2)]);
    // Entered from above, then back from each of the four taken branches: the stores are done
    // (`a` as carried, `b` = 2), `n` counts down.
    let want: Vec<Vec<Val>> = (0..5)
        .map(|k| vec![Val::I32(1 + 2 * k), Val::I32(2), Val::I32(5 - k)])
        .collect();
    assert_eq!(seen, want);
}
