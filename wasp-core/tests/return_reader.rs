//! A function returning the value the instruction before its return computed returns it
//! from the result register (`Return1Acc`, `translator/result_register.rs`): results of
//! integer and f64 computations, loads and comparisons returned right away, against Rust, metered or not,
//! traced or not (every step a handler chain of its own, which reloads the register from the
//! slot); calls through a table of such functions; and a recursion paused at every budget and
//! resumed, directly and through snapshots.

mod common;

use common::{as_i64, each_mode, try_call};

use wasp_core::Val;

/// What a function of [`FUNCS`] computes.
type Meaning = fn(i32, i32) -> i64;

/// Functions of one or two i32 parameters, each returning what its last instruction
/// computed, with their meaning.
const FUNCS: &[(&str, &str, Meaning)] = &[
    ("add", "(i32.add (local.get 0) (local.get 1))", |a, b| {
        i64::from(a.wrapping_add(b))
    }),
    (
        "sub_imm",
        "(i32.sub (local.get 0) (i32.const 7))",
        |a, _| i64::from(a.wrapping_sub(7)),
    ),
    ("rotl", "(i32.rotl (local.get 0) (local.get 1))", |a, b| {
        i64::from(a.rotate_left(b as u32 % 32))
    }),
    (
        "shl_add",
        "(i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 4)))",
        |a, b| i64::from(a.wrapping_add(b.wrapping_shl(4))),
    ),
    (
        "load",
        "(i32.load (i32.and (local.get 0) (i32.const 0xfc)))",
        |a, _| i64::from(word((a & 0xfc) as u32)),
    ),
    ("eq", "(i32.eq (local.get 0) (local.get 1))", |a, b| {
        i64::from(a == b)
    }),
];

/// The i32 word at `at` of the memory the module's data segment fills: byte `k` is `k * 7 + 3`.
fn word(at: u32) -> i32 {
    let byte = |k: u32| ((k * 7 + 3) & 0xff) as u8;
    i32::from_le_bytes([byte(at), byte(at + 1), byte(at + 2), byte(at + 3)])
}

fn module() -> String {
    let data: String = (0..260u32)
        .map(|k| format!("\\{:02x}", (k * 7 + 3) & 0xff))
        .collect();
    let mut m = format!("(module (memory 1) (data (i32.const 0) \"{data}\")\n");
    m += "(type $bin (func (param i32 i32) (result i32)))\n";
    m += &format!("(table {} funcref)\n", FUNCS.len());
    let names: Vec<String> = FUNCS.iter().map(|(n, _, _)| format!("${n}")).collect();
    m += &format!("(elem (i32.const 0) {})\n", names.join(" "));
    for (name, body, _) in FUNCS {
        m += &format!("(func ${name} (export \"{name}\") (type $bin) {body})\n");
    }
    // i64: the 64-bit register holds the whole value.
    m += "(func (export \"mul64\") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))\n";
    // f64: returned from the float register.
    m += "(func (export \"fma64\") (param f64 f64 f64) (result f64)
        (f64.add (f64.mul (local.get 0) (local.get 1)) (local.get 2)))\n";
    m += "(func (export \"div64\") (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1)))\n";
    // Every function through the table, its result summed in a loop.
    m += r#"(func (export "through_table") (param $n i32) (result i32) (local $i i32) (local $acc i32)
        (loop $l
          (local.set $acc
            (call_indirect (type $bin) (local.get $acc) (local.get $i)
              (i32.rem_u (local.get $i) (i32.const 6))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $acc))"#;
    m + ")"
}

/// The values the two operands take: edges of the i32 range, shift counts past the width.
const VALUES: [i32; 7] = [0, 1, -1, 7, 33, i32::MAX, i32::MIN];

#[test]
fn a_value_computed_right_before_the_return_is_returned_in_every_mode() {
    let wat = module();
    each_mode(&wat, |store, instance, mode| {
        for (name, _, meaning) in FUNCS {
            for a in VALUES {
                for b in VALUES {
                    let got = try_call(store, instance, name, &[Val::I32(a), Val::I32(b)]);
                    let got = as_i64(&got.expect("no trap")[0]);
                    assert_eq!(got, meaning(a, b), "{name}({a}, {b}) in {mode:?}");
                }
            }
        }
        for (a, b) in [(3i64, -5i64), (i64::MAX, 3), (1 << 40, 1 << 30)] {
            let got = try_call(store, instance, "mul64", &[Val::I64(a), Val::I64(b)]);
            assert_eq!(
                got.expect("no trap"),
                vec![Val::I64(a.wrapping_mul(b))],
                "{mode:?}"
            );
        }
        for (a, b, c) in [
            (1.5, -2.0, 0.25),
            (0.0, -0.0, -0.0),
            (f64::NAN, 1.0, 2.0),
            (1e308, 10.0, 0.0),
        ] {
            let args = [Val::from_f64(a), Val::from_f64(b), Val::from_f64(c)];
            let got = try_call(store, instance, "fma64", &args).expect("no trap");
            let want = (a * b) + c;
            assert!(
                matches!(got[..], [Val::F64(v)] if v == want.to_bits() || (f64::from_bits(v).is_nan() && want.is_nan())),
                "fma64({a}, {b}, {c}) = {got:?} in {mode:?}"
            );
            let got = try_call(store, instance, "div64", &args[..2]).expect("no trap");
            let want = a / b;
            assert!(
                matches!(got[..], [Val::F64(v)] if v == want.to_bits() || (f64::from_bits(v).is_nan() && want.is_nan())),
                "div64({a}, {b}) = {got:?} in {mode:?}"
            );
        }
        let mut acc = 0i32;
        for i in 0..100 {
            acc = FUNCS[(i % 6) as usize].2(acc, i) as i32;
        }
        let got = try_call(store, instance, "through_table", &[Val::I32(100)]);
        assert_eq!(got.expect("no trap"), vec![Val::I32(acc)], "{mode:?}");
    });
}

/// Naive Fibonacci, whose recursive case returns the sum it has just computed.
const FIB: &str = r#"(module
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "run") (result i32) (call $fib (i32.const 10))))"#;

#[test]
fn a_recursion_returning_from_the_register_pauses_at_every_budget_and_resumes() {
    common::assert_resumes_from_every_budget(FIB, &[Val::I32(55)], 7);
}
