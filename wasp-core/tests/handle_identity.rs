//! Handles know their store: used with another store they are refused (an error where the
//! method returns `Result`, a panic where it cannot), never silently read the other store.

use std::panic::{catch_unwind, AssertUnwindSafe};

use wasp_core::{
    CallOutcome, Config, Engine, Error, ExternRef, Func, Global, Instance, Linker, Memory,
    MemoryType, Module, Mutability, RefType, Store, Table, TableType, UsageError, Val,
};

const WAT: &str = r#"(module
  (memory (export "mem") 1)
  (data (i32.const 0) "AAAA")
  (table (export "tab") 2 funcref)
  (global (export "g") (mut i32) (i32.const 7))
  (func $id (export "id") (param i32) (result i32) (local.get 0))
  (elem (i32.const 0) func $id))"#;

fn two_stores() -> (Store<()>, Instance, Store<()>, Instance) {
    let engine = Engine::default();
    let module = Module::new(&engine, WAT).unwrap();
    let linker = Linker::new(&engine);
    let mut a = Store::new(&engine, ());
    let ia = linker.instantiate(&mut a, &module).unwrap();
    let mut b = Store::new(&engine, ());
    let ib = linker.instantiate(&mut b, &module).unwrap();
    ib.get_memory(&b, "mem").unwrap().data_mut(&mut b)[..4].copy_from_slice(b"BBBB");
    (a, ia, b, ib)
}

fn is_foreign(err: &Error) -> bool {
    matches!(err, Error::Usage(UsageError::ForeignHandle(_)))
}

fn panics_foreign(f: impl FnOnce()) {
    let err = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    let msg = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    assert!(msg.contains("made by another store"), "{msg}");
}

#[test]
fn a_memory_of_one_store_does_not_read_another() {
    let (a, ia, mut b, _) = two_stores();
    let mem_a = ia.get_memory(&a, "mem").unwrap();
    assert_eq!(&mem_a.data(&a)[..4], b"AAAA");
    panics_foreign(|| {
        mem_a.data(&b);
    });
    panics_foreign(|| {
        mem_a.data_mut(&mut b);
    });
    panics_foreign(|| {
        mem_a.size(&b);
    });
    panics_foreign(|| {
        mem_a.ty(&b);
    });
    let mut buf = [0u8; 4];
    assert!(is_foreign(&mem_a.read(&b, 0, &mut buf).unwrap_err()));
    assert!(is_foreign(&mem_a.write(&mut b, 0, b"XXXX").unwrap_err()));
    assert!(is_foreign(&mem_a.grow(&mut b, 1).unwrap_err()));
    let mem_b = Memory::new(&mut b, MemoryType::new(1, None)).unwrap();
    assert!(is_foreign(&mem_b.read(&a, 0, &mut buf).unwrap_err()));
}

#[test]
fn a_function_of_one_store_is_refused_by_another() {
    let (a, ia, mut b, _) = two_stores();
    let id = ia.get_func(&a, "id").unwrap();
    let mut out = [Val::I32(0)];
    assert!(is_foreign(
        &id.call(&mut b, &[Val::I32(1)], &mut out).unwrap_err()
    ));
    assert!(is_foreign(
        &id.call_resumable(&mut b, &[Val::I32(1)]).unwrap_err()
    ));
    assert!(is_foreign(&id.typed::<i32, i32>(&b).unwrap_err()));
    panics_foreign(|| {
        id.ty(&b);
    });
    let host = Func::wrap(&mut b, |x: i32| x);
    assert!(is_foreign(&host.typed::<i32, i32>(&a).unwrap_err()));
}

#[test]
fn a_typed_function_of_one_store_is_refused_by_another() {
    let (mut a, ia, mut b, _) = two_stores();
    let id = ia.get_typed_func::<i32, i32>(&a, "id").unwrap();
    assert_eq!(id.call(&mut a, 5).unwrap(), 5);
    assert!(is_foreign(&id.call(&mut b, 5).unwrap_err()));
}

#[test]
fn a_global_of_one_store_is_refused_by_another() {
    let (a, ia, mut b, _) = two_stores();
    let g = ia.get_global(&a, "g").unwrap();
    assert!(is_foreign(&g.set(&mut b, Val::I32(1)).unwrap_err()));
    panics_foreign(|| {
        g.get(&b);
    });
    panics_foreign(|| {
        g.ty(&b);
    });
    assert_eq!(g.get(&a), Val::I32(7));
}

