//! 64-bit memories (the memory64 proposal): i64 addresses and offsets up to 2^64 - 1 in loads
//! and stores, out-of-bounds traps at and beyond 2^32 and on `ptr + offset` overflowing
//! 2^64, `memory.grow` and the bulk instructions with i64 operands (also a copy between a
//! 32-bit and a 64-bit memory), data segments at i64 offsets, gas priced as for 32-bit
//! memories, the host's view of such a memory by index and by `u64` address, and the type
//! in Wasm's text notation in link errors.

mod common;

use common::{
    assert_grow_and_fill_priced_as_32_bit, call, engine, instantiate, instantiate_with_gas,
    link_error, resume_through_snapshots, trap_of, try_call,
};
use wasp_core::{
    host, imports, Config, Ctx, Engine, Error, HostError, Linker, Memory, MemoryType, Module,
    Store, TrapCode, Val,
};

/// Memory 0 is 64-bit (1 page, at most 3), memory 1 is 32-bit (1 page).
const PROGRAM: &str = r#"(module
  (memory $wide (export "wide") i64 1 3)
  (memory $narrow (export "narrow") 1)
  (data (memory $wide) (i64.const 65532) "\01\02\03\04")
  (data $passive "abcdefgh")
  (func (export "load") (param $at i64) (result i32) (i32.load $wide (local.get $at)))
  (func (export "load_far") (param $at i64) (result i32)
    (i32.load8_u $wide offset=0xFFFFFFFFFFFFFFF0 (local.get $at)))
  (func (export "load_offset_4g") (param $at i64) (result i32)
    (i32.load8_u $wide offset=0x100000000 (local.get $at)))
  (func (export "store") (param $at i64) (param $v i64) (i64.store $wide (local.get $at) (local.get $v)))
  (func (export "size") (result i64) (memory.size $wide))
  (func (export "grow") (param i64) (result i64) (memory.grow $wide (local.get 0)))
  (func (export "fill") (param $dst i64) (param $v i32) (param $len i64)
    (memory.fill $wide (local.get $dst) (local.get $v) (local.get $len)))
  (func (export "init") (param $dst i64) (param $src i32) (param $len i32)
    (memory.init $wide $passive (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "copy_to_narrow") (param $dst i32) (param $src i64) (param $len i32)
    (memory.copy $narrow $wide (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "copy_to_wide") (param $dst i64) (param $src i32) (param $len i32)
    (memory.copy $wide $narrow (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "load_narrow") (param $at i32) (result i32) (i32.load8_u $narrow (local.get $at))))"#;

#[test]
fn addresses_are_i64_and_trap_past_the_end() {
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), PROGRAM);
    assert_eq!(
        call(&mut store, &inst, "load", &[Val::I64(65532)]),
        [Val::I32(0x0403_0201)]
    );
    for at in [65533, 1 << 32, (1 << 32) + 4, -1] {
        let result = try_call(&mut store, &inst, "load", &[Val::I64(at)]);
        assert_eq!(
            trap_of(result),
            Some(TrapCode::MemoryOutOfBounds),
            "load at {at}"
        );
    }
    call(&mut store, &inst, "store", &[Val::I64(8), Val::I64(-2)]);
    assert_eq!(
        call(&mut store, &inst, "load", &[Val::I64(8)]),
        [Val::I32(-2)]
    );
    let result = try_call(
        &mut store,
        &inst,
        "store",
        &[Val::I64(1 << 40), Val::I64(1)],
    );
    assert_eq!(trap_of(result), Some(TrapCode::MemoryOutOfBounds));
}

