//! A load fused with the branch testing the loaded value for zero
//! (`translator/load_branch.rs`): a list walked to its end, strings scanned to their
//! terminator, `if`s on loaded words and bytes. Against Rust, metered or not, traced or not;
//! traps at the load's own offset, also where the loop's back edge repeats its first test;
//! paused at every budget, directly and through snapshots (the repeated test overwrites its
//! own pointer, so a pay-first form that loaded before pausing would walk one node too far).

mod common;

use common::{offsets_of, try_call};
use wasp_core::{TrapCode, Val};

/// `build n` links `n` nodes at 64, 72, ..: node `k` is `[next, 3k + 1]` (the last `next` 0)
/// and returns the first node's address; bytes 8192.. hold `n` bytes `1..=n` (wrapping at
/// 256 past 255) and a terminator.
///
/// `walk p`: the sum of the values of the list from `p` (`p = p->next` tested in the loop's
/// back edge: `Load32U` of `p` into `p` fused with `br_if`). `count p`: the nodes after the
/// first (`p = p->next` tested first in the loop, so the back edge repeats it). `strlen s`:
/// the bytes before the terminator (the byte tested first, then the pointer stepped).
/// `flags s n`: over `n` bytes, 1 for each non-zero byte and 100 for each zero one (`if` on
/// `i32.load8_u`), plus 7 for each word at `4 * i` of the list whose value is zero (`if` on
/// `i32.eqz` of `i32.load offset=4`).
const LISTS: &str = r#"(module (memory 1)
  (func $build (export "build") (param $n i32) (result i32) (local $k i32) (local $at i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $at (i32.add (i32.const 64) (i32.shl (local.get $k) (i32.const 3))))
      (i32.store (local.get $at)
        (select (i32.add (local.get $at) (i32.const 8)) (i32.const 0)
          (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
      (i32.store offset=4 (local.get $at)
        (i32.add (i32.mul (local.get $k) (i32.const 3)) (i32.const 1)))
      (i32.store8 offset=8192 (local.get $k) (i32.add (local.get $k) (i32.const 1)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (i32.store8 offset=8192 (local.get $n) (i32.const 0))
    (i32.const 64))
  (func (export "walk") (param $p i32) (result i32) (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $p))))
      (br_if $l (local.tee $p (i32.load (local.get $p)))))
    (local.get $sum))
  (func (export "count") (param $p i32) (result i32) (local $n i32)
    (block $out (loop $l
      (br_if $out (i32.eqz (local.tee $p (i32.load (local.get $p)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $n))
  (func (export "strlen") (param $s i32) (result i32) (local $p i32) (local $c i32)
    (local.set $p (local.get $s))
    (block $out (loop $l
      (br_if $out (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $l)))
    (i32.sub (local.get $p) (local.get $s)))
  (func (export "flags") (param $s i32) (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.load8_u (i32.add (local.get $s) (local.get $i)))
        (then (local.set $acc (i32.add (local.get $acc) (i32.const 1))))
        (else (local.set $acc (i32.add (local.get $acc) (i32.const 100)))))
      (if (i32.eqz (i32.load offset=4 (i32.shl (local.get $i) (i32.const 2))))
        (then (local.set $acc (i32.add (local.get $acc) (i32.const 7)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.get $acc))
  (func (export "poke") (param $at i32) (param $v i32) (i32.store (local.get $at) (local.get $v)))
  (func (export "run") (result i32)
    (i32.add
      (i32.add (call 1 (call $build (i32.const 40))) (call 2 (i32.const 64)))
      (i32.add (call 3 (i32.const 8192)) (call 4 (i32.const 8180) (i32.const 40))))))"#;

/// The memory `build n` leaves, as `flags` reads it.
fn memory_after_build(n: u32) -> Vec<u8> {
    let mut mem = vec![0u8; 65536];
    for k in 0..n {
        let at = (64 + 8 * k) as usize;
        let next = if k + 1 < n { at as u32 + 8 } else { 0 };
        mem[at..at + 4].copy_from_slice(&next.to_le_bytes());
        mem[at + 4..at + 8].copy_from_slice(&(3 * k + 1).to_le_bytes());
        mem[8192 + k as usize] = (k + 1) as u8;
    }
    mem[8192 + n as usize] = 0;
    mem
}

fn walk(n: u32) -> u32 {
    (0..n).map(|k| 3 * k + 1).sum()
}

fn flags(mem: &[u8], s: usize, n: usize) -> u32 {
    let word = |at: usize| u32::from_le_bytes(mem[at..at + 4].try_into().unwrap());
    (0..n)
        .map(|i| {
            let byte = if mem[s + i] != 0 { 1 } else { 100 };
            byte + if word(4 + 4 * i) == 0 { 7 } else { 0 }
        })
        .sum()
}

fn run_reference() -> u32 {
    let mem = memory_after_build(40);
    walk(40) + 39 + 40 + flags(&mem, 8180, 40)
}

#[test]
fn loads_tested_for_zero_compute_what_rust_does() {
    common::each_mode(LISTS, |store, instance, mode| {
        for n in [1u32, 2, 5, 40] {
            let first = try_call(store, instance, "build", &i32s(&[n as i32])).expect("build");
            assert_eq!(first, [Val::I32(64)]);
            let mem = memory_after_build(n);
            let cases = [
                ("walk", vec![64], walk(n)),
                ("count", vec![64], n - 1),
                ("strlen", vec![8192], n),
                ("strlen", vec![8192 + n as i32], 0),
                (
                    "flags",
                    vec![8180, n as i32 + 20],
                    flags(&mem, 8180, n as usize + 20),
                ),
            ];
            for (name, args, want) in cases {
                let got = try_call(store, instance, name, &i32s(&args)).expect(name);
                assert_eq!(
                    got,
                    [Val::I32(want as i32)],
                    "{name}{args:?} n = {n} {mode:?}"
                );
            }
        }
    });
}

/// Calls `name` with `args`, which must trap out of bounds: the Wasm offset it trapped at.
fn trapped_at(
    store: &mut wasp_core::Store<()>,
    instance: &wasp_core::Instance,
    name: &str,
    args: &[i32],
) -> Option<usize> {
    let err = try_call(store, instance, name, &i32s(args)).expect_err("traps");
    assert_eq!(
        err.trap_code(),
        Some(TrapCode::MemoryOutOfBounds),
        "{name}{args:?}"
    );
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    frames.frames()[0].module_offset()
}

fn i32s(v: &[i32]) -> Vec<Val> {
    v.iter().map(|&x| Val::I32(x)).collect()
}

#[test]
fn a_fused_load_traps_at_its_own_offset_in_the_loop_and_in_its_repetition() {
    let wasm = wat::parse_str(LISTS).expect("wat");
    // `strlen`'s `i32.load8_u` is the module's first; `count`'s `i32.load` its third plain
    // word load (after `walk`'s two).
    let strlen_load = offsets_of(&wasm, "I32Load8U")[0];
    let count_load = offsets_of(&wasm, "I32Load {")[2];
    common::each_mode(&wasm, |store, instance, mode| {
        // The loop's first test traps.
        let at = trapped_at(store, instance, "strlen", &[65536]);
        assert_eq!(at, Some(strlen_load), "{mode:?}");
        // Four non-zero bytes up to the end of memory: the back edge's repetition of the
        // first test traps at 65536.
        try_call(store, instance, "poke", &i32s(&[65532, 0x0101_0101])).expect("poke");
        let at = trapped_at(store, instance, "strlen", &[65532]);
        assert_eq!(at, Some(strlen_load), "{mode:?}");
        // A list whose last `next` points past the end: the repetition traps.
        try_call(store, instance, "build", &i32s(&[3])).expect("build");
        try_call(store, instance, "poke", &i32s(&[80, 65534])).expect("poke");
        let at = trapped_at(store, instance, "count", &[64]);
        assert_eq!(at, Some(count_load), "{mode:?}");
    });
}

#[test]
fn the_loops_resume_from_every_budget_directly_and_through_snapshots() {
    let want = [Val::I32(run_reference() as i32)];
    common::each_mode(LISTS, |store, instance, mode| {
        assert_eq!(
            try_call(store, instance, "run", &[]).expect("run"),
            want,
            "{mode:?}"
        );
    });
    common::assert_resumes_from_every_budget(LISTS, &want, 11);
}
