//! SIMD under gas metering and snapshots: the price list's `simd` price, a call paused for
//! gas at every point of a SIMD loop and resumed (directly, or from a snapshot in a new
//! store) with the same results and the same total gas, while `v128` values live in a loop
//! parameter, a local and a global; and restore refusing a snapshot whose `v128` data does
//! not fit.

use wasp_core::{CallOutcome, Config, Engine, Instance, Linker, Module, Store, Val, V128};

const PROGRAM: &str = r#"(module
  (global $acc (export "acc") (mut v128) (v128.const i64x2 0 0))
  (global $seed v128 (v128.const i32x4 1 2 3 4))
  ;; v = v * K + seed (i32x4) carried as the loop's v128 parameter; acc ^= bytes of v reversed.
  (func (export "run") (param $n i32) (result v128) (local $i i32) (local $t v128)
    (global.get $seed)
    (loop $l (param v128) (result v128)
      (i32x4.mul (i32x4.splat (i32.const 0x9E3779B1)))
      (i32x4.add (global.get $seed))
      (local.tee $t)
      (global.set $acc (v128.xor (global.get $acc)
        (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get $t) (local.get $t))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))))"#;

const K: u32 = 0x9E37_79B1;

/// `run n` and the final `acc`, computed in Rust.
fn reference(n: u32) -> (u128, u128) {
    let lanes = |v: u128| -> [u32; 4] { std::array::from_fn(|i| (v >> (32 * i)) as u32) };
    let join = |l: [u32; 4]| l.iter().rev().fold(0u128, |v, &x| v << 32 | u128::from(x));
    let seed = join([1, 2, 3, 4]);
    let (mut v, mut acc) = (seed, 0u128);
    for _ in 0..n.max(1) {
        let (a, s) = (lanes(v), lanes(seed));
        v = join(std::array::from_fn(|i| {
            a[i].wrapping_mul(K).wrapping_add(s[i])
        }));
        acc ^= v.swap_bytes();
    }
    (v, acc)
}

/// Gas of `run n` at the default prices: `global.get` 1 on entry; each iteration pays
/// 13 base-priced instructions (i32.const, global.get, local.tee, global.get, 2 local.get,
/// global.set, local.get, i32.const, i32.add, local.set, 2 local.get, i32.lt_u, br_if: 15)
/// and 5 SIMD instructions at 2 (splat, mul, add, shuffle, xor): 25.
fn gas(n: u32) -> u64 {
    1 + 25 * u64::from(n.max(1))
}

fn setup() -> (Engine, Module) {
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, PROGRAM).unwrap();
    (engine, module)
}

fn instantiate(engine: &Engine, module: &Module) -> (Store<()>, Instance) {
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine).instantiate(&mut store, module).unwrap();
    (store, instance)
}

fn v(x: u128) -> Val {
    Val::V128(V128::from(x))
}

fn acc(store: &Store<()>, instance: &Instance) -> Val {
    instance.get_global(store, "acc").unwrap().get(store)
}

#[test]
fn simd_instructions_pay_the_simd_price() {
    let (engine, module) = setup();
    let (mut store, instance) = instantiate(&engine, &module);
    let run = instance.get_func(&store, "run").unwrap();
    for n in [1, 2, 10] {
        store.set_gas(10_000).unwrap();
        match run
            .call_resumable(&mut store, &[Val::I32(n as i32)])
            .unwrap()
        {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, [v(reference(n).0)], "run {n}");
                assert_eq!(gas_used, gas(n), "run {n}");
            }
            other => panic!("expected run {n} to finish, got {other:?}"),
        }
    }
}