#[test]
fn offsets_reach_past_4_gib_and_overflow_traps() {
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), PROGRAM);
    // 0xFFFF_FFFF_FFFF_FFF0 + 0x10 wraps to 0 in 64 bits: out of bounds, not byte 0.
    for at in [0x10, 0x11, 0, -1] {
        let result = try_call(&mut store, &inst, "load_far", &[Val::I64(at)]);
        assert_eq!(
            trap_of(result),
            Some(TrapCode::MemoryOutOfBounds),
            "at {at}"
        );
    }
    let result = try_call(&mut store, &inst, "load_offset_4g", &[Val::I64(0)]);
    assert_eq!(trap_of(result), Some(TrapCode::MemoryOutOfBounds));
    // (2^64 - 2^32 + 65532) + 2^32 overflows 2^64: out of bounds, not byte 65532.
    let result = try_call(
        &mut store,
        &inst,
        "load_offset_4g",
        &[Val::I64(-(1 << 32) + 65532)],
    );
    assert_eq!(trap_of(result), Some(TrapCode::MemoryOutOfBounds));
}

/// A 64-bit memory shorter than some accesses (three one-byte pages): an access fits when its
/// last byte does, whatever its width, and one wider than the memory never does.
#[test]
fn accesses_fit_by_their_last_byte_in_a_memory_shorter_than_them() {
    let program = r#"(module
      (memory i64 3 (pagesize 1))
      (data (i64.const 0) "\01\02\03")
      (func (export "load8") (param i64) (result i32) (i32.load8_u (local.get 0)))
      (func (export "load16") (param i64) (result i32) (i32.load16_u (local.get 0)))
      (func (export "load32") (param i64) (result i32) (i32.load (local.get 0)))
      (func (export "load64") (param i64) (result i64) (i64.load (local.get 0)))
      (func (export "store16") (param i64) (i32.store16 (local.get 0) (i32.const 0x0605)))
      (func (export "load16_far") (param i64) (result i32)
        (i32.load16_u offset=0xFFFFFFFFFFFFFFFE (local.get 0))))"#;
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), program);
    let mut at = |export: &str, addr: i64| try_call(&mut store, &inst, export, &[Val::I64(addr)]);
    assert_eq!(at("load8", 2).unwrap(), [Val::I32(3)]);
    assert_eq!(at("load16", 1).unwrap(), [Val::I32(0x0302)]);
    assert_eq!(at("store16", 1).unwrap(), []);
    assert_eq!(at("load16", 1).unwrap(), [Val::I32(0x0605)]);
    let out_of_bounds = [
        ("load8", 3),
        ("load8", -1),
        ("load16", 2),
        ("load16", -1),
        ("store16", 2),
        ("load32", 0),
        ("load64", 0),
        ("load16_far", 0),
        ("load16_far", 2),
        ("load16_far", 3),
    ];
    for (export, addr) in out_of_bounds {
        let result = at(export, addr);
        assert_eq!(
            trap_of(result),
            Some(TrapCode::MemoryOutOfBounds),
            "{export} at {addr}"
        );
    }
}

#[test]
fn grow_and_size_are_i64() {
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), PROGRAM);
    assert_eq!(call(&mut store, &inst, "size", &[]), [Val::I64(1)]);
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(2)]),
        [Val::I64(1)]
    );
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(1)]),
        [Val::I64(-1)]
    );
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(1 << 33)]),
        [Val::I64(-1)]
    );
    assert_eq!(
        call(&mut store, &inst, "grow", &[Val::I64(-1)]),
        [Val::I64(-1)]
    );
    assert_eq!(call(&mut store, &inst, "size", &[]), [Val::I64(3)]);
}

#[test]
fn bulk_instructions_take_i64_operands() {
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), PROGRAM);
    call(
        &mut store,
        &inst,
        "fill",
        &[Val::I64(100), Val::I32(7), Val::I64(4)],
    );
    assert_eq!(
        call(&mut store, &inst, "load", &[Val::I64(100)]),
        [Val::I32(0x0707_0707)]
    );
    let far = try_call(
        &mut store,
        &inst,
        "fill",
        &[Val::I64(1 << 32), Val::I32(7), Val::I64(1)],
    );
    assert_eq!(trap_of(far), Some(TrapCode::MemoryOutOfBounds));
    let long = try_call(
        &mut store,
        &inst,
        "fill",
        &[Val::I64(0), Val::I32(7), Val::I64(1 << 32)],
    );
    assert_eq!(trap_of(long), Some(TrapCode::MemoryOutOfBounds));
    call(
        &mut store,
        &inst,
        "init",
        &[Val::I64(200), Val::I32(2), Val::I32(4)],
    );
    assert_eq!(
        call(&mut store, &inst, "load", &[Val::I64(200)]),
        [Val::I32(0x6665_6463)]
    );
    let far = try_call(
        &mut store,
        &inst,
        "init",
        &[Val::I64(-1), Val::I32(0), Val::I32(1)],
    );
    assert_eq!(trap_of(far), Some(TrapCode::MemoryOutOfBounds));
}

