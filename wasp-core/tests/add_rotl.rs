//! The add of a constant fused with the rotation of its sum (`I32AddImmRotl`): every rotation
//! count (including counts of 32 and more, which wrap, and negative ones) and constants
//! across the wrap-around of i32 give the results of the Wasm semantics, metered or not, and
//! the gas of the operators the program has; a pause at every budget resumes to the same
//! result.

mod common;

use common::engine;
use wasp_core::{CallOutcome, Linker, Module, Store, Val};

/// `b + rotl(a + k, s)`, written as in MD5's step.
fn wat(k: i32, s: i32) -> String {
    format!(
        r#"(module (func (export "run") (param $a i32) (param $b i32) (result i32)
          (local.set $a (i32.add (local.get $b)
            (i32.rotl (i32.add (local.get $a) (i32.const {k})) (i32.const {s}))))
          (local.get $a)))"#
    )
}

/// Operators charged: local.get, local.get, const, add, const, rotl, add, local.set,
/// local.get.
const GAS: u64 = 9;

fn reference(a: i32, b: i32, k: i32, s: i32) -> i32 {
    b.wrapping_add(a.wrapping_add(k).rotate_left(s as u32 % 32))
}

const CONSTANTS: [i32; 5] = [0, 1, -680876936, i32::MAX, i32::MIN];
const COUNTS: [i32; 7] = [0, 1, 7, 31, 32, 45, -3];
const INPUTS: [(i32, i32); 4] = [(0, 0), (-1, 3), (i32::MAX, 1), (0x1234_5678, -0x7654_3211)];

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics() {
    for k in CONSTANTS {
        for s in COUNTS {
            for gas in [false, true] {
                let engine = engine(gas);
                let module = Module::new(&engine, wat(k, s)).unwrap();
                let mut store = Store::new(&engine, ());
                if gas {
                    store.set_gas(1_000).unwrap();
                }
                let instance = Linker::new(&engine)
                    .instantiate(&mut store, &module)
                    .unwrap();
                let run = instance
                    .get_typed_func::<(i32, i32), i32>(&store, "run")
                    .unwrap();
                for (a, b) in INPUTS {
                    let before = store.gas_left();
                    let got = run.call(&mut store, (a, b)).unwrap();
                    assert_eq!(got, reference(a, b, k, s), "k {k}, s {s}, a {a}, b {b}");
                    if gas {
                        let used = before.unwrap() - store.gas_left().unwrap();
                        assert_eq!(used, GAS, "k {k}, s {s}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_pause_at_every_budget_resumes_to_the_same_result() {
    let (k, s, a, b) = (-680876936, 39, 0x1234_5678, 77);
    let engine = engine(true);
    let module = Module::new(&engine, wat(k, s)).unwrap();
    for budget in 0..=GAS {
        let mut store = Store::new(&engine, ());
        store.set_gas(budget).unwrap();
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = instance.get_func(&store, "run").unwrap();
        let mut outcome = run
            .call_resumable(&mut store, &[Val::I32(a), Val::I32(b)])
            .unwrap();
        let mut pauses = 0;
        let result = loop {
            match outcome {
                CallOutcome::OutOfGas(paused) => {
                    pauses += 1;
                    assert_eq!(paused.gas_used(), 0, "budget {budget}");
                    let needed = paused.gas_needed().unwrap();
                    let left = store.gas_left().unwrap();
                    store.set_gas(left + needed).unwrap();
                    outcome = paused.resume(&mut store, &[]).unwrap();
                }
                CallOutcome::Finished { results, gas_used } => {
                    assert_eq!(gas_used, GAS, "budget {budget}");
                    break results[0];
                }
                other => panic!("only gas pauses here, found {other:?}"),
            }
        };
        assert_eq!(pauses, usize::from(budget < GAS), "budget {budget}");
        assert!(
            matches!(result, Val::I32(r) if r == reference(a, b, k, s)),
            "budget {budget}: {result:?}"
        );
    }
}
