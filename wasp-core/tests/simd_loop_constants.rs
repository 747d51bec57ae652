//! `v128` constants and shuffle masks read inside loops are hoisted as slot pairs, written
//! once on entry, and `v128` moves between pairs are single copies: results match a Rust
//! reference with and without gas metering, with pauses for gas anywhere in the loop and
//! from a snapshot, for constants sharing halves with each other and with scalar constants,
//! and for more constants than the hoisting has room for.

mod common;

use common::engine;
use wasp_core::{CallOutcome, Linker, Module, Store, Val, V128};

/// `run n`: n iterations over `$v` with constants read in the loop (see `reference`).
const PROGRAM: &str = r#"(module
  (func (export "run") (param $n i32) (result v128) (local $v v128) (local $c v128) (local $i i32)
    (local.set $v (v128.const i64x2 0x0102030405060708 0x1112131415161718))
    (loop $l
      ;; local.set of a constant: one copy from the hoisted pair.
      (local.set $c (v128.const i64x2 0x0000000100000002 0x0000000300000004))
      (local.set $v (i32x4.add (local.get $v) (local.get $c)))
      ;; The same halves swapped: another pair.
      (local.set $v (v128.xor (local.get $v) (v128.const i64x2 0x0000000300000004 0x0000000100000002)))
      ;; A low half equal to the scalar constant 7, hoisted before it.
      (local.set $i (i32.add (local.get $i) (i32.const 7)))
      (local.set $v (i32x4.add (local.get $v) (v128.const i64x2 7 0xffffffff00000000)))
      ;; Rotates the bytes of each 32-bit lane by one.
      (local.set $v (i8x16.shuffle 1 2 3 0 5 6 7 4 9 10 11 8 13 14 15 12 (local.get $v) (local.get $v)))
      ;; A shuffle across both operands: odd bytes from a rotated copy.
      (local.set $v (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
        (local.get $v) (i8x16.shuffle 15 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 (local.get $v) (local.get $v))))
      (br_if $l (i32.lt_u (local.get $i) (i32.mul (local.get $n) (i32.const 7)))))
    ;; Outside the loop: a shuffle whose mask is not hoisted.
    (i8x16.shuffle 16 17 18 19 20 21 22 23 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))"#;

fn lanes32(v: u128) -> [u32; 4] {
    std::array::from_fn(|i| (v >> (32 * i)) as u32)
}

fn join32(l: [u32; 4]) -> u128 {
    l.iter().rev().fold(0, |v, &x| v << 32 | u128::from(x))
}

fn add32(a: u128, b: u128) -> u128 {
    let (a, b) = (lanes32(a), lanes32(b));
    join32(std::array::from_fn(|i| a[i].wrapping_add(b[i])))
}

fn shuffle(a: u128, b: u128, m: [u8; 16]) -> u128 {
    let (a, b) = (a.to_le_bytes(), b.to_le_bytes());
    u128::from_le_bytes(m.map(|j| {
        if j < 16 {
            a[j as usize]
        } else {
            b[j as usize - 16]
        }
    }))
}

fn pair(lo: u64, hi: u64) -> u128 {
    u128::from(lo) | u128::from(hi) << 64
}

/// `run n` computed in Rust.
fn reference(n: u32) -> u128 {
    let mut v = pair(0x0102030405060708, 0x1112131415161718);
    for _ in 0..n.max(1) {
        v = add32(v, pair(0x0000000100000002, 0x0000000300000004));
        v ^= pair(0x0000000300000004, 0x0000000100000002);
        v = add32(v, pair(7, 0xffffffff00000000));
        v = shuffle(v, v, [1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12]);
        let rotated = shuffle(v, v, [15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        let m = std::array::from_fn(|i| if i % 2 == 0 { i as u8 } else { i as u8 + 16 });
        v = shuffle(v, rotated, m);
    }
    shuffle(
        v,
        v,
        [16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7],
    )
}

/// Runs `run n` of `program` to the end, unmetered.
fn call(program: &str, n: u32) -> Val {
    let engine = engine(false);
    let module = Module::new(&engine, program).unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    let mut results = [Val::I32(0)];
    run.call(&mut store, &[Val::I32(n as i32)], &mut results)
        .unwrap();
    results[0]
}

fn v(x: u128) -> Val {
    Val::V128(V128::from(x))
}

#[test]
fn constants_and_masks_read_in_a_loop_keep_their_values() {
    for n in [1, 2, 3, 50] {
        assert_eq!(call(PROGRAM, n), v(reference(n)), "run {n}");
    }
}

/// A call paused for gas at every budget short of the total, topped up step by step (each
/// step covering any one block's price, so that every resumption makes progress), and one
/// paused halfway through, saved and restored into a new store: the same result.
#[test]
fn pauses_anywhere_in_the_loop_resume_exactly() {
    let engine = engine(true);
    let module = Module::new(&engine, PROGRAM).unwrap();
    let n = 4;
    let total = {
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = instance.get_func(&store, "run").unwrap();
        store.set_gas(1_000_000).unwrap();
        match run.call_resumable(&mut store, &[Val::I32(n)]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, [v(reference(n as u32))]);
                gas_used
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
    };
    for budget in 0..total {
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = instance.get_func(&store, "run").unwrap();
        store.set_gas(budget).unwrap();
        let mut outcome = run.call_resumable(&mut store, &[Val::I32(n)]).unwrap();
        if budget == total / 2 {
            let CallOutcome::OutOfGas(paused) = outcome else {
                panic!("expected a pause at budget {budget}");
            };
            let bytes = store.snapshot(Some(&paused));
            store = Store::new(&engine, ());
            Linker::new(&engine)
                .instantiate(&mut store, &module)
                .unwrap();
            let paused = store.restore(&bytes).unwrap().expect("a paused call");
            store.set_gas(1_000_000).unwrap();
            outcome = paused.resume(&mut store, &[]).unwrap();
        }
        let results = loop {
            match outcome {
                CallOutcome::OutOfGas(paused) => {
                    store.set_gas(budget.max(150)).unwrap();
                    outcome = paused.resume(&mut store, &[]).unwrap();
                }
                CallOutcome::Finished { results, .. } => break results,
                other => panic!("unexpected outcome {other:?}"),
            }
        };
        assert_eq!(results, [v(reference(n as u32))], "budget {budget}");
    }
}

/// More distinct constants in one loop than there are hoisted slots: the ones past the
/// limit are written where they are read, and every one keeps its value.
#[test]
fn constants_past_the_hoisting_limit_keep_their_values() {
    let constant = |k: u64| pair(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), !k << 8 | k);
    let count = 80;
    let xors: String = (0..count)
        .map(|k| {
            let c = constant(k);
            format!(
                "(local.set $v (v128.xor (local.get $v) (v128.const i64x2 {:#x} {:#x})))\n",
                c as u64,
                (c >> 64) as u64
            )
        })
        .collect();
    let program = format!(
        r#"(module
  (func (export "run") (param $n i32) (result v128) (local $v v128)
    (loop $l
      {xors}
      (local.set $v (i32x4.add (local.get $v) (local.get $v)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $v)))"#
    );
    let all = (0..count).fold(0, |x, k| x ^ constant(k));
    for n in [1u32, 2, 5] {
        let want = (0..n).fold(0, |v, _| {
            let v = v ^ all;
            add32(v, v)
        });
        assert_eq!(call(&program, n), v(want), "run {n}");
    }
}
