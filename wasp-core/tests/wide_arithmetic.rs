//! The wide-arithmetic proposal (`i64.add128`, `i64.sub128`, `i64.mul_wide_s`,
//! `i64.mul_wide_u`): results checked against Rust's `u128`/`i128`, the gas figures derived by
//! hand from the price list, and a call paused right in front of `i64.mul_wide_u`, saved to a
//! snapshot and finished in a new store.
//!
//! None of the four instructions can trap; the spec runner covers the proposal's own script.

mod common;

use common::engine;
use wasp_core::{CallOutcome, Engine, Instance, Linker, Module, Store, Val};

const PROGRAM: &str = r#"(module
  (func (export "add128") (param i64 i64 i64 i64) (result i64 i64)
    (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "sub128") (param i64 i64 i64 i64) (result i64 i64)
    (i64.sub128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "mul_wide_s") (param i64 i64) (result i64 i64)
    (i64.mul_wide_s (local.get 0) (local.get 1)))
  (func (export "mul_wide_u") (param i64 i64) (result i64 i64)
    (i64.mul_wide_u (local.get 0) (local.get 1)))
  ;; x * x + 1 as 128 bits, with both halves set into locals and a constant right operand.
  (func (export "square_plus_one") (param i64) (result i64 i64) (local $lo i64) (local $hi i64)
    (i64.mul_wide_u (local.get 0) (local.get 0))
    (local.set $hi)
    (local.set $lo)
    (i64.add128 (local.get $lo) (local.get $hi) (i64.const 1) (i64.const 0)))
  ;; The 128-bit sum of x_i * x_i for i = 1..n, x_i = i * K (wrapping).
  (func (export "sum_squares") (param $n i64) (result i64 i64)
    (local $i i64) (local $x i64) (local $lo i64) (local $hi i64)
    (local.set $i (i64.const 1))
    (local.set $x (i64.const 0x9E3779B97F4A7C15))
    (loop $l
      (i64.add128 (local.get $lo) (local.get $hi)
                  (i64.mul_wide_u (local.get $x) (local.get $x)))
      (local.set $hi)
      (local.set $lo)
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (local.set $x (i64.mul (local.get $i) (i64.const 0x9E3779B97F4A7C15)))
      (br_if $l (i64.le_u (local.get $i) (local.get $n))))
    (local.get $lo)
    (local.get $hi)))"#;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Gas of `sum_squares n` (default prices):
/// - the entry block: i64.const 1 + local.set 1 + i64.const 1 + local.set 1 + loop 0 = 4;
/// - each iteration: 4 local.get + i64.mul_wide_u 1 + i64.add128 1 + 2 local.set
///   = 8; local.get + i64.const + i64.add + local.set = 4; the same with i64.mul = 4;
///   local.get + local.get + i64.le_u + br_if = 4: 20;
/// - after the loop: 2 local.get = 2.
fn sum_squares_gas(n: u64) -> u64 {
    4 + 20 * n + 2
}

fn sum_squares(n: u64) -> u128 {
    (1..=n)
        .map(|i| u128::from(i.wrapping_mul(K)).pow(2))
        .fold(0u128, u128::wrapping_add)
}

fn instantiate(engine: &Engine, module: &Module) -> (Store<()>, Instance) {
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, module)
        .expect("instantiates");
    (store, instance)
}

fn halves(v: u128) -> Vec<Val> {
    vec![Val::I64(v as u64 as i64), Val::I64((v >> 64) as u64 as i64)]
}

fn args(values: &[u64]) -> Vec<Val> {
    values.iter().map(|&v| Val::I64(v as i64)).collect()
}

fn call(store: &mut Store<()>, instance: &Instance, name: &str, params: &[u64]) -> Vec<Val> {
    let func = instance.get_func(&*store, name).expect("exported function");
    let mut results = vec![Val::I64(0); 2];
    func.call(&mut *store, &args(params), &mut results)
        .expect("runs");
    results
}

const EDGES: [u64; 7] = [
    0,
    1,
    2,
    0x7fff_ffff_ffff_ffff,
    0x8000_0000_0000_0000,
    u64::MAX,
    K,
];

