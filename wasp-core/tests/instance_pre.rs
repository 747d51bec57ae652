//! `Linker::instantiate_pre`: imports resolved once, instantiated in many stores.

use wasp_core::{
    Caller, Engine, Error, LinkError, Linker, Memory, MemoryType, Module, Store, UsageError,
};

const WAT: &str = r#"(module
  (import "env" "add" (func $add (param i32) (result i32)))
  (import "env" "mem" (memory 1))
  (func (export "run") (param i32) (result i32)
    (i32.store (i32.const 0) (call $add (local.get 0)))
    (i32.load (i32.const 0))))"#;

fn linker(engine: &Engine) -> Linker<i32> {
    let mut linker = Linker::new(engine);
    linker
        .func_wrap("env", "add", |caller: Caller<'_, i32>, x: i32| {
            x + *caller.data()
        })
        .unwrap();
    linker
}

#[test]
fn one_pre_instantiates_in_many_stores_with_their_own_imports() {
    let engine = Engine::default();
    let module = Module::new(&engine, WAT).unwrap();
    for k in 0..5 {
        let mut store = Store::new(&engine, k);
        let mem = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
        let mut linker = linker(&engine);
        linker.define("env", "mem", mem).unwrap();
        let pre = linker.instantiate_pre(&module).unwrap();
        for _ in 0..3 {
            let instance = pre.instantiate(&mut store).unwrap();
            let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
            assert_eq!(run.call(&mut store, 10).unwrap(), 10 + k);
        }
        assert_eq!(&mem.data(&store)[..4], &(10 + k).to_le_bytes());
    }
}

#[test]
fn a_store_item_of_another_store_is_refused_when_instantiating() {
    let engine = Engine::default();
    let module = Module::new(&engine, WAT).unwrap();
    let mut a = Store::new(&engine, 0);
    let mem = Memory::new(&mut a, MemoryType::new(1, None)).unwrap();
    let mut linker = linker(&engine);
    linker.define("env", "mem", mem).unwrap();
    let pre = linker.instantiate_pre(&module).unwrap();
    let mut b = Store::new(&engine, 0);
    let err = pre.instantiate(&mut b).unwrap_err();
    assert!(
        matches!(err, Error::Usage(UsageError::ForeignHandle(_))),
        "{err}"
    );
    assert!(pre.instantiate(&mut a).is_ok());
}

#[test]
fn missing_or_mistyped_host_functions_fail_once_up_front() {
    let engine = Engine::default();
    let module = Module::new(&engine, WAT).unwrap();
    let err = Linker::<i32>::new(&engine)
        .instantiate_pre(&module)
        .unwrap_err();
    assert!(
        matches!(err, Error::Link(LinkError::UnknownImport { .. })),
        "{err}"
    );
    let module = Module::new(
        &engine,
        r#"(module (import "env" "add" (func (param i32) (result i32))))"#,
    )
    .unwrap();
    let mut linker = Linker::<i32>::new(&engine);
    linker.func_wrap("env", "add", |x: i64| x).unwrap();
    let err = linker.instantiate_pre(&module).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected (func (param i32) (result i32))"),
        "{err}"
    );
}

#[test]
fn a_store_of_another_engine_still_gets_correct_types() {
    let engine = Engine::default();
    let other = Engine::default();
    // Intern a type in the other engine first so that ids differ between engines.
    Module::new(&other, "(module (func (param i64 i64)))").unwrap();
    let module = Module::new(
        &other,
        r#"(module
        (import "env" "add" (func $add (param i32) (result i32)))
        (table 1 funcref) (elem (i32.const 0) $add)
        (type $t (func (param i32) (result i32)))
        (func (export "run") (param i32) (result i32)
          (call_indirect (type $t) (local.get 0) (i32.const 0))))"#,
    )
    .unwrap();
    let pre = linker(&engine).instantiate_pre(&module).unwrap();
    let mut store = Store::new(&other, 5);
    let instance = pre.instantiate(&mut store).unwrap();
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    assert_eq!(run.call(&mut store, 1).unwrap(), 6);
}
