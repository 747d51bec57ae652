//! A copy joined with the conditional branch after it (`translator/copy_branch.rs`:
//! `CopyBrIfNez`, `CopyBrIfEqz`) in the loops C compilers write: a linked list reversed in
//! place, carrying `next` round the loop, and an `if` testing a flag right after a copy. The
//! results are the Rust reference's, metered or not (metering keeps the two apart), traced
//! or not; a call that yields inside the loop, saved and restored into a fresh store at
//! every yield, and a call interrupted again and again and saved and restored at each
//! interrupt, end with the same result. The same joined branch right after the instruction
//! computing its condition reads the condition from the result register (`CopyBrIfNezAcc`,
//! `CopyBrIfEqzAcc`), and the value it copies too when that is the condition.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use wasp_core::{CallOutcome, Continuation, Engine, Instance, Store, Val};

/// `run(n, reps)`: builds a list of `n` nodes (node `i` at `16 + 8 i`: the next node's
/// address, then the value `3 i + 1`), reverses it in place `reps` times, and returns the
/// checksum of the final order (the sum of position times value, positions from 1), plus
/// the values at odd positions once more. Each round of the reversal calls `host.ask` when
/// `$ask` is not zero.
const LIST: &str = r#"(module
  (import "host" "ask" (func $ask (param i32) (result i32)))
  (memory 4)
  (func (export "run") (param $n i32) (param $reps i32) (param $asks i32) (result i32)
    (local $i i32) (local $list i32) (local $next i32) (local $tmp i32)
    (local $pos i32) (local $sum i32) (local $last i32) (local $odd i32)
    ;; Build.
    (loop $build
      (i32.store
        (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 3)))
        (select
          (i32.add (i32.const 24) (i32.shl (local.get $i) (i32.const 3)))
          (i32.const 0)
          (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))))
      (i32.store offset=4
        (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 3)))
        (i32.add (i32.mul (local.get $i) (i32.const 3)) (i32.const 1)))
      (br_if $build (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.set $next (i32.const 16))
    ;; Reverse `reps` times: the shape of CoreMark's list reversal.
    (loop $rounds
      (local.set $tmp (local.get $next))
      (local.set $next (i32.const 0))
      (loop $rev
        (local.set $list (local.get $tmp))
        (local.set $tmp (i32.load (local.get $list)))
        (i32.store (local.get $list) (local.get $next))
        (if (local.get $asks) (then (drop (call $ask (local.get $list)))))
        (local.set $next (local.get $list))
        (br_if $rev (local.get $tmp)))
      (br_if $rounds (local.tee $reps (i32.sub (local.get $reps) (i32.const 1)))))
    ;; Walk: the checksum, and an `if` on a flag right after a copy.
    (local.set $list (local.get $next))
    (loop $walk
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (local.set $sum
        (i32.add (local.get $sum)
          (i32.mul (local.get $pos) (i32.load offset=4 (local.get $list)))))
      (local.set $odd (i32.and (local.get $pos) (i32.const 1)))
      (local.set $last (local.get $list))
      (if (local.get $odd)
        (then (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $last))))))
      (local.set $list (i32.load (local.get $list)))
      (br_if $walk (local.get $list)))
    (local.get $sum)))"#;

/// What `run(n, reps, _)` returns.
fn reference(n: u32, reps: u32) -> i32 {
    let mut order: Vec<u32> = (0..n).map(|i| 3 * i + 1).collect();
    if reps % 2 == 1 {
        order.reverse();
    }
    order.iter().enumerate().fold(0i32, |sum, (k, &v)| {
        let pos = k as i32 + 1;
        let sum = sum.wrapping_add(pos.wrapping_mul(v as i32));
        if pos % 2 == 1 {
            sum.wrapping_add(v as i32)
        } else {
            sum
        }
    })
}

/// `LIST` in a fresh store whose `host.ask` yields its argument.
fn yielding(engine: &Engine) -> (Store<()>, Instance) {
    let (_, store, instance) = common::instantiate_yielding_on(engine, LIST);
    (store, instance)
}

fn args(n: u32, reps: u32, asks: bool) -> [Val; 3] {
    [
        Val::I32(n as i32),
        Val::I32(reps as i32),
        Val::I32(i32::from(asks)),
    ]
}