#[test]
fn copies_between_a_32_bit_and_a_64_bit_memory() {
    let (mut store, inst) = instantiate_with_gas(&Engine::default(), PROGRAM);
    call(
        &mut store,
        &inst,
        "copy_to_narrow",
        &[Val::I32(10), Val::I64(65532), Val::I32(4)],
    );
    assert_eq!(
        call(&mut store, &inst, "load_narrow", &[Val::I32(13)]),
        [Val::I32(4)]
    );
    call(
        &mut store,
        &inst,
        "copy_to_wide",
        &[Val::I64(300), Val::I32(10), Val::I32(4)],
    );
    assert_eq!(
        call(&mut store, &inst, "load", &[Val::I64(300)]),
        [Val::I32(0x0403_0201)]
    );
    let far = try_call(
        &mut store,
        &inst,
        "copy_to_narrow",
        &[Val::I32(0), Val::I64(1 << 32), Val::I32(1)],
    );
    assert_eq!(trap_of(far), Some(TrapCode::MemoryOutOfBounds));
    let far = try_call(
        &mut store,
        &inst,
        "copy_to_wide",
        &[Val::I64(1 << 32), Val::I32(0), Val::I32(1)],
    );
    assert_eq!(trap_of(far), Some(TrapCode::MemoryOutOfBounds));
}

/// A memory declared as `decl` with its index type `addr`, exporting `grow` (its operand a
/// parameter) and `fill` (of as many bytes as its parameter says).
fn grow_and_fill(decl: &str, addr: &str) -> String {
    format!(
        r#"(module (memory {decl} 1)
            (func (export "grow") (param {addr}) (result {addr}) (memory.grow (local.get 0)))
            (func (export "fill") (param {addr})
              (memory.fill ({addr}.const 0) (i32.const 0) (local.get 0))))"#
    )
}

#[test]
fn grow_and_bulk_prices_are_those_of_32_bit_memories() {
    assert_grow_and_fill_priced_as_32_bit(grow_and_fill, 3, 1000);
}

#[host]
fn peek(ctx: &mut Ctx<()>, mem: u32, addr: u64) -> Result<u32, HostError> {
    Ok(u32::from(ctx.memory_at(mem)?.read_u8(addr)?))
}

#[host]
fn poke(ctx: &mut Ctx<()>, mem: u32, addr: u64, v: u32) -> Result<(), HostError> {
    ctx.memory_at_mut(mem)?.write_u8(addr, v as u8)?;
    Ok(())
}

#[test]
fn host_code_reaches_memories_by_index_and_u64_address() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "env" "peek" (func $peek (param i32 i64) (result i32)))
            (import "env" "poke" (func $poke (param i32 i64 i32)))
            (memory 1)
            (memory (export "wide") i64 2)
            (data (memory 1) (i64.const 131071) "\2a")
            (func (export "run") (result i32)
                (call $poke (i32.const 1) (i64.const 70000) (i32.const 9))
                (i32.add (call $peek (i32.const 1) (i64.const 131071))
                         (i32.load8_u 1 (i64.const 70000))))
            (func (export "missing") (result i32) (call $peek (i32.const 2) (i64.const 0)))
            (func (export "past") (result i32) (call $peek (i32.const 1) (i64.const 131072))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker
        .define_imports(imports! { "env" => { "peek" => peek, "poke" => poke } })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance.get_typed_func::<(), u32>(&store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), 42 + 9);
    let missing = instance
        .get_typed_func::<(), u32>(&store, "missing")
        .unwrap();
    let err = missing.call(&mut store, ()).unwrap_err().to_string();
    assert!(
        err.contains("no memory 2: expected a memory index below 2"),
        "{err}"
    );
    let past = instance.get_typed_func::<(), u32>(&store, "past").unwrap();
    let err = past.call(&mut store, ()).unwrap_err().to_string();
    assert!(err.contains("out of bounds memory access"), "{err}");

    // The embedder's Memory takes u64 addresses too.
    let wide = instance.get_memory(&store, "wide").unwrap();
    assert!(wide.ty(&store).is_64());
    let mut byte = [0u8];
    wide.read(&store, 131_071_u64, &mut byte).unwrap();
    assert_eq!(byte, [42]);
    assert!(wide.read(&store, 1_u64 << 40, &mut byte).is_err());
    assert!(wide.write(&mut store, u64::MAX, &[1]).is_err());
}

