//! Memory 0 as handler chains carry it: the start of its bytes travels from handler to
//! handler in a register, and each access compares its address with the end for accesses of
//! its size. These tests check the edges of that comparison for every access size, with and
//! without a static offset, on memories of 0, 1 and 2 pages; and that a memory which grows
//! while a chain runs (in the same function, in another instance sharing it, or in a host
//! function) is seen at its new size and place by the code that runs after.

mod common;

use common::{each_mode, engine, trap_of, try_call};
use wasp_core::{Caller, Extern, Linker, Module, Store, TrapCode, Val};

const PAGE: i64 = 65536;

/// Every load and store, exported as `load{bits}_{offset}` (returning the value as i64) and
/// `store{bits}_{offset}` (storing the low bits of an i64), at offsets 0 and 3, on one memory
/// of `pages` pages (at most 4).
fn accessors(pages: u32) -> String {
    let mut funcs = String::new();
    for offset in [0, 3] {
        for (bits, load, store) in [
            (8, "i64.load8_u", "i64.store8"),
            (16, "i64.load16_u", "i64.store16"),
            (32, "i64.load32_u", "i64.store32"),
            (64, "i64.load", "i64.store"),
        ] {
            funcs += &format!(
                r#"(func (export "load{bits}_{offset}") (param i32) (result i64)
                     ({load} offset={offset} (local.get 0)))
                   (func (export "store{bits}_{offset}") (param i32 i64)
                     ({store} offset={offset} (local.get 0) (local.get 1)))"#
            );
        }
        // i32 and float forms, which have handlers of their own.
        funcs += &format!(
            r#"(func (export "load32i_{offset}") (param i32) (result i64)
                 (i64.extend_i32_u (i32.load offset={offset} (local.get 0))))
               (func (export "loadf64_{offset}") (param i32) (result i64)
                 (i64.reinterpret_f64 (f64.load offset={offset} (local.get 0))))
               (func (export "storef32_{offset}") (param i32 i64)
                 (f32.store offset={offset} (local.get 0)
                   (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1)))))"#
        );
    }
    format!(
        r#"(module (memory (export "mem") {pages} 4) {funcs}
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#
    )
}

/// The bytes an access named `name` (`load32_3`, `storef32_0`, ...) touches, and its offset.
fn width_and_offset(name: &str) -> (i64, i64) {
    let (kind, offset) = name.split_once('_').expect("named kind_offset");
    let digits: String = kind.chars().filter(char::is_ascii_digit).collect();
    let bits: i64 = digits.parse().expect("a width");
    (bits / 8, offset.parse().expect("an offset"))
}

const LOADS: [&str; 12] = [
    "load8_0",
    "load16_0",
    "load32_0",
    "load64_0",
    "load32i_0",
    "loadf64_0",
    "load8_3",
    "load16_3",
    "load32_3",
    "load64_3",
    "load32i_3",
    "loadf64_3",
];
const STORES: [&str; 10] = [
    "store8_0",
    "store16_0",
    "store32_0",
    "store64_0",
    "storef32_0",
    "store8_3",
    "store16_3",
    "store32_3",
    "store64_3",
    "storef32_3",
];

/// The addresses worth trying on a memory of `len` bytes for an access of `width` bytes at
/// `offset`: around the last one that fits, around 0, and far past the end.
fn addresses(len: i64, width: i64, offset: i64) -> Vec<i64> {
    let last = len - width - offset;
    let mut at = vec![0, 1, last - 1, last, last + 1, last + width, len, len + 1];
    at.extend([i64::from(u32::MAX), i64::from(u32::MAX) - offset, 1 << 31]);
    at.retain(|&a| (0..=i64::from(u32::MAX)).contains(&a));
    at
}

fn fits(len: i64, width: i64, offset: i64, at: i64) -> bool {
    at + offset + width <= len
}

#[test]
fn every_access_size_fits_up_to_the_last_byte_and_traps_past_it() {
    for pages in [0, 1, 2] {
        let len = i64::from(pages) * PAGE;
        each_mode(accessors(pages), |store, instance, mode| {
            for name in STORES {
                let (width, offset) = width_and_offset(name);
                for at in addresses(len, width, offset) {
                    let args = [Val::I32(at as i32), Val::I64(0x0102_0304_0506_0708)];
                    let result = try_call(store, instance, name, &args);
                    let want =
                        (!fits(len, width, offset, at)).then_some(TrapCode::MemoryOutOfBounds);
                    assert_eq!(
                        trap_of(result),
                        want,
                        "{name} at {at}, {pages} pages, {mode:?}"
                    );
                }
            }
            for name in LOADS {
                let (width, offset) = width_and_offset(name);
                for at in addresses(len, width, offset) {
                    let result = try_call(store, instance, name, &[Val::I32(at as i32)]);
                    if fits(len, width, offset, at) {
                        assert!(result.is_ok(), "{name} at {at}, {pages} pages, {mode:?}");
                    } else {
                        assert_eq!(
                            trap_of(result),
                            Some(TrapCode::MemoryOutOfBounds),
                            "{name} at {at}, {pages} pages, {mode:?}"
                        );
                    }
                }
            }
        });
    }
}

