//! Paying branches reading their operand from the result register: the functions of
//! `fixtures/paying_readers.txt` (every condition with a fused branch, in the three shapes
//! that make it a paying, a pay-first and a paying-either-way branch with gas metering on)
//! against the results computed here, at values where comparisons are easy to get wrong,
//! metered or not, traced or not; and a loop of them paused at every budget and resumed
//! directly and through snapshots.

mod common;

use common::{holds, try_call, wrap_to};

use wasp_core::Val;

/// The fixture's `case` lines, `(name, type, condition)`, and its `shape` lines.
fn fixture() -> (Vec<[&'static str; 3]>, Vec<[&'static str; 2]>) {
    let text = include_str!("fixtures/paying_readers.txt");
    let fields = |line: &'static str, n| line.splitn(n, ' ').collect::<Vec<_>>();
    let cases = text
        .lines()
        .filter_map(|l| l.strip_prefix("case "))
        .map(|l| <[&str; 3]>::try_from(fields(l, 3)).expect("name type condition"))
        .collect();
    let shapes = text
        .lines()
        .filter_map(|l| l.strip_prefix("shape "))
        .map(|l| <[&str; 2]>::try_from(fields(l, 2)).expect("shape function"))
        .collect();
    (cases, shapes)
}

/// Every case in every shape, in one module.
fn module() -> String {
    let (cases, shapes) = fixture();
    let mut m = String::from("(module\n");
    for [name, ty, cond] in &cases {
        for [_, func] in &shapes {
            m += &func
                .replace("{name}", name)
                .replace("{ty}", ty)
                .replace("{cond}", cond);
            m += "\n";
        }
    }
    m + ")"
}

/// Whether the condition of case `name` holds for `t` and `b`, read as `bits` wide.
fn condition(name: &str, bits: u32, t: i64, b: i64) -> bool {
    let name = name.strip_suffix("_64").unwrap_or(name);
    let (t, b) = (wrap_to(bits, t), wrap_to(bits, b));
    match name {
        "eqz" => t == 0,
        "nez" | "nez_plain" => t != 0,
        "eq_swapped" => t == b,
        "and_nez" | "and_nez_swapped" => t & b != 0,
        "and_eqz" => t & b == 0,
        "and_imm_nez" => t & 0x70 != 0,
        "and_imm_eqz" => t & 0x70 == 0,
        "masked_eq" => t & 0xff0 == 0x70,
        "masked_ne" => t & 0xff0 != 0x70,
        _ => match name.strip_suffix("_imm") {
            Some(op) => holds(op, bits, t, -77),
            None => holds(name, bits, t, b),
        },
    }
}

/// What the function of case `name` in `shape` returns for `a` and `b` (see the fixture).
fn reference(name: &str, shape: &str, bits: u32, a: i64, b: i64) -> i32 {
    let t = |i: i64| a.wrapping_mul(i);
    match shape {
        "pay" => (1..=8)
            .filter(|&i| !condition(name, bits, t(i), b))
            .sum::<i64>() as i32,
        "first" => (0..8)
            .find(|&k| condition(name, bits, t(k), b))
            .unwrap_or(8) as i32,
        "both" => {
            if condition(name, bits, a, b) {
                1
            } else {
                2
            }
        }
        other => panic!("no shape {other}"),
    }
}

const I32_VALUES: &[i64] = &[
    0,
    1,
    -1,
    2,
    -77,
    0x70,
    0x1070,
    i32::MIN as i64,
    i32::MAX as i64,
];
const I64_VALUES: &[i64] = &[0, 1, -1, 2, -77, 0x70, 1 << 40, i64::MIN, i64::MAX];

#[test]
fn every_paying_reader_branches_as_its_condition_says_metered_or_not_traced_or_not() {
    let (cases, shapes) = fixture();
    assert_eq!(cases.len(), 54);
    let mut checked = 0;
    common::each_mode(
        wat::parse_str(module()).expect("wat"),
        |store, instance, mode| {
            for [name, ty, _] in &cases {
                let bits = if *ty == "i64" { 64 } else { 32 };
                let values = if bits == 64 { I64_VALUES } else { I32_VALUES };
                let val = |x: i64| {
                    if bits == 64 {
                        Val::I64(x)
                    } else {
                        Val::I32(x as i32)
                    }
                };
                for [shape, _] in &shapes {
                    let func = format!("{name}_{shape}");
                    for &a in values {
                        for &b in values {
                            let got = try_call(store, instance, &func, &[val(a), val(b)])
                                .unwrap_or_else(|e| panic!("{func}({a}, {b}): {e}"));
                            let want = reference(name, shape, bits, a, b);
                            assert_eq!(got, [Val::I32(want)], "{func}({a}, {b}), {mode:?}");
                            checked += 1;
                        }
                    }
                }
            }
        },
    );
    assert_eq!(checked, 4 * 54 * 3 * 81);
}

/// A loop whose back edges and `if`s test values computed just before them: paying,
/// pay-first and paying-either-way readers on every iteration.
const LOOP: &str = r#"(module
  (func (export "run") (result i32)
    (local $i i32) (local $j i32) (local $t i32) (local $n i32) (local $one i32) (local $w i64)
    (local.set $one (i32.const 1))
    (block $out
      (loop $l
        (br_if $out (i32.ge_u (local.get $t) (i32.const 60)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $w (i64.add (local.get $w) (i64.const 0x1234567)))
        (if (i64.lt_s (local.get $w) (i64.const 0x4000000))
          (then (local.set $n (i32.add (local.get $n) (i32.const 7)))))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (if (i32.eq (i32.and (local.get $i) (i32.const 0xf)) (i32.const 9))
          (then (local.set $n (i32.mul (local.get $n) (i32.const 3)))))
        (loop $in
          (local.set $j (i32.add (local.get $j) (local.get $one)))
          (br_if $in (i32.lt_u (local.get $j) (local.get $i))))
        (local.set $n (i32.xor (local.get $n) (local.get $j)))
        (local.set $t (i32.add (local.get $t) (local.get $one)))
        (br $l)))
    (local.get $n)))"#;

/// The result of [`LOOP`], computed here.
fn loop_reference() -> i32 {
    let (mut i, mut j, mut t, mut n, mut w) = (0u32, 0u32, 0u32, 0i32, 0i64);
    while t < 60 {
        n = n.wrapping_add(1);
        w = w.wrapping_add(0x1234567);
        if w < 0x4000000 {
            n = n.wrapping_add(7);
        }
        i = i.wrapping_add(3);
        if i & 0xf == 9 {
            n = n.wrapping_mul(3);
        }
        loop {
            j += 1;
            if j >= i {
                break;
            }
        }
        n ^= j as i32;
        t += 1;
    }
    n
}

#[test]
fn a_loop_of_paying_readers_pauses_at_every_budget_and_resumes_through_snapshots() {
    let want = vec![Val::I32(loop_reference())];
    common::assert_resumes_from_every_budget(LOOP, &want, 7);
}
