//! A masked value kept in a local and compared with a constant to branch, one instruction
//! (`translator/and_branch.rs`): a scanner that keeps each byte's low bits and leaves at a
//! separator, and skips others. Against Rust, metered or not, traced or not; the same gas as
//! the code with the `and` and the branch kept apart; paused at every budget, directly and
//! through snapshots.

mod common;

use common::try_call;
use wasp_core::Val;

/// `scan n`: over the words `w = i * 0x9e3779b9` for `i < n`, keeps `ch = w & 0xff`; leaves
/// at the first `ch == 0x2c` (44), skips words whose `w & 0xf0` is not `0x30`, and otherwise
/// adds `ch` (`i32.eq` and `i32.ne` on a kept mask, each tested by a `br_if`). Returns the
/// sum times 1000 plus the last `ch`.
///
/// `<` and `>` enclose each kept mask: nothing (fused), or a block holding it and then an
/// empty loop, whose start (a label) keeps the `and` and the branch apart at no cost in gas.
/// Gas is paid on entry for the operators up to the next label, so every branch that leaves
/// early is followed by a label (a `loop` without a back edge): an early exit then skips
/// the same operators fused or apart.
const MODULE: &str = r#"(module
  (func $scan (export "scan") (param $n i32) (result i32)
    (local $i i32) (local $w i32) (local $ch i32) (local $hi i32) (local $sum i32)
    (block $out
      (loop $next
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (loop
          (local.set $w (i32.mul (local.get $i) (i32.const 0x9e3779b9)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $out (i32.eq <(local.tee $ch (i32.and (local.get $w) (i32.const 0xff)))>
                              (i32.const 44))))
        (loop
          (br_if $next (i32.ne <(local.tee $hi (i32.and (local.get $w) (i32.const 0xf0)))>
                               (i32.const 0x30))))
        (loop
          (local.set $sum (i32.add (local.get $sum) (i32.add (local.get $ch) (local.get $hi))))
          (br $next))))
    (i32.add (i32.mul (local.get $sum) (i32.const 1000)) (local.get $ch)))
  (func (export "run") (result i32) (call $scan (i32.const 300))))"#;

fn scan(n: u32) -> i32 {
    let (mut sum, mut ch) = (0u32, 0u32);
    for i in 0..n {
        let w = i.wrapping_mul(0x9e37_79b9);
        ch = w & 0xff;
        if ch == 44 {
            break;
        }
        let hi = w & 0xf0;
        if hi != 0x30 {
            continue;
        }
        sum = sum.wrapping_add(ch + hi);
    }
    sum.wrapping_mul(1000).wrapping_add(ch) as i32
}

/// The module with each kept mask and its branch fused, or kept apart.
fn module(fused: bool) -> String {
    common::kept_apart(MODULE, fused)
}

#[test]
fn a_kept_mask_tested_against_constants_computes_what_rust_does() {
    for fused in [true, false] {
        common::each_mode(module(fused), |store, instance, mode| {
            for n in [0, 1, 7, 100, 300, 5000] {
                let got = try_call(store, instance, "scan", &[Val::I32(n)]).expect("scan");
                assert_eq!(
                    got,
                    [Val::I32(scan(n as u32))],
                    "n {n} fused {fused} {mode:?}"
                );
            }
        });
    }
}

#[test]
fn fused_or_apart_the_gas_is_the_same_and_every_budget_resumes() {
    let want = [Val::I32(scan(300))];
    common::assert_same_gas_fused_or_apart(module, &want, 97);
}
