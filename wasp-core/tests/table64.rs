//! 64-bit tables (the memory64 proposal): i64 indices in `call_indirect`,
//! `return_call_indirect`, `table.get` and `table.set`, trapping at 2^32 and 2^64 - 1 rather
//! than wrapping; `table.size` and `table.grow` in i64 (`-1` as an i64 when refused); the bulk
//! instructions with i64 operands, a copy between a 32-bit and a 64-bit table taking the
//! narrower index type for its length; element segments at i64 offsets; gas priced as for
//! 32-bit tables; the host's view and the type in Wasm's text notation in link errors.

mod common;

use common::{
    assert_grow_and_fill_priced_as_32_bit, call, instantiate, link_error, trap_of, try_call,
};
use wasp_core::{
    Engine, Error, Func, Instance, Linker, Module, RefType, Store, Table, TableType, TrapCode, Val,
};

/// Table 0 is 64-bit (4 elements, at most 10), table 1 is 32-bit (4 elements).
const PROGRAM: &str = r#"(module
  (type $ret (func (result i32)))
  (table $wide (export "wide") i64 4 10 funcref)
  (table $narrow (export "narrow") 4 funcref)
  (func $seven (type $ret) (i32.const 7))
  (func $nine (type $ret) (i32.const 9))
  (elem (table $wide) (i64.const 1) func $seven $nine)
  (elem $passive func $nine $seven)
  (func (export "call") (param $i i64) (result i32) (call_indirect $wide (type $ret) (local.get $i)))
  (func (export "tail") (param $i i64) (result i32)
    (return_call_indirect $wide (type $ret) (local.get $i)))
  (func (export "is_null") (param $i i64) (result i32) (ref.is_null (table.get $wide (local.get $i))))
  (func (export "set_null") (param $i i64) (table.set $wide (local.get $i) (ref.null func)))
  (func (export "size") (result i64) (table.size $wide))
  (func (export "grow") (param $n i64) (result i64) (table.grow $wide (ref.null func) (local.get $n)))
  (func (export "fill") (param $dst i64) (param $len i64)
    (table.fill $wide (local.get $dst) (ref.func $seven) (local.get $len)))
  (func (export "init") (param $dst i64) (param $src i32) (param $len i32)
    (table.init $wide $passive (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "copy_within") (param $dst i64) (param $src i64) (param $len i64)
    (table.copy $wide $wide (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "copy_to_narrow") (param $dst i32) (param $src i64) (param $len i32)
    (table.copy $narrow $wide (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "copy_to_wide") (param $dst i64) (param $src i32) (param $len i32)
    (table.copy $wide $narrow (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "call_narrow") (param $i i32) (result i32)
    (call_indirect $narrow (type $ret) (local.get $i))))"#;

/// Indices that are out of bounds, and would be in bounds if truncated to 32 bits.
const FAR: [i64; 4] = [1 << 32, (1 << 32) + 1, (1 << 33) + 2, -1];

#[test]
fn call_indirect_takes_an_i64_index_and_traps_past_the_end() {
    let (mut store, inst) = instantiate(&Engine::default(), PROGRAM);
    for name in ["call", "tail"] {
        assert_eq!(call(&mut store, &inst, name, &[Val::I64(1)]), [Val::I32(7)]);
        assert_eq!(call(&mut store, &inst, name, &[Val::I64(2)]), [Val::I32(9)]);
        let null = try_call(&mut store, &inst, name, &[Val::I64(0)]);
        assert_eq!(trap_of(null), Some(TrapCode::UninitializedElement));
        for i in [4, i64::from(u32::MAX)].into_iter().chain(FAR) {
            let far = try_call(&mut store, &inst, name, &[Val::I64(i)]);
            assert_eq!(trap_of(far), Some(TrapCode::UndefinedElement), "{name} {i}");
        }
    }
    // The 32-bit table beside it keeps its own reading of the index.
    let null = try_call(&mut store, &inst, "call_narrow", &[Val::I32(0)]);
    assert_eq!(trap_of(null), Some(TrapCode::UninitializedElement));
    let far = try_call(&mut store, &inst, "call_narrow", &[Val::I32(-1)]);
    assert_eq!(trap_of(far), Some(TrapCode::UndefinedElement));
}

#[test]
fn get_and_set_take_an_i64_index_and_trap_past_the_end() {
    let (mut store, inst) = instantiate(&Engine::default(), PROGRAM);
    assert_eq!(
        call(&mut store, &inst, "is_null", &[Val::I64(0)]),
        [Val::I32(1)]
    );
    assert_eq!(
        call(&mut store, &inst, "is_null", &[Val::I64(2)]),
        [Val::I32(0)]
    );
    call(&mut store, &inst, "set_null", &[Val::I64(2)]);
    assert_eq!(
        call(&mut store, &inst, "is_null", &[Val::I64(2)]),
        [Val::I32(1)]
    );
    for i in [4].into_iter().chain(FAR) {
        for name in ["is_null", "set_null"] {
            let far = try_call(&mut store, &inst, name, &[Val::I64(i)]);
            assert_eq!(trap_of(far), Some(TrapCode::TableOutOfBounds), "{name} {i}");
        }
    }
    // Nothing wrapped around to element 1.
    assert_eq!(
        call(&mut store, &inst, "call", &[Val::I64(1)]),
        [Val::I32(7)]
    );
}

#[test]
fn size_and_grow_are_i64() {
    let (mut store, inst) = instantiate(&Engine::default(), PROGRAM);
    assert_eq!(call(&mut store, &inst, "size", &[]), [Val::I64(4)]);
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(2)]),
        [Val::I64(4)]
    );
    assert_eq!(call(&mut store, &inst, "size", &[]), [Val::I64(6)]);
    // Past the maximum of 10, by 2^32 (which would be 0 if truncated) and by 2^64 - 1.
    for n in [5, 1 << 32, -1] {
        assert_eq!(
            call(&mut store, &inst, "grow", &[Val::I64(n)]),
            [Val::I64(-1)]
        );
    }
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(4)]),
        [Val::I64(6)]
    );
    assert_eq!(call(&mut store, &inst, "size", &[]), [Val::I64(10)]);
    let wide = inst.get_table(&store, "wide").unwrap();
    assert_eq!(wide.size(&store), 10);
    assert!(wide.ty(&store).is_64());
}

