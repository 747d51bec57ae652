//! Exact gas figures of small programs, each derived by hand from the price list
//! (`wasp-core/src/engine/costs.rs`) and the rule written there:
//!
//! - a block of straight-line code (from one label to the next: the function's start, a loop
//!   head, the start of an `if`'s arms, the end of a block) is paid in full before it runs,
//!   at the sum of the static prices of its operators (`br_if` does not end a block; code
//!   after an unconditional branch is unreachable and free);
//! - `memory.grow` and `table.grow` pay per page or element when granted, bulk memory pays
//!   per 64 bytes started, bulk table per element, a host call its own price: each just
//!   before the instruction runs.
//!
//! Default prices: `base` 1 (arithmetic, locals, globals, constants, branches, `if`,
//! `memory.grow`, `memory.size`, bulk and table instructions), `memory_access` 2,
//! `division` 4, `call` 5, `host_call` 20, `memory_grow_per_page` 1000,
//! `table_grow_per_element` 10, `bulk_memory_per_64_bytes` 1, `bulk_table_per_element` 1,
//! `free` 0 (`nop`, `drop`, `block`, `loop`, `end`, `else`, reinterpretations).
//!
//! The arithmetic is written next to each figure. A change to any price, or to where the
//! translator places its charges, changes one of these numbers.

use wasp_core::{
    CallOutcome, Caller, Config, Engine, Func, GasCosts, Instance, Linker, Module, Store,
    StoreLimits, TrapCode, Val,
};

fn engine_with(costs: GasCosts) -> Engine {
    let mut config = Config::default();
    config.gas_metering(true).gas_costs(costs);
    Engine::new(&config)
}

fn metered() -> Engine {
    engine_with(GasCosts::default())
}

/// A store with plenty of gas and an instance of `wat`, whose imports `linker` provides.
fn instantiate<T>(engine: &Engine, linker: &Linker<T>, data: T, wat: &str) -> (Store<T>, Instance) {
    let module = Module::new(engine, wat).expect("valid module");
    let mut store = Store::new(engine, data);
    store.set_gas(1_000_000).unwrap();
    let instance = linker
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

fn plain(engine: &Engine, wat: &str) -> (Store<()>, Instance) {
    instantiate(engine, &Linker::new(engine), (), wat)
}

/// Calls `name` with `args`; returns its results and the gas it used, checked two ways: as
/// the call reports it and as the store's gas went down.
fn gas_of<T>(
    store: &mut Store<T>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> (Vec<Val>, u64) {
    let func = instance.get_func(&*store, name).expect("exported function");
    gas_of_func(store, func, args)
}

fn gas_of_func<T>(store: &mut Store<T>, func: Func, args: &[Val]) -> (Vec<Val>, u64) {
    let before = store.gas_left().unwrap();
    match func.call_resumable(&mut *store, args).expect("runs") {
        CallOutcome::Finished { results, gas_used } => {
            assert_eq!(before - store.gas_left().unwrap(), gas_used);
            (results, gas_used)
        }
        other => panic!("expected the call to finish, got {other:?}"),
    }
}

/// Calls `name` with `args`, which must trap with `code`; returns the gas it used.
fn gas_of_trap<T>(
    store: &mut Store<T>,
    instance: &Instance,
    name: &str,
    args: &[Val],
    code: TrapCode,
) -> u64 {
    let func = instance.get_func(&*store, name).expect("exported function");
    let before = store.gas_left().unwrap();
    let mut results = vec![Val::I32(0); func.ty(&*store).results().len()];
    let err = func.call(&mut *store, args, &mut results).unwrap_err();
    assert_eq!(err.trap_code(), Some(code), "{err}");
    before - store.gas_left().unwrap()
}

const CALLS: &str = r#"(module
  (type $unary (func (param i32) (result i32)))
  (table funcref (elem $square))
  ;; local.get 1 + local.get 1 + i32.mul 1 = 3
  (func $square (type $unary) (i32.mul (local.get 0) (local.get 0)))
  ;; local.get 1 + call 5 + i32.const 1 + i32.add 1 = 8
  (func (export "direct") (param i32) (result i32)
    (i32.add (call $square (local.get 0)) (i32.const 1)))
  ;; local.get 1 + i32.const 1 + call_indirect 5 = 7
  (func (export "indirect") (param i32) (result i32)
    (call_indirect (type $unary) (local.get 0) (i32.const 0)))
  ;; local.get 1 + return_call 5 = 6
  (func (export "tail") (param i32) (result i32)
    (return_call $square (local.get 0)))
  ;; entry block: local.get 1 + i32.const 1 + i32.lt_u 1 + if 1 = 4
  ;; `then` arm: local.get 1 = 1
  ;; `else` arm: (local.get + i32.const + i32.sub + call) twice = 2 * (3 + 5), + i32.add 1 = 17
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2))))))))"#;

