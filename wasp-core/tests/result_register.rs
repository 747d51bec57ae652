//! The result register (`translator/result_register.rs`): an instruction right after the one
//! that wrote its operand reads it from a machine register. Every reading form against the
//! Wasm semantics (computed here in Rust), at the values where they are easy to get wrong
//! (wrap-around, shift counts past the width, NaN, -0); the same results traced (every step
//! starts a new handler chain, which reloads the register), metered, paused at every budget
//! and resumed through snapshots.

mod common;

use common::{engine, instantiate, run_topped_up, try_call};

use wasp_core::{Store, Tracer, Val};

type I32Op = fn(i32, i32) -> i32;
type I64Op = fn(i64, i64) -> i64;
type Compare = fn(i64, i64) -> bool;
type F64Op = fn(f64, f64, f64) -> f64;
type F32Op = fn(f32, f32, f32) -> f32;

/// The i32 operators with a reading form, and their meaning.
const I32_OPS: &[(&str, I32Op)] = &[
    ("add", i32::wrapping_add),
    ("sub", i32::wrapping_sub),
    ("mul", i32::wrapping_mul),
    ("and", |a, b| a & b),
    ("or", |a, b| a | b),
    ("xor", |a, b| a ^ b),
    ("shl", |a, b| a.wrapping_shl(b as u32)),
    ("shr_s", |a, b| a.wrapping_shr(b as u32)),
    ("shr_u", |a, b| (a as u32).wrapping_shr(b as u32) as i32),
    ("rotl", |a, b| a.rotate_left(b as u32 % 32)),
    ("rotr", |a, b| a.rotate_right(b as u32 % 32)),
];

const I64_OPS: &[(&str, I64Op)] = &[
    ("add", i64::wrapping_add),
    ("sub", i64::wrapping_sub),
    ("mul", i64::wrapping_mul),
    ("and", |a, b| a & b),
    ("or", |a, b| a | b),
    ("xor", |a, b| a ^ b),
    ("shl", |a, b| a.wrapping_shl(b as u32)),
    ("shr_s", |a, b| a.wrapping_shr(b as u32)),
    ("shr_u", |a, b| (a as u64).wrapping_shr(b as u32) as i64),
    ("rotl", |a, b| a.rotate_left((b & 63) as u32)),
    ("rotr", |a, b| a.rotate_right((b & 63) as u32)),
];

/// The comparisons, on i64 operands (an i32 one is its sign- or zero-extension).
const COMPARES: &[(&str, Compare, bool)] = &[
    ("eq", |a, b| a == b, true),
    ("ne", |a, b| a != b, true),
    ("lt_s", |a, b| a < b, true),
    ("lt_u", |a, b| (a as u64) < (b as u64), false),
    ("gt_s", |a, b| a > b, true),
    ("gt_u", |a, b| (a as u64) > (b as u64), false),
    ("le_s", |a, b| a <= b, true),
    ("le_u", |a, b| (a as u64) <= (b as u64), false),
    ("ge_s", |a, b| a >= b, true),
    ("ge_u", |a, b| (a as u64) >= (b as u64), false),
];

const I32_VALUES: &[i32] = &[0, 1, -1, 7, 31, 32, 33, i32::MIN, i32::MAX, -100];
const I64_VALUES: &[i64] = &[0, 1, -1, 7, 63, 64, 65, i64::MIN, i64::MAX, -100, 1 << 40];

/// The immediate of the `_i` forms.
const IMM: i64 = -37;

