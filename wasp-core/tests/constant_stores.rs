//! Stores of constants: outside loops a constant stored to memory 0 is the store's
//! immediate (`Store8Imm`..`Store64Imm`, `translator/ops.rs`), with its address read from a
//! slot or handed on by the instruction before. Every width, sign-extended and not, checked
//! by reading memory back in every mode; traps at the memory's end; pauses and snapshots at
//! every budget.

mod common;

use common::{assert_resumes_from_every_budget, each_mode, trap_of, try_call};
use wasp_core::{TrapCode, Val};

/// `fill(p)` stores constants of every width from `p` on (the address a parameter, or
/// computed right before the store), and `sum(p)` reads them back as one checksum.
const STORES: &str = r#"(module
  (memory 1)
  (func $fill (export "fill") (param $p i32)
    (i32.store8 (local.get $p) (i32.const 0x1ff))
    (i32.store16 offset=2 (local.get $p) (i32.const -2))
    (i32.store offset=4 (local.get $p) (i32.const 0x89abcdef))
    (i64.store offset=8 (local.get $p) (i64.const -5))
    (i64.store offset=16 (local.get $p) (i64.const 0x7fffffff))
    ;; Does not fit a sign-extended 32-bit immediate: stored from a slot.
    (i64.store offset=24 (local.get $p) (i64.const 0x1_0000_0001))
    (i64.store8 offset=32 (local.get $p) (i64.const 0x1234))
    (i64.store16 offset=34 (local.get $p) (i64.const 0x5678))
    (i64.store32 offset=36 (local.get $p) (i64.const 0xfedc_ba98_7654_3210))
    (f32.store offset=40 (local.get $p) (f32.const -1.5))
    (f64.store offset=48 (local.get $p) (f64.const 0.0))
    (f64.store offset=56 (local.get $p) (f64.const 2.5))
    ;; The address computed right before the store (handed on in the result register).
    (i32.store offset=64 (i32.mul (local.get $p) (i32.const 1)) (i32.const 7))
    (i32.store8 offset=68 (i32.xor (local.get $p) (i32.const 0)) (i32.const 9)))
  (func $sum (export "sum") (param $p i32) (result i64)
    (local $i i32) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))
        (i64.load8_u (i32.add (local.get $p) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 72))))
    (local.get $acc))
  (func (export "load8") (param $p i32) (result i32) (i32.load8_u (local.get $p)))
  (func (export "run") (param $p i32) (result i64)
    (call $fill (local.get $p))
    (call $sum (local.get $p))))"#;

/// The 72 bytes `fill` writes, as Rust writes them.
fn filled() -> [u8; 72] {
    let mut m = [0u8; 72];
    m[0] = 0xff;
    m[2..4].copy_from_slice(&(-2i16).to_le_bytes());
    m[4..8].copy_from_slice(&0x89ab_cdefu32.to_le_bytes());
    m[8..16].copy_from_slice(&(-5i64).to_le_bytes());
    m[16..24].copy_from_slice(&0x7fff_ffffi64.to_le_bytes());
    m[24..32].copy_from_slice(&0x1_0000_0001i64.to_le_bytes());
    m[32] = 0x34;
    m[34..36].copy_from_slice(&0x5678u16.to_le_bytes());
    m[36..40].copy_from_slice(&0x7654_3210u32.to_le_bytes());
    m[40..44].copy_from_slice(&(-1.5f32).to_le_bytes());
    m[48..56].copy_from_slice(&0.0f64.to_le_bytes());
    m[56..64].copy_from_slice(&2.5f64.to_le_bytes());
    m[64..68].copy_from_slice(&7u32.to_le_bytes());
    m[68] = 9;
    m
}

fn checksum(bytes: &[u8]) -> i64 {
    bytes.iter().fold(0i64, |acc, &b| {
        acc.wrapping_mul(31).wrapping_add(i64::from(b))
    })
}

#[test]
fn constants_stored_read_back_as_rust_writes_them() {
    let want = checksum(&filled());
    each_mode(STORES, |store, instance, mode| {
        for p in [0, 1000, 65536 - 72] {
            let got = try_call(store, instance, "run", &[Val::I32(p)]);
            assert_eq!(
                got.expect("in bounds"),
                [Val::I64(want)],
                "p = {p} in {mode:?}"
            );
        }
    });
}

#[test]
fn a_constant_stored_past_the_end_traps() {
    each_mode(STORES, |store, instance, mode| {
        // From 65536 - 68 on, some store reaches past the end: the first that does traps.
        for p in [65536 - 68, 65536 - 8, 65535, -1] {
            let got = try_call(store, instance, "fill", &[Val::I32(p)]);
            assert_eq!(
                trap_of(got),
                Some(TrapCode::MemoryOutOfBounds),
                "p = {p} in {mode:?}"
            );
        }
        // At 65536 - 8 the i64 at offset 8 is the first past the end: the stores before
        // it have happened.
        let byte = |store: &mut wasp_core::Store<()>, at: i32| {
            try_call(store, instance, "load8", &[Val::I32(at)]).expect("in bounds")
        };
        let got = try_call(store, instance, "fill", &[Val::I32(65536 - 8)]);
        assert_eq!(trap_of(got), Some(TrapCode::MemoryOutOfBounds), "{mode:?}");
        assert_eq!(byte(store, 65536 - 8), [Val::I32(0xff)], "{mode:?}");
        assert_eq!(byte(store, 65536 - 1), [Val::I32(0x89)], "{mode:?}");
    });
}

#[test]
fn constant_stores_resume_from_every_budget() {
    let want = checksum(&filled());
    let wat = STORES.replace(
        r#"(func (export "run") (param $p i32) (result i64)
    (call $fill (local.get $p))
    (call $sum (local.get $p))))"#,
        r#"(func (export "run") (result i64)
    (call $fill (i32.const 500))
    (call $sum (i32.const 500))))"#,
    );
    assert_ne!(wat, STORES);
    assert_resumes_from_every_budget(&wat, &[Val::I64(want)], 1);
}