#[test]
fn calls_pay_the_call_price_and_the_callees_blocks() {
    let (mut store, instance) = plain(&metered(), CALLS);
    // 8 in the caller + 3 in $square.
    assert_eq!(
        gas_of(&mut store, &instance, "direct", &[Val::I32(7)]),
        (vec![Val::I32(50)], 11)
    );
    // 7 + 3.
    assert_eq!(
        gas_of(&mut store, &instance, "indirect", &[Val::I32(7)]),
        (vec![Val::I32(49)], 10)
    );
    // 6 + 3.
    assert_eq!(
        gas_of(&mut store, &instance, "tail", &[Val::I32(7)]),
        (vec![Val::I32(49)], 9)
    );
}

#[test]
fn recursive_fib_pays_per_call_and_per_arm() {
    let (mut store, instance) = plain(&metered(), CALLS);
    // fib(n) makes C = 2 fib(n+1) - 1 calls: L = fib(n+1) of them take the `then` arm, the
    // other C - L = fib(n+1) - 1 the `else` arm. Every call pays 4, `then` 1, `else` 17.
    // fib(0), fib(1): 4 + 1 = 5.
    assert_eq!(
        gas_of(&mut store, &instance, "fib", &[Val::I32(0)]),
        (vec![Val::I32(0)], 5)
    );
    assert_eq!(
        gas_of(&mut store, &instance, "fib", &[Val::I32(1)]),
        (vec![Val::I32(1)], 5)
    );
    // fib(2): C = 3, L = 2: 3 * 4 + 2 * 1 + 1 * 17 = 31.
    assert_eq!(
        gas_of(&mut store, &instance, "fib", &[Val::I32(2)]),
        (vec![Val::I32(1)], 31)
    );
    // fib(10): fib(11) = 89, C = 177, L = 89: 177 * 4 + 89 * 1 + 88 * 17 = 708 + 89 + 1496.
    assert_eq!(
        gas_of(&mut store, &instance, "fib", &[Val::I32(10)]),
        (vec![Val::I32(55)], 2293)
    );
}