#[test]
fn a_64_bit_table_with_no_maximum_refuses_growth_past_2_pow_32_elements() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (table i64 1 funcref)
            (func (export "grow") (param i64) (result i64) (table.grow (ref.null func) (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    for n in [i64::from(u32::MAX), 1 << 40, i64::MAX, -1] {
        assert_eq!(
            call(&mut store, &inst, "grow", &[Val::I64(n)]),
            [Val::I64(-1)]
        );
    }
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(1)]),
        [Val::I64(1)]
    );
}

fn results_of(store: &mut Store<()>, inst: &Instance) -> Vec<i32> {
    (0..4)
        .map(|i| match try_call(store, inst, "call", &[Val::I64(i)]) {
            Ok(v) => match v[..] {
                [Val::I32(r)] => r,
                _ => panic!("unexpected results {v:?}"),
            },
            Err(_) => 0,
        })
        .collect()
}

#[test]
fn bulk_instructions_take_i64_operands() {
    let (mut store, inst) = instantiate(&Engine::default(), PROGRAM);
    assert_eq!(results_of(&mut store, &inst), [0, 7, 9, 0]);
    call(
        &mut store,
        &inst,
        "init",
        &[Val::I64(0), Val::I32(0), Val::I32(2)],
    );
    assert_eq!(results_of(&mut store, &inst), [9, 7, 9, 0]);
    call(&mut store, &inst, "fill", &[Val::I64(3), Val::I64(1)]);
    assert_eq!(results_of(&mut store, &inst), [9, 7, 9, 7]);
    call(
        &mut store,
        &inst,
        "copy_within",
        &[Val::I64(0), Val::I64(2), Val::I64(2)],
    );
    assert_eq!(results_of(&mut store, &inst), [9, 7, 9, 7]);
    call(
        &mut store,
        &inst,
        "copy_within",
        &[Val::I64(1), Val::I64(0), Val::I64(1)],
    );
    assert_eq!(results_of(&mut store, &inst), [9, 9, 9, 7]);
    for i in FAR {
        let fill = try_call(&mut store, &inst, "fill", &[Val::I64(i), Val::I64(0)]);
        assert_eq!(
            trap_of(fill),
            Some(TrapCode::TableOutOfBounds),
            "fill at {i}"
        );
        let init = try_call(
            &mut store,
            &inst,
            "init",
            &[Val::I64(i), Val::I32(0), Val::I32(0)],
        );
        assert_eq!(
            trap_of(init),
            Some(TrapCode::TableOutOfBounds),
            "init at {i}"
        );
        let args = [Val::I64(i), Val::I64(0), Val::I64(0)];
        let copy = try_call(&mut store, &inst, "copy_within", &args);
        assert_eq!(
            trap_of(copy),
            Some(TrapCode::TableOutOfBounds),
            "copy to {i}"
        );
        let args = [Val::I64(0), Val::I64(i), Val::I64(0)];
        let copy = try_call(&mut store, &inst, "copy_within", &args);
        assert_eq!(
            trap_of(copy),
            Some(TrapCode::TableOutOfBounds),
            "copy from {i}"
        );
        let fill = try_call(&mut store, &inst, "fill", &[Val::I64(0), Val::I64(i)]);
        assert_eq!(
            trap_of(fill),
            Some(TrapCode::TableOutOfBounds),
            "fill of {i}"
        );
    }
    assert_eq!(results_of(&mut store, &inst), [9, 9, 9, 7]);
}

