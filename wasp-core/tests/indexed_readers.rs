//! Array accesses (`base + (index << k)`, the `*Idx` instructions) reading their index, or
//! a store its value, from the result register when the instruction right before computed
//! it: every width against the Wasm semantics (computed here in Rust), metered or not,
//! traced (every step starts a new handler chain, which reloads the register), out of
//! bounds, and a loop of them paused at every budget and resumed through snapshots.

mod common;

use common::{as_i64, each_mode, engine, instantiate_with_gas, run_topped_up, trap_of, try_call};

use wasp_core::{Store, TrapCode, Val};

/// The bytes memory starts with.
fn memory_bytes() -> Vec<u8> {
    (0..64u32).map(|i| (i * 53 + 7) as u8).collect()
}

/// The first 256 bytes of memory: [`memory_bytes`], then zeros.
fn memory_start() -> Vec<u8> {
    let mut bytes = memory_bytes();
    bytes.resize(256, 0);
    bytes
}

/// Each load, with its scale (log2 of its width) and result type.
const LOADS: &[(&str, u32, &str)] = &[
    ("i32.load8_s", 0, "i32"),
    ("i32.load8_u", 0, "i32"),
    ("i32.load16_s", 1, "i32"),
    ("i32.load16_u", 1, "i32"),
    ("i32.load", 2, "i32"),
    ("i64.load32_s", 2, "i64"),
    ("i64.load32_u", 2, "i64"),
    ("i64.load", 3, "i64"),
];

/// Each store, with its scale and the width of its value.
const STORES: &[(&str, u32, &str)] = &[
    ("i32.store8", 0, "i32"),
    ("i32.store16", 1, "i32"),
    ("i32.store", 2, "i32"),
    ("i64.store", 3, "i64"),
];

/// `(base + (index << k))` of the element `index` of an array at `base`.
fn element(index: &str, k: u32) -> String {
    match k {
        0 => format!("(i32.add (local.get $b) {index})"),
        _ => format!("(i32.add (local.get $b) (i32.shl {index} (i32.const {k})))"),
    }
}

/// Every load of element `x - y` at `b`, and every store of `x - y` at element `y`, the
/// stored bytes then read back as an i64.
fn module() -> String {
    let data: String = memory_bytes()
        .iter()
        .map(|b| format!("\\{b:02x}"))
        .collect();
    let mut m = format!("(module (memory 1) (data (i32.const 0) \"{data}\")\n");
    let index = "(i32.sub (local.get $x) (local.get $y))";
    for &(load, k, t) in LOADS {
        m += &format!(
            "(func (export \"{load}\") (param $b i32) (param $x i32) (param $y i32) (result {t})
               ({load} {}))\n",
            element(index, k)
        );
    }
    for &(store, k, t) in STORES {
        let value = match t {
            "i32" => index.to_string(),
            _ => "(i64.sub (i64.extend_i32_s (local.get $x)) (i64.extend_i32_s (local.get $y)))"
                .to_string(),
        };
        m += &format!(
            "(func (export \"{store}\") (param $b i32) (param $x i32) (param $y i32) (result i64)
               ({store} {} {value})
               (i64.load (i32.const 0)))\n",
            element("(local.get $y)", k)
        );
    }
    m + ")"
}

/// Little-endian bytes of `bytes` from `at`, `n` of them, sign-extended from `n` bytes
/// when `signed`.
fn le(bytes: &[u8], at: usize, n: usize, signed: bool) -> i64 {
    let v = bytes[at..at + n]
        .iter()
        .rev()
        .fold(0u64, |v, &b| v << 8 | u64::from(b));
    let shift = 64 - 8 * n as u32;
    match signed {
        true => ((v << shift) as i64) >> shift,
        false => v as i64,
    }
}

/// What `load` of element `x - y` at `b` gives, as [`as_i64`] reads it.
fn load_reference(load: &str, k: u32, (b, x, y): (i32, i32, i32)) -> i64 {
    let at = b.wrapping_add(x.wrapping_sub(y) << k) as usize;
    let n = 1 << k;
    let signed = load.ends_with("_s") || load == "i32.load";
    le(&memory_start(), at, n, signed)
}