const CONTROL: &str = r#"(module
  ;; entry block: block, block, block free, local.get 1 + br_table 1 = 2
  ;; after $a: i32.const 1 + return 1 = 2; after $b: the same, 2; after $c: i32.const 1 = 1
  (func (export "classify") (param i32) (result i32)
    (block $c (block $b (block $a
          (br_table $a $b $c (local.get 0)))
        (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  ;; entry block: local.get 1 + if 1 = 2; `then`: i32.const 1 + local.set 1 = 2;
  ;; after the `if`: local.get 1 = 1. No `else`: a false condition skips to the end.
  (func (export "maybe") (param i32) (result i32) (local i32)
    (if (local.get 0) (then (local.set 1 (i32.const 9))))
    (local.get 1)))"#;

#[test]
fn branches_pay_for_the_blocks_they_reach() {
    let (mut store, instance) = plain(&metered(), CONTROL);
    // 2 + 2, returning from after $a.
    assert_eq!(
        gas_of(&mut store, &instance, "classify", &[Val::I32(0)]),
        (vec![Val::I32(10)], 4)
    );
    // 2 + 2, returning from after $b.
    assert_eq!(
        gas_of(&mut store, &instance, "classify", &[Val::I32(1)]),
        (vec![Val::I32(20)], 4)
    );
    // 2 + 1: the default target $c.
    assert_eq!(
        gas_of(&mut store, &instance, "classify", &[Val::I32(7)]),
        (vec![Val::I32(30)], 3)
    );
    // 2 + 2 + 1 with the `then` arm, 2 + 1 without.
    assert_eq!(
        gas_of(&mut store, &instance, "maybe", &[Val::I32(1)]),
        (vec![Val::I32(9)], 5)
    );
    assert_eq!(
        gas_of(&mut store, &instance, "maybe", &[Val::I32(0)]),
        (vec![Val::I32(0)], 3)
    );
}

const HOST_CALLS: &str = r#"(module
  (import "env" "double" (func $double (param i32) (result i32)))
  (import "env" "work" (func $work (param i64)))
  ;; local.get 1 + call 5 = 6, then the host call 20
  (func (export "double") (param i32) (result i32) (call $double (local.get 0)))
  ;; local.get 1 + call 5 = 6, then the host call 20, then what the host charges
  (func (export "work") (param i64) (call $work (local.get 0))))"#;

fn host_linker(engine: &Engine) -> Linker<()> {
    let mut linker = Linker::new(engine);
    linker.func_wrap("env", "double", |x: i32| x * 2).unwrap();
    linker
        .func_wrap("env", "work", |mut caller: Caller<'_, ()>, units: i64| {
            caller.charge_gas(units as u64)
        })
        .unwrap();
    linker
}

#[test]
fn host_calls_pay_their_price_and_what_the_host_charges() {
    let engine = metered();
    let (mut store, instance) = instantiate(&engine, &host_linker(&engine), (), HOST_CALLS);
    // 6 + 20.
    assert_eq!(
        gas_of(&mut store, &instance, "double", &[Val::I32(21)]),
        (vec![Val::I32(42)], 26)
    );
    // 6 + 20 + 100.
    assert_eq!(
        gas_of(&mut store, &instance, "work", &[Val::I64(100)]),
        (vec![], 126)
    );
    // A host function called straight from Rust pays the host call price only: 20.
    let double = Func::wrap(&mut store, |x: i32| x * 2);
    assert_eq!(
        gas_of_func(&mut store, double, &[Val::I32(4)]),
        (vec![Val::I32(8)], 20)
    );
}

#[test]
fn a_host_charge_that_cannot_be_paid_traps_and_takes_the_rest() {
    let engine = metered();
    let (mut store, instance) = instantiate(&engine, &host_linker(&engine), (), HOST_CALLS);
    store.set_gas(30).unwrap();
    // 6 + 20 are paid, leaving 4: the host's charge of 100 fails and empties the store.
    let work = instance.get_typed_func::<i64, ()>(&store, "work").unwrap();
    let err = work.call(&mut store, 100).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfGas), "{err}");
    assert_eq!(store.gas_left().unwrap(), 0);
}

const GROW: &str = r#"(module (memory (export "mem") 1 3)
  ;; local.get 1 + memory.grow 1 = 2, then 1000 per page when granted
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#;

#[test]
fn memory_grow_pays_per_page_granted_and_nothing_more_when_refused() {
    let (mut store, instance) = plain(&metered(), GROW);
    let grow =
        |store: &mut Store<()>, pages: i32| gas_of(store, &instance, "grow", &[Val::I32(pages)]);
    // Zero pages are granted for the base price: 2 + 0 * 1000.
    assert_eq!(grow(&mut store, 0), (vec![Val::I32(1)], 2));
    // 2 + 1 * 1000.
    assert_eq!(grow(&mut store, 1), (vec![Val::I32(1)], 1002));
    // Refused by the maximum (2 + 2 > 3): 2.
    assert_eq!(grow(&mut store, 2), (vec![Val::I32(-1)], 2));
    // 2 + 1 * 1000, up to the maximum of 3 pages.
    assert_eq!(grow(&mut store, 1), (vec![Val::I32(2)], 1002));
    // Refused: 2, also for the largest request (2^32 - 1 pages).
    assert_eq!(grow(&mut store, 1), (vec![Val::I32(-1)], 2));
    assert_eq!(grow(&mut store, -1), (vec![Val::I32(-1)], 2));
}

#[test]
fn memory_grow_refused_by_the_store_limits_pays_the_base_price() {
    let (mut store, instance) = plain(&metered(), GROW);
    store.set_limits(StoreLimits::default().memory_bytes(2 * 65536));
    // 2 + 1000, then refused by the store's cap of 2 pages: 2.
    assert_eq!(
        gas_of(&mut store, &instance, "grow", &[Val::I32(1)]),
        (vec![Val::I32(1)], 1002)
    );
    assert_eq!(
        gas_of(&mut store, &instance, "grow", &[Val::I32(1)]),
        (vec![Val::I32(-1)], 2)
    );
}

