//! Two constants in one dispatch (`Const32Pair`, `translator/copy_pair.rs`): constant
//! arguments of a call, locals set to constants one after the other, and the hoisted
//! constants a function with loops writes on entry. Results in every mode, and calls paused
//! at every budget resume directly and through snapshots with the same results and gas.

mod common;

use common::{assert_resumes_from_every_budget, call, each_mode};
use wasp_core::Val;

/// `run` adds up, over 20 iterations, `$mix(3, 1000, -1)` = 3 * 31 + (1000 ^ -1) = -908 and a
/// `select` of 41 (first iteration) or 40, then the two locals set before the loop (5, -7):
/// 20 * -908 + 41 + 19 * 40 - 2 = -17361.
const PROGRAM: &str = r#"(module
  (func $mix (param i32 i32 i32) (result i32)
    (i32.add (i32.mul (local.get 0) (i32.const 31)) (i32.xor (local.get 1) (local.get 2))))
  (func (export "run") (result i32)
    (local $a i32) (local $b i32) (local $i i32) (local $acc i32)
    (local.set $a (i32.const 5))
    (local.set $b (i32.const -7))
    (loop
      (local.set $acc
        (i32.add (local.get $acc) (call $mix (i32.const 3) (i32.const 1000) (i32.const -1))))
      (local.set $acc
        (i32.add (local.get $acc) (select (i32.const 40) (i32.const 41) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if 0 (i32.lt_u (local.get $i) (i32.const 20))))
    (i32.add (local.get $acc) (i32.add (local.get $a) (local.get $b)))))"#;

#[test]
fn runs_of_constants_give_the_same_results_in_every_mode() {
    each_mode(wat::parse_str(PROGRAM).unwrap(), |store, instance, mode| {
        assert_eq!(
            call(store, instance, "run", &[]),
            [Val::I32(-17361)],
            "{mode:?}"
        );
    });
}

#[test]
fn calls_paused_at_every_budget_resume_directly_and_through_snapshots() {
    assert_resumes_from_every_budget(PROGRAM, &[Val::I32(-17361)], 1);
}
