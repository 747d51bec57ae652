//! A branch on `i32.and` tests the bits in one instruction (`translator/fuse.rs`):
//! `br_if`/`if` on `x & m` and, through `i32.eqz`, on `!(x & m)`, with the mask in a slot or
//! an immediate, its left operand in a slot or just computed (read from the result register);
//! a branch on a masked comparison (`(x & mask) == k`, `!=`, and with another value `v` in
//! place of `k`, on either side, as `(x & mask) ^ v` or `- v` too) is one instruction too; an
//! `i32.eqz` of a comparison branches on the comparison inverted; and a difference tested for
//! zero (`x ^ y`, `x - y`, `x + c`, i32 or i64) branches as the comparison of its operands. Every form against
//! the Rust reference at values where bits are easy to get wrong (sign bit, all ones, zero
//! masks), metered or not, traced (every step a handler chain of its own) or not; a loop
//! whose exit test and back edge are bit tests (their paying and pay-first forms when
//! metered), paused at every budget and resumed directly and through snapshots.

mod common;

use common::try_call;

use wasp_core::Val;

/// One export per form: `(name, condition)`, the condition over `$x` and `$m`, each
/// function returning 1 when a `br_if`, and 2 when an `if`, finds the condition true; 0
/// otherwise.
const CASES: &[(&str, &str)] = &[
    ("and", "(i32.and (local.get $x) (local.get $m))"),
    ("and_imm", "(i32.and (local.get $x) (i32.const 0x80000010))"),
    (
        "not_and",
        "(i32.eqz (i32.and (local.get $x) (local.get $m)))",
    ),
    (
        "not_and_imm",
        "(i32.eqz (i32.and (local.get $x) (i32.const 5)))",
    ),
    (
        "and_computed",
        "(i32.and (i32.sub (local.get $x) (local.get $m)) (local.get $m))",
    ),
    (
        "and_imm_computed",
        "(i32.and (i32.add (local.get $x) (local.get $m)) (i32.const -8))",
    ),
    (
        "not_and_computed",
        "(i32.eqz (i32.and (local.get $m) (i32.xor (local.get $x) (local.get $m))))",
    ),
    (
        "not_lt_s",
        "(i32.eqz (i32.lt_s (local.get $x) (local.get $m)))",
    ),
    (
        "not_ne_imm",
        "(i32.eqz (i32.ne (local.get $x) (i32.const 7)))",
    ),
    (
        "not_not_and",
        "(i32.eqz (i32.eqz (i32.and (local.get $x) (local.get $m))))",
    ),
    // Masked comparisons: `(x & mask) == k`, and `!=`.
    (
        "masked_eq",
        "(i32.eq (i32.and (local.get $x) (i32.const 255)) (i32.const 108))",
    ),
    (
        "masked_ne_all_ones",
        "(i32.ne (i32.and (local.get $x) (i32.const -1)) (i32.const -1))",
    ),
    (
        "masked_eq_computed",
        "(i32.eq (i32.and (i32.add (local.get $x) (local.get $m)) (i32.const 0xf0)) (i32.const 0x10))",
    ),
    (
        "not_masked_eq",
        "(i32.eqz (i32.eq (i32.and (local.get $x) (i32.const 7)) (i32.const 5)))",
    ),
    // A constant too wide to fuse: the two stay apart.
    (
        "masked_eq_wide",
        "(i32.eq (i32.and (local.get $x) (i32.const 0xffff0000)) (i32.const 0x12340000))",
    ),
    // Differences tested for zero: equality in disguise.
    ("xor", "(i32.xor (local.get $x) (local.get $m))"),
    (
        "not_xor",
        "(i32.eqz (i32.xor (local.get $x) (local.get $m)))",
    ),
    (
        "not_xor_imm",
        "(i32.eqz (i32.xor (local.get $x) (i32.const 0x80000010)))",
    ),
    ("sub", "(i32.sub (local.get $x) (local.get $m))"),
    (
        "not_sub_imm",
        "(i32.eqz (i32.sub (local.get $x) (i32.const 7)))",
    ),
    ("add_imm", "(i32.add (local.get $x) (i32.const 8))"),
    (
        "not_add_imm_min",
        "(i32.eqz (i32.add (local.get $x) (i32.const 0x80000000)))",
    ),
    (
        "not_xor_computed",
        "(i32.eqz (i32.xor (i32.and (local.get $x) (i32.const 255)) (local.get $m)))",
    ),
    (
        "not_xor64",
        "(i64.eqz (i64.xor (i64.extend_i32_s (local.get $x)) (i64.extend_i32_u (local.get $m))))",
    ),
    (
        "not_sub64_imm",
        "(i64.eqz (i64.sub (i64.extend_i32_u (local.get $x)) (i64.const 0xffffffff)))",
    ),
    (
        "not_add64_imm",
        "(i64.eqz (i64.add (i64.extend_i32_s (local.get $x)) (i64.const 0x7fffffff)))",
    ),
    (
        "not_add64_imm_min",
        "(i64.eqz (i64.add (i64.extend_i32_u (local.get $x)) (i64.const -2147483648)))",
    ),
    // Masked comparisons with another value: `(x & mask) == v`, `!=`, and the differences.
    (
        "masked_eq_value",
        "(i32.eq (i32.and (local.get $x) (i32.const 0xffff)) (local.get $m))",
    ),
    (
        "value_eq_masked",
        "(i32.eq (local.get $m) (i32.and (local.get $x) (i32.const 0x80000001)))",
    ),
    (
        "masked_ne_value",
        "(i32.ne (i32.and (local.get $x) (i32.const -8)) (local.get $m))",
    ),
    (
        "computed_eq_masked",
        "(i32.eq (i32.add (local.get $m) (i32.const 1)) (i32.and (local.get $x) (i32.const 255)))",
    ),
    (
        "masked_computed_eq_value",
        "(i32.eq (i32.and (i32.sub (local.get $x) (local.get $m)) (i32.const 0xff)) (local.get $m))",
    ),
    (
        "not_sub_masked",
        "(i32.eqz (i32.sub (local.get $m) (i32.and (local.get $x) (i32.const 0xf0))))",
    ),
    (
        "xor_masked",
        "(i32.xor (i32.and (local.get $x) (i32.const 3)) (local.get $m))",
    ),
    // The `and` also goes to a local: it is computed, and kept, all the same.
    (
        "and_teed",
        "(i32.and (local.tee $t (i32.and (local.get $x) (local.get $m))) (i32.const 3))",
    ),
    (
        "masked_teed",
        "(i32.eq (local.tee $t (i32.and (local.get $x) (i32.const 0xff))) (local.get $m))",
    ),
];

