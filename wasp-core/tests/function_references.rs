//! Typed function references (Wasm 3.0): `call_ref`, `return_call_ref`, `ref.as_non_null`,
//! `br_on_null`, `br_on_non_null`, non-nullable and concrete reference types in tables,
//! globals, locals, imports and exports; their traps, gas, pauses and snapshots.

use wasp_core::{
    CallOutcome, Config, Engine, Error, Func, FuncType, Global, Linker, Module, Mutability,
    RefType, Store, Table, TableType, TrapCode, Val, ValType,
};

/// Steps a counter through `call_ref`: on odd `n` through the function in the global (`$dbl`),
/// on even `n` through the table's first element (`$inc`), chosen with `br_on_non_null`. The
/// table's elements are non-nullable and start as `$inc` (an initialiser expression).
const STEPS: &str = r#"(module
  (type $step (func (param i32) (result i32)))
  (elem declare func $inc $dbl)
  (table $t 2 (ref $step) (ref.func $inc))
  (global $g (ref $step) (ref.func $dbl))
  (func $inc (type $step) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $step) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "run") (param $n i32) (result i32)
    (local $acc i32)
    (loop $l
      (local.get $acc)
      (block $nn (result (ref $step))
        (br_on_non_null $nn
          (select (result (ref null $step))
            (global.get $g) (ref.null $step) (i32.and (local.get $n) (i32.const 1))))
        (table.get $t (i32.const 0)))
      (call_ref $step)
      (local.set $acc)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $acc)))"#;

/// What `run n` returns, worked out in Rust.
fn steps(n: i32) -> i32 {
    (1..=n)
        .rev()
        .fold(0, |acc, k| if k % 2 == 1 { acc * 2 } else { acc + 1 })
}

fn engine(gas: bool) -> Engine {
    let mut config = Config::default();
    config.wasm_function_references(true).gas_metering(gas);
    Engine::new(&config)
}

fn instance(engine: &Engine, wat: &str) -> (Store<()>, wasp_core::Instance) {
    let module = Module::new(engine, wat).unwrap();
    let mut store = Store::new(engine, ());
    if store.gas_left().is_ok() {
        store.set_gas(u64::MAX / 4).unwrap();
    }
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .unwrap();
    (store, instance)
}

#[test]
fn call_ref_through_globals_tables_and_br_on_non_null() {
    let (mut store, instance) = instance(&engine(false), STEPS);
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    for n in [1, 2, 7, 20] {
        assert_eq!(run.call(&mut store, n).unwrap(), steps(n), "run {n}");
    }
}

#[test]
fn the_proposal_is_off_by_default() {
    let err = Module::new(&Engine::default(), STEPS).unwrap_err();
    assert!(matches!(err, Error::Module(_)), "{err}");
}

const TRAPS: &str = r#"(module
  (type $f (func (param i32) (result i32)))
  (elem declare func $id)
  (func $id (type $f) (local.get 0))
  (func (export "call_null") (result i32) (call_ref $f (i32.const 1) (ref.null $f)))
  (func (export "tail_null") (result i32) (return_call_ref $f (i32.const 1) (ref.null $f)))
  (func (export "as_non_null") (param funcref) (result i32)
    (ref.is_null (ref.as_non_null (local.get 0))))
  (func (export "on_null") (param (ref null $f)) (result i32)
    (block $null
      (return (call_ref $f (i32.const 5) (br_on_null $null (local.get 0)))))
    (i32.const -1))
  (func (export "id") (result funcref) (ref.func $id)))"#;

