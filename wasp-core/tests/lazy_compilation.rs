//! Lazy compilation (the default) against eager: the same validation errors, the same
//! results, gas figures and pause points, and snapshots that move between the two, including
//! snapshots taken before some functions were translated.

use wasp_core::{
    CallOutcome, CompilationMode, Config, Continuation, Engine, Error, Instance, Linker, Module,
    Store, Val,
};

/// A program whose entry calls functions that were never called before it pauses: `run n`
/// sums `step` over `0..n`, and `step` calls `odd` or `even` by parity, through a table for
/// `odd`. `never` is never called.
const PROGRAM: &str = r#"(module
  (type $t (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $odd)
  (func $even (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func $odd (param i32) (result i32) (local $x i64)
    (local.set $x (i64.extend_i32_u (local.get 0)))
    (i32.wrap_i64 (i64.add (local.get $x) (i64.const 7))))
  (func $step (param i32) (result i32)
    (if (result i32) (i32.and (local.get 0) (i32.const 1))
      (then (call_indirect (type $t) (local.get 0) (i32.const 0)))
      (else (call $even (local.get 0)))))
  (func $never (result i32) (i32.const 99))
  (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $step (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $sum)))"#;

/// What `run n` returns, worked out in Rust.
fn expected(n: i32) -> i32 {
    (0..n).fold(0i32, |sum, i| {
        sum.wrapping_add(if i & 1 == 1 { i + 7 } else { i * 3 })
    })
}

fn engine(mode: CompilationMode, gas: bool) -> Engine {
    let mut config = Config::default();
    config.compilation_mode(mode).gas_metering(gas);
    Engine::new(&config)
}

fn instantiate(engine: &Engine) -> Result<(Store<()>, Instance), Error> {
    let module = Module::new(engine, PROGRAM)?;
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine).instantiate(&mut store, &module)?;
    Ok((store, instance))
}

/// Runs `run n` adding `slice` gas at each pause (or what the next step lacks, if more); returns the result, the total gas and the gas
/// left after each pause.
fn run_in_slices(mode: CompilationMode, n: i32, slice: u64) -> Result<(i32, u64, Vec<u64>), Error> {
    let (mut store, instance) = instantiate(&engine(mode, true))?;
    let run = instance.get_func(&store, "run").expect("exported");
    store.set_gas(slice)?;
    let mut outcome = run.call_resumable(&mut store, &[Val::I32(n)])?;
    let mut pauses = Vec::new();
    loop {
        match outcome {
            CallOutcome::Finished { results, gas_used } => {
                let Some(Val::I32(v)) = results.first() else {
                    panic!("expected one i32, found {results:?}");
                };
                return Ok((*v, gas_used, pauses));
            }
            CallOutcome::OutOfGas(c) => {
                let needed = c.gas_needed().unwrap_or(0);
                pauses.push(needed);
                // Another slice, or what the next step lacks if that is more.
                let left = store.gas_left()?;
                store.set_gas(left + slice.max(needed))?;
                outcome = c.resume(&mut store, &[])?;
            }
            other => panic!("unexpected outcome {other:?}"),
        }
    }
}

#[test]
fn gas_and_pause_points_do_not_depend_on_the_mode() -> Result<(), Error> {
    for slice in [7, 13, 50] {
        let lazy = run_in_slices(CompilationMode::Lazy, 40, slice)?;
        let eager = run_in_slices(CompilationMode::Eager, 40, slice)?;
        assert_eq!(lazy.0, expected(40));
        assert!(
            lazy.1 > 0 && lazy.2.len() > 3,
            "the call pauses several times"
        );
        assert_eq!(lazy, eager, "slices of {slice} gas");
    }
    Ok(())
}

/// Pauses `run n` at its first pause, with only `run` translated in a lazy store.
fn paused_early(engine: &Engine, n: i32) -> Result<(Store<()>, Continuation), Error> {
    let (mut store, instance) = instantiate(engine)?;
    let run = instance.get_func(&store, "run").expect("exported");
    // Enough gas for `run`'s entry block, not for the first call of `step`.
    store.set_gas(3)?;
    match run.call_resumable(&mut store, &[Val::I32(n)])? {
        CallOutcome::OutOfGas(c) => Ok((store, c)),
        other => panic!("expected a pause, found {other:?}"),
    }
}