/// What the condition of case `name` is at `x` and `m`.
fn holds(name: &str, x: u32, m: u32) -> bool {
    match name {
        "and" => x & m != 0,
        "and_imm" => x & 0x8000_0010 != 0,
        "not_and" => x & m == 0,
        "not_and_imm" => x & 5 == 0,
        "and_computed" => x.wrapping_sub(m) & m != 0,
        "and_imm_computed" => x.wrapping_add(m) & !7 != 0,
        "not_and_computed" => m & (x ^ m) == 0,
        "not_lt_s" => (x as i32) >= (m as i32),
        "not_ne_imm" => x == 7,
        "not_not_and" => x & m != 0,
        "and_teed" => x & m & 3 != 0,
        "masked_eq" => x & 255 == 108,
        "masked_ne_all_ones" => x != u32::MAX,
        "masked_eq_computed" => x.wrapping_add(m) & 0xf0 == 0x10,
        "not_masked_eq" => x & 7 != 5,
        "masked_eq_wide" => x & 0xffff_0000 == 0x1234_0000,
        "xor" | "sub" => x != m,
        "not_xor" => x == m,
        "not_xor_imm" => x == 0x8000_0010,
        "not_sub_imm" => x == 7,
        "add_imm" => x.wrapping_add(8) != 0,
        "not_add_imm_min" => x == 0x8000_0000,
        "not_xor_computed" => x & 255 == m,
        "masked_eq_value" => x & 0xffff == m,
        "value_eq_masked" => m == x & 0x8000_0001,
        "masked_ne_value" => x & !7 != m,
        "computed_eq_masked" => m.wrapping_add(1) == x & 255,
        "masked_computed_eq_value" => x.wrapping_sub(m) & 0xff == m,
        "not_sub_masked" => m == x & 0xf0,
        "xor_masked" => x & 3 != m,
        "masked_teed" => x & 0xff == m,
        "not_xor64" => i64::from(x as i32) == i64::from(m),
        "not_sub64_imm" => x == u32::MAX,
        "not_add64_imm" => i64::from(x as i32) == -0x7fff_ffff,
        "not_add64_imm_min" => x == 0x8000_0000,
        other => panic!("no reference for {other}"),
    }
}