#[test]
fn null_references_trap_with_the_specifications_words() {
    let (mut store, instance) = instance(&engine(false), TRAPS);
    for name in ["call_null", "tail_null"] {
        let f = instance.get_typed_func::<(), i32>(&store, name).unwrap();
        let err = f.call(&mut store, ()).unwrap_err();
        assert_eq!(
            err.trap_code(),
            Some(TrapCode::NullFunctionReference),
            "{err}"
        );
        assert!(err.to_string().contains("null function reference"), "{err}");
    }
    let as_non_null = instance.get_func(&store, "as_non_null").unwrap();
    let mut out = [Val::I32(9)];
    let err = as_non_null
        .call(&mut store, &[Val::FuncRef(None)], &mut out)
        .unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::NullReference), "{err}");
    assert!(err.to_string().contains("null reference"), "{err}");
    let id = instance.get_func(&store, "id").unwrap();
    as_non_null
        .call(&mut store, &[Val::FuncRef(Some(id))], &mut out)
        .unwrap();
    assert_eq!(out, [Val::I32(0)]);
}

#[test]
fn br_on_null_branches_on_null_and_passes_a_reference_on() {
    let (mut store, instance) = instance(&engine(false), TRAPS);
    let on_null = instance.get_func(&store, "on_null").unwrap();
    let mut ids = [Val::FuncRef(None)];
    instance
        .get_func(&store, "id")
        .unwrap()
        .call(&mut store, &[], &mut ids)
        .unwrap();
    let mut out = [Val::I32(0)];
    on_null
        .call(&mut store, &[Val::FuncRef(None)], &mut out)
        .unwrap();
    assert_eq!(out, [Val::I32(-1)]);
    on_null.call(&mut store, &ids, &mut out).unwrap();
    assert_eq!(out, [Val::I32(5)]);
}

/// `$down` recurses through `call_ref` a million frames deep; `$tail` counts down through
/// `return_call_ref` in one frame.
const DEEP: &str = r#"(module
  (type $f (func (param i32) (result i32)))
  (elem declare func $down $tail)
  (func $down (export "down") (type $f)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1)
        (call_ref $f (i32.sub (local.get 0) (i32.const 1)) (ref.func $down))))))
  (func $tail (export "tail") (type $f)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 7))
      (else (return_call_ref $f (i32.sub (local.get 0) (i32.const 1)) (ref.func $tail))))))"#;

#[test]
fn a_million_frames_deep_through_call_ref_and_none_through_return_call_ref() {
    let (mut store, instance) = instance(&engine(false), DEEP);
    let down = instance.get_typed_func::<i32, i32>(&store, "down").unwrap();
    assert_eq!(down.call(&mut store, 1_000_000).unwrap(), 1_000_000);
    let tail = instance.get_typed_func::<i32, i32>(&store, "tail").unwrap();
    assert_eq!(tail.call(&mut store, 3_000_000).unwrap(), 7);
}

#[test]
fn call_ref_costs_what_call_indirect_costs() {
    let wat = r#"(module
      (type $f (func (param i32) (result i32)))
      (table 1 funcref) (elem (i32.const 0) $inc)
      (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
      (func (export "indirect") (result i32) (call_indirect (type $f) (i32.const 1) (i32.const 0)))
      (func (export "by_ref") (result i32) (call_ref $f (i32.const 1) (ref.func $inc))))"#;
    let (mut store, instance) = instance(&engine(true), wat);
    let mut gas = Vec::new();
    for name in ["indirect", "by_ref"] {
        let f = instance.get_func(&store, name).unwrap();
        match f.call_resumable(&mut store, &[]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, vec![Val::I32(2)]);
                gas.push(gas_used);
            }
            other => panic!("{name}: expected to finish, got {other:?}"),
        }
    }
    // i32.const 1, then i32.const 0 or ref.func 1, the call 5; `$inc`: local.get, i32.const
    // and i32.add 3.
    assert_eq!(gas, [10, 10]);
}

/// Sums `n + (n - 1) + .. + 1` in one frame: `$loop` goes on through `return_call_ref` of
/// the function in a global, unwrapped by `br_on_null` and `ref.as_non_null`.
const TAILS: &str = r#"(module
  (type $k (func (param i32 i32) (result i32)))
  (elem declare func $loop)
  (global $next (mut (ref null $k)) (ref.null $k))
  (func $loop (type $k)
    (if (result i32) (i32.eqz (local.get 0))
      (then (local.get 1))
      (else
        (block $null
          (return_call_ref $k
            (i32.sub (local.get 0) (i32.const 1))
            (i32.add (local.get 1) (local.get 0))
            (ref.as_non_null (br_on_null $null (global.get $next)))))
        (unreachable))))
  (func (export "run") (param $n i32) (result i32)
    (global.set $next (ref.func $loop))
    (call_ref $k (local.get $n) (i32.const 0) (global.get $next))))"#;