fn finished(outcome: CallOutcome) -> i32 {
    match outcome {
        CallOutcome::Finished { results, .. } => results[0].i32().expect("an i32"),
        other => panic!("expected the end, got {other:?}"),
    }
}

/// Saves `paused` with its store and restores both into a fresh store.
fn through_snapshot(
    store: &Store<()>,
    paused: &Continuation,
    engine: &Engine,
) -> (Store<()>, Continuation) {
    let bytes = store.snapshot(Some(paused));
    let (mut fresh, _) = yielding(engine);
    let restored = fresh
        .restore(&bytes)
        .expect("restores")
        .expect("a paused call");
    (fresh, restored)
}

#[test]
fn a_reversed_list_and_a_flag_tested_after_a_copy_match_rust() {
    for gas in [false, true] {
        for traced in [false, true] {
            let mut config = wasp_core::Config::default();
            config.gas_metering(gas);
            let engine = Engine::new(&config);
            for (n, reps) in [(1, 1), (2, 1), (7, 3), (100, 4), (1000, 5)] {
                let (mut store, instance) = yielding(&engine);
                if gas {
                    store.set_gas(u64::MAX / 2).expect("metered");
                }
                if traced {
                    store.set_tracer(Some(wasp_core::Tracer::new(|_| {})));
                }
                let run = instance.get_func(&store, "run").expect("exported");
                let outcome = run
                    .call_resumable(&mut store, &args(n, reps, false))
                    .expect("runs");
                assert_eq!(
                    finished(outcome),
                    reference(n, reps),
                    "n {n}, reps {reps}, gas {gas}, traced {traced}"
                );
            }
        }
    }
}

#[test]
fn a_call_yielding_inside_the_loop_saved_and_restored_at_every_yield_ends_the_same() {
    let engine = Engine::default();
    let (mut store, instance) = yielding(&engine);
    let run = instance.get_func(&store, "run").expect("exported");
    let (n, reps) = (40, 3);
    let mut outcome = run
        .call_resumable(&mut store, &args(n, reps, true))
        .expect("runs");
    let mut yields = 0;
    let result = loop {
        match outcome {
            CallOutcome::Finished { results, .. } => break results[0].i32().expect("an i32"),
            CallOutcome::Yielded(paused) => {
                yields += 1;
                let (fresh, restored) = through_snapshot(&store, &paused, &engine);
                store = fresh;
                outcome = restored
                    .resume(&mut store, &[Val::I32(0)])
                    .expect("resumes");
            }
            other => panic!("expected a yield or the end, got {other:?}"),
        }
    };
    assert_eq!(yields, n * reps);
    assert_eq!(result, reference(n, reps));
}

#[test]
fn a_call_interrupted_again_and_again_saved_and_restored_each_time_ends_the_same() {
    let engine = Engine::default();
    let (mut store, instance) = yielding(&engine);
    let run = instance.get_func(&store, "run").expect("exported");
    let (n, reps) = (4000, 1001);
    let stop = Arc::new(AtomicBool::new(false));
    let hammer = {
        let (stop, handle) = (stop.clone(), store.interrupt_handle());
        thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                handle.interrupt();
                thread::sleep(Duration::from_micros(300));
            }
        })
    };
    let mut outcome = run
        .call_resumable(&mut store, &args(n, reps, false))
        .expect("runs");
    let mut interrupts = 0;
    let result = loop {
        match outcome {
            CallOutcome::Finished { results, .. } => break results[0].i32().expect("an i32"),
            CallOutcome::Interrupted(paused) => {
                interrupts += 1;
                if interrupts == 1 {
                    // Once, into a fresh store, run there to the end.
                    let (mut fresh, restored) = through_snapshot(&store, &paused, &engine);
                    let outcome = restored.resume(&mut fresh, &[]).expect("resumes");
                    assert_eq!(finished(outcome), reference(n, reps));
                }
                // Every time, through a snapshot restored into the same store, whose
                // interrupt handle the hammering thread holds.
                let bytes = store.snapshot(Some(&paused));
                let restored = store
                    .restore(&bytes)
                    .expect("restores")
                    .expect("a paused call");
                outcome = restored.resume(&mut store, &[]).expect("resumes");
            }
            other => panic!("expected an interrupt or the end, got {other:?}"),
        }
    };
    stop.store(true, Ordering::Relaxed);
    hammer.join().expect("the interrupting thread ends");
    assert!(interrupts >= 1, "never interrupted");
    assert_eq!(result, reference(n, reps));
}