/// The functions of one integer width `t`: for each operator, `OP_l` (the register on the
/// left), `OP_r` (on the right), `OP_i` (with an immediate); for each comparison, `C_if`,
/// `C_br` and `C_if_i` branching on it; `nez` and `eqz` branching on the value. Every one
/// first computes `a - b`, which it then reads from the register.
fn int_module(t: &str, ops: &[&str]) -> String {
    let t_ =
        |body: &str| format!("(param $a {t}) (param $b {t}) (param $c {t}) (result {t}) {body}");
    let sub = format!("({t}.sub (local.get $a) (local.get $b))");
    let mut m = String::from("(module\n");
    for op in ops {
        for (name, body) in [
            (
                format!("{op}_l"),
                format!("({t}.{op} {sub} (local.get $c))"),
            ),
            (
                format!("{op}_r"),
                format!("({t}.{op} (local.get $c) {sub})"),
            ),
            (
                format!("{op}_i"),
                format!("({t}.{op} {sub} ({t}.const {IMM}))"),
            ),
        ] {
            m += &format!("(func (export \"{name}\") {})\n", t_(&body));
        }
    }
    for (cmp, _, _) in COMPARES {
        let one = format!("({t}.const 1)");
        let zero = format!("({t}.const 0)");
        for (name, rhs) in [
            (cmp.to_string(), "(local.get $c)".to_string()),
            (format!("{cmp}_i"), format!("({t}.const {IMM})")),
        ] {
            let test = format!("({t}.{cmp} {sub} {rhs})");
            m += &format!(
                "(func (export \"{name}_if\") {})\n",
                t_(&format!(
                    "(if (result {t}) {test} (then {one}) (else {zero}))"
                ))
            );
            m += &format!(
                "(func (export \"{name}_br\") {})\n",
                t_(&format!(
                    "(block $out (br_if $out {test}) (return {zero})) {one}"
                ))
            );
        }
    }
    m += &format!(
        "(func (export \"nez\") {})\n",
        t_(&format!("(block $out (br_if $out ({t}.ne {sub} ({t}.const 0))) (return ({t}.const 0))) ({t}.const 1)"))
    );
    m += &format!(
        "(func (export \"eqz\") {})\n",
        t_(&format!(
            "(if (result {t}) ({t}.eqz {sub}) (then ({t}.const 1)) (else ({t}.const 0)))"
        ))
    );
    m + ")"
}

/// Calls `name` of `instance` with the three integer arguments.
fn int_call(
    store: &mut Store<()>,
    instance: &wasp_core::Instance,
    name: &str,
    args: [Val; 3],
) -> i64 {
    let out = try_call(store, instance, name, &args).unwrap_or_else(|e| panic!("{name}: {e}"));
    common::as_i64(&out[0])
}

/// Checks every function of [`int_module`] for width `t` against `reference`, the operands
/// as i64 (`wrap` narrows a value to the width, `arg` makes it an argument).
fn check_ints(
    t: &str,
    values: &[i64],
    ops: &[(&str, I64Op)],
    wrap: fn(i64) -> i64,
    arg: fn(i64) -> Val,
    unsigned: fn(i64) -> i64,
) {
    let names: Vec<&str> = ops.iter().map(|(n, _)| *n).collect();
    for gas in [false, true] {
        let (mut store, instance) = instantiate(&engine(gas), int_module(t, &names));
        store.set_gas(u64::MAX / 2).ok();
        for &a in values {
            for &b in values {
                for &c in values {
                    let s = wrap(a.wrapping_sub(b));
                    let args = || [arg(a), arg(b), arg(c)];
                    let mut check = |name: String, want: i64| {
                        let got = int_call(&mut store, &instance, &name, args());
                        assert_eq!(got, wrap(want), "{t}.{name}({a}, {b}, {c}), gas {gas}");
                    };
                    for (op, f) in ops {
                        check(format!("{op}_l"), f(s, c));
                        check(format!("{op}_r"), f(c, s));
                        check(format!("{op}_i"), f(s, IMM));
                    }
                    for (cmp, f, signed) in COMPARES {
                        let ext = |v: i64| if *signed { v } else { unsigned(v) };
                        check(format!("{cmp}_if"), i64::from(f(ext(s), ext(c))));
                        check(format!("{cmp}_br"), i64::from(f(ext(s), ext(c))));
                        check(format!("{cmp}_i_if"), i64::from(f(ext(s), ext(wrap(IMM)))));
                        check(format!("{cmp}_i_br"), i64::from(f(ext(s), ext(wrap(IMM)))));
                    }
                    check("nez".into(), i64::from(s != 0));
                    check("eqz".into(), i64::from(s == 0));
                }
            }
        }
    }
}

