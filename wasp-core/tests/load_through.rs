//! A load through a pointer the `i32.load` right before it loaded, one instruction
//! (`translator/load_through.rs`): a list walk reading every width of a node's record
//! through the node's pointer to it. Against Rust, metered or not, traced or not; traps at
//! the offset of the load that failed; the same gas as the code with the loads kept apart;
//! paused at every budget, directly and through snapshots.

mod common;

use common::{offsets_of, try_call};
use wasp_core::{TrapCode, Val};

/// `build n`: nodes of two words `[next, info]` at `64 + 8k`, the last `next` 0; node `k`'s
/// `info` points to a 16-byte record at `1024 + 16k` whose byte `j` is `37k + 11j + 128`
/// (mod 256). Returns the first node.
///
/// `walk p mask`: from node `p`, folds every width of load through `info` into an i64, the
/// pointer itself loaded as `<(i32.load offset=4 ..)>`; the last fold loads through a
/// pointer whose address is computed right before (`p & mask`), which the result register
/// carries.
///
/// `<` and `>` enclose each first load: nothing (fused), or a block holding the load and then
/// an empty loop, whose start (a label) keeps the two loads apart at no cost in gas.
const MODULE: &str = r#"(module (memory 1)
  (func $build (export "build") (param $n i32) (result i32) (local $k i32) (local $j i32)
    (block $done (loop $node
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (i32.store (i32.add (i32.const 64) (i32.shl (local.get $k) (i32.const 3)))
        (select (i32.add (i32.const 72) (i32.shl (local.get $k) (i32.const 3))) (i32.const 0)
          (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
      (i32.store offset=4 (i32.add (i32.const 64) (i32.shl (local.get $k) (i32.const 3)))
        (i32.add (i32.const 1024) (i32.shl (local.get $k) (i32.const 4))))
      (local.set $j (i32.const 0))
      (loop $byte
        (i32.store8
          (i32.add (i32.add (i32.const 1024) (i32.shl (local.get $k) (i32.const 4))) (local.get $j))
          (i32.add (i32.add (i32.mul (local.get $k) (i32.const 37))
            (i32.mul (local.get $j) (i32.const 11))) (i32.const 128)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $byte (i32.lt_u (local.get $j) (i32.const 16))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $node)))
    (i32.const 64))
  (func $fold (param $sum i64) (param $v i64) (result i64)
    (i64.xor (i64.rotl (local.get $sum) (i64.const 7)) (local.get $v)))
  (func $walk (export "walk") (param $p i32) (param $mask i32) (result i64) (local $sum i64)
    (loop $node
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load8_s offset=0 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load8_u offset=1 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load16_s offset=2 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load16_u offset=3 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load offset=5 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.load8_s offset=6 <(i32.load offset=4 (local.get $p))>)))
      (local.set $sum (call $fold (local.get $sum)
        (i64.load32_s offset=7 <(i32.load offset=4 (local.get $p))>)))
      (local.set $sum (call $fold (local.get $sum)
        (i64.load32_u offset=8 <(i32.load offset=4 (local.get $p))>)))
      (local.set $sum (call $fold (local.get $sum)
        (i64.load offset=8 <(i32.load offset=4 (local.get $p))>)))
      (local.set $sum (call $fold (local.get $sum)
        (i64.reinterpret_f64 (f64.load offset=1 <(i32.load offset=4 (local.get $p))>))))
      (local.set $sum (call $fold (local.get $sum)
        (i64.extend_i32_u (i32.load16_u offset=12
          <(i32.load offset=4 (i32.and (local.get $p) (local.get $mask)))>))))
      (br_if $node (local.tee $p (i32.load (local.get $p)))))
    (local.get $sum))
  (func $poke (export "poke") (param $at i32) (param $v i32) (i32.store (local.get $at) (local.get $v)))
  (func (export "run") (result i64) (call $walk (call $build (i32.const 6)) (i32.const -1))))"#;

/// The module with each pointer loaded right before the load through it (fused), or apart.
fn module(fused: bool) -> String {
    common::kept_apart(MODULE, fused)
}

/// What `walk (build n) -1` computes.
fn walk(n: u32) -> i64 {
    let fold = |sum: u64, v: u64| sum.rotate_left(7) ^ v;
    (0..n).fold(0u64, |mut sum, k| {
        let record: Vec<u8> = (0..16).map(|j| (37 * k + 11 * j + 128) as u8).collect();
        let at = |j: usize, len: usize| {
            let mut bytes = [0u8; 8];
            bytes[..len].copy_from_slice(&record[j..j + len]);
            u64::from_le_bytes(bytes)
        };
        let values = [
            u64::from(record[0] as i8 as i32 as u32),
            at(1, 1),
            u64::from(at(2, 2) as u16 as i16 as i32 as u32),
            at(3, 2),
            at(5, 4),
            record[6] as i8 as i64 as u64,
            at(7, 4) as u32 as i32 as i64 as u64,
            at(8, 4),
            at(8, 8),
            at(1, 8),
            at(12, 2),
        ];
        for v in values {
            sum = fold(sum, v);
        }
        sum
    }) as i64
}

fn i32s(v: &[i32]) -> Vec<Val> {
    v.iter().map(|&x| Val::I32(x)).collect()
}

#[test]
fn loads_through_loaded_pointers_compute_what_rust_does() {
    for fused in [true, false] {
        common::each_mode(module(fused), |store, instance, mode| {
            for n in [1, 2, 7, 40] {
                let first = try_call(store, instance, "build", &i32s(&[n])).expect("build");
                let args = [first[0], Val::I32(-1)];
                let got = try_call(store, instance, "walk", &args).expect("walk");
                assert_eq!(
                    got,
                    [Val::I64(walk(n as u32))],
                    "n {n} fused {fused} {mode:?}"
                );
            }
        });
    }
}

#[test]
fn a_trap_names_the_load_that_failed() {
    let wasm = wat::parse_str(module(true)).expect("wat");
    let pointer_load = offsets_of(&wasm, "I32Load {")[0];
    let byte_load = offsets_of(&wasm, "I32Load8S")[0];
    common::each_mode(&wasm, |store, instance, mode| {
        let first = try_call(store, instance, "build", &i32s(&[3])).expect("build");
        // The second node's `info` points past the end of memory: the byte load fails.
        try_call(store, instance, "poke", &i32s(&[76, 65535 + 1])).expect("poke");
        let args = [first[0], Val::I32(-1)];
        let err = try_call(store, instance, "walk", &args).expect_err("traps");
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
        let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
        let at = frames.frames()[0].module_offset();
        assert_eq!(at, Some(byte_load), "{mode:?}");
        // The second node's `next` points past the end of memory: loading `info` fails.
        try_call(store, instance, "poke", &i32s(&[76, 1024])).expect("poke");
        try_call(store, instance, "poke", &i32s(&[64, 65533])).expect("poke");
        let err = try_call(store, instance, "walk", &args).expect_err("traps");
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
        let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
        let at = frames.frames()[0].module_offset();
        assert_eq!(at, Some(pointer_load), "{mode:?}");
    });
}

#[test]
fn fused_or_apart_the_gas_is_the_same_and_every_budget_resumes() {
    let want = [Val::I64(walk(6))];
    common::assert_same_gas_fused_or_apart(module, &want, 97);
}
