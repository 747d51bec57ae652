//! A `select` on an i32 comparison (or `i32.and`) computed right before it runs as one
//! instruction (`SelectI32..`, `translator/ops.rs`). Every comparison, with a slot or a
//! constant on the right, checked against Rust on values around the signed and unsigned
//! boundaries in every mode; the select's result written back into a local it reads; and
//! pauses and snapshots at every budget.

mod common;

use common::{assert_resumes_from_every_budget, each_mode, try_call};
use wasp_core::Val;

/// What a comparison computes.
type Holds = fn(i32, i32) -> bool;

/// The comparisons, their Wasm names and what they compute.
const COMPARES: [(&str, Holds); 11] = [
    ("i32.eq", |a, b| a == b),
    ("i32.ne", |a, b| a != b),
    ("i32.lt_s", |a, b| a < b),
    ("i32.lt_u", |a, b| (a as u32) < b as u32),
    ("i32.gt_s", |a, b| a > b),
    ("i32.gt_u", |a, b| a as u32 > b as u32),
    ("i32.le_s", |a, b| a <= b),
    ("i32.le_u", |a, b| a as u32 <= b as u32),
    ("i32.ge_s", |a, b| a >= b),
    ("i32.ge_u", |a, b| a as u32 >= b as u32),
    ("i32.and", |a, b| a & b != 0),
];

/// Constants compared against, on the right.
const CONSTANTS: [i32; 5] = [0, 1, -1, 7, i32::MIN];

const VALUES: [i32; 9] = [0, 1, -1, 2, 7, 8, i32::MAX, i32::MIN, -8];

/// For each comparison `op`: `reg_op(x, y, a, b)` selects between `a` and `b` on `op(x, y)`;
/// `imm_op_k(x, a, b)` on `op(x, k)` for each constant `k`; `min_op(x, y)` writes the select
/// back into `x`, which it reads (`x = op(x, y) ? x : y`); `eqz(x, a, b)` selects on
/// `i32.eqz`.
fn module() -> String {
    let mut funcs = String::new();
    for (op, _) in COMPARES {
        let name = op.replace("i32.", "");
        funcs += &format!(
            r#"
  (func (export "reg_{name}") (param $x i32) (param $y i32) (param $a i64) (param $b i64) (result i64)
    (select (local.get $a) (local.get $b) ({op} (local.get $x) (local.get $y))))
  (func (export "min_{name}") (param $x i32) (param $y i32) (result i32)
    (local.set $x (select (local.get $x) (local.get $y) ({op} (local.get $x) (local.get $y))))
    (local.get $x))"#
        );
        for (i, k) in CONSTANTS.iter().enumerate() {
            funcs += &format!(
                r#"
  (func (export "imm_{name}_{i}") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) ({op} (local.get $x) (i32.const {k}))))"#
            );
        }
    }
    format!(
        r#"(module{funcs}
  (func (export "eqz") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.eqz (local.get $x))))
  ;; Constants as the selected values, written to slots after the comparison's operands.
  (func (export "consts") (param $x i32) (param $y i32) (result i32)
    (select (i32.const 11) (i32.const 22) (i32.lt_s (local.get $x) (local.get $y)))))"#
    )
}

#[test]
fn selects_on_comparisons_match_rust_in_every_mode() {
    let wat = module();
    each_mode(&wat, |store, instance, mode| {
        let mut call = |name: &str, args: &[Val]| {
            let got = try_call(store, instance, name, args).expect("no trap");
            got[0]
        };
        for (op, f) in COMPARES {
            let name = op.replace("i32.", "");
            for x in VALUES {
                for y in VALUES {
                    let at = format!("{op}({x}, {y}) in {mode:?}");
                    let args = [Val::I32(x), Val::I32(y), Val::I64(-3), Val::I64(5)];
                    let want = if f(x, y) { -3 } else { 5 };
                    assert_eq!(call(&format!("reg_{name}"), &args), Val::I64(want), "{at}");
                    let want = if f(x, y) { x } else { y };
                    let got = call(&format!("min_{name}"), &[Val::I32(x), Val::I32(y)]);
                    assert_eq!(got, Val::I32(want), "min {at}");
                }
                for (i, k) in CONSTANTS.iter().enumerate() {
                    let args = [Val::I32(x), Val::I32(100), Val::I32(200)];
                    let want = if f(x, *k) { 100 } else { 200 };
                    let got = call(&format!("imm_{name}_{i}"), &args);
                    assert_eq!(got, Val::I32(want), "{op}({x}, {k}) in {mode:?}");
                }
            }
        }
        for x in VALUES {
            let want = if x == 0 { 1 } else { 2 };
            let got = call("eqz", &[Val::I32(x), Val::I32(1), Val::I32(2)]);
            assert_eq!(got, Val::I32(want), "eqz({x}) in {mode:?}");
            let want = if x < 7 { 11 } else { 22 };
            assert_eq!(call("consts", &[Val::I32(x), Val::I32(7)]), Val::I32(want));
        }
    });
}