#[test]
fn i32_readers_compute_what_their_operators_do() {
    // The i32 operators, lifted to i64 operands that hold i32 values.
    macro_rules! lifted {
        ($($name:literal),*) => {
            [$(($name, {
                fn f(a: i64, b: i64) -> i64 {
                    let op = I32_OPS.iter().find(|(n, _)| *n == $name).expect("an operator").1;
                    i64::from(op(a as i32, b as i32))
                }
                f as I64Op
            })),*]
        };
    }
    let ops =
        lifted!("add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr");
    let values: Vec<i64> = I32_VALUES.iter().map(|&v| i64::from(v)).collect();
    check_ints(
        "i32",
        &values,
        &ops,
        |v| i64::from(v as i32),
        |v| Val::I32(v as i32),
        |v| i64::from(v as i32 as u32),
    );
}

#[test]
fn i64_readers_compute_what_their_operators_do() {
    check_ints("i64", I64_VALUES, I64_OPS, |v| v, Val::I64, |v| v);
}

/// The f64 functions: each computes `t = a - b` first, then reads it from the register.
const F64_MODULE: &str = r#"(module
  (func (export "add_l") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (f64.sub (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "add_r") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (local.get $c) (f64.sub (local.get $a) (local.get $b))))
  (func (export "sub_l") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.sub (f64.sub (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "mul_r") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.mul (local.get $c) (f64.sub (local.get $a) (local.get $b))))
  (func (export "div_l") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.div (f64.sub (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "mul_add") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (f64.mul (f64.sub (local.get $a) (local.get $b)) (local.get $c)) (local.get $a)))
  (func (export "mul_add_swapped") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (f64.mul (local.get $c) (f64.sub (local.get $a) (local.get $b))) (local.get $b)))
  (func (export "mul_sub") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.sub (f64.mul (f64.sub (local.get $a) (local.get $b)) (local.get $c)) (local.get $a)))
  (func (export "add_add") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (f64.add (f64.sub (local.get $a) (local.get $b)) (local.get $c)) (local.get $b)))
  (func (export "mul_add_rev") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (local.get $a) (f64.mul (f64.sub (local.get $a) (local.get $b)) (local.get $c))))
  (func (export "mul_sub_rev") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.sub (local.get $b) (f64.mul (f64.sub (local.get $a) (local.get $b)) (local.get $c))))
)"#;

/// The float functions' meanings, in f64 or f32 (`$t`).
macro_rules! float_ops {
    ($t:ty) => {
        &[
            ("add_l", |a: $t, b: $t, c: $t| (a - b) + c),
            ("add_r", |a, b, c| c + (a - b)),
            ("sub_l", |a, b, c| (a - b) - c),
            ("mul_r", |a, b, c| c * (a - b)),
            ("div_l", |a, b, c| (a - b) / c),
            ("mul_add", |a, b, c| (a - b) * c + a),
            ("mul_add_swapped", |a, b, c| c * (a - b) + b),
            ("mul_sub", |a, b, c| (a - b) * c - a),
            ("add_add", |a, b, c| ((a - b) + c) + b),
            ("mul_add_rev", |a, b, c| a + (a - b) * c),
            ("mul_sub_rev", |a, b, c| b - (a - b) * c),
        ]
    };
}

const F64_OPS: &[(&str, F64Op)] = float_ops!(f64);
const F32_OPS: &[(&str, F32Op)] = float_ops!(f32);

/// The values every float function is called with (every triple of them), in `$t`.
macro_rules! float_values {
    ($t:ident) => {
        &[
            0.0,
            -0.0,
            1.5,
            -2.25,
            $t::NAN,
            $t::INFINITY,
            $t::NEG_INFINITY,
            $t::MAX,
        ]
    };
}