/// Loops whose joined copy and branch come right after the instruction computing the
/// condition: `sum_down` carries the condition itself round the loop (a count kept as the
/// loop's parameter, `local.tee` then `br_if`), `eqz_other` leaves its block with another
/// value when the count reaches zero.
const TESTED_JUST_AFTER: &str = r#"(module
  (func (export "sum_down") (param $n i32) (result i32) (local $sum i32)
    (local.get $n)
    (loop $l (param i32) (result i32)
      (local.set $sum (i32.add (local.get $sum)))
      (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
      (local.get $n)
      (br_if $l))
    (i32.add (local.get $sum)))
  (func (export "eqz_other") (param $k i32) (result i32) (local $x i32)
    (block $done (result i32)
      (loop $l
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 3)) (i32.const 1)))
        (local.get $x)
        (br_if $done (i32.eqz (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
        (drop)
        (br $l))
      (unreachable))))"#;

#[test]
fn a_joined_branch_after_its_condition_reads_it_from_the_register() {
    let wasm = wat::parse_str(TESTED_JUST_AFTER).expect("wat");
    common::each_mode(&wasm, |store, instance, mode| {
        for n in [1u32, 2, 3, 10, 1000] {
            // The parameter takes n, n - 1, ..., 1 into the sum; the loop leaves 0.
            let got = common::call(store, instance, "sum_down", &[Val::I32(n as i32)]);
            let want = (n * (n + 1) / 2) as i32;
            assert_eq!(got, [Val::I32(want)], "sum_down({n}) {mode:?}");
            let got = common::call(store, instance, "eqz_other", &[Val::I32(n as i32)]);
            let want = (0..n).fold(0i32, |x, _| x.wrapping_mul(3).wrapping_add(1));
            assert_eq!(got, [Val::I32(want)], "eqz_other({n}) {mode:?}");
        }
    });
}

/// Loops that start with a copy and end with a conditional branch back (each with `$n >= 1`
/// iterations), the instruction after the copy reading it: `nez` and `eqz` end with a plain
/// branch (on a local, and on its `i32.eqz`), `copy_nez` and `copy_eqz` with a copy and the
/// branch, their head copying what that copy wrote; `reverse` is CoreMark's list reversal.
const HEAD_COPIED: &str = r#"(module
  (func (export "nez") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $k i32) (local $s i32)
    (local.set $b (i32.const 7))
    (local.set $k (local.get $n))
    (loop $l
      (local.set $a (local.get $b))
      (local.set $b (i32.add (i32.mul (local.get $a) (i32.const 5)) (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $s (i32.xor (local.get $s) (local.get $b)))
      (br_if $l (local.get $k)))
    (i32.add (local.get $s) (local.get $a)))
  (func (export "eqz") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $k i32) (local $s i32) (local $done i32)
    (local.set $b (i32.const 3))
    (loop $l
      (local.set $a (local.get $b))
      (local.set $b (i32.add (i32.mul (local.get $a) (i32.const 3)) (i32.const 1)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (local.set $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $s (i32.add (local.get $s) (local.get $b)))
      (br_if $l (i32.eqz (local.get $done))))
    (i32.xor (local.get $s) (local.get $a)))
  (func (export "copy_nez") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $k i32) (local $s i32)
    (local.set $c (i32.const 1))
    (local.set $k (local.get $n))
    (loop $l
      (local.set $a (local.get $c))
      (local.set $b (i32.xor (i32.shl (local.get $a) (i32.const 1)) (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $s (i32.add (local.get $s) (local.get $b)))
      (local.set $c (local.get $b))
      (br_if $l (local.get $k)))
    (i32.add (i32.add (local.get $s) (local.get $a)) (local.get $c)))
  (func (export "copy_eqz") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $k i32) (local $done i32)
    (local.set $c (i32.const 2))
    (loop $l
      (local.set $a (local.get $c))
      (local.set $b (i32.add (i32.mul (local.get $a) (i32.const 3)) (local.get $k)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (local.set $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $c (local.get $b))
      (br_if $l (i32.eqz (local.get $done))))
    (i32.add (i32.mul (local.get $a) (i32.const 7)) (local.get $c)))
  (memory 1)
  ;; CoreMark's list reversal as it is, three times: `tmp` loaded, tested and carried in
  ;; the result register past the store (`CopyBrIfNezCopyAcc`). Returns the sum of position
  ;; times value over the final order.
  (func (export "reverse") (param $n i32) (result i32)
    (local $i i32) (local $list i32) (local $next i32) (local $tmp i32) (local $reps i32)
    (local $pos i32) (local $sum i32)
    (loop $build
      (i32.store (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 3)))
        (select (i32.add (i32.const 24) (i32.shl (local.get $i) (i32.const 3))) (i32.const 0)
          (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))))
      (i32.store offset=4 (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 3)))
        (i32.add (i32.mul (local.get $i) (i32.const 3)) (i32.const 1)))
      (br_if $build (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.set $next (i32.const 16))
    (local.set $reps (i32.const 3))
    (loop $rounds
      (local.set $tmp (local.get $next))
      (local.set $next (i32.const 0))
      (loop $rev
        (local.set $list (local.get $tmp))
        (local.set $tmp (i32.load (local.get $list)))
        (i32.store (local.get $list) (local.get $next))
        (local.set $next (local.get $list))
        (br_if $rev (local.get $tmp)))
      (br_if $rounds (local.tee $reps (i32.sub (local.get $reps) (i32.const 1)))))
    (loop $walk
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (local.set $sum (i32.add (local.get $sum)
        (i32.mul (local.get $pos) (i32.load offset=4 (local.get $next)))))
      (br_if $walk (local.tee $next (i32.load (local.get $next)))))
    (local.get $sum)))"#;

