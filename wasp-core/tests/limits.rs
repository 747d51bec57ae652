//! Store limits for untrusted guests: memory, tables, instances and call depth.

use wasp_core::{Engine, Error, LimitError, Linker, Module, Store, StoreLimits, TrapCode};

const PAGE: u64 = 65536;

const GROWER: &str = r#"(module
  (memory (export "mem") 2)
  (table (export "tab") 4 funcref)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "grow_table") (param i32) (result i32)
    (table.grow (ref.null func) (local.get 0)))
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1))))))))"#;

fn store_with(limits: StoreLimits) -> (Engine, Module, Store<()>) {
    let engine = Engine::default();
    let module = Module::new(&engine, GROWER).unwrap();
    let mut store = Store::new(&engine, ());
    store.set_limits(limits);
    (engine, module, store)
}

#[test]
fn growing_memory_past_the_cap_returns_minus_one() {
    let (engine, module, mut store) = store_with(StoreLimits::default().memory_bytes(5 * PAGE));
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let grow = instance.get_typed_func::<i32, i32>(&store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 3).unwrap(), 2);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
    // Asking for all of 4 GiB is refused, never an allocation failure of the host.
    assert_eq!(grow.call(&mut store, 65535).unwrap(), -1);
    let mem = instance.get_memory(&store, "mem").unwrap();
    assert_eq!(mem.size(&store), 5);
    assert!(
        mem.grow(&mut store, 1).is_err(),
        "the host API obeys the cap too"
    );
}

#[test]
fn a_module_whose_initial_memory_exceeds_the_cap_does_not_instantiate() {
    let (engine, module, mut store) = store_with(StoreLimits::default().memory_bytes(PAGE));
    let err = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap_err();
    assert!(
        matches!(err, Error::Limit(LimitError::Memory { limit, requested })
        if limit == PAGE && requested == 2 * PAGE),
        "{err}"
    );
    assert!(err.to_string().contains("memory limit exceeded"), "{err}");
}

#[test]
fn tables_are_capped() {
    let (engine, module, mut store) = store_with(StoreLimits::default().table_elements(6));
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let grow = instance
        .get_typed_func::<i32, i32>(&store, "grow_table")
        .unwrap();
    assert_eq!(grow.call(&mut store, 2).unwrap(), 4);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);

    let (engine, module, mut store) = store_with(StoreLimits::default().table_elements(3));
    let err = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Limit(LimitError::Table {
                limit: 3,
                requested: 4
            })
        ),
        "{err}"
    );
}

#[test]
fn instances_are_capped() {
    let (engine, module, mut store) = store_with(StoreLimits::default().instances(2));
    let linker = Linker::new(&engine);
    linker.instantiate(&mut store, &module).unwrap();
    linker.instantiate(&mut store, &module).unwrap();
    let err = linker.instantiate(&mut store, &module).unwrap_err();
    assert!(
        matches!(err, Error::Limit(LimitError::Instances { limit: 2 })),
        "{err}"
    );
}

#[test]
fn call_depth_is_capped_per_store() {
    let (engine, module, mut store) = store_with(StoreLimits::default().call_depth(100));
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let deep = instance.get_typed_func::<i32, i32>(&store, "deep").unwrap();
    assert_eq!(deep.call(&mut store, 50).unwrap(), 50);
    let err = deep.call(&mut store, 500).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow));
}