/// Calls every function of `$ops` in `$module` on every triple of values of type `$t`
/// (`Val::$val`) and checks the result against Rust's, metered or not; any NaN stands for any
/// other.
macro_rules! check_float_readers {
    ($module:expr, $ops:expr, $t:ident, $val:ident) => {
        for gas in [false, true] {
            let (mut store, instance) = instantiate(&engine(gas), $module);
            store.set_gas(u64::MAX / 2).ok();
            let values: &[$t] = float_values!($t);
            for &a in values {
                for &b in values {
                    for &c in values {
                        for (name, f) in $ops {
                            let args = [
                                Val::$val(a.to_bits()),
                                Val::$val(b.to_bits()),
                                Val::$val(c.to_bits()),
                            ];
                            let out = try_call(&mut store, &instance, name, &args).expect("runs");
                            let Val::$val(got) = out[0] else {
                                panic!("a {}", stringify!($t))
                            };
                            let (got, want) = ($t::from_bits(got), f(a, b, c));
                            let same = if want.is_nan() {
                                got.is_nan()
                            } else {
                                got.to_bits() == want.to_bits()
                            };
                            assert!(
                                same,
                                "{name}({a}, {b}, {c}) = {got}, want {want}, gas {gas}"
                            );
                        }
                    }
                }
            }
        }
    };
}

#[test]
fn f64_readers_compute_what_their_operators_do_nan_and_negative_zero_included() {
    check_float_readers!(F64_MODULE, F64_OPS, f64, F64);
}

/// The f32 forms read the integer register, where an f32 travels as its bits.
#[test]
fn f32_readers_compute_what_their_operators_do_nan_and_negative_zero_included() {
    check_float_readers!(&F64_MODULE.replace("f64", "f32"), F32_OPS, f32, F32);
}

/// A loop of dependent chains in every register: integer arithmetic and its immediates,
/// compare-and-branch, the f64 multiply-add chain and an f32 chain (in the integer register).
const CHAINS: &str = r#"(module
  (func (export "run") (result i64) (local $i i32) (local $h i32) (local $w i64) (local $f f64)
    (local $g f32)
    (local.set $f (f64.const 0.5))
    (local.set $w (i64.const 7))
    (loop $l
      (local.set $h (i32.xor (i32.sub (local.get $h) (local.get $i)) (i32.const 0x5bd1e995)))
      (local.set $h (i32.rotl (i32.mul (local.get $h) (i32.const 31)) (i32.const 7)))
      (local.set $w (i64.xor (i64.sub (local.get $w) (i64.extend_i32_u (local.get $h)))
                             (i64.shl (local.get $w) (i64.const 5))))
      (local.set $f (f64.add (f64.mul (local.get $f) (f64.const 0.999999)) (f64.const 0.5)))
      (local.set $f (f64.add (f64.mul (local.get $f) (f64.const 0.999999)) (f64.const 0.5)))
      (local.set $g (f32.sub (f32.mul (local.get $g) (f32.const 0.75)) (f32.const -0.5)))
      (local.set $g (f32.div (f32.add (local.get $g) (local.get $g)) (f32.const 1.5)))
      (if (i32.lt_u (i32.and (local.get $h) (i32.const 255)) (i32.const 100))
        (then (local.set $w (i64.add (local.get $w) (i64.const 1)))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 60))))
    (i64.add (i64.add (i64.extend_i32_u (local.get $h)) (local.get $w))
             (i64.add (i64.trunc_sat_f64_s (f64.mul (local.get $f) (f64.const 1000)))
                      (i64.trunc_sat_f32_s (f32.mul (local.get $g) (f32.const 1000)))))))"#;