#[test]
fn a_host_made_64_bit_memory_links_only_where_one_is_expected() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let wide = Memory::new(&mut store, MemoryType::new64(1, Some(2))).unwrap();
    let narrow = Memory::new(&mut store, MemoryType::new(1, Some(2))).unwrap();
    let wants_wide = Module::new(&engine, r#"(module (import "env" "m" (memory i64 1)))"#).unwrap();
    let wants_narrow = Module::new(&engine, r#"(module (import "env" "m" (memory 1)))"#).unwrap();

    let mut linker = Linker::new(&engine);
    linker.define("env", "m", wide).unwrap();
    linker.instantiate(&mut store, &wants_wide).unwrap();
    let err = link_error(&mut store, ("m", wide), &wants_narrow);
    assert!(
        err.contains("expected (memory 1), found (memory i64 1 2)"),
        "{err}"
    );
    let err = link_error(&mut store, ("m", narrow), &wants_wide);
    assert!(
        err.contains("expected (memory i64 1), found (memory 1 2)"),
        "{err}"
    );
}

#[test]
fn too_many_pages_are_refused() {
    let mut store = Store::new(&Engine::default(), ());
    for ty in [
        MemoryType::new64((1 << 48) + 1, None),
        MemoryType::new64(2, Some(1)),
        MemoryType::new64(1, Some((1 << 48) + 1)),
    ] {
        let err = Memory::new(&mut store, ty).unwrap_err().to_string();
        assert!(err.contains(&ty.to_string()), "{err}");
    }
    // 2^48 pages are a valid type, which no host can allocate.
    let err = Memory::new(&mut store, MemoryType::new64(1 << 48, None)).unwrap_err();
    assert!(matches!(err, Error::Limit(_)), "{err}");
}

#[test]
fn memory64_can_be_turned_off() {
    let mut config = Config::default();
    config.wasm_memory64(false);
    let engine = Engine::new(&config);
    let err = Module::new(&engine, "(module (memory i64 1))")
        .unwrap_err()
        .to_string();
    assert!(err.contains("memory64"), "{err}");
    Module::new(&engine, "(module (memory 1))").unwrap();
}

/// Grows a 64-bit memory, fills 100,000 bytes past 4 GiB's reach of a 32-bit address
/// computation, and reads them back.
const GROW_AND_FILL: &str = r#"(module
  (memory (export "m") i64 1 4)
  (func (export "run") (result i64)
    (drop (memory.grow (i64.const 2)))
    (memory.fill (i64.const 65536) (i32.const 7) (i64.const 100000))
    (i64.add (i64.load (i64.const 100000)) (memory.size))))"#;

/// A call paused for gas anywhere, also inside the 64-bit `memory.grow` and `memory.fill`
/// (which pay by size), is saved to a snapshot, restored in a new store and finished there
/// with the same result and gas as a call that never paused.
#[test]
fn calls_paused_at_64_bit_grow_and_fill_resume_from_snapshots() {
    let engine = engine(true);
    let want = [Val::I64(0x0707_0707_0707_0707 + 3)];
    let fresh = || instantiate(&engine, GROW_AND_FILL);
    let pauses = resume_through_snapshots(fresh, &want, 97, |store, instance| {
        let m = instance.get_memory(store, "m").unwrap();
        assert_eq!(m.size(store), 3);
    });
    assert!(pauses > 50);
}
