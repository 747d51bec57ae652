//! Fused pairs and fused operators reading an operand from the result register
//! (`translator/result_register.rs`), one function per line of `fixtures/pair_readers.txt`:
//! each against the Wasm semantics computed here, at values where they are easy to get wrong
//! (wrap-around, sign bits, all ones), metered or not, traced (every step a handler chain of
//! its own, which reloads the register from the slot); and a hash loop made of them, paused
//! at every budget and resumed through snapshots.

mod common;

use common::{as_i64, run_topped_up, try_call};

use wasp_core::Val;

/// Every line of the fixture: `(name, type, expression)`.
fn cases() -> Vec<(&'static str, &'static str, &'static str)> {
    include_str!("fixtures/pair_readers.txt")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let mut words = line.splitn(4, ' ');
            let mut next = || words.next().expect("four fields");
            let (name, ty, _reader) = (next(), next(), next());
            (name, ty, next())
        })
        .collect()
}

/// One exported function per case: `$t = $a - $b`, then the case's expression.
fn module() -> String {
    let mut m = String::from("(module\n");
    for (name, ty, expr) in cases() {
        m += &format!(
            "(func (export \"{name}\") (param $a {ty}) (param $b {ty}) (param $c {ty}) \
             (result {ty}) (local $t {ty})
               (local.set $t ({ty}.sub (local.get $a) (local.get $b)))
               {expr})\n"
        );
    }
    m + ")"
}

/// What the i32 case `name` computes from `t = a - b` and the arguments.
fn i32_reference(name: &str, t: u32, a: u32, b: u32, c: u32) -> u32 {
    match name {
        "add_add" => t.wrapping_add(c).wrapping_add(a),
        "mul_add" => c.wrapping_mul(t).wrapping_add(a),
        "and_add" => (t & c).wrapping_add(b),
        "xor_add" => (c ^ t).wrapping_add(a),
        "shl_xor" => (t << 13) ^ c,
        "shl_xor_other" => (c << 13) ^ t,
        "shr_xor" => (t >> 17) ^ c,
        "shr_xor_other" => (c >> 17) ^ t,
        "shr_add" => (t >> 3).wrapping_add(c),
        "shr_add_other" => (c >> 3).wrapping_add(t),
        "and_imm_add" => (t & 4095).wrapping_add(c),
        "and_imm_add_other" => (c & 4095).wrapping_add(t),
        "add_add_imm" => c.wrapping_add(t).wrapping_sub(77),
        "mul_add_imm" => t.wrapping_mul(c).wrapping_add(9),
        "shr_and_imm" => (t >> 5) & 1023,
        "add_imm_and_imm" => t.wrapping_add(100) & 255,
        "and_imm_add_imm" => (t & 65520) + 3,
        "mul_imm_add_imm" => t.wrapping_mul(31).wrapping_add(7),
        "add_imm_rotl" => t.wrapping_add(1_518_500_249).rotate_left(7),
        "and_not" => t & !c,
        "and_not_rhs" => c & !t,
        "or_not" => t | !c,
        "or_not_rhs" => c | !t,
        other => panic!("no i32 reference for {other}"),
    }
}

/// What the i64 case `name` computes from `t = a - b` and the arguments.
fn i64_reference(name: &str, t: u64, a: u64, b: u64, c: u64) -> u64 {
    match name {
        "mul_add_64" => t.wrapping_mul(c).wrapping_add(a),
        "add_xor_64" => c.wrapping_add(t) ^ b,
        "shl_add_64" => (t << 21).wrapping_add(c),
        "shl_add_other_64" => (c << 21).wrapping_add(t),
        "and_not_64" => t & !c,
        "and_not_rhs_64" => c & !t,
        "or_not_64" => t | !c,
        "or_not_rhs_64" => c | !t,
        other => panic!("no i64 reference for {other}"),
    }
}

const I32_VALUES: &[i32] = &[0, 1, -1, 13, 4096, i32::MIN, i32::MAX, 0x5a82_7999];
const I64_VALUES: &[i64] = &[0, 1, -1, 21, 1 << 43, i64::MIN, i64::MAX, 0x5a82_7999];