#[test]
fn a_table_of_one_store_is_refused_by_another() {
    let (a, ia, mut b, _) = two_stores();
    let t = ia.get_table(&a, "tab").unwrap();
    let null = Val::FuncRef(None);
    assert!(is_foreign(&t.set(&mut b, 1, null).unwrap_err()));
    assert!(is_foreign(&t.grow(&mut b, 1, null).unwrap_err()));
    panics_foreign(|| {
        t.get(&b, 0);
    });
    panics_foreign(|| {
        t.size(&b);
    });
    panics_foreign(|| {
        t.ty(&b);
    });
}

#[test]
fn references_of_one_store_cannot_enter_another() {
    let (mut a, ia, mut b, ib) = two_stores();
    let f_a = ia.get_func(&a, "id").unwrap();
    let t_b = ib.get_table(&b, "tab").unwrap();
    assert!(is_foreign(
        &t_b.set(&mut b, 1, Val::FuncRef(Some(f_a))).unwrap_err()
    ));
    let ty = TableType::new(RefType::Func, 1, None);
    assert!(is_foreign(
        &Table::new(&mut b, ty, Val::FuncRef(Some(f_a))).unwrap_err()
    ));
    let e_a = ExternRef::new(&mut a, 1_u8);
    panics_foreign(|| {
        e_a.data(&b);
    });
    panics_foreign(|| {
        Global::new(&mut b, Val::ExternRef(Some(e_a)), Mutability::Var);
    });
    // A reference read from a store is a handle of that store.
    let Some(Val::FuncRef(Some(f_b))) = t_b.get(&b, 0) else {
        panic!("element 0 holds $id")
    };
    assert!(is_foreign(&f_b.typed::<i32, i32>(&a).unwrap_err()));
    assert_eq!(
        f_b.typed::<i32, i32>(&b).unwrap().call(&mut b, 3).unwrap(),
        3
    );
}

#[test]
fn an_instance_of_one_store_is_refused_by_another() {
    let (a, ia, b, _) = two_stores();
    assert!(is_foreign(
        &ia.get_typed_func::<i32, i32>(&b, "id").unwrap_err()
    ));
    panics_foreign(|| {
        ia.get_export(&b, "mem");
    });
    panics_foreign(|| {
        ia.exports(&b);
    });
    assert_eq!(ia.exports(&a).len(), 4);
}

#[test]
fn imports_from_another_store_are_refused() {
    let (a, ia, mut b, _) = two_stores();
    let engine = b.engine().clone();
    let module = Module::new(&engine, r#"(module (import "m" "mem" (memory 1)))"#).unwrap();
    let mem_a = ia.get_memory(&a, "mem").unwrap();
    let err = Instance::new(&mut b, &module, &[mem_a.into()]).unwrap_err();
    assert!(is_foreign(&err), "{err}");
}

#[test]
fn a_continuation_resumes_only_in_its_store_or_a_clone() {
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module (func (export "spin") (param i32) (result i32)
            (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                     (br_if $l (local.get 0)))
            (local.get 0)))"#,
    )
    .unwrap();
    let linker = Linker::new(&engine);
    let mut a = Store::new(&engine, ());
    let spin = linker
        .instantiate(&mut a, &module)
        .unwrap()
        .get_func(&a, "spin")
        .unwrap();
    let mut b = Store::new(&engine, ());
    linker.instantiate(&mut b, &module).unwrap();
    a.set_gas(50).unwrap();
    let CallOutcome::OutOfGas(paused) = spin.call_resumable(&mut a, &[Val::I32(100)]).unwrap()
    else {
        panic!("expected a pause for gas")
    };
    b.set_gas(1_000_000).unwrap();
    assert!(is_foreign(&paused.clone().resume(&mut b, &[]).unwrap_err()));
    let mut fork = a.clone();
    fork.set_gas(1_000_000).unwrap();
    let CallOutcome::Finished { results, .. } = paused.resume(&mut fork, &[]).unwrap() else {
        panic!("expected the call to finish")
    };
    assert_eq!(results, vec![Val::I32(0)]);
}