#[test]
fn results_match_128_bit_arithmetic() {
    for metered in [false, true] {
        let engine = engine(metered);
        let module = Module::new(&engine, PROGRAM).unwrap();
        let (mut store, instance) = instantiate(&engine, &module);
        if metered {
            store.set_gas(u64::MAX / 2).unwrap();
        }
        for &a in &EDGES {
            for &b in &EDGES {
                let (x, y) = (
                    u128::from(a) | u128::from(b) << 64,
                    u128::from(b) | 1 << 100,
                );
                let got = call(&mut store, &instance, "add128", &[a, b, b, 1 << 36]);
                assert_eq!(got, halves(x.wrapping_add(y)), "add128 {a:#x} {b:#x}");
                let got = call(&mut store, &instance, "sub128", &[a, b, b, 1 << 36]);
                assert_eq!(got, halves(x.wrapping_sub(y)), "sub128 {a:#x} {b:#x}");
                let signed = i128::from(a as i64) * i128::from(b as i64);
                let got = call(&mut store, &instance, "mul_wide_s", &[a, b]);
                assert_eq!(got, halves(signed as u128), "mul_wide_s {a:#x} {b:#x}");
                let unsigned = u128::from(a) * u128::from(b);
                let got = call(&mut store, &instance, "mul_wide_u", &[a, b]);
                assert_eq!(got, halves(unsigned), "mul_wide_u {a:#x} {b:#x}");
            }
            let got = call(&mut store, &instance, "square_plus_one", &[a]);
            assert_eq!(got, halves(u128::from(a) * u128::from(a) + 1));
        }
        let got = call(&mut store, &instance, "sum_squares", &[1000]);
        assert_eq!(got, halves(sum_squares(1000)));
    }
}

#[test]
fn gas_figures_follow_the_price_list() {
    let engine = engine(true);
    let module = Module::new(&engine, PROGRAM).unwrap();
    let (mut store, instance) = instantiate(&engine, &module);
    // (export, params, gas): 4 local.get + add128/sub128 1 = 5; 2 local.get + mul_wide 1 = 3;
    // square_plus_one: 2 local.get + mul_wide_u 1 + 2 local.set + 2 local.get
    // + 2 i64.const + add128 1 = 10.
    let cases: [(&str, &[u64], u64); 5] = [
        ("add128", &[1, 2, 3, 4], 5),
        ("sub128", &[1, 2, 3, 4], 5),
        ("mul_wide_s", &[5, 6], 3),
        ("mul_wide_u", &[5, 6], 3),
        ("square_plus_one", &[7], 10),
    ];
    for (name, params, want) in cases.into_iter().chain([("sum_squares", &[10][..], 206)]) {
        let func = instance.get_func(&store, name).unwrap();
        store.set_gas(1_000).unwrap();
        match func.call_resumable(&mut store, &args(params)).unwrap() {
            CallOutcome::Finished { gas_used, .. } => assert_eq!(gas_used, want, "{name}"),
            other => panic!("{name}: expected the call to finish, got {other:?}"),
        }
    }
    assert_eq!(sum_squares_gas(10), 206);
}

/// Paused at the head of iteration `k + 1` (its block starts with `i64.mul_wide_u`), saved,
/// restored into a new store and finished there: same results, same total gas.
#[test]
fn a_call_paused_at_mul_wide_resumes_from_a_snapshot() {
    let engine = engine(true);
    let module = Module::new(&engine, PROGRAM).unwrap();
    let n = 500;
    for k in [0, 1, 17, 499] {
        let (mut first, instance) = instantiate(&engine, &module);
        let func = instance.get_func(&first, "sum_squares").unwrap();
        // The entry block, k iterations and 7 of the 20 the next one needs.
        first.set_gas(4 + 20 * k + 7).unwrap();
        let paused = match func.call_resumable(&mut first, &args(&[n])).unwrap() {
            CallOutcome::OutOfGas(paused) => paused,
            other => panic!("expected a pause, got {other:?}"),
        };
        assert_eq!(paused.gas_needed(), Some(13));
        let bytes = first.snapshot(Some(&paused));
        drop(first);

        let (mut second, _) = instantiate(&engine, &module);
        let paused = second.restore(&bytes).unwrap().expect("a paused call");
        second.set_gas(u64::MAX / 2).unwrap();
        match paused.resume(&mut second, &[]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, halves(sum_squares(n)), "paused after {k}");
                assert_eq!(gas_used, sum_squares_gas(n), "paused after {k}");
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
    }
}