/// Runs `run n` of `wat` with `budget` more gas at a time; at every pause the store and the
/// paused call are saved and restored into a new store, which goes on. Returns the result,
/// the total gas and how many pauses there were.
fn run_restoring_at_every_pause(
    engine: &Engine,
    wat: &str,
    n: i32,
    budget: u64,
) -> (Vec<Val>, u64, u32) {
    let module = Module::new(engine, wat).unwrap();
    let build = || {
        let mut store = Store::new(engine, ());
        let instance = Linker::new(engine)
            .instantiate(&mut store, &module)
            .unwrap();
        (store, instance)
    };
    let (mut store, instance) = build();
    store.set_gas(budget).unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    let mut outcome = run.call_resumable(&mut store, &[Val::I32(n)]).unwrap();
    let mut pauses = 0;
    loop {
        match outcome {
            // The gas used counts from the call's start, across pauses and restores.
            CallOutcome::Finished { results, gas_used } => return (results, gas_used, pauses),
            CallOutcome::OutOfGas(paused) => {
                pauses += 1;
                let bytes = store.snapshot(Some(&paused));
                let (mut fresh, _) = build();
                let paused = fresh.restore(&bytes).unwrap().expect("a paused call");
                // Gas left plus another budget: a block dearer than one budget runs at last.
                let left = fresh.gas_left().unwrap();
                fresh.set_gas(left + budget).unwrap();
                assert!(pauses < 10_000, "no progress with budget {budget}");
                store = fresh;
                outcome = paused.resume(&mut store, &[]).unwrap();
            }
            other => panic!("expected gas pauses only, got {other:?}"),
        }
    }
}

/// Every budget from 1 to 24 gas pauses `wat`'s `run n` in every block; each pause is
/// restored from a snapshot into a new store, and the result and the total gas are those of
/// a run without pauses.
fn every_pause_restores(wat: &str, n: i32, want: i32) {
    let engine = engine(true);
    let (results, want_gas, none) = run_restoring_at_every_pause(&engine, wat, n, u64::MAX / 4);
    assert_eq!(none, 0);
    assert_eq!(results, vec![Val::I32(want)]);
    for budget in 1..=24 {
        let (got, gas, pauses) = run_restoring_at_every_pause(&engine, wat, n, budget);
        assert_eq!(got, results, "budget {budget}");
        assert_eq!(gas, want_gas, "budget {budget}");
        assert!(pauses > 0, "budget {budget}");
    }
}

/// Pauses inside the callee while the caller waits on `call_ref`, and in the block after
/// `br_on_non_null` with its reference live on the operand stack.
#[test]
fn pausing_around_call_ref_and_br_on_non_null_and_restoring_changes_nothing() {
    every_pause_restores(STEPS, 9, steps(9));
}

/// Pauses between `return_call_ref`s, around `br_on_null` and `ref.as_non_null`.
#[test]
fn pausing_around_return_call_ref_and_restoring_changes_nothing() {
    every_pause_restores(TAILS, 30, 30 * 31 / 2);
}

const TYPED_API: &str = r#"(module
  (type $f (func (param i32) (result i32)))
  (elem declare func $inc)
  (func $inc (export "inc") (type $f) (i32.add (local.get 0) (i32.const 1)))
  (func (export "other") (param i64))
  (func (export "apply") (param $g (ref $f)) (param i32) (result i32)
    (call_ref $f (local.get 1) (local.get $g)))
  (table (export "t") 1 (ref null $f))
  (global (export "g") (ref $f) (ref.func $inc)))"#;

