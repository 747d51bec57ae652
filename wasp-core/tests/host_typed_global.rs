//! Globals made by the host with a typed function reference type (`Global::new_typed`):
//! the value is checked against the type (no null in a non-nullable type, no function of
//! another signature), the global links where its type is expected and nowhere else, and
//! a mutable one refuses a wrong value on `set`.

use wasp_core::{
    ConcreteFunc, Config, Engine, Func, FuncType, Global, GlobalType, HeapType, Linker, Module,
    Mutability, RefType, Store, Val, ValType,
};

/// `(ref null? (func (result i32)))`.
fn returns_i32(nullable: bool) -> ValType {
    let sig = ConcreteFunc::new(&FuncType::new([], [ValType::I32]));
    RefType::new(nullable, HeapType::Concrete(sig)).into()
}

/// An engine with typed function references on.
fn engine() -> Engine {
    let mut config = Config::default();
    config.wasm_function_references(true);
    Engine::new(&config)
}

const IMPORTER: &str = r#"(module (type $t (func (result i32)))
  (import "env" "f" (global $f (ref $t)))
  (func (export "run") (result i32) (call_ref $t (global.get $f))))"#;

#[test]
fn a_typed_global_links_and_is_called_through() {
    let engine = engine();
    let mut store = Store::new(&engine, ());
    let answer = Func::wrap(&mut store, || 42_i32);
    let ty = GlobalType::new(returns_i32(false), Mutability::Const);
    let g = Global::new_typed(&mut store, ty, Val::FuncRef(Some(answer))).unwrap();
    assert_eq!(g.ty(&store), ty);
    let module = Module::new(&engine, IMPORTER).unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "f", g).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance.get_typed_func::<(), i32>(&store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), 42);
}

#[test]
fn values_that_do_not_fit_are_refused() {
    let engine = engine();
    let mut store = Store::new(&engine, ());
    let other = Func::wrap(&mut store, || 1_i64);
    let ty = GlobalType::new(returns_i32(false), Mutability::Const);
    let err = Global::new_typed(&mut store, ty, Val::FuncRef(None)).unwrap_err();
    assert!(
        err.to_string().contains("(ref (func (result i32)))"),
        "{err}"
    );
    let err = Global::new_typed(&mut store, ty, Val::FuncRef(Some(other))).unwrap_err();
    assert!(err.to_string().contains("(func (result i64))"), "{err}");
    let err = Global::new_typed(&mut store, ty, Val::I32(0)).unwrap_err();
    assert!(err.to_string().contains("value type mismatch"), "{err}");

    let nullable = GlobalType::new(returns_i32(true), Mutability::Var);
    let g = Global::new_typed(&mut store, nullable, Val::FuncRef(None)).unwrap();
    assert!(g.set(&mut store, Val::FuncRef(Some(other))).is_err());
    let answer = Func::wrap(&mut store, || 42_i32);
    g.set(&mut store, Val::FuncRef(Some(answer))).unwrap();
    assert_eq!(g.get(&store), Val::FuncRef(Some(answer)));
}

#[test]
fn a_nullable_global_does_not_link_where_a_non_nullable_one_is_expected() {
    let engine = engine();
    let mut store = Store::new(&engine, ());
    let answer = Func::wrap(&mut store, || 42_i32);
    let ty = GlobalType::new(returns_i32(true), Mutability::Const);
    let g = Global::new_typed(&mut store, ty, Val::FuncRef(Some(answer))).unwrap();
    let module = Module::new(&engine, IMPORTER).unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "f", g).unwrap();
    let err = linker
        .instantiate(&mut store, &module)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("expected (global (ref (func (result i32))))"),
        "{err}"
    );
}
