//! Memories of 1-byte pages (the custom-page-sizes proposal): `memory.size`, `memory.grow` and
//! the `Memory` API count the memory's own pages, bounds are exact to the byte, `StoreLimits`
//! keep counting bytes, `memory.grow` pays per 64 KiB started, types print in Wasm text, a
//! 64 KiB-page memory does not satisfy a 1-byte-page import, and a call paused in a loop that
//! grows such a memory byte by byte resumes from a snapshot.

mod common;

use common::{call, engine, try_call};
use wasp_core::{
    CallOutcome, Engine, Instance, Linker, Memory, MemoryType, Module, Store, StoreLimits,
    TrapCode, Val,
};

/// `$m` starts at 3 bytes and may grow to 100,000.
const PROGRAM: &str = r#"(module
  (memory $m (export "mem") 3 100000 (pagesize 1))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  ;; Grows by one byte n times, writing (i & 255) into each new byte; returns the size.
  (func (export "grow_loop") (param $n i32) (result i32) (local $i i32) (local $old i32)
    (loop $l
      (local.set $old (memory.grow (i32.const 1)))
      (i32.store8 (local.get $old) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (memory.size)))"#;

fn instantiate(engine: &Engine, limits: Option<StoreLimits>) -> (Store<()>, Instance) {
    let module = Module::new(engine, PROGRAM).expect("valid module");
    let mut store = Store::new(engine, ());
    store.set_gas(u64::MAX / 2).ok();
    if let Some(limits) = limits {
        store.set_limits(limits);
    }
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

#[test]
fn sizes_and_bounds_count_single_bytes() {
    for metered in [false, true] {
        let (mut store, instance) = instantiate(&engine(metered), None);
        let mem = instance.get_memory(&store, "mem").unwrap();
        assert_eq!(call(&mut store, &instance, "size", &[]), vec![Val::I32(3)]);
        assert_eq!(mem.size(&store), 3);
        assert_eq!(mem.data(&store).len(), 3);
        call(&mut store, &instance, "store8", &[Val::I32(2), Val::I32(7)]);
        assert_eq!(
            call(&mut store, &instance, "load8", &[Val::I32(2)]),
            vec![Val::I32(7)]
        );
        let err = try_call(&mut store, &instance, "load8", &[Val::I32(3)]).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));

        assert_eq!(
            call(&mut store, &instance, "grow", &[Val::I32(5)]),
            vec![Val::I32(3)]
        );
        assert_eq!(call(&mut store, &instance, "size", &[]), vec![Val::I32(8)]);
        assert_eq!(mem.grow(&mut store, 2).unwrap(), 8);
        assert_eq!(mem.data(&store).len(), 10);
        let refused = call(&mut store, &instance, "grow", &[Val::I32(99_991)]);
        assert_eq!(refused, vec![Val::I32(-1)], "the maximum is 100,000 bytes");
        let granted = call(&mut store, &instance, "grow", &[Val::I32(99_990)]);
        assert_eq!(granted, vec![Val::I32(10)]);
        assert_eq!(
            mem.ty(&store).to_string(),
            "(memory 100000 100000 (pagesize 1))"
        );
    }
}

#[test]
fn store_limits_count_bytes() {
    let limits = StoreLimits::default().memory_bytes(1_000);
    let (mut store, instance) = instantiate(&engine(false), Some(limits));
    let granted = call(&mut store, &instance, "grow", &[Val::I32(997)]);
    assert_eq!(granted, vec![Val::I32(3)]);
    let refused = call(&mut store, &instance, "grow", &[Val::I32(1)]);
    assert_eq!(refused, vec![Val::I32(-1)], "1,000 bytes is the cap");
}

#[test]
fn grow_pays_per_64_kib_started() {
    let (mut store, instance) = instantiate(&engine(true), None);
    // local.get 1 + memory.grow 1, then 1000 per 64 KiB started: 1 byte and 65,536 bytes
    // start one, 65,537 bytes start two.
    for (bytes, want) in [(1, 1002), (65_536, 1002), (30_000, 1002)] {
        let func = instance.get_func(&store, "grow").unwrap();
        match func.call_resumable(&mut store, &[Val::I32(bytes)]).unwrap() {
            CallOutcome::Finished { gas_used, results } => {
                assert_ne!(results, vec![Val::I32(-1)]);
                assert_eq!(gas_used, want, "grow {bytes}");
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
    }
    let (mut store, instance) = instantiate(&engine(true), None);
    let func = instance.get_func(&store, "grow").unwrap();
    match func
        .call_resumable(&mut store, &[Val::I32(65_537)])
        .unwrap()
    {
        CallOutcome::Finished { gas_used, .. } => assert_eq!(gas_used, 2002),
        other => panic!("expected the call to finish, got {other:?}"),
    }
}

#[test]
fn page_sizes_must_match_to_link() {
    let engine = engine(false);
    let importer = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 1 (pagesize 1))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let wide = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
    linker.define("env", "mem", wide).unwrap();
    let err = linker.instantiate(&mut store, &importer).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("expected (memory 1 (pagesize 1)), found (memory 1)"),
        "{text}"
    );

    let bytes = MemoryType::new(1, None).with_page_size_log2(0).unwrap();
    assert!(MemoryType::new(1, None).with_page_size_log2(12).is_none());
    let narrow = Memory::new(&mut store, bytes).unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "mem", narrow).unwrap();
    linker
        .instantiate(&mut store, &importer)
        .expect("same page size links");
}

/// Gas of `grow_loop n`: the entry block (`loop`) 0; each iteration 15: i32.const 1,
/// memory.grow 1, local.set 1, local.get 1, local.get 1, i32.store8 2, local.get 1,
/// i32.const 1, i32.add 1, local.set 1, local.get 1, local.get 1, i32.lt_u 1, br_if 1; and
/// 1000 for the 64 KiB the one-byte growth starts; after the loop: memory.size 1.
fn grow_loop_gas(n: u64) -> u64 {
    1015 * n + 1
}

/// Paused at the head of iteration `k + 1` (its block starts with `memory.grow`), saved with
/// a memory of an odd number of bytes, restored into a new store and finished there.
#[test]
fn a_call_growing_byte_by_byte_resumes_from_a_snapshot() {
    let engine = engine(true);
    let n = 40;
    for k in [0, 1, 17, 39] {
        let (mut first, instance) = instantiate(&engine, None);
        let func = instance.get_func(&first, "grow_loop").unwrap();
        first.set_gas(1015 * k + 5).unwrap();
        let paused = match func.call_resumable(&mut first, &[Val::I32(n)]).unwrap() {
            CallOutcome::OutOfGas(paused) => paused,
            other => panic!("expected a pause, got {other:?}"),
        };
        assert_eq!(paused.gas_needed(), Some(10));
        let mem = instance.get_memory(&first, "mem").unwrap();
        assert_eq!(mem.size(&first), 3 + k);
        let snapshot = first.snapshot(Some(&paused));
        drop(first);

        let (mut second, instance) = instantiate(&engine, None);
        let paused = second.restore(&snapshot).unwrap().expect("a paused call");
        second.set_gas(u64::MAX / 2).unwrap();
        match paused.resume(&mut second, &[]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, vec![Val::I32(3 + n)]);
                assert_eq!(gas_used, grow_loop_gas(n as u64));
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
        let mem = instance.get_memory(&second, "mem").unwrap();
        let want: Vec<u8> = (0..n as u8).collect();
        assert_eq!(mem.data(&second)[3..], want[..]);
    }
}