#[test]
fn memory_grow_pauses_before_the_pages_it_cannot_pay_for() {
    let (mut store, instance) = plain(&metered(), GROW);
    store.set_gas(1001).unwrap();
    let grow = instance.get_func(&store, "grow").unwrap();
    // The block (2) is paid, leaving 999 of the 1000 the page costs: 1 more is needed.
    let paused = match grow.call_resumable(&mut store, &[Val::I32(1)]).unwrap() {
        CallOutcome::OutOfGas(paused) => paused,
        other => panic!("expected a pause, got {other:?}"),
    };
    assert_eq!(paused.gas_used(), 2);
    assert_eq!(paused.gas_needed(), Some(1));
    assert_eq!(store.gas_left().unwrap(), 999);
    let mem = instance.get_memory(&store, "mem").unwrap();
    assert_eq!(mem.size(&store), 1, "nothing grew before it was paid for");
    store.set_gas(1000).unwrap();
    match paused.resume(&mut store, &[]).unwrap() {
        CallOutcome::Finished { results, gas_used } => {
            assert_eq!(results, vec![Val::I32(1)]);
            assert_eq!(gas_used, 1002);
        }
        other => panic!("expected the call to finish, got {other:?}"),
    }
    assert_eq!(store.gas_left().unwrap(), 0);
    assert_eq!(mem.size(&store), 2);
}

const BULK: &str = r#"(module (memory (export "mem") 1)
  (data $d "0123456789")
  ;; i32.const 1 + i32.const 1 + local.get 1 + memory.fill 1 = 4, then 1 per 64 bytes started
  (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 7) (local.get 0)))
  ;; 4 likewise, then 1 per 64 bytes started
  (func (export "copy") (param i32) (memory.copy (i32.const 1000) (i32.const 0) (local.get 0)))
  ;; 4 likewise, then 1 per 64 bytes started
  (func (export "init") (param i32) (memory.init $d (i32.const 2000) (i32.const 0) (local.get 0)))
  ;; data.drop 1
  (func (export "drop") (data.drop $d)))"#;

#[test]
fn bulk_memory_pays_per_64_bytes_started() {
    let (mut store, instance) = plain(&metered(), BULK);
    let mut gas = |name: &str, len: i32| gas_of(&mut store, &instance, name, &[Val::I32(len)]).1;
    // 4 + ceil(len / 64): 0, 1, 1, 2, 16 (1000 / 64 = 15.6), 1024.
    assert_eq!(gas("fill", 0), 4);
    assert_eq!(gas("fill", 1), 5);
    assert_eq!(gas("fill", 64), 5);
    assert_eq!(gas("fill", 65), 6);
    assert_eq!(gas("fill", 1000), 20);
    assert_eq!(gas("fill", 65536), 1028);
    // 4 + ceil(128 / 64) = 6; 4 + ceil(10 / 64) = 5.
    assert_eq!(gas("copy", 128), 6);
    assert_eq!(gas("init", 10), 5);
    let mem = instance.get_memory(&store, "mem").unwrap();
    assert_eq!(&mem.data(&store)[1000..1002], &[7, 7]);
    assert_eq!(&mem.data(&store)[2000..2010], b"0123456789");
}

#[test]
fn bulk_memory_that_traps_has_paid_for_its_length() {
    let (mut store, instance) = plain(&metered(), BULK);
    // Out of bounds: 4 + ceil(65537 / 64) = 4 + 1025, paid before the trap.
    let len = [Val::I32(65537)];
    assert_eq!(
        gas_of_trap(
            &mut store,
            &instance,
            "fill",
            &len,
            TrapCode::MemoryOutOfBounds
        ),
        1029
    );
    // 11 bytes of a 10-byte segment: 4 + 1.
    let len = [Val::I32(11)];
    assert_eq!(
        gas_of_trap(
            &mut store,
            &instance,
            "init",
            &len,
            TrapCode::MemoryOutOfBounds
        ),
        5
    );
    // data.drop 1; then a dropped segment is empty: init of 0 bytes is 4, of 1 byte traps at 5.
    assert_eq!(gas_of(&mut store, &instance, "drop", &[]).1, 1);
    assert_eq!(gas_of(&mut store, &instance, "init", &[Val::I32(0)]).1, 4);
    let len = [Val::I32(1)];
    assert_eq!(
        gas_of_trap(
            &mut store,
            &instance,
            "init",
            &len,
            TrapCode::MemoryOutOfBounds
        ),
        5
    );
}

