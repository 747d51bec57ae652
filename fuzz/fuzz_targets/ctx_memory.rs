//! Arbitrary host-call arguments through the host's memory accessors: never a panic.
//!
//! A guest forwards fuzzer-chosen `(op, ptr, len, value)` to two host functions: one written
//! with `#[host]` that uses the `Ctx` accessors (default and named memory views, bytes,
//! strings, arrays, every little-endian number), one written with `func_wrap` that uses the
//! `Memory` API (`read`, `write`, `data`, `data_mut`, `grow`). The guest can also grow its
//! memory and store and load the value as a `v128` (which must read back as stored), and the same accessors are used from outside any call (no calling instance) and
//! on an instance without memory. Out-of-bounds and invalid accesses must be errors (traps
//! in the guest), never panics.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasp_core::{
    host, imports, Caller, Ctx, Engine, Extern, HostError, Linker, Module, Store, Val,
};

/// Forwards to the two host functions; memory can grow to 3 pages.
const GUEST: &str = r#"(module
  (import "env" "ctx" (func $ctx (param i32 i32 i32 i64) (result i64)))
  (import "env" "raw" (func $raw (param i32 i32 i32 i64) (result i64)))
  (memory (export "mem") 1 3)
  (global (export "not_memory") i32 (i32.const 0))
  (data (i32.const 0) "hello, wasp \f0\9f\90\9d \ff\fe")
  (func (export "ctx") (param i32 i32 i32 i64) (result i64)
    (call $ctx (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "raw") (param i32 i32 i32 i64) (result i64)
    (call $raw (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "vector") (param i32 i32 i32 i64) (result i64) (local $read i64)
    (v128.store offset=3 (local.get 1) (i64x2.splat (local.get 3)))
    (local.set $read (i64x2.extract_lane 1 (v128.load64_splat offset=3 (local.get 1))))
    (v128.store32_lane 1 (local.get 2) (v128.load offset=3 (local.get 1)))
    (local.get $read)))"#;

/// The same imports, no memory: `Ctx::default_memory` has nothing to find.
const NO_MEMORY: &str = r#"(module
  (import "env" "ctx" (func $ctx (param i32 i32 i32 i64) (result i64)))
  (func (export "ctx") (param i32 i32 i32 i64) (result i64)
    (call $ctx (local.get 0) (local.get 1) (local.get 2) (local.get 3))))"#;

/// Most bytes a single write may take (the memory is at most 192 KiB anyway).
const MAX_WRITE: u32 = 1 << 18;

/// One host call, as the guest makes it.
#[derive(Debug, Arbitrary)]
struct Access {
    target: u8,
    op: u8,
    ptr: u32,
    len: u32,
    value: u64,
}

/// Uses the `Ctx` accessors as `op` says, with the guest's pointer, length and value.
#[host]
fn ctx(ctx: &mut Ctx<u64>, op: u32, ptr: u32, len: u32, value: u64) -> Result<u64, HostError> {
    Ok(match op % 12 {
        0 => checksum(ctx.read_bytes(ptr, len)?),
        1 => ctx.read_str(ptr, len)?.len() as u64,
        2 => {
            let bytes = vec![value as u8; (len % MAX_WRITE) as usize];
            ctx.write_bytes(ptr, &bytes)?;
            0
        }
        3 => {
            ctx.write_str(ptr, "wasp 🐝")?;
            0
        }
        4 => checksum(&ctx.read_array::<16>(ptr)?),
        5 => named_view(ctx, ptr, len)?,
        6 => {
            let view = ctx.memory_mut("not_memory");
            u64::from(view.is_err())
        }
        7 => read_numbers(ctx, ptr)?,
        8 => {
            write_numbers(ctx, ptr, value)?;
            0
        }
        9 => {
            let mut view = ctx.default_memory_mut()?;
            let at = (ptr as usize).checked_rem(view.len()).unwrap_or(0);
            if let Some(byte) = view.data_mut().get_mut(at) {
                *byte = value as u8;
            }
            view.len() as u64
        }
        10 => {
            ctx.charge_gas(u64::from(len))?;
            *ctx.data_mut() += 1;
            *ctx.data()
        }
        _ => u64::from(ctx.get_func("grow").is_ok()),
    })
}

/// Reads through the view of the memory exported as `mem`.
fn named_view(ctx: &Ctx<u64>, ptr: u32, len: u32) -> Result<u64, HostError> {
    let view = ctx.memory("mem")?;
    let mut buf = vec![0; (len % MAX_WRITE) as usize];
    view.read_into(ptr, &mut buf)?;
    Ok(checksum(&buf) ^ view.read_u16_le(ptr)? as u64 ^ view.data().len() as u64)
}

