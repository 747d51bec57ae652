//! A bitwise not (`xor` with -1) fused with the `and` or `or` consuming it (`I32AndNot`,
//! `I32OrNot` and the i64 forms): with the not on either side, in i32 and i64, the results are
//! those of the Wasm semantics, metered or not, and the gas that of the operators.

use wasp_core::{Config, Engine, Linker, Module, Store, Val};

/// `op(a, ~b)` or `op(~b, a)` in `t`.
fn wat(t: &str, op: &str, not_left: bool) -> String {
    let not = format!("({t}.xor (local.get $b) ({t}.const -1))");
    let (l, r) = if not_left {
        (not.as_str(), "(local.get $a)")
    } else {
        ("(local.get $a)", not.as_str())
    };
    format!(
        r#"(module (func (export "run") (param $a {t}) (param $b {t}) (result {t})
          ({t}.{op} {l} {r})))"#
    )
}

/// local.get, local.get, const, xor, and/or.
const GAS: u64 = 5;

const INPUTS: [(i64, i64); 5] = [
    (0, 0),
    (-1, 0),
    (0x0f0f_0f0f_0f0f_0f0f, 0x00ff_00ff_00ff_00ff),
    (i64::MIN, i64::MAX),
    (0x1234_5678, -0x7654_3211),
];

fn reference(wide: bool, op: &str, a: i64, b: i64) -> i64 {
    let v = if op == "and" { a & !b } else { a | !b };
    if wide {
        v
    } else {
        i64::from(v as i32)
    }
}

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics() {
    for (t, wide) in [("i32", false), ("i64", true)] {
        for op in ["and", "or"] {
            for not_left in [false, true] {
                for gas in [false, true] {
                    let mut config = Config::default();
                    config.gas_metering(gas);
                    let engine = Engine::new(&config);
                    let module = Module::new(&engine, wat(t, op, not_left)).unwrap();
                    let mut store = Store::new(&engine, ());
                    if gas {
                        store.set_gas(1_000).unwrap();
                    }
                    let instance = Linker::new(&engine)
                        .instantiate(&mut store, &module)
                        .unwrap();
                    let run = instance.get_func(&store, "run").unwrap();
                    for (a, b) in INPUTS {
                        let args = if wide {
                            [Val::I64(a), Val::I64(b)]
                        } else {
                            [Val::I32(a as i32), Val::I32(b as i32)]
                        };
                        let before = store.gas_left();
                        let mut out = [args[0]];
                        run.call(&mut store, &args, &mut out).unwrap();
                        let got = match out[0] {
                            Val::I32(v) => i64::from(v),
                            Val::I64(v) => v,
                            other => panic!("an integer, found {other:?}"),
                        };
                        let at = format!("{t}.{op}, not on the left {not_left}, {a} {b}");
                        assert_eq!(got, reference(wide, op, a, b), "{at}");
                        if gas {
                            let used = before.unwrap() - store.gas_left().unwrap();
                            assert_eq!(used, GAS, "{at}");
                        }
                    }
                }
            }
        }
    }
}