#[test]
fn copies_between_a_32_bit_and_a_64_bit_table() {
    let (mut store, inst) = instantiate(&Engine::default(), PROGRAM);
    let args = [Val::I32(0), Val::I64(1), Val::I32(2)];
    call(&mut store, &inst, "copy_to_narrow", &args);
    assert_eq!(
        call(&mut store, &inst, "call_narrow", &[Val::I32(0)]),
        [Val::I32(7)]
    );
    assert_eq!(
        call(&mut store, &inst, "call_narrow", &[Val::I32(1)]),
        [Val::I32(9)]
    );
    call(
        &mut store,
        &inst,
        "copy_to_wide",
        &[Val::I64(2), Val::I32(0), Val::I32(2)],
    );
    assert_eq!(results_of(&mut store, &inst), [0, 7, 7, 9]);
    let far = [Val::I32(0), Val::I64(1 << 32), Val::I32(0)];
    let copy = try_call(&mut store, &inst, "copy_to_narrow", &far);
    assert_eq!(trap_of(copy), Some(TrapCode::TableOutOfBounds));
    let far = [Val::I64(-1), Val::I32(0), Val::I32(0)];
    let copy = try_call(&mut store, &inst, "copy_to_wide", &far);
    assert_eq!(trap_of(copy), Some(TrapCode::TableOutOfBounds));
    // An i32 length is read as unsigned 32 bits: -1 is 2^32 - 1 elements, out of bounds.
    let long = [Val::I32(0), Val::I64(0), Val::I32(-1)];
    let copy = try_call(&mut store, &inst, "copy_to_narrow", &long);
    assert_eq!(trap_of(copy), Some(TrapCode::TableOutOfBounds));
}