/// The arguments and the expected result of every case at every triple of values.
fn expectations() -> Vec<(&'static str, [Val; 3], i64)> {
    let mut out = Vec::new();
    for (name, ty, _) in cases() {
        let width_64 = ty == "i64";
        let values: Vec<i64> = if width_64 {
            I64_VALUES.to_vec()
        } else {
            I32_VALUES.iter().map(|&v| i64::from(v)).collect()
        };
        for &a in &values {
            for &b in &values {
                for &c in &values {
                    let (args, want) = if width_64 {
                        let (a, b, c) = (a as u64, b as u64, c as u64);
                        let want = i64_reference(name, a.wrapping_sub(b), a, b, c) as i64;
                        (
                            [Val::I64(a as i64), Val::I64(b as i64), Val::I64(c as i64)],
                            want,
                        )
                    } else {
                        let (a, b, c) = (a as u32, b as u32, c as u32);
                        let want = i32_reference(name, a.wrapping_sub(b), a, b, c) as i32;
                        let args = [Val::I32(a as i32), Val::I32(b as i32), Val::I32(c as i32)];
                        (args, i64::from(want))
                    };
                    out.push((name, args, want));
                }
            }
        }
    }
    out
}

#[test]
fn every_reader_computes_what_its_operators_do_metered_or_not_traced_or_not() {
    let expectations = expectations();
    assert_eq!(cases().len(), 31);
    common::each_mode(module(), |store, instance, mode| {
        for (name, args, want) in &expectations {
            let got = try_call(store, instance, name, args)
                .unwrap_or_else(|e| panic!("{name}{args:?}: {e}"));
            assert_eq!(as_i64(&got[0]), *want, "{name}{args:?}, {mode:?}");
        }
    });
}

/// A hash loop whose every step reads the value the step before it computed.
const HASH: &str = r#"(module
  (func (export "run") (result i64) (local $i i32) (local $h i32) (local $t i32) (local $w i64)
    (local.set $h (i32.const 0x12345678))
    (local.set $w (i64.const 99))
    (loop $l
      (local.set $t (i32.sub (local.get $h) (local.get $i)))
      (local.set $h (i32.xor (i32.shr_u (local.get $t) (i32.const 17)) (local.get $t)))
      (local.set $h (i32.xor (i32.shl (local.get $h) (i32.const 13)) (local.get $h)))
      (local.set $h (i32.rotl (i32.add (local.get $h) (i32.const 0x5a827999)) (i32.const 7)))
      (local.set $h (i32.add (i32.mul (local.get $h) (local.get $i)) (i32.const 9)))
      (local.set $h (i32.and (local.get $h) (i32.xor (local.get $t) (i32.const -1))))
      (local.set $h (i32.add (i32.and (local.get $h) (i32.const 4095)) (local.get $t)))
      (local.set $w (i64.sub (local.get $w) (i64.extend_i32_u (local.get $h))))
      (local.set $w (i64.add (i64.shl (local.get $w) (i64.const 21)) (local.get $w)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 50))))
    (i64.add (local.get $w) (i64.extend_i32_u (local.get $h)))))"#;

/// The result of [`HASH`], computed here.
fn hash_reference() -> i64 {
    let (mut h, mut w) = (0x1234_5678u32, 99u64);
    for i in 0..50u32 {
        let t = h.wrapping_sub(i);
        h = (t >> 17) ^ t;
        h ^= h << 13;
        h = h.wrapping_add(0x5a82_7999).rotate_left(7);
        h = h.wrapping_mul(i).wrapping_add(9);
        h &= !t;
        h = (h & 4095).wrapping_add(t);
        w = w.wrapping_sub(u64::from(h));
        w = (w << 21).wrapping_add(w);
    }
    w.wrapping_add(u64::from(h)) as i64
}

#[test]
fn a_hash_loop_of_readers_pauses_at_every_budget_and_resumes_through_snapshots() {
    let want = vec![Val::I64(hash_reference())];
    assert_eq!(run_topped_up(HASH, &[], None, false).results, want);
    common::assert_resumes_from_every_budget(HASH, &want, 5);
}