/// What export `name` of [`HEAD_COPIED`] returns for `n`.
fn head_copied(name: &str, n: u32) -> u32 {
    match name {
        "nez" => {
            let (mut b, mut k, mut s) = (7u32, n, 0u32);
            loop {
                let a = b;
                b = a.wrapping_mul(5).wrapping_add(k);
                k -= 1;
                s ^= b;
                if k == 0 {
                    return s.wrapping_add(a);
                }
            }
        }
        "eqz" => {
            let (mut b, mut k, mut s) = (3u32, 0u32, 0u32);
            loop {
                let a = b;
                b = a.wrapping_mul(3).wrapping_add(1);
                k += 1;
                s = s.wrapping_add(b);
                if k >= n {
                    return s ^ a;
                }
            }
        }
        "copy_nez" => {
            let (mut c, mut k, mut s) = (1u32, n, 0u32);
            loop {
                let a = c;
                let b = (a << 1) ^ k;
                k -= 1;
                s = s.wrapping_add(b);
                c = b;
                if k == 0 {
                    return s.wrapping_add(a).wrapping_add(c);
                }
            }
        }
        "copy_eqz" => {
            let (mut c, mut k) = (2u32, 0u32);
            loop {
                let a = c;
                let b = a.wrapping_mul(3).wrapping_add(k);
                k += 1;
                c = b;
                if k >= n {
                    return a.wrapping_mul(7).wrapping_add(c);
                }
            }
        }
        "reverse" => (0..n).rev().zip(1u32..).fold(0u32, |sum, (i, pos)| {
            sum.wrapping_add(pos.wrapping_mul(3 * i + 1))
        }),
        other => panic!("no reference for {other}"),
    }
}

#[test]
fn a_conditional_branch_doing_its_loops_head_copy_matches_rust() {
    let wasm = wat::parse_str(HEAD_COPIED).expect("wat");
    common::each_mode(&wasm, |store, instance, mode| {
        for name in ["nez", "eqz", "copy_nez", "copy_eqz", "reverse"] {
            for n in [1u32, 2, 3, 10, 1000] {
                let got = common::call(store, instance, name, &[Val::I32(n as i32)]);
                let want = head_copied(name, n) as i32;
                assert_eq!(got, [Val::I32(want)], "{name}({n}) {mode:?}");
            }
        }
    });
}