/// Two exports per case: `br_NAME` (a `br_if` out of a block) and `if_NAME`; `and_teed`'s
/// and `masked_teed`'s also add the local they wrote, to show they kept the `and`.
fn module() -> String {
    let mut m = String::from("(module\n");
    for (name, cond) in CASES {
        m += &format!(
            r#"(func (export "br_{name}") (param $x i32) (param $m i32) (result i32) (local $t i32)
                 (block $yes (br_if $yes {cond}) (return (local.get $t)))
                 (i32.add (i32.const 1) (local.get $t)))
               (func (export "if_{name}") (param $x i32) (param $m i32) (result i32) (local $t i32)
                 (if (result i32) {cond} (then (i32.const 2)) (else (i32.const 0)))
                 (i32.add (local.get $t)))
"#
        );
    }
    m + ")"
}

const VALUES: &[u32] = &[
    0,
    1,
    5,
    7,
    8,
    0x10,
    0x8000_0000,
    0x8000_0010,
    0x8000_0001,
    0xffff_fff8,
    u32::MAX,
    0x1234_5678,
    0xff,
    0x5678,
    0x8000_0000 | 0xffff,
];

#[test]
fn every_bit_test_branches_as_its_condition_says_metered_or_not_traced_or_not() {
    common::each_mode(module(), |store, instance, mode| {
        for (name, _) in CASES {
            for &x in VALUES {
                for &m in VALUES {
                    let kept = match *name {
                        "and_teed" => x & m,
                        "masked_teed" => x & 0xff,
                        _ => 0,
                    };
                    let yes = holds(name, x, m);
                    let args = [Val::I32(x as i32), Val::I32(m as i32)];
                    for (export, taken) in [(format!("br_{name}"), 1), (format!("if_{name}"), 2)] {
                        let got = try_call(store, instance, &export, &args)
                            .unwrap_or_else(|e| panic!("{export}({x:#x}, {m:#x}): {e}"));
                        let want = kept.wrapping_add(if yes { taken } else { 0 });
                        assert_eq!(
                            got,
                            [Val::I32(want as i32)],
                            "{export}({x:#x}, {m:#x}), {mode:?}"
                        );
                    }
                }
            }
        }
    });
}

/// A loop over the bits of a word: its exit test and its back edge are bit tests, and an
/// `if` inside tests bits of the value just computed, another a masked field, a third two
/// masked fields against each other. [`bits_reference`] is the same in Rust.
const BITS: &str = r#"(module
  (func (export "run") (result i32) (local $w i32) (local $n i32) (local $k i32)
    (local.set $w (i32.const 0x19e3779b))
    (block $out
      (loop $next
        (br_if $out (i32.and (local.get $k) (i32.const 0x80)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $w (i32.or (i32.shl (local.get $w) (i32.const 1))
                              (i32.xor (i32.shr_u (local.get $w) (i32.const 31))
                                       (i32.and (local.get $k) (i32.const 1)))))
        (if (i32.eqz (i32.and (i32.shr_u (local.get $w) (i32.const 3)) (i32.const 4)))
          (then (local.set $n (i32.add (local.get $n) (local.get $k)))))
        (if (i32.eq (i32.and (local.get $w) (i32.const 0x18)) (i32.const 0x8))
          (then (local.set $n (i32.add (local.get $n) (i32.const 3)))))
        (if (i32.eq (i32.and (local.get $w) (i32.const 0x3)) (i32.and (local.get $k) (i32.const 3)))
          (then (local.set $n (i32.add (local.get $n) (i32.const 5)))))
        (br_if $next (i32.and (local.get $w) (i32.const 0x7fffffff)))))
    (i32.add (i32.mul (local.get $n) (i32.const 1000)) (local.get $k))))"#;

/// [`BITS`] in Rust.
fn bits_reference() -> i32 {
    let (mut w, mut n, mut k) = (0x19e3_779bu32, 0u32, 0u32);
    loop {
        if k & 0x80 != 0 {
            break;
        }
        k += 1;
        w = (w << 1) | ((w >> 31) ^ (k & 1));
        if (w >> 3) & 4 == 0 {
            n += k;
        }
        if w & 0x18 == 0x8 {
            n += 3;
        }
        if w & 3 == k & 3 {
            n += 5;
        }
        if w & 0x7fff_ffff == 0 {
            break;
        }
    }
    n.wrapping_mul(1000).wrapping_add(k) as i32
}

#[test]
fn a_loop_of_bit_tests_matches_rust_and_resumes_from_every_budget() {
    let want = [Val::I32(bits_reference())];
    assert_eq!(want, [Val::I32(3_844_128)], "the loop runs to k = 128");
    common::each_mode(BITS, |store, instance, mode| {
        let got = try_call(store, instance, "run", &[]).expect("runs");
        assert_eq!(got, want, "{mode:?}");
    });
    common::assert_resumes_from_every_budget(BITS, &want, 7);
}
