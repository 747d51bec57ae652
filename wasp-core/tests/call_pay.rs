//! With gas metering, a direct call pays for its callee's first block itself (`CallPay`,
//! `handlers/call.rs`): the call and the callee's `ConsumeGas` in one dispatch. What a
//! program is charged, and where it pauses, are those of the call followed by the
//! `ConsumeGas`: short of gas at the callee's entry it pauses standing in the callee, with
//! the caller's frame below; a function not translated yet (lazy translation) is entered
//! through its stand-in and pays as it always did. Checked on recursion against Rust, lazy
//! and eager, paused at every budget directly and through snapshots.

mod common;

use common::{call_out_of_gas, try_call};

use wasp_core::{CallOutcome, CompilationMode, Config, Engine, Linker, Module, Store, Val};

/// `run` returns `fib(16)` plus `leaf(7)`, each call of `fib` paying for its first block in
/// the call that enters it.
const FIB: &str = r#"(module
  (func $leaf (param $x i32) (result i32)
    (i32.mul (local.get $x) (i32.const 3)))
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "run") (result i32)
    (i32.add (call $fib (i32.const 16)) (call $leaf (i32.const 7))))
  (func (export "enter") (param $x i32) (result i32)
    (call $leaf (local.get $x))))"#;

fn fib(n: u32) -> u32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn metered(mode: CompilationMode) -> (Store<()>, wasp_core::Instance) {
    let mut config = Config::default();
    config.gas_metering(true).compilation_mode(mode);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, FIB).expect("valid");
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

#[test]
fn calls_that_pay_for_their_callee_give_the_results_and_gas_of_lazy_and_eager_alike() {
    let want = [Val::I32((fib(16) + 21) as i32)];
    let mut used = Vec::new();
    for mode in [CompilationMode::Lazy, CompilationMode::Eager] {
        let (mut store, instance) = metered(mode);
        store.set_gas(1 << 40).unwrap();
        // Twice: the first call of each function translates it when lazy.
        for _ in 0..2 {
            let before = store.gas_left().unwrap();
            let got = try_call(&mut store, &instance, "run", &[]).expect("runs");
            assert_eq!(got, want, "{mode:?}");
            used.push(before - store.gas_left().unwrap());
        }
    }
    assert!(used.iter().all(|&u| u == used[0]), "gas used {used:?}");
    common::each_mode(FIB, |store, instance, mode| {
        let got = try_call(store, instance, "run", &[]).expect("runs");
        assert_eq!(got, want, "{mode:?}");
    });
}

#[test]
fn short_of_gas_at_the_callee_entry_the_call_pauses_standing_in_the_callee() {
    for mode in [CompilationMode::Lazy, CompilationMode::Eager] {
        let (mut store, instance) = metered(mode);
        store.set_gas(1 << 20).unwrap();
        let full = 1 << 20;
        try_call(&mut store, &instance, "enter", &[Val::I32(5)]).expect("runs");
        let full = full - store.gas_left().unwrap();
        // Every budget short of the whole: the pause comes at `enter`'s entry or at
        // `leaf`'s, and the call resumed with what it needs finishes with the whole charge.
        let mut in_callee = 0;
        for budget in 0..full {
            store.set_gas(budget).unwrap();
            let paused = call_out_of_gas(&mut store, &instance, "enter", &[Val::I32(5)]);
            let (depth, needed) = (paused.frames(&store).len(), paused.gas_needed().unwrap());
            assert!(
                depth == 1 || depth == 2,
                "{mode:?}, budget {budget}: depth {depth}"
            );
            if depth == 2 {
                // Standing at `leaf`'s entry: what it needs is the rest of the whole charge.
                in_callee += 1;
                assert_eq!(budget + needed, full, "{mode:?}, budget {budget}");
            }
            top_up(&mut store, needed);
            let mut outcome = paused.resume(&mut store, &[]).expect("resumes");
            while let CallOutcome::OutOfGas(next) = outcome {
                top_up(&mut store, next.gas_needed().unwrap());
                outcome = next.resume(&mut store, &[]).expect("resumes");
            }
            match outcome {
                CallOutcome::Finished { results, gas_used } => {
                    assert_eq!(results, [Val::I32(15)], "{mode:?}, budget {budget}");
                    assert_eq!(gas_used, full, "{mode:?}, budget {budget}");
                }
                other => panic!("{mode:?}: expected the call to finish, got {other:?}"),
            }
        }
        assert!(in_callee > 0, "{mode:?}: no pause at the callee's entry");
    }
}

/// Adds `needed` to the gas the store has left.
fn top_up(store: &mut Store<()>, needed: u64) {
    let left = store.gas_left().unwrap();
    store.set_gas(left + needed).unwrap();
}

#[test]
fn recursion_paused_at_every_budget_resumes_to_the_same_result_and_gas() {
    let small = FIB.replace("(i32.const 16)", "(i32.const 7)");
    common::assert_resumes_from_every_budget(&small, &[Val::I32((fib(7) + 21) as i32)], 3);
}
