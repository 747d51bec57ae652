//! Two loads of the same width in a row, one instruction (`translator/load_pair.rs`): a dot
//! product of two arrays at every width, both elements loaded before they are multiplied.
//! Against Rust, metered or not, traced or not; traps at the offset of the load that failed;
//! the same gas as the code with the loads kept apart; paused at every budget, directly and
//! through snapshots.

mod common;

use common::{offsets_of, try_call};
use wasp_core::{TrapCode, Val};

/// `fill n`: bytes `i * 29 + 7` (mod 256) from 0 to `n`.
///
/// `dot a b n`: folds, for each `i < n` (at least one), the products of the elements `i` of the arrays at
/// `a` and `b` read at every width (the wider ones overlapping), each pair of loads
/// `load(a..) <load(b..)>` loaded before the product.
///
/// `<` and `>` (`[` and `]` for i64 loads) enclose each second load: nothing (fused), or a
/// block holding the load and then an empty loop, whose start (a label) keeps the two loads
/// apart at no cost in gas.
const MODULE: &str = r#"(module (memory 1)
  (func $fill (export "fill") (param $n i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (local.get $i) (i32.add (i32.mul (local.get $i) (i32.const 29)) (i32.const 7)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))))
  (func $fold (param $sum i64) (param $v i64) (result i64)
    (i64.xor (i64.rotl (local.get $sum) (i64.const 9)) (local.get $v)))
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $n i32) (result i64)
    (local $sum i64) (local $i i32)
    (loop $l
      (local.set $sum (call $fold (local.get $sum) (i64.extend_i32_u
        (i32.mul (i32.load8_s (local.get $a)) <(i32.load8_s offset=1 (local.get $b))>))))
      (local.set $sum (call $fold (local.get $sum) (i64.extend_i32_u
        (i32.mul (i32.load8_u offset=2 (local.get $a)) <(i32.load8_u (local.get $b))>))))
      (local.set $sum (call $fold (local.get $sum) (i64.extend_i32_u
        (i32.mul (i32.load16_s (local.get $a)) <(i32.load16_s offset=3 (local.get $b))>))))
      (local.set $sum (call $fold (local.get $sum) (i64.extend_i32_u
        (i32.mul (i32.load16_u offset=1 (local.get $a)) <(i32.load16_u (local.get $b))>))))
      (local.set $sum (call $fold (local.get $sum) (i64.extend_i32_u
        (i32.mul (i32.load (local.get $a)) <(i32.load offset=2 (local.get $b))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.mul (i64.load32_s offset=3 (local.get $a)) [(i64.load32_s (local.get $b))])))
      (local.set $sum (call $fold (local.get $sum)
        (i64.mul (i64.load offset=1 (local.get $a)) [(i64.load offset=5 (local.get $b))])))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 3)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum))
  (func (export "run") (result i64)
    (call $fill (i32.const 64))
    (call $dot (i32.const 0) (i32.const 16) (i32.const 6))))"#;

/// The module with each second load right after the first (fused), or kept apart.
fn module(fused: bool) -> String {
    common::kept_apart(MODULE, fused)
}

/// What `dot a b n` computes over memory filled to 64 bytes (`n >= 1`).
fn dot(a: usize, b: usize, n: usize) -> i64 {
    let mem: Vec<u8> = (0..64u32).map(|i| (i * 29 + 7) as u8).collect();
    let at = |p: usize, len: usize| {
        let mut bytes = [0u8; 8];
        bytes[..len].copy_from_slice(&mem[p..p + len]);
        u64::from_le_bytes(bytes)
    };
    let s8 = |p| i32::from(mem[p] as i8);
    let s16 = |p| i32::from(at(p, 2) as u16 as i16);
    let s32 = |p| i64::from(at(p, 4) as u32 as i32);
    let fold = |sum: u64, v: u64| sum.rotate_left(9) ^ v;
    let mut sum = 0u64;
    for i in 0..n {
        let (a, b) = (a + i, b + 3 * i);
        let values = [
            u64::from(s8(a).wrapping_mul(s8(b + 1)) as u32),
            u64::from((at(a + 2, 1) as u32).wrapping_mul(at(b, 1) as u32)),
            u64::from(s16(a).wrapping_mul(s16(b + 3)) as u32),
            u64::from((at(a + 1, 2) as u32).wrapping_mul(at(b, 2) as u32)),
            u64::from((at(a, 4) as u32).wrapping_mul(at(b + 2, 4) as u32)),
            s32(a + 3).wrapping_mul(s32(b)) as u64,
            at(a + 1, 8).wrapping_mul(at(b + 5, 8)),
        ];
        for v in values {
            sum = fold(sum, v);
        }
    }
    sum as i64
}

fn i32s(v: &[i32]) -> Vec<Val> {
    v.iter().map(|&x| Val::I32(x)).collect()
}

#[test]
fn pairs_of_loads_compute_what_rust_does() {
    for fused in [true, false] {
        common::each_mode(module(fused), |store, instance, mode| {
            try_call(store, instance, "fill", &i32s(&[64])).expect("fill");
            for (a, b, n) in [(0, 16, 1), (3, 20, 5), (7, 1, 12)] {
                let got = try_call(store, instance, "dot", &i32s(&[a, b, n])).expect("dot");
                let want = dot(a as usize, b as usize, n as usize);
                assert_eq!(got, [Val::I64(want)], "{a} {b} {n} fused {fused} {mode:?}");
            }
        });
    }
}

#[test]
fn a_trap_names_the_load_that_failed() {
    let wasm = wat::parse_str(module(true)).expect("wat");
    let loads = offsets_of(&wasm, "I32Load8S");
    common::each_mode(&wasm, |store, instance, mode| {
        for (a, b, which) in [(65536, 0, 0), (0, 65535, 1)] {
            let err = try_call(store, instance, "dot", &i32s(&[a, b, 1])).expect_err("traps");
            assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
            let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
            let at = frames.frames()[0].module_offset();
            assert_eq!(at, Some(loads[which]), "a {a} b {b} {mode:?}");
        }
    });
}

#[test]
fn fused_or_apart_the_gas_is_the_same_and_every_budget_resumes() {
    let want = [Val::I64(dot(0, 16, 6))];
    common::assert_same_gas_fused_or_apart(module, &want, 61);
}