#[test]
fn element_segments_at_i64_offsets_are_bounds_checked_whole() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    for offset in ["0x100000000", "-1", "4"] {
        let wat = format!(
            r#"(module (table i64 4 funcref) (func $f) (elem (table 0) (i64.const {offset}) func $f))"#
        );
        let module = Module::new(&engine, wat).unwrap();
        let err = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap_err();
        assert_eq!(
            err.trap_code(),
            Some(TrapCode::TableOutOfBounds),
            "{offset}"
        );
    }
    let module = Module::new(
        &engine,
        r#"(module (table (export "t") i64 4 funcref) (func $f)
            (elem (table 0) (i64.add (i64.const 1) (i64.const 2)) func $f))"#,
    )
    .unwrap();
    let inst = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let t = inst.get_table(&store, "t").unwrap();
    assert!(matches!(t.get(&store, 3), Some(Val::FuncRef(Some(_)))));
    assert_eq!(t.get(&store, 2), Some(Val::FuncRef(None)));
}

/// A table declared as `decl` with its index type `index`, exporting `grow` (its operand a
/// parameter) and `fill` (of as many elements as its parameter says).
fn grow_and_fill(decl: &str, index: &str) -> String {
    format!(
        r#"(module (table {decl} 1 funcref)
            (func (export "grow") (param {index}) (result {index})
              (table.grow (ref.null func) (local.get 0)))
            (func (export "fill") (param {index})
              (table.fill (local.get 0) (ref.null func) (local.get 0))))"#
    )
}

#[test]
fn grow_and_bulk_prices_are_those_of_32_bit_tables() {
    assert_grow_and_fill_priced_as_32_bit(grow_and_fill, 300, 0);
}

#[test]
fn a_host_made_64_bit_table_links_only_where_one_is_expected() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let wide_ty = TableType::new64(RefType::Func, 2, Some(1 << 40));
    let wide = Table::new(&mut store, wide_ty, Val::FuncRef(None)).unwrap();
    let narrow = Table::new(
        &mut store,
        TableType::new(RefType::Func, 2, None),
        Val::FuncRef(None),
    )
    .unwrap();
    let wants_wide = Module::new(
        &engine,
        r#"(module (import "env" "t" (table i64 1 funcref)))"#,
    )
    .unwrap();
    let wants_narrow =
        Module::new(&engine, r#"(module (import "env" "t" (table 1 funcref)))"#).unwrap();

    let mut linker = Linker::new(&engine);
    linker.define("env", "t", wide).unwrap();
    linker.instantiate(&mut store, &wants_wide).unwrap();
    let err = link_error(&mut store, ("t", wide), &wants_narrow);
    assert!(
        err.contains("expected (table 1 funcref), found (table i64 2 1099511627776 funcref)"),
        "{err}"
    );
    let err = link_error(&mut store, ("t", narrow), &wants_wide);
    assert!(
        err.contains("expected (table i64 1 funcref), found (table 2 funcref)"),
        "{err}"
    );
}

#[test]
fn the_host_reaches_a_64_bit_table_by_u64_index() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let ty = TableType::new64(RefType::Func, 2, None);
    let t = Table::new(&mut store, ty, Val::FuncRef(None)).unwrap();
    let f = Func::wrap(&mut store, || 5_i32);
    t.set(&mut store, 1, Val::FuncRef(Some(f))).unwrap();
    assert_eq!(t.get(&store, 1), Some(Val::FuncRef(Some(f))));
    assert_eq!(t.get(&store, 1 << 32), None);
    assert!(t
        .set(&mut store, (1 << 32) + 1, Val::FuncRef(None))
        .is_err());
    assert_eq!(t.grow(&mut store, 3, Val::FuncRef(None)).unwrap(), 2);
    assert_eq!(t.size(&store), 5);
    assert!(t.grow(&mut store, 1 << 32, Val::FuncRef(None)).is_err());
    assert_eq!(t.ty(&store), TableType::new64(RefType::Func, 5, None));
}

#[test]
fn a_table_too_large_to_hold_is_refused() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let ty = TableType::new64(RefType::Func, 1 << 33, None);
    let err = Table::new(&mut store, ty, Val::FuncRef(None)).unwrap_err();
    assert!(matches!(err, Error::Limit(_)), "{err}");
    let module = Module::new(&engine, "(module (table i64 0x200000000 funcref))").unwrap();
    let err = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap_err();
    assert!(matches!(err, Error::Limit(_)), "{err}");
}