#[test]
fn the_last_bytes_of_memory_hold_what_was_stored() {
    each_mode(accessors(1), |store, instance, mode| {
        for (store_name, load_name) in [("store64_3", "load64_3"), ("store16_0", "load16_0")] {
            let (width, offset) = width_and_offset(store_name);
            let at = PAGE - width - offset;
            let v = 0x1122_3344_5566_7788_i64 >> (64 - 8 * width) as u32;
            try_call(
                store,
                instance,
                store_name,
                &[Val::I32(at as i32), Val::I64(v)],
            )
            .expect("fits");
            let got = try_call(store, instance, load_name, &[Val::I32(at as i32)]).expect("fits");
            assert_eq!(got, vec![Val::I64(v)], "{load_name}, {mode:?}");
        }
        let memory = instance.get_memory(&*store, "mem").expect("exported");
        assert_eq!(memory.data(&*store)[65535], 0x11, "{mode:?}");
    });
}

#[test]
fn a_loop_sees_the_memory_it_grew() {
    // Grows memory by a page per iteration and writes the last byte of the new page,
    // reading it back: every access past the first page lands in memory the loop grew.
    let wat = r#"(module (memory 1 8)
      (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
        (loop $l
          (drop (memory.grow (i32.const 1)))
          (i32.store8 (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
                      (local.get $i))
          (local.set $sum (i32.add (local.get $sum) (i32.load8_u offset=65535
            (i32.mul (i32.add (local.get $i) (i32.const 1)) (i32.const 65536)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $sum)))"#;
    each_mode(wat, |store, instance, mode| {
        let got = try_call(store, instance, "run", &[Val::I32(7)]);
        // Bytes 0..7 written at the end of pages 2..8 and read back: 0 + 1 + ... + 6.
        assert_eq!(got.expect("fits"), vec![Val::I32(21)], "{mode:?}");
    });
}

#[test]
fn a_load_after_a_call_sees_memory_grown_in_another_instance() {
    // `owner` has the memory and grows it; `user` imports both and reads the new page after
    // the call returns, in the same function.
    let owner = r#"(module (memory (export "mem") 1 4)
      (func (export "grow") (result i32) (memory.grow (i32.const 1)))
      (func (export "poke") (param i32 i32) (i32.store (local.get 0) (local.get 1))))"#;
    let user = r#"(module
      (import "owner" "mem" (memory 1 4))
      (import "owner" "grow" (func $grow (result i32)))
      (import "owner" "poke" (func $poke (param i32 i32)))
      (func (export "run") (result i32)
        (drop (call $grow))
        (call $poke (i32.const 70000) (i32.const 42))
        (i32.add (i32.load (i32.const 70000)) (memory.size))))"#;
    for gas in [false, true] {
        let engine = engine(gas);
        let mut store = Store::new(&engine, ());
        store.set_gas(u64::MAX / 2).ok();
        let mut linker = Linker::new(&engine);
        let owner = Module::new(&engine, owner).expect("valid");
        let owner = linker
            .instantiate(&mut store, &owner)
            .expect("instantiates");
        linker
            .instance(&mut store, "owner", owner)
            .expect("defined");
        let user = Module::new(&engine, user).expect("valid");
        let user = linker.instantiate(&mut store, &user).expect("instantiates");
        let run = user
            .get_typed_func::<(), i32>(&store, "run")
            .expect("exported");
        assert_eq!(run.call(&mut store, ()).expect("fits"), 44, "gas {gas}");
        // A second call grows it again, and reads the same bytes.
        let last = user
            .get_typed_func::<(), i32>(&store, "run")
            .expect("exported");
        assert_eq!(
            last.call(&mut store, ()).expect("grows again"),
            45,
            "gas {gas}"
        );
    }
}

#[test]
fn a_load_after_a_host_call_sees_memory_the_host_grew() {
    let wat = r#"(module
      (import "env" "grow" (func $grow (param i32)))
      (memory (export "mem") 1 4)
      (func (export "run") (result i32)
        (if (i32.ne (call $probe) (i32.const -1)) (then (unreachable)))
        (call $grow (i32.const 2))
        (i32.store offset=131072 (i32.const 4) (i32.const 7))
        (i32.add (i32.load (i32.const 131076)) (memory.size)))
      (func $probe (result i32) (i32.const -1)))"#;
    for gas in [false, true] {
        let engine = engine(gas);
        let mut store = Store::new(&engine, ());
        store.set_gas(u64::MAX / 2).ok();
        let mut linker = Linker::new(&engine);
        linker
            .func_wrap("env", "grow", |caller: Caller<'_, ()>, pages: i32| {
                let Some(Extern::Memory(memory)) = caller.get_export("mem") else {
                    panic!("the caller exports its memory");
                };
                let mut caller = caller;
                memory
                    .grow(&mut caller, pages as u64)
                    .expect("within the maximum");
            })
            .expect("defined");
        let module = Module::new(&engine, wat).expect("valid");
        let instance = linker
            .instantiate(&mut store, &module)
            .expect("instantiates");
        let run = instance
            .get_typed_func::<(), i32>(&store, "run")
            .expect("exported");
        assert_eq!(run.call(&mut store, ()).expect("fits"), 10, "gas {gas}");
    }
}