/// What the first 8 bytes of memory hold after `store` of `x - y` at element `y` of `b`.
fn store_reference(k: u32, (b, x, y): (i32, i32, i32)) -> i64 {
    let mut bytes = memory_start();
    let at = b.wrapping_add(y << k) as usize;
    let v = i64::from(x.wrapping_sub(y)).to_le_bytes();
    bytes[at..at + (1 << k)].copy_from_slice(&v[..1 << k]);
    le(&bytes, 0, 8, false)
}

/// `(b, x, y)`: negative indexes included, every address in bounds.
const ARGS: [(i32, i32, i32); 4] = [(0, 5, 2), (8, 3, 3), (40, 1, 4), (48, -2, -5)];

fn call(
    store: &mut Store<()>,
    instance: &wasp_core::Instance,
    name: &str,
    a: (i32, i32, i32),
) -> i64 {
    let args = [Val::I32(a.0), Val::I32(a.1), Val::I32(a.2)];
    as_i64(&try_call(store, instance, name, &args).expect(name)[0])
}

#[test]
fn indexed_loads_and_stores_reading_the_register_compute_what_wasm_does() {
    each_mode(module(), |store, instance, mode| {
        for a in ARGS {
            for &(load, k, _) in LOADS {
                let got = call(store, instance, load, a);
                assert_eq!(got, load_reference(load, k, a), "{load} {a:?} {mode:?}");
            }
            for &(name, k, _) in STORES {
                let (mut fresh, instance) = instantiate_with_gas(&engine(mode.gas), module());
                let got = call(&mut fresh, &instance, name, a);
                assert_eq!(got, store_reference(k, a), "{name} {a:?} {mode:?}");
            }
        }
    });
}

#[test]
fn an_indexed_access_reading_the_register_traps_out_of_bounds() {
    for gas in [false, true] {
        let (mut store, instance) = instantiate_with_gas(&engine(gas), module());
        let names = LOADS.iter().chain(STORES).map(|&(name, _, _)| name);
        for name in names {
            let args = [Val::I32(65534), Val::I32(40), Val::I32(2)];
            let trap = trap_of(try_call(&mut store, &instance, name, &args));
            assert_eq!(trap, Some(TrapCode::MemoryOutOfBounds), "{name} gas {gas}");
        }
    }
}

/// A loop of indexed loads and stores whose index and stored value are computed right
/// before them: `a[i + 1] = a[(i * 7) & 7] + i` over a table of i32 at 64.
const LOOP: &str = r#"(module (memory 1)
  (func (export "run") (result i64) (local $i i32) (local $s i64)
    (loop $l
      (i32.store (i32.add (i32.const 64) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))
        (i32.add (i32.load (i32.add (i32.const 64)
                   (i32.shl (i32.and (i32.mul (local.get $i) (i32.const 7)) (i32.const 7)) (i32.const 2))))
                 (local.get $i)))
      (local.set $s (i64.add (local.get $s)
        (i64.load8_u (i32.add (i32.const 64) (i32.and (local.get $i) (i32.const 31))))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 40))))
    (local.get $s)))"#;

fn loop_reference() -> i64 {
    let mut a = [0i32; 48];
    let mut mem = vec![0u8; 256];
    let mut s = 0i64;
    for i in 0..40i32 {
        a[(i + 1) as usize] = a[((i * 7) & 7) as usize].wrapping_add(i);
        for (j, v) in a.iter().enumerate() {
            mem[64 + 4 * j..68 + 4 * j].copy_from_slice(&v.to_le_bytes());
        }
        s += i64::from(mem[64 + (i & 31) as usize]);
    }
    s
}

#[test]
fn a_loop_of_indexed_readers_pauses_at_every_budget_and_resumes_through_snapshots() {
    let want = vec![Val::I64(loop_reference())];
    assert_eq!(run_topped_up(LOOP, &[], None, false).results, want);
    common::assert_resumes_from_every_budget(LOOP, &want, 11);
}
