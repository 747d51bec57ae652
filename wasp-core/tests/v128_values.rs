//! `v128` as a value: through parameters, results, locals, `select`, blocks, branches, calls,
//! globals, host functions and snapshots, each check with a value whose halves differ so
//! that a lost or swapped half shows.

use wasp_core::{
    Engine, Func, FuncType, Global, Linker, Module, Mutability, Store, Val, ValType, V128,
};

const PROGRAM: &str = r#"(module
  (import "host" "swap" (func $swap (param i32 v128) (result v128 i32)))
  (global $g (export "g") (mut v128) (v128.const i64x2 0 0))
  (global $k v128 (v128.const i64x2 0x1111 0x2222))
  (func $id (export "id") (param v128) (result v128) (local.get 0))
  ;; Scalars around the vector keep their slots.
  (func (export "mix") (param i32 v128 i64) (result i64 v128 i32)
    (local $v v128) (local $n i32)
    (local.set $v (local.get 1))
    (local.set $n (i32.add (local.get 0) (i32.const 1)))
    (local.get 2) (local.get $v) (local.get $n))
  (func (export "pick") (param v128 v128 i32) (result v128)
    (select (local.get 0) (local.get 1) (local.get 2)))
  (func (export "branch") (param v128 i32) (result v128)
    (block $b (result v128)
      (local.get 0)
      (br_if $b (local.get 1))
      (drop)
      (call $id (global.get $k))))
  (func (export "through_global") (param v128) (result v128)
    (global.set $g (local.get 0))
    (global.get $g))
  (func (export "through_host") (param v128) (result v128 i32)
    (call $swap (i32.const 7) (local.get 0)))
  (func (export "tee_and_drop") (param v128) (result v128) (local v128)
    (drop (local.tee 1 (local.get 0)))
    (local.get 1)))"#;

const A: u128 = 0x0102_0304_0506_0708_090a_0b0c_0d0e_0f10;
const B: u128 = 0xf0e0_d0c0_b0a0_9080_7060_5040_3020_1000;

fn v(x: u128) -> Val {
    Val::V128(V128::from(x))
}

fn setup() -> (Store<()>, wasp_core::Instance) {
    let engine = Engine::default();
    let module = Module::new(&engine, PROGRAM).unwrap();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let ty = FuncType::new([ValType::I32, ValType::V128], [ValType::V128, ValType::I32]);
    let swap = Func::new(&mut store, ty, |_, params, results| {
        let x = params[1].v128().unwrap().as_u128();
        results[0] = v(x.rotate_left(64));
        results[1] = Val::I32(params[0].i32().unwrap() * 2);
        Ok(())
    });
    linker.define("host", "swap", swap).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    (store, instance)
}

fn call(
    store: &mut Store<()>,
    instance: &wasp_core::Instance,
    name: &str,
    args: &[Val],
) -> Vec<Val> {
    let f = instance.get_func(&*store, name).unwrap();
    let mut results = vec![Val::I32(0); f.ty(&*store).results().len()];
    f.call(store, args, &mut results).unwrap();
    results
}

#[test]
fn a_vector_crosses_parameters_locals_and_results_whole() {
    let (mut store, instance) = setup();
    assert_eq!(call(&mut store, &instance, "id", &[v(A)]), [v(A)]);
    let out = call(
        &mut store,
        &instance,
        "mix",
        &[Val::I32(4), v(A), Val::I64(-9)],
    );
    assert_eq!(out, [Val::I64(-9), v(A), Val::I32(5)]);
    assert_eq!(call(&mut store, &instance, "tee_and_drop", &[v(B)]), [v(B)]);
}

#[test]
fn select_and_branches_carry_both_halves() {
    let (mut store, instance) = setup();
    assert_eq!(
        call(&mut store, &instance, "pick", &[v(A), v(B), Val::I32(1)]),
        [v(A)]
    );
    assert_eq!(
        call(&mut store, &instance, "pick", &[v(A), v(B), Val::I32(0)]),
        [v(B)]
    );
    assert_eq!(
        call(&mut store, &instance, "branch", &[v(A), Val::I32(1)]),
        [v(A)]
    );
    let k = 0x2222_u128 << 64 | 0x1111;
    assert_eq!(
        call(&mut store, &instance, "branch", &[v(A), Val::I32(0)]),
        [v(k)]
    );
}

#[test]
fn globals_and_host_functions_hold_vectors() {
    let (mut store, instance) = setup();
    assert_eq!(
        call(&mut store, &instance, "through_global", &[v(B)]),
        [v(B)]
    );
    let g: Global = instance.get_global(&store, "g").unwrap();
    assert_eq!(g.get(&store), v(B));
    g.set(&mut store, v(A)).unwrap();
    assert_eq!(g.get(&store), v(A));
    let out = call(&mut store, &instance, "through_host", &[v(A)]);
    assert_eq!(out, [v(A.rotate_left(64)), Val::I32(14)]);
    let made = Global::new(&mut store, v(B), Mutability::Const);
    assert_eq!(made.get(&store), v(B));
}

#[test]
fn a_vector_argument_of_the_wrong_type_is_refused() {
    let (mut store, instance) = setup();
    let f = instance.get_func(&store, "id").unwrap();
    let mut out = [Val::I32(0)];
    let err = f.call(&mut store, &[Val::I64(1)], &mut out).unwrap_err();
    assert!(err.to_string().contains("v128"), "{err}");
}

/// Typed calls carry `V128` in and out, beside scalars; `Func::wrap` takes and returns it.
#[test]
fn typed_calls_and_wrapped_closures_take_v128() {
    let (mut store, instance) = setup();
    let mix = instance
        .get_typed_func::<(i32, V128, i64), (i64, V128, i32)>(&store, "mix")
        .unwrap();
    let out = mix.call(&mut store, (4, V128::from(A), -9)).unwrap();
    assert_eq!(out, (-9, V128::from(A), 5));
    let wrapped = Func::wrap(&mut store, |x: V128, n: i32| {
        (n, V128::from(x.as_u128() ^ B))
    });
    let typed = wrapped.typed::<(V128, i32), (i32, V128)>(&store).unwrap();
    assert_eq!(
        typed.call(&mut store, (V128::from(A), 3)).unwrap(),
        (3, V128::from(A ^ B))
    );
    assert!(instance.get_typed_func::<V128, i64>(&store, "id").is_err());
}
