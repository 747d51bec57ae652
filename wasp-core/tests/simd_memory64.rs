//! `v128` loads and stores on 64-bit memories address with the whole i64 operand and a
//! static offset up to 2^64 - 1: an address at or beyond 2^32 traps instead of wrapping to
//! a low address, and a module with an offset of 2^32 is valid (both found by the
//! differential test, seeds 546, 760, 1823 and 1890). Memory 0 and memory 1 are both
//! 64-bit, so that both instruction forms (memory 0 and any memory) are covered.

use wasp_core::{Engine, Instance, Linker, Module, Store, TrapCode, Val, V128};

const PROGRAM: &str = r#"(module
  (memory $a i64 1 1)
  (memory $b i64 1 1)
  (data (memory $a) (i64.const 16) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f")
  (data (memory $b) (i64.const 16) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f")
  (func (export "load_a") (param i64) (result v128) (v128.load $a (local.get 0)))
  (func (export "load_b") (param i64) (result v128) (v128.load $b (local.get 0)))
  (func (export "load_far") (param i64) (result v128)
    (v128.load $a offset=0x100000000 (local.get 0)))
  (func (export "splat_b") (param i64) (result v128) (v128.load32_splat $b (local.get 0)))
  (func (export "store_a") (param i64) (v128.store $a (local.get 0) (v128.const i64x2 -1 -1)))
  (func (export "store_b_far") (param i64)
    (v128.store $b offset=0x100000000 (local.get 0) (v128.const i64x2 -1 -1)))
  (func (export "load_lane_b") (param i64) (result v128)
    (v128.load8_lane $b 5 (local.get 0) (v128.const i64x2 0 0)))
  (func (export "store_lane_a") (param i64)
    (v128.store16_lane $a 3 (local.get 0) (v128.const i16x8 0 1 2 0x0302 4 5 6 7)))
  (func (export "byte_a") (param i64) (result i32) (i32.load8_u $a (local.get 0))))"#;

fn instantiate() -> (Store<()>, Instance) {
    let engine = Engine::default();
    let module = Module::new(&engine, PROGRAM).expect("valid module");
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

/// Calls `name` with one i64 argument: its single result (`None` without results) or the
/// trap code.
fn call(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    at: u64,
) -> Result<Option<Val>, TrapCode> {
    let func = instance.get_func(&*store, name).expect("export exists");
    let mut results: Vec<Val> = func
        .ty(&*store)
        .results()
        .iter()
        .map(|t| Val::default_for(*t))
        .collect();
    func.call(&mut *store, &[Val::I64(at as i64)], &mut results)
        .map_err(|e| e.trap_code().expect("a trap"))?;
    Ok(results.first().cloned())
}

fn v128(x: u128) -> Result<Option<Val>, TrapCode> {
    Ok(Some(Val::V128(V128::from(x))))
}

const BYTES_0_TO_15: u128 = 0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100;

#[test]
fn addresses_in_range_read_the_data() {
    let (mut store, instance) = instantiate();
    for name in ["load_a", "load_b"] {
        assert_eq!(
            call(&mut store, &instance, name, 16),
            v128(BYTES_0_TO_15),
            "{name}"
        );
    }
    assert_eq!(
        call(&mut store, &instance, "splat_b", 20),
        v128(0x0706_0504 * 0x0000_0001_0000_0001_0000_0001_0000_0001)
    );
    assert_eq!(
        call(&mut store, &instance, "load_lane_b", 16 + 9),
        v128(9 << 40)
    );
    call(&mut store, &instance, "store_lane_a", 100).expect("in bounds");
    assert_eq!(
        call(&mut store, &instance, "byte_a", 100),
        Ok(Some(Val::I32(2)))
    );
    assert_eq!(
        call(&mut store, &instance, "byte_a", 101),
        Ok(Some(Val::I32(3)))
    );
}

#[test]
fn addresses_at_and_beyond_4_gib_trap() {
    let (mut store, instance) = instantiate();
    let trap = Err(TrapCode::MemoryOutOfBounds);
    for at in [1 << 32, (1 << 32) + 16, u64::MAX] {
        for name in [
            "load_a",
            "load_b",
            "splat_b",
            "load_lane_b",
            "store_a",
            "store_lane_a",
        ] {
            assert_eq!(
                call(&mut store, &instance, name, at),
                trap,
                "{name} at {at:#x}"
            );
        }
    }
}

#[test]
fn offsets_of_4_gib_are_valid_and_trap() {
    let (mut store, instance) = instantiate();
    let trap = Err(TrapCode::MemoryOutOfBounds);
    assert_eq!(call(&mut store, &instance, "load_far", 0), trap);
    assert_eq!(call(&mut store, &instance, "store_b_far", 16), trap);
    assert_eq!(
        call(&mut store, &instance, "load_a", 16),
        v128(BYTES_0_TO_15),
        "memory unchanged"
    );
}