#[test]
fn selects_on_comparisons_resume_from_every_budget() {
    // Clamps every value of a loop into [-5, 5] with two selects a step, summing them.
    let wat = r#"(module
      (func (export "run") (result i32) (local $i i32) (local $v i32) (local $sum i32)
        (local.set $i (i32.const -20))
        (loop $l
          (local.set $v (select (local.get $i) (i32.const -5) (i32.gt_s (local.get $i) (i32.const -5))))
          (local.set $v (select (local.get $v) (i32.const 5) (i32.lt_s (local.get $v) (i32.const 5))))
          (local.set $sum (i32.add (i32.mul (local.get $sum) (i32.const 3)) (local.get $v)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_s (local.get $i) (i32.const 20))))
        (local.get $sum)))"#;
    let want = (-20..20).fold(0i32, |sum, i: i32| {
        sum.wrapping_mul(3).wrapping_add(i.clamp(-5, 5))
    });
    assert_resumes_from_every_budget(wat, &[Val::I32(want)], 1);
}

/// Selects whose result the next instruction reads, for every value type: an `add` (or a
/// `sub`), and a store of the selected value, after a plain select and one on a comparison.
/// The selected value reaches the reader in the result register (an f64 in the integer one,
/// which only a store takes), so each result is the value selected, bit for bit.
const HANDED_ON: &str = r#"(module (memory 1)
  (func (export "i32") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (i32.store (i32.const 0) (select (local.get $a) (local.get $b) (i32.lt_s (local.get $c) (i32.const 3))))
    (i32.add (i32.load (i32.const 0))
      (i32.sub (select (local.get $a) (local.get $b) (local.get $c)) (local.get $b))))
  (func (export "i64") (param $c i32) (param $a i64) (param $b i64) (result i64)
    (i64.store (i32.const 8) (select (local.get $a) (local.get $b) (local.get $c)))
    (i64.add (i64.load (i32.const 8))
      (i64.add (select (local.get $a) (local.get $b) (i32.ne (local.get $c) (i32.const 0)))
        (i64.const 1))))
  (func (export "f32") (param $c i32) (param $a f32) (param $b f32) (result f32)
    (f32.store (i32.const 16) (select (local.get $a) (local.get $b) (local.get $c)))
    (f32.add (f32.load (i32.const 16))
      (f32.add (select (local.get $a) (local.get $b) (i32.eqz (local.get $c))) (local.get $b))))
  (func (export "f64") (param $c i32) (param $a f64) (param $b f64) (result f64)
    (f64.store (i32.const 24) (select (local.get $a) (local.get $b) (local.get $c)))
    (f64.add (f64.load (i32.const 24))
      (f64.add (select (local.get $a) (local.get $b) (i32.gt_u (local.get $c) (i32.const 1)))
        (local.get $b)))))"#;

/// What `select` gives: `a` when `c` is not 0, else `b`.
fn pick<T>(c: i32, a: T, b: T) -> T {
    if c != 0 {
        a
    } else {
        b
    }
}

#[test]
fn a_select_hands_its_result_to_the_next_instruction_for_every_type() {
    each_mode(HANDED_ON, |store, instance, mode| {
        for c in [0, 1, 2, 7] {
            let (a, b) = (-7, 40);
            let args = [Val::I32(c), Val::I32(a), Val::I32(b)];
            let lt = if c < 3 { a } else { b };
            let want = lt.wrapping_add(pick(c, a, b) - b);
            let got = try_call(store, instance, "i32", &args).expect("i32");
            assert_eq!(got, [Val::I32(want)], "i32 c {c} {mode:?}");
            let (a, b) = (i64::MIN + 5, 1i64 << 40);
            let args = [Val::I32(c), Val::I64(a), Val::I64(b)];
            let want = pick(c, a, b).wrapping_add(pick(c, a, b).wrapping_add(1));
            let got = try_call(store, instance, "i64", &args).expect("i64");
            assert_eq!(got, [Val::I64(want)], "i64 c {c} {mode:?}");
            let (a, b) = (-1.5f32, 0.25f32);
            let args = [Val::I32(c), Val::F32(a.to_bits()), Val::F32(b.to_bits())];
            let other = if c == 0 { a } else { b };
            let want = pick(c, a, b) + (other + b);
            let got = try_call(store, instance, "f32", &args).expect("f32");
            assert_eq!(got, [Val::F32(want.to_bits())], "f32 c {c} {mode:?}");
            let (a, b) = (1e300f64, -3.125f64);
            let args = [Val::I32(c), Val::F64(a.to_bits()), Val::F64(b.to_bits())];
            let gt = if c > 1 { a } else { b };
            let want = pick(c, a, b) + (gt + b);
            let got = try_call(store, instance, "f64", &args).expect("f64");
            assert_eq!(got, [Val::F64(want.to_bits())], "f64 c {c} {mode:?}");
        }
    });
}
