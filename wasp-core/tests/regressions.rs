//! Regression tests for bugs that differential testing (`tests/differential.rs`) and the fuzz
//! targets (`fuzz/`) found in Wasp: each is the reduced module, as text, with the result the
//! specification requires.

use wasp_core::{Config, Engine, Instance, Linker, Module, Store, Val};

/// Instantiates `wat` on a plain and on a gas-metered engine (the two translate code
/// differently) and hands each store and instance to `check`.
fn on_both_engines(wat: &str, check: impl Fn(&mut Store<()>, Instance)) {
    for metered in [false, true] {
        let mut config = Config::default();
        config.gas_metering(metered);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wat).expect("the module is valid");
        let mut store = Store::new(&engine, ());
        if metered {
            store.set_gas(1_000_000).unwrap();
        }
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .expect("the module instantiates");
        check(&mut store, instance);
    }
}

fn call(store: &mut Store<()>, instance: Instance, name: &str) {
    let func = instance.get_func(&*store, name).expect("exported");
    func.call(store, &[], &mut []).expect("no trap");
}

/// Found by the differential test (seeds 336 and 379) while the interpreter started to hoist
/// the constants read in loops into frame slots: a callee that hoists its own constants
/// overwrote those of its caller, so after `call $callee` the caller's loop read `1` (the
/// callee's constant) where it had pushed `4398046511104`.
#[test]
fn a_callee_does_not_overwrite_the_constants_its_caller_hoisted() {
    const WAT: &str = r#"(module
      (global $g (export "g") (mut i64) (i64.const 0))
      (func $callee
        (local i32)
        (loop
          i64.const 1
          (block (br_if 0 (local.get 0)))
          global.set $g))
      (func (export "f")
        (local i32)
        call $callee
        (loop
          i64.const 4398046511104
          (block (br_if 0 (local.get 0)))
          i64.const -7589484776486671
          i64.xor
          global.set $g)))"#;
    on_both_engines(WAT, |store, instance| {
        call(store, instance, "f");
        let g = instance.get_global(&*store, "g").unwrap().get(&*store);
        assert_eq!(g, Val::I64(4398046511104 ^ -7589484776486671));
    });
}

/// Found by the differential test (seed 400,866): a block parameter read from a local is
/// copied into the slot the instruction before had just written (here the temporary of a
/// global's decrement), and the `if` right inside tests it. The copy and the branch were one
/// instruction whose form reading the condition from the result register read it before
/// copying: it tested the decremented global (999), not the local (0), and took `then`.
#[test]
fn a_copy_joined_with_the_branch_testing_it_tests_the_value_copied() {
    const WAT: &str = r#"(module
      (global $g (export "g") (mut i32) (i32.const 1000))
      (func (export "run") (param i32) (result i32)
        (global.set $g (i32.sub (global.get $g) (i32.const 1)))
        (local.get 0)
        (block (param i32) (result i32)
          (if (result i32) (then (i32.const 1)) (else (i32.const 2))))))"#;
    on_both_engines(WAT, |store, instance| {
        let run = instance.get_func(&*store, "run").expect("exported");
        for (arg, want) in [(0, 2), (5, 1), (0, 2)] {
            let mut out = [Val::I32(0)];
            run.call(&mut *store, &[Val::I32(arg)], &mut out)
                .expect("no trap");
            assert_eq!(out[0], Val::I32(want), "run({arg})");
        }
    });
}