/// Every budget short of the total pauses; topping up by the same budget resumes exactly:
/// the same results, and the total paid is the uninterrupted call's.
#[test]
fn a_call_paused_anywhere_in_a_simd_loop_resumes_exactly() {
    let (engine, module) = setup();
    let n = 6;
    for budget in 0..gas(n) {
        let (mut store, instance) = instantiate(&engine, &module);
        let run = instance.get_func(&store, "run").unwrap();
        let step = budget.max(25);
        store.set_gas(budget).unwrap();
        let mut outcome = run
            .call_resumable(&mut store, &[Val::I32(n as i32)])
            .unwrap();
        let mut total = budget - store.gas_left().unwrap();
        let results = loop {
            match outcome {
                CallOutcome::OutOfGas(paused) => {
                    store.set_gas(step).unwrap();
                    outcome = paused.resume(&mut store, &[]).unwrap();
                    total += step - store.gas_left().unwrap();
                }
                CallOutcome::Finished { results, .. } => break results,
                other => panic!("unexpected outcome {other:?}"),
            }
        };
        let (want, want_acc) = reference(n);
        assert_eq!(results, [v(want)], "budget {budget}");
        assert_eq!(acc(&store, &instance), v(want_acc), "budget {budget}");
        assert_eq!(total, gas(n), "budget {budget}");
    }
}

/// Paused with a `v128` loop parameter, a `v128` local and a `v128` global live, saved,
/// restored into a new store and finished there: same result, same total gas.
#[test]
fn a_snapshot_with_live_vectors_restores() {
    let (engine, module) = setup();
    let n = 40;
    for k in [0, 1, 17, 39] {
        let (mut first, instance) = instantiate(&engine, &module);
        let run = instance.get_func(&first, "run").unwrap();
        // The entry, k iterations and 3 of the next one's 25.
        first.set_gas(1 + 25 * k + 3).unwrap();
        let paused = match run
            .call_resumable(&mut first, &[Val::I32(n as i32)])
            .unwrap()
        {
            CallOutcome::OutOfGas(paused) => paused,
            other => panic!("expected a pause, got {other:?}"),
        };
        // The next iteration costs 25, of which 3 are there.
        assert_eq!(paused.gas_needed(), Some(22));
        let bytes = first.snapshot(Some(&paused));
        drop(first);

        let (mut second, instance) = instantiate(&engine, &module);
        let paused = second.restore(&bytes).unwrap().expect("a paused call");
        second.set_gas(1_000_000).unwrap();
        match paused.resume(&mut second, &[]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, [v(reference(n).0)], "paused after {k}");
                assert_eq!(gas_used, gas(n), "paused after {k}");
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
        assert_eq!(
            acc(&second, &instance),
            v(reference(n).1),
            "paused after {k}"
        );
    }
}

/// The immutable `v128` global `$seed` must match the module's, both halves; a snapshot cut
/// inside a `v128` global is refused.
#[test]
fn restore_refuses_corrupt_vector_data() {
    let (engine, module) = setup();
    let (mut store, instance) = instantiate(&engine, &module);
    let run = instance.get_func(&store, "run").unwrap();
    store.set_gas(10).unwrap();
    let CallOutcome::OutOfGas(paused) = run.call_resumable(&mut store, &[Val::I32(5)]).unwrap()
    else {
        panic!("expected a pause");
    };
    let bytes = store.snapshot(Some(&paused));
    // `$seed`'s high half is lanes 2 and 3: the little-endian bytes 3, 0, 0, 0, 4, 0, 0, 0.
    let high = [3u8, 0, 0, 0, 4, 0, 0, 0];
    let at = bytes
        .windows(8)
        .position(|w| w == high)
        .expect("the seed's high half is in the snapshot");
    let mut corrupt = bytes.clone();
    corrupt[at] = 9;
    let (mut fresh, _) = instantiate(&engine, &module);
    let err = fresh.restore(&corrupt).unwrap_err();
    assert!(err.to_string().contains("immutable global"), "{err}");
    let (mut fresh, _) = instantiate(&engine, &module);
    assert!(fresh.restore(&bytes[..at + 4]).is_err(), "a cut snapshot");
}
