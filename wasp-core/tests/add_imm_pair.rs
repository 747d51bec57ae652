//! Two additions of a constant in a row run as one instruction (`translator/add_imm_pair.rs`):
//! pointers stepped one after the other, the second reading what the first wrote, sums that
//! wrap, and a branch landing between two additions (which then stay apart). Against Rust,
//! metered or not, traced or not; paused at every budget, directly and through snapshots.

mod common;

use common::try_call;

use wasp_core::Val;

/// `run` steps `p`, `q` and `r` by constants, `r` from the `p` just stepped, and sums what
/// they pass through; [`reference`] is the same in Rust.
const STEPS: &str = r#"(module
  (func (export "run") (result i32) (local $p i32) (local $q i32) (local $r i32) (local $i i32)
                                    (local $sum i32)
    (local.set $q (i32.const -40))
    (block $out
      (loop $next
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (local.set $r (i32.add (local.get $p) (i32.const 2147483647)))
        (local.set $sum (i32.add (local.get $sum)
          (i32.xor (i32.xor (local.get $p) (local.get $q)) (local.get $r))))
        (if (i32.and (local.get $i) (i32.const 1))
          (then (local.set $q (i32.add (local.get $q) (i32.const 3)))))
        (local.set $r (i32.add (local.get $r) (i32.const -7)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $i) (i32.const 50)))))
    (i32.add (local.get $sum) (local.get $r))))"#;

fn reference() -> i32 {
    let (mut p, mut q, mut r, mut sum) = (0u32, (-40i32) as u32, 0u32, 0u32);
    for i in 0..50u32 {
        p = p.wrapping_add(8);
        q = q.wrapping_add(16);
        r = p.wrapping_add(i32::MAX as u32);
        sum = sum.wrapping_add(p ^ q ^ r);
        if i & 1 != 0 {
            q = q.wrapping_add(3);
        }
        r = r.wrapping_sub(7);
    }
    sum.wrapping_add(r) as i32
}

#[test]
fn stepped_pairs_compute_what_the_additions_do_and_resume_from_every_budget() {
    let want = [Val::I32(reference())];
    common::each_mode(STEPS, |store, instance, mode| {
        let got = try_call(store, instance, "run", &[]).expect("runs");
        assert_eq!(got, want, "{mode:?}");
    });
    common::assert_resumes_from_every_budget(STEPS, &want, 11);
}

/// `run` walks a row and a column: `a` by a constant, `b` by a stride `s` that changes, in
/// both orders of the two additions, and a sum that reads the step just made (which stays
/// apart); [`walk`] is the same in Rust.
const WALK: &str = r#"(module
  (func (export "run") (result i32) (local $a i32) (local $b i32) (local $s i32) (local $i i32)
                                    (local $sum i32)
    (local.set $s (i32.const 2147483000))
    (loop $next
      (local.set $a (i32.add (local.get $a) (i32.const 2)))
      (local.set $b (i32.add (local.get $b) (local.get $s)))
      (local.set $sum (i32.add (local.get $sum) (i32.xor (local.get $a) (local.get $b))))
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (local.set $a (i32.add (local.get $a) (i32.const -5)))
      (local.set $sum (i32.add (local.get $sum) (i32.rotl (local.get $a) (local.get $s))))
      (local.set $b (i32.add (local.get $b) (i32.const 9)))
      (local.set $sum (i32.add (local.get $sum) (local.get $b)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 40))))
    (local.get $sum)))"#;

fn walk() -> i32 {
    let (mut a, mut b, mut s, mut sum) = (0u32, 0u32, 2_147_483_000u32, 0u32);
    for i in 0..40u32 {
        a = a.wrapping_add(2);
        b = b.wrapping_add(s);
        sum = sum.wrapping_add(a ^ b);
        s = s.wrapping_add(i);
        a = a.wrapping_sub(5);
        sum = sum.wrapping_add(a.rotate_left(s));
        b = b.wrapping_add(9);
        sum = sum.wrapping_add(b);
    }
    sum as i32
}

#[test]
fn a_step_and_a_sum_paired_compute_what_the_additions_do_and_resume_from_every_budget() {
    let want = [Val::I32(walk())];
    common::each_mode(WALK, |store, instance, mode| {
        let got = try_call(store, instance, "run", &[]).expect("runs");
        assert_eq!(got, want, "{mode:?}");
    });
    common::assert_resumes_from_every_budget(WALK, &want, 17);
}