/// The result of [`CHAINS`], computed here.
fn chains_reference() -> i64 {
    let (mut h, mut w, mut f, mut g) = (0u32, 7u64, 0.5f64, 0f32);
    for i in 0..60u32 {
        h = h.wrapping_sub(i) ^ 0x5bd1e995;
        h = h.wrapping_mul(31).rotate_left(7);
        w = w.wrapping_sub(u64::from(h)) ^ (w << 5);
        f = f * 0.999999 + 0.5;
        f = f * 0.999999 + 0.5;
        g = g * 0.75 - -0.5;
        g = (g + g) / 1.5;
        if (h & 255) < 100 {
            w = w.wrapping_add(1);
        }
    }
    (i64::from(h).wrapping_add(w as i64))
        .wrapping_add((f * 1000.0) as i64)
        .wrapping_add((g * 1000.0) as i64)
}

#[test]
fn chains_give_their_result_unmetered_metered_and_traced() {
    let want = vec![Val::I64(chains_reference())];
    assert_eq!(run_topped_up(CHAINS, &[], None, false).results, want);
    let metered = run_topped_up(CHAINS, &[], Some(u64::MAX / 2), false);
    assert_eq!(metered.results, want);
    for gas in [false, true] {
        let (mut store, instance) = instantiate(&engine(gas), CHAINS);
        store.set_gas(u64::MAX / 2).ok();
        let steps = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen = steps.clone();
        store.set_tracer(Some(Tracer::new(move |_| {
            seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })));
        assert_eq!(
            try_call(&mut store, &instance, "run", &[]).expect("runs"),
            want
        );
        assert!(
            steps.load(std::sync::atomic::Ordering::Relaxed) > 60 * 5,
            "traced"
        );
    }
}

#[test]
fn chains_pause_at_every_budget_and_resume_through_snapshots_with_the_same_gas() {
    let want = vec![Val::I64(chains_reference())];
    common::assert_resumes_from_every_budget(CHAINS, &want, 7);
}

/// The bytes the memory of [`memory_module`] starts with.
fn memory_bytes() -> Vec<u8> {
    (0..64u32).map(|i| (i * 37 + 11) as u8).collect()
}

/// Loads, stores and copies reading the register: each computes `a - b` first, the address
/// or the value it then reads from the register.
fn memory_module() -> String {
    let data: String = memory_bytes()
        .iter()
        .map(|b| format!("\\{b:02x}"))
        .collect();
    let mut m = format!("(module (memory 1) (data (i32.const 0) \"{data}\")\n");
    let t = "(i32.sub (local.get $a) (local.get $b))";
    for load in [
        "i32.load8_s",
        "i32.load8_u",
        "i32.load16_s",
        "i32.load16_u",
        "i32.load",
    ] {
        m += &format!("(func (export \"{load}\") (param $a i32) (param $b i32) (result i32) ({load} offset=3 {t}))\n");
        m += &format!(
            "(func (export \"{load}_add\") (param $a i32) (param $b i32) (result i32) ({load} (i32.add {t} (i32.const 5))))\n"
        );
    }
    for load in ["i64.load32_s", "i64.load32_u", "i64.load"] {
        m += &format!("(func (export \"{load}\") (param $a i32) (param $b i32) (result i64) ({load} offset=3 {t}))\n");
    }
    m += &format!(
        "(func (export \"store_val\") (param $a i32) (param $b i32) (result i64)
           (i64.store offset=8 (i32.const 0) (i64.extend_i32_s {t}))
           (i32.store16 (i32.const 16) {t})
           (i64.load (i32.const 8)))
         (func (export \"store_ptr\") (param $a i32) (param $b i32) (result i32)
           (i32.store8 offset=1 {t} (i32.const 0x1ff))
           (i32.store (i32.add {t} (i32.const 2)) (i32.const 0x01020304))
           (i32.load offset=1 {t}))
         (func (export \"copy\") (param $a i32) (param $b i32) (result i32) (local $x i32)
           (local.set $x (i32.const 5))
           (block (result i32) {t} (local.set $x (i32.add (local.get $x) (i32.const 1))))
           (i32.add (local.get $x)))
        )"
    );
    m
}