#[test]
fn typed_references_in_the_embedding_api() {
    let (mut store, instance) = instance(&engine(false), TYPED_API);
    let inc = instance.get_func(&store, "inc").unwrap();
    let other = instance.get_func(&store, "other").unwrap();
    let apply = instance.get_func(&store, "apply").unwrap();
    let sig = "(func (param i32) (result i32))";
    assert_eq!(
        apply.ty(&store).to_string(),
        format!("(func (param (ref {sig}) i32) (result i32))")
    );
    let mut out = [Val::I32(0)];
    apply
        .call(
            &mut store,
            &[Val::FuncRef(Some(inc)), Val::I32(41)],
            &mut out,
        )
        .unwrap();
    assert_eq!(out, [Val::I32(42)]);
    for bad in [Val::FuncRef(Some(other)), Val::FuncRef(None)] {
        let err = apply
            .call(&mut store, &[bad, Val::I32(1)], &mut out)
            .unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{err}");
    }
    // A `(ref $f)` global reads as a function reference.
    let g = instance.get_global(&store, "g").unwrap();
    assert_eq!(g.get(&store), Val::FuncRef(Some(inc)));
    assert_eq!(g.ty(&store).content().to_string(), format!("(ref {sig})"));
    // A table of `(ref null $f)` takes null or a function of that signature only.
    let t = instance.get_table(&store, "t").unwrap();
    assert_eq!(
        t.ty(&store).to_string(),
        format!("(table 1 (ref null {sig}))")
    );
    t.set(&mut store, 0, Val::FuncRef(Some(inc))).unwrap();
    t.set(&mut store, 0, Val::FuncRef(None)).unwrap();
    let err = t.set(&mut store, 0, Val::FuncRef(Some(other))).unwrap_err();
    assert!(err.to_string().contains(sig), "{err}");
    // A `(ref $f)` result reads as `Option<Func>`; its parameter cannot be typed as one.
    assert!(instance
        .get_typed_func::<(Option<Func>, i32), i32>(&store, "apply")
        .is_err());
}

#[test]
fn typed_imports_are_checked_with_subtyping_and_named_in_wasm_text() {
    let engine = engine(false);
    let importer = Module::new(
        &engine,
        r#"(module
          (type $f (func (param i32) (result i32)))
          (import "env" "g" (global (ref null $f))))"#,
    )
    .unwrap();
    let sig = FuncType::new([ValType::I32], [ValType::I32]);
    let ty = importer.imports().next().unwrap().ty().to_string();
    assert_eq!(ty, "(global (ref null (func (param i32) (result i32))))");

    let mut store = Store::new(&engine, ());
    // A `funcref` global is not a `(ref null $f)`: refused, both types named.
    let plain = Global::new(&mut store, Val::FuncRef(None), Mutability::Const);
    let mut linker = Linker::new(&engine);
    linker.define("env", "g", plain).unwrap();
    let err = linker.instantiate(&mut store, &importer).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, Error::Link(_)), "{text}");
    assert!(
        text.contains(&ty) && text.contains("(global funcref)"),
        "{text}"
    );

    // The exporter's `(ref $f)` global is a subtype: accepted.
    let exporter = Module::new(
        &engine,
        r#"(module
          (type $f (func (param i32) (result i32)))
          (func $id (type $f) (local.get 0))
          (global (export "g") (ref $f) (ref.func $id)))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    let exported = linker.instantiate(&mut store, &exporter).unwrap();
    linker.instance(&mut store, "env", exported).unwrap();
    linker.instantiate(&mut store, &importer).unwrap();

    // A host table of that element type is typed in the public model.
    let elem = RefType::Typed {
        nullable: true,
        heap: wasp_core::HeapType::Concrete(wasp_core::ConcreteFunc::new(&sig)),
    };
    let table = Table::new(
        &mut store,
        TableType::new(elem, 1, None),
        Val::FuncRef(None),
    );
    assert_eq!(
        table.unwrap().ty(&store).to_string(),
        "(table 1 (ref null (func (param i32) (result i32))))"
    );
}