const TABLES: &str = r#"(module (table $t (export "t") 1 3 funcref)
  ;; ref.null 1 + local.get 1 + table.grow 1 = 3, then 10 per element when granted
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  ;; i32.const 1 + ref.null 1 + local.get 1 + table.fill 1 = 4, then 1 per element
  (func (export "fill") (param i32) (table.fill $t (i32.const 0) (ref.null func) (local.get 0))))"#;

#[test]
fn table_growth_and_fill_pay_per_element() {
    let (mut store, instance) = plain(&metered(), TABLES);
    // 3 + 2 * 10.
    assert_eq!(
        gas_of(&mut store, &instance, "grow", &[Val::I32(2)]),
        (vec![Val::I32(1)], 23)
    );
    // Refused by the maximum (3 + 1 > 3): 3.
    assert_eq!(
        gas_of(&mut store, &instance, "grow", &[Val::I32(1)]),
        (vec![Val::I32(-1)], 3)
    );
    // 4 + 3 * 1.
    assert_eq!(
        gas_of(&mut store, &instance, "fill", &[Val::I32(3)]),
        (vec![], 7)
    );
    // Out of bounds (4 > 3 elements): 4 + 4 * 1, paid before the trap.
    let len = [Val::I32(4)];
    assert_eq!(
        gas_of_trap(
            &mut store,
            &instance,
            "fill",
            &len,
            TrapCode::TableOutOfBounds
        ),
        8
    );
}

/// A price list where every price differs (and `free` is not free), on a program that uses
/// each kind of price once or more.
#[test]
fn a_custom_price_list_is_what_calls_pay() {
    let costs = GasCosts {
        base: 2,
        memory_access: 3,
        division: 7,
        call: 11,
        host_call: 13,
        memory_grow_per_page: 17,
        table_grow_per_element: 19,
        bulk_memory_per_64_bytes: 23,
        bulk_table_per_element: 29,
        free: 1,
        simd: 31,
    };
    let wat = r#"(module
      (import "env" "same" (func $same (param i32) (result i32)))
      (memory (export "mem") 1 2)
      (table 1 4 funcref)
      ;; local.get 2 + i32.const 2 + i32.div_u 7 + end 1 = 12
      (func $half (param i32) (result i32) (i32.div_u (local.get 0) (i32.const 2)))
      (func (export "run") (param $n i32) (result i32) (local $i i32)
        ;; entry block:
        ;;   i32.const 2 + memory.grow 2 + drop 1                    =  5
        ;;   ref.null 2 + i32.const 2 + table.grow 2 + drop 1        =  7
        ;;   i32.const 2 + i32.const 2 + i32.const 2 + memory.fill 2 =  8
        ;;   loop 1                                                  =  1, total 21
        ;; then 1 page (17), 2 elements (2 * 19 = 38) and 100 bytes (ceil(100 / 64) = 2,
        ;; 2 * 23 = 46)
        (drop (memory.grow (i32.const 1)))
        (drop (table.grow (ref.null func) (i32.const 2)))
        (memory.fill (i32.const 0) (i32.const 1) (i32.const 100))
        ;; loop block:
        ;;   local.get 2 + local.get 2 + call 11 + call 11 + i32.store 3       = 29
        ;;   local.get 2 + i32.const 2 + i32.add 2 + local.set 2               =  8
        ;;   local.get 2 + local.get 2 + i32.lt_u 2 + br_if 2 + end 1          =  9, total 46
        ;; and per iteration $half (12) and the host call (13): 46 + 12 + 13 = 71
        (loop $l
          (i32.store (local.get $i) (call $same (call $half (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        ;; after the loop: i32.const 2 + i32.load 3 + end 1 = 6
        (i32.load (i32.const 4))))"#;
    let engine = engine_with(costs);
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "same", |x: i32| x).unwrap();
    let (mut store, instance) = instantiate(&engine, &linker, (), wat);
    // n = 12: iterations for i = 0, 4, 8. 21 + 17 + 38 + 46 + 3 * 71 + 6 = 341.
    // The result is the word at 4, which the second iteration set to 4 / 2.
    assert_eq!(
        gas_of(&mut store, &instance, "run", &[Val::I32(12)]),
        (vec![Val::I32(2)], 341)
    );
    let mem = instance.get_memory(&store, "mem").unwrap();
    let words: Vec<u8> = mem.data(&store)[..16].to_vec();
    assert_eq!(words, [0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 1, 1, 1, 1]);
}