/// Little-endian bytes of `bytes` from `at`, `n` of them, as a u64.
fn le(bytes: &[u8], at: usize, n: usize) -> u64 {
    bytes[at..at + n]
        .iter()
        .rev()
        .fold(0, |v, &b| v << 8 | u64::from(b))
}

#[test]
fn loads_stores_and_copies_read_their_address_or_value_from_the_register() {
    let bytes = memory_bytes();
    for gas in [false, true] {
        for (a, b) in [(10, 3), (40, 40), (3, 0), (-5, -20)] {
            let (mut store, instance) = instantiate(&engine(gas), memory_module());
            store.set_gas(u64::MAX / 2).ok();
            let t = (a - b) as usize;
            let args = [Val::I32(a), Val::I32(b)];
            let mut got = |name: &str| {
                common::as_i64(&try_call(&mut store, &instance, name, &args).expect(name)[0])
            };
            let sx = |v: u64, bits: u32| ((v << (64 - bits)) as i64) >> (64 - bits);
            assert_eq!(got("i32.load8_s"), sx(le(&bytes, t + 3, 1), 8));
            assert_eq!(got("i32.load8_u"), le(&bytes, t + 3, 1) as i64);
            assert_eq!(got("i32.load16_s"), sx(le(&bytes, t + 3, 2), 16));
            assert_eq!(got("i32.load16_u"), le(&bytes, t + 3, 2) as i64);
            assert_eq!(got("i32.load"), sx(le(&bytes, t + 3, 4), 32));
            assert_eq!(got("i32.load8_s_add"), sx(le(&bytes, t + 5, 1), 8));
            assert_eq!(got("i32.load_add"), sx(le(&bytes, t + 5, 4), 32));
            assert_eq!(got("i64.load32_s"), sx(le(&bytes, t + 3, 4), 32));
            assert_eq!(got("i64.load32_u"), le(&bytes, t + 3, 4) as i64);
            assert_eq!(got("i64.load"), le(&bytes, t + 3, 8) as i64);
            assert_eq!(got("store_val"), i64::from(a - b));
            assert_eq!(got("store_ptr"), 0x0203_04ff);
            assert_eq!(got("copy"), 6 + i64::from(a - b));
        }
    }
}

#[test]
fn an_access_reading_its_address_from_the_register_traps_out_of_bounds() {
    for gas in [false, true] {
        let (mut store, instance) = instantiate(&engine(gas), memory_module());
        store.set_gas(u64::MAX / 2).ok();
        for name in ["i32.load", "i32.load_add", "i64.load", "store_ptr"] {
            let args = [Val::I32(65536), Val::I32(2)];
            let trap = common::trap_of(try_call(&mut store, &instance, name, &args));
            assert_eq!(trap, Some(wasp_core::TrapCode::MemoryOutOfBounds), "{name}");
        }
    }
}

