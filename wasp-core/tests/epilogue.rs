//! A function's epilogue, the stack pointer set back and the return, joined in one
//! instruction (`translator/return_branch.rs`): functions with a frame in linear memory, as
//! clang and rustc compile them, returning nothing or a value, left early through a branch to
//! the epilogue, recursing. Against Rust, metered or not, traced or not; the stack pointer is
//! back where it was after every call; paused at every budget, directly and through snapshots.

mod common;

use common::try_call;
use wasp_core::Val;

/// `$sp` is the stack pointer (global 0, exported). `sum n`: the sum `n + (n - 1) + .. + 1`,
/// each level keeping its `n` in its frame (16 bytes) across the recursive call (`Return1`
/// after the epilogue). `keep n`: stores `n` at the frame it allocates (32 bytes) and at 16,
/// leaving early (a `br_if` to the epilogue) when `n` is 0 (`Return0` after the epilogue).
const MODULE: &str = r#"(module (memory 1)
  (global $sp (export "sp") (mut i32) (i32.const 4096))
  (func $sum (export "sum") (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
    (global.set $sp (local.get $fp))
    (i32.store (local.get $fp) (local.get $n))
    (if (local.get $n)
      (then (local.set $r
        (i32.add (call $sum (i32.sub (local.get $n) (i32.const 1))) (i32.load (local.get $fp))))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func $keep (export "keep") (param $n i32) (local $fp i32)
    (local.set $fp (i32.sub (global.get $sp) (i32.const 32)))
    (global.set $sp (local.get $fp))
    (block $out
      (br_if $out (i32.eqz (local.get $n)))
      (i32.store (local.get $fp) (local.get $n))
      (i32.store (i32.const 16) (i32.load (local.get $fp))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 32))))
  (func (export "stored") (result i32) (i32.load (i32.const 16)))
  (func (export "run") (result i32)
    (call $keep (i32.const 9))
    (call $keep (i32.const 0))
    (i32.add (call $sum (i32.const 25)) (i32.load (i32.const 16)))))"#;

fn sp(store: &mut wasp_core::Store<()>, instance: &wasp_core::Instance) -> Val {
    let global = instance.get_global(&*store, "sp").expect("sp");
    global.get(&*store)
}

#[test]
fn epilogues_return_and_set_the_stack_pointer_back() {
    common::each_mode(MODULE, |store, instance, mode| {
        for n in [0, 1, 2, 30, 200] {
            let got = try_call(store, instance, "sum", &[Val::I32(n)]).expect("sum");
            assert_eq!(got, [Val::I32(n * (n + 1) / 2)], "sum {n} {mode:?}");
            assert_eq!(sp(store, instance), Val::I32(4096), "{mode:?}");
        }
        for n in [7, 0, 3] {
            try_call(store, instance, "keep", &[Val::I32(n)]).expect("keep");
            assert_eq!(sp(store, instance), Val::I32(4096), "{mode:?}");
            let stored = try_call(store, instance, "stored", &[]).expect("stored");
            let want = if n == 0 { 7 } else { n };
            assert_eq!(stored, [Val::I32(want)], "keep {n} {mode:?}");
        }
    });
}

#[test]
fn every_budget_resumes_directly_and_through_snapshots() {
    common::assert_resumes_from_every_budget(MODULE, &[Val::I32(325 + 9)], 5);
}