fn read_numbers(ctx: &Ctx<u64>, ptr: u32) -> Result<u64, HostError> {
    let mut sum = u64::from(ctx.read_u8(ptr)?) ^ ctx.read_i8(ptr)? as u64;
    sum ^= u64::from(ctx.read_u16_le(ptr)?) ^ ctx.read_i16_le(ptr)? as u64;
    sum ^= u64::from(ctx.read_u32_le(ptr)?) ^ ctx.read_i32_le(ptr)? as u64;
    sum ^= ctx.read_u64_le(ptr)? ^ ctx.read_i64_le(ptr)? as u64;
    sum ^= u64::from(ctx.read_f32_le(ptr)?.to_bits()) ^ ctx.read_f64_le(ptr)?.to_bits();
    Ok(sum)
}

fn write_numbers(ctx: &mut Ctx<u64>, ptr: u32, value: u64) -> Result<(), HostError> {
    ctx.write_u8(ptr, value as u8)?;
    ctx.write_i8(ptr, value as i8)?;
    ctx.write_u16_le(ptr, value as u16)?;
    ctx.write_i16_le(ptr, value as i16)?;
    ctx.write_u32_le(ptr, value as u32)?;
    ctx.write_i32_le(ptr, value as i32)?;
    ctx.write_u64_le(ptr, value)?;
    ctx.write_i64_le(ptr, value as i64)?;
    ctx.write_f32_le(ptr, f32::from_bits(value as u32))?;
    ctx.write_f64_le(ptr, f64::from_bits(value))?;
    Ok(())
}

/// Uses the `Memory` API with the guest's arguments widened to `usize`.
fn raw(mut caller: Caller<'_, u64>, op: i32, ptr: i32, len: i32, value: i64) -> i64 {
    let Some(Extern::Memory(memory)) = caller.get_export("mem") else {
        return -1;
    };
    let (offset, len) = (
        ptr as u32 as usize,
        len as u32 as usize % MAX_WRITE as usize,
    );
    match op.rem_euclid(5) {
        0 => {
            let mut buf = vec![0; len];
            match memory.read(&caller, offset, &mut buf) {
                Ok(()) => checksum(&buf) as i64,
                Err(_) => -1,
            }
        }
        1 => i64::from(
            memory
                .write(&mut caller, offset, &vec![value as u8; len])
                .is_ok(),
        ),
        2 => memory
            .data(&caller)
            .get(offset)
            .map_or(-1, |b| i64::from(*b)),
        3 => {
            let data = memory.data_mut(&mut caller);
            let at = offset.checked_rem(data.len()).unwrap_or(0);
            data.get_mut(at)
                .map_or(-1, |b| i64::from(std::mem::replace(b, value as u8)))
        }
        _ => memory
            .grow(&mut caller, (value as u64) % 4)
            .map_or(-1, |pages| pages as i64),
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn linker(engine: &Engine) -> Linker<u64> {
    let mut linker = Linker::new(engine);
    linker
        .define_imports(imports! { "env" => { "ctx" => ctx } })
        .expect("no duplicates");
    linker.func_wrap("env", "raw", raw).expect("no duplicates");
    linker
}

/// Outside any call there is no calling instance: every accessor must be an error.
fn outside_a_call(store: &mut Store<u64>, a: &Access) {
    let ctx = Ctx::from_store(store);
    assert!(ctx.read_bytes(a.ptr, a.len).is_err());
    assert!(ctx.write_u64_le(a.ptr, a.value).is_err());
    assert!(ctx.memory("mem").is_err());
}

fn args(a: &Access) -> [Val; 4] {
    [
        Val::I32(i32::from(a.op)),
        Val::I32(a.ptr as i32),
        Val::I32(a.len as i32),
        Val::I64(a.value as i64),
    ]
}

fuzz_target!(|accesses: Vec<Access>| {
    let engine = Engine::default();
    let linker = linker(&engine);
    let guest = Module::new(&engine, GUEST).expect("valid");
    let bare = Module::new(&engine, NO_MEMORY).expect("valid");
    let mut store = Store::new(&engine, 0);
    let instance = linker
        .instantiate(&mut store, &guest)
        .expect("instantiates");
    let no_memory = linker.instantiate(&mut store, &bare).expect("instantiates");
    for a in accesses.iter().take(64) {
        let (instance, name) = match a.target % 6 {
            0 | 1 => (instance, "ctx"),
            2 => (instance, "raw"),
            3 => (no_memory, "ctx"),
            4 => (instance, "vector"),
            _ => (instance, "grow"),
        };
        let func = instance.get_func(&store, name).expect("exported");
        let mut results = [Val::I64(0)];
        let args = args(a);
        let outcome = match name {
            "grow" => func.call(&mut store, &args[2..3], &mut [Val::I32(0)]),
            _ => func.call(&mut store, &args, &mut results),
        };
        if name == "vector" && outcome.is_ok() {
            assert_eq!(results[0], Val::I64(a.value as i64), "a v128 reads back as stored");
        }
        outside_a_call(&mut store, a);
    }
});