/// A value computed, then stores before the instruction reading it, which still reads it
/// from the register: a store writes no slot and passes the register on. One store form
/// each: `plain`, its value (`val`) or its address (`ptr`) from the register, constants
/// (`imm`, two stores in a row), an address plus a constant (`add`); and `landing`, whose
/// store a branch lands on (the reader then reads its slot). Each returns `3 t` plus what it
/// stored, read back.
const PASSING_STORES: &str = r#"(module (memory 1)
  (func (export "plain") (param $a i32) (param $b i32) (result i32) (local $t i32) (local $p i32)
    (local.set $p (i32.and (local.get $b) (i32.const 0x3f0)))
    (local.set $t (i32.sub (local.get $a) (local.get $b)))
    (i32.store (local.get $p) (local.get $a))
    (i32.add (i32.mul (local.get $t) (i32.const 3)) (i32.load (local.get $p))))
  (func (export "val") (param $a i32) (param $b i32) (result i32) (local $t i32) (local $p i32)
    (local.set $p (i32.and (local.get $b) (i32.const 0x3f0)))
    (local.set $t (i32.sub (local.get $a) (local.get $b)))
    (i32.store16 (local.get $p) (local.get $t))
    (i32.add (i32.mul (local.get $t) (i32.const 3)) (i32.load16_s (local.get $p))))
  (func (export "ptr") (param $a i32) (param $b i32) (result i32) (local $t i32)
    (local.set $t (i32.and (i32.sub (local.get $a) (local.get $b)) (i32.const 0xff0)))
    (i32.store offset=4 (local.get $t) (local.get $b))
    (i32.add (i32.mul (local.get $t) (i32.const 3)) (i32.load offset=4 (local.get $t))))
  (func (export "imm") (param $a i32) (param $b i32) (result i32) (local $t i32) (local $p i32)
    (local.set $p (i32.and (local.get $b) (i32.const 0x3f0)))
    (local.set $t (i32.sub (local.get $a) (local.get $b)))
    (i32.store8 (local.get $p) (i32.const 0x1ab))
    (i64.store offset=8 (local.get $p) (i64.const -3))
    (i32.add (i32.mul (local.get $t) (i32.const 3))
      (i32.add (i32.load8_u (local.get $p)) (i32.wrap_i64 (i64.load offset=8 (local.get $p))))))
  (func (export "add") (param $a i32) (param $b i32) (result i32) (local $t i32) (local $c i32)
    (local.set $c (i32.and (local.get $b) (i32.const 0xff)))
    (local.set $t (i32.sub (local.get $a) (local.get $b)))
    (i32.store (i32.add (local.get $c) (i32.const 200)) (local.get $a))
    (i32.add (i32.mul (local.get $t) (i32.const 3)) (i32.load (i32.add (local.get $c) (i32.const 200)))))
  (func (export "landing") (param $a i32) (param $b i32) (result i32) (local $t i32) (local $p i32)
    (local.set $p (i32.and (local.get $b) (i32.const 0x3f0)))
    (local.set $t (i32.sub (local.get $a) (local.get $b)))
    (block $j
      (br_if $j (i32.lt_s (local.get $a) (i32.const 0)))
      (local.set $t (i32.add (local.get $t) (i32.const 1))))
    (i32.store (local.get $p) (local.get $a))
    (i32.add (i32.mul (local.get $t) (i32.const 3)) (i32.load (local.get $p)))))"#;

/// What export `name` of [`PASSING_STORES`] returns.
fn passing_stores(name: &str, a: i32, b: i32) -> i32 {
    let t = a.wrapping_sub(b);
    let thrice = |t: i32| t.wrapping_mul(3);
    match name {
        "plain" | "add" => thrice(t).wrapping_add(a),
        "val" => thrice(t).wrapping_add(i32::from(t as i16)),
        "ptr" => thrice(t & 0xff0).wrapping_add(b),
        "imm" => thrice(t).wrapping_add(0xab - 3),
        "landing" => thrice(t.wrapping_add(i32::from(a >= 0))).wrapping_add(a),
        other => panic!("no reference for {other}"),
    }
}

#[test]
fn a_value_read_after_stores_comes_through_them_metered_or_not_traced_or_not() {
    let wasm = wat::parse_str(PASSING_STORES).expect("wat");
    common::each_mode(&wasm, |store, instance, mode| {
        for (a, b) in [
            (10, 3),
            (40, 40),
            (3, 0),
            (-5, -20),
            (i32::MIN, 1),
            (0x7fff, -0x8000),
        ] {
            for name in ["plain", "val", "ptr", "imm", "add", "landing"] {
                let got = try_call(store, instance, name, &[Val::I32(a), Val::I32(b)]);
                let want = passing_stores(name, a, b);
                assert_eq!(
                    got.expect(name),
                    [Val::I32(want)],
                    "{name}({a}, {b}) {mode:?}"
                );
            }
        }
    });
}