/// Restores `bytes` into a new store of a fresh module compiled in `mode`, runs the paused
/// call to its end and returns its outcome.
fn finish_restored(bytes: &[u8], mode: CompilationMode) -> Result<CallOutcome, Error> {
    let (mut store, _) = instantiate(&engine(mode, true))?;
    let call = store.restore(bytes)?.expect("a paused call");
    store.set_gas(1_000_000)?;
    call.resume(&mut store, &[])
}

#[test]
fn a_snapshot_taken_before_functions_were_translated_restores_in_either_mode() -> Result<(), Error>
{
    let n = 25;
    let (value, gas, _) = run_in_slices(CompilationMode::Eager, n, 1_000_000)?;
    assert_eq!(value, expected(n));
    for taken in [CompilationMode::Lazy, CompilationMode::Eager] {
        let (store, paused) = paused_early(&engine(taken, true), n)?;
        let bytes = store.snapshot(Some(&paused));
        for restored in [CompilationMode::Lazy, CompilationMode::Eager] {
            match finish_restored(&bytes, restored)? {
                CallOutcome::Finished { results, gas_used } => {
                    let how = format!("taken {taken:?}, restored {restored:?}");
                    assert_eq!(results, vec![Val::I32(value)], "{how}");
                    assert_eq!(gas_used, gas, "the whole call's gas, {how}");
                }
                other => panic!("expected the call to finish, found {other:?}"),
            }
        }
    }
    Ok(())
}

#[test]
fn a_snapshot_taken_deep_in_a_lazily_compiled_call_restores_in_either_mode() -> Result<(), Error> {
    let n = 30;
    let engine = engine(CompilationMode::Lazy, true);
    let (mut store, instance) = instantiate(&engine)?;
    let run = instance.get_func(&store, "run").expect("exported");
    store.set_gas(60)?;
    let CallOutcome::OutOfGas(paused) = run.call_resumable(&mut store, &[Val::I32(n)])? else {
        panic!("expected a pause");
    };
    let bytes = store.snapshot(Some(&paused));
    for mode in [CompilationMode::Lazy, CompilationMode::Eager] {
        let CallOutcome::Finished { results, .. } = finish_restored(&bytes, mode)? else {
            panic!("expected the call to finish");
        };
        assert_eq!(results, vec![Val::I32(expected(n))], "restored {mode:?}");
    }
    Ok(())
}

#[test]
fn an_invalid_body_fails_module_new_in_both_modes_with_the_same_error() {
    // The second body is invalid; nothing calls it.
    let wat = r#"(module
      (func (export "f") (result i32) (i32.const 1))
      (func (result i32) (i64.const 2)))"#;
    let lazy = Module::new(&engine(CompilationMode::Lazy, false), wat).map(drop);
    let eager = Module::new(&engine(CompilationMode::Eager, false), wat).map(drop);
    let (Err(lazy), Err(eager)) = (lazy, eager) else {
        panic!("expected both modes to reject the module");
    };
    assert!(matches!(lazy, Error::Module(_)), "{lazy}");
    assert_eq!(lazy.to_string(), eager.to_string());
}

#[test]
fn stores_and_threads_share_one_lazily_compiled_module() -> Result<(), Error> {
    let engine = engine(CompilationMode::Lazy, false);
    let module = Module::new(&engine, PROGRAM)?;
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let (engine, module) = (engine.clone(), module.clone());
            std::thread::spawn(move || -> Result<i32, Error> {
                let mut store = Store::new(&engine, ());
                let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
                let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
                run.call(&mut store, 10 + t)
            })
        })
        .collect();
    for (t, thread) in threads.into_iter().enumerate() {
        let result = thread.join().expect("the thread finishes")?;
        assert_eq!(result, expected(10 + t as i32));
    }
    Ok(())
}
