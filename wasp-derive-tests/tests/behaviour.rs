//! Host functions written with `#[host]`, called from Wasm: values in and out, the context,
//! memory effects, traps, and link-time errors without `check`.

use wasp_core::{
    host, imports, Ctx, Engine, Error, ExternRef, Func, HostError, HostType, Imports, Instance,
    Linker, Module, Store, TrapCode, Val,
};

/// Instantiates `wat` with `imports` in a store holding `data`.
fn instantiate<T>(wat: &str, imports: Imports<T>, data: T) -> (Store<T>, Instance) {
    let engine = Engine::default();
    let module = Module::new(&engine, wat).expect("the test module is valid");
    imports
        .check(&module)
        .expect("the imports match the module");
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports).expect("no duplicate names");
    let mut store = Store::new(&engine, data);
    let instance = linker
        .instantiate(&mut store, &module)
        .expect("the module instantiates");
    (store, instance)
}

/// Calls the export `name` with `args`, expecting `n` results.
fn call<T>(
    store: &mut Store<T>,
    instance: Instance,
    name: &str,
    args: &[Val],
    n: usize,
) -> Result<Vec<Val>, Error> {
    let func = instance.get_func(&*store, name).expect("export exists");
    let mut results = vec![Val::I32(0); n];
    func.call(store, args, &mut results)?;
    Ok(results)
}

#[host]
fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

#[host]
fn mix(a: i32, b: u32, c: u64, d: bool, e: f32, f: f64) -> (u32, u64, i32, f64) {
    (b, c, i32::from(d) + a, f64::from(e) * f)
}

#[test]
fn values_cross_both_ways() {
    let wat = r#"(module
        (import "math" "add" (func $add (param i64 i64) (result i64)))
        (import "math" "mix" (func $mix (param i32 i32 i64 i32 f32 f64) (result i32 i64 i32 f64)))
        (func (export "add") (param i64 i64) (result i64) (call $add (local.get 0) (local.get 1)))
        (func (export "mix") (param i32 i32 i64 i32 f32 f64) (result i32 i64 i32 f64)
            (call $mix (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
                (local.get 5))))"#;
    let (mut store, instance) = instantiate(
        wat,
        imports! { "math" => { "add" => add, "mix" => mix } },
        (),
    );
    let r = call(
        &mut store,
        instance,
        "add",
        &[Val::I64(i64::MAX), Val::I64(1)],
        1,
    )
    .unwrap();
    assert_eq!(r, [Val::I64(i64::MIN)]);

    let args = [
        Val::I32(40),
        Val::I32(-1), // u32::MAX on the host side
        Val::I64(-1), // u64::MAX
        Val::I32(7),  // any non-zero i32 is `true`
        Val::from_f32(1.5),
        Val::from_f64(2.0),
    ];
    let r = call(&mut store, instance, "mix", &args, 4).unwrap();
    assert_eq!(
        r,
        [Val::I32(-1), Val::I64(-1), Val::I32(41), Val::from_f64(3.0)]
    );
}

struct Counter {
    calls: u32,
    log: Vec<String>,
}

#[host]
fn bump(counter: &mut Ctx<Counter>, by: u32) -> u32 {
    counter.data_mut().calls += by;
    counter.data().calls
}

/// Logs the guest's string, and writes its length back after it.
#[host]
fn log(ctx: &mut Ctx<Counter>, ptr: u32, len: u32) -> Result<(), HostError> {
    let line = ctx.read_str(ptr, len)?.to_owned();
    ctx.write_u32_le(ptr + len, len)?;
    ctx.data_mut().log.push(line);
    Ok(())
}

/// Writes a greeting into the exported memory `mem`.
#[host]
fn greet(ctx: &mut Ctx<Counter>, ptr: i32) -> Result<i32, HostError> {
    let greeting = "hello from the host";
    ctx.memory_mut("mem")?.write_str(ptr, greeting)?;
    Ok(greeting.len() as i32)
}

/// Reads a little-endian i64 and f64 and adds them.
#[host]
fn sum_at(ctx: &mut Ctx<Counter>, ptr: u32) -> Result<f64, HostError> {
    let memory = ctx.default_memory()?;
    Ok(memory.read_i64_le(ptr)? as f64 + memory.read_f64_le(ptr + 8)?)
}

const MEMORY_WAT: &str = r#"(module
    (import "env" "bump" (func $bump (param i32) (result i32)))
    (import "env" "log" (func $log (param i32 i32)))
    (import "env" "greet" (func $greet (param i32) (result i32)))
    (import "env" "sum_at" (func $sum_at (param i32) (result f64)))
    (memory (export "mem") 1)
    (data (i32.const 16) "wasm says hi")
    (data (i32.const 64) "\ff\fe")
    (data (i32.const 128) "\05\00\00\00\00\00\00\00\00\00\00\00\00\00\f8\3f")
    (func (export "bump") (param i32) (result i32) (call $bump (local.get 0)))
    (func (export "log") (result i32)
        (call $log (i32.const 16) (i32.const 12))
        (i32.load (i32.const 28)))
    (func (export "log_at") (param i32 i32) (call $log (local.get 0) (local.get 1)))
    (func (export "greet") (result i32) (call $greet (i32.const 256)))
    (func (export "greet_at") (param i32) (result i32) (call $greet (local.get 0)))
    (func (export "sum") (result f64) (call $sum_at (i32.const 128))))"#;

fn memory_instance() -> (Store<Counter>, Instance) {
    let imports = imports! {
        "env" => { "bump" => bump, "log" => log, "greet" => greet, "sum_at" => sum_at },
    };
    let data = Counter {
        calls: 0,
        log: Vec::new(),
    };
    instantiate(MEMORY_WAT, imports, data)
}

#[test]
fn the_context_reaches_the_store_data() {
    let (mut store, instance) = memory_instance();
    call(&mut store, instance, "bump", &[Val::I32(2)], 1).unwrap();
    let r = call(&mut store, instance, "bump", &[Val::I32(3)], 1).unwrap();
    assert_eq!(r, [Val::I32(5)]);
    assert_eq!(store.data().calls, 5);
}

#[test]
fn host_functions_read_and_write_the_callers_memory() {
    let (mut store, instance) = memory_instance();
    let r = call(&mut store, instance, "log", &[], 1).unwrap();
    assert_eq!(
        r,
        [Val::I32(12)],
        "the host wrote the length after the string"
    );
    assert_eq!(store.data().log, ["wasm says hi"]);

    let r = call(&mut store, instance, "greet", &[], 1).unwrap();
    let len = r[0].i32().unwrap() as usize;
    let memory = instance.get_memory(&store, "mem").unwrap();
    assert_eq!(&memory.data(&store)[256..256 + len], b"hello from the host");

    let r = call(&mut store, instance, "sum", &[], 1).unwrap();
    assert_eq!(r, [Val::from_f64(6.5)]);
}

#[test]
fn memory_errors_trap_with_a_message_and_change_nothing() {
    let (mut store, instance) = memory_instance();
    let before = instance
        .get_memory(&store, "mem")
        .unwrap()
        .data(&store)
        .to_vec();

    let err = call(&mut store, instance, "greet_at", &[Val::I32(65530)], 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: out of bounds memory access: expected offset + length <= 65536 \
         (the memory size), found 65530 + 19"
    );
    assert!(err.as_trap().is_some());

    let err = call(
        &mut store,
        instance,
        "log_at",
        &[Val::I32(-1), Val::I32(4)],
        0,
    )
    .unwrap_err();
    assert!(err.to_string().contains("found 4294967295 + 4"), "{err}");

    let err = call(
        &mut store,
        instance,
        "log_at",
        &[Val::I32(64), Val::I32(2)],
        0,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: invalid UTF-8 in memory: expected a UTF-8 string of 2 bytes at \
         64, found an invalid sequence at 64"
    );

    let after = instance
        .get_memory(&store, "mem")
        .unwrap()
        .data(&store)
        .to_vec();
    assert!(before == after, "failed accesses wrote nothing");
    assert!(store.data().log.is_empty());
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    X,
    O,
}

impl HostType for Mark {
    type Wasm = i32;
    fn from_wasm(v: i32) -> Result<Mark, HostError> {
        match v {
            1 => Ok(Mark::X),
            2 => Ok(Mark::O),
            _ => Err(HostError::msg(format!(
                "expected a player (1 for X, 2 for O), found {v}"
            ))),
        }
    }
    fn into_wasm(self) -> Result<i32, HostError> {
        Ok(match self {
            Mark::X => 1,
            Mark::O => 2,
        })
    }
}

#[host]
fn other(player: Mark) -> Mark {
    match player {
        Mark::X => Mark::O,
        Mark::O => Mark::X,
    }
}

#[host]
fn checked_div(a: i32, b: i32) -> Result<i32, HostError> {
    a.checked_div(b)
        .ok_or_else(|| HostError::msg(format!("cannot divide {a} by {b}")))
}

#[host]
fn parse_digit(c: i32) -> Result<u32, std::num::TryFromIntError> {
    u32::try_from(c)
}

/// Calls the guest's exported `boom`, whose trap comes back through the host function.
#[host]
fn call_back(ctx: &mut Ctx<()>) -> Result<(), Error> {
    let boom = ctx.get_typed_func::<(), ()>("boom")?;
    boom.call(ctx, ())
}

#[test]
fn errors_become_traps_carrying_their_message() {
    let wat = r#"(module
        (import "env" "other" (func $other (param i32) (result i32)))
        (import "env" "div" (func $div (param i32 i32) (result i32)))
        (import "env" "digit" (func $digit (param i32) (result i32)))
        (import "env" "call_back" (func $call_back))
        (func (export "other") (param i32) (result i32) (call $other (local.get 0)))
        (func (export "div") (param i32 i32) (result i32) (call $div (local.get 0) (local.get 1)))
        (func (export "digit") (param i32) (result i32) (call $digit (local.get 0)))
        (func (export "boom") unreachable)
        (func (export "call_back") (call $call_back)))"#;
    let imports = imports! {
        "env" => {
            "other" => other,
            "div" => checked_div,
            "digit" => parse_digit,
            "call_back" => call_back,
        },
    };
    let (mut store, instance) = instantiate(wat, imports, ());
    let mut run = |name: &str, args: &[Val]| call(&mut store, instance, name, args, 1);

    assert_eq!(run("other", &[Val::I32(1)]).unwrap(), [Val::I32(2)]);
    let err = run("other", &[Val::I32(7)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: expected a player (1 for X, 2 for O), found 7"
    );

    assert_eq!(
        run("div", &[Val::I32(7), Val::I32(2)]).unwrap(),
        [Val::I32(3)]
    );
    let err = run("div", &[Val::I32(7), Val::I32(0)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: cannot divide 7 by 0"
    );

    let err = run("digit", &[Val::I32(-3)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: out of range integral type conversion attempted"
    );

    let err = call(&mut store, instance, "call_back", &[], 0).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::Unreachable), "{err}");
}

/// Calls a function reference with an argument.
#[host]
fn apply(ctx: &mut Ctx<()>, f: Func, x: i32) -> Result<i32, Error> {
    f.typed::<i32, i32>(&*ctx)?.call(ctx, x)
}

#[host]
fn first_non_null(a: Option<Func>, b: Option<Func>) -> Option<Func> {
    a.or(b)
}

#[host]
fn make_ref(ctx: &mut Ctx<()>, n: i32) -> ExternRef {
    ExternRef::new(ctx, n)
}

#[host]
fn read_ref(ctx: &mut Ctx<()>, r: Option<ExternRef>) -> i32 {
    r.and_then(|r| r.data(&*ctx)?.downcast_ref::<i32>().copied())
        .unwrap_or(-1)
}

#[test]
fn references_cross_as_handles() {
    let wat = r#"(module
        (import "env" "apply" (func $apply (param funcref i32) (result i32)))
        (import "env" "first" (func $first (param funcref funcref) (result funcref)))
        (import "env" "make_ref" (func $make_ref (param i32) (result externref)))
        (import "env" "read_ref" (func $read_ref (param externref) (result i32)))
        (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
        (elem declare func $double)
        (func (export "apply") (param i32) (result i32) (call $apply (ref.func $double) (local.get 0)))
        (func (export "apply_null") (result i32) (call $apply (ref.null func) (i32.const 1)))
        (func (export "first_is_null") (result i32)
            (ref.is_null (call $first (ref.null func) (ref.null func))))
        (func (export "first_is_double") (result i32)
            (call $apply (call $first (ref.null func) (ref.func $double)) (i32.const 21)))
        (func (export "roundtrip") (param i32) (result i32) (call $read_ref (call $make_ref (local.get 0))))
        (func (export "read_null") (result i32) (call $read_ref (ref.null extern))))"#;
    let imports = imports! {
        "env" => {
            "apply" => apply,
            "first" => first_non_null,
            "make_ref" => make_ref,
            "read_ref" => read_ref,
        },
    };
    let (mut store, instance) = instantiate(wat, imports, ());
    let mut run = |name: &str, args: &[Val]| call(&mut store, instance, name, args, 1);
    assert_eq!(run("apply", &[Val::I32(5)]).unwrap(), [Val::I32(10)]);
    let err = run("apply_null", &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "host function failed: expected a function reference, found ref.null func"
    );
    assert_eq!(run("first_is_null", &[]).unwrap(), [Val::I32(1)]);
    assert_eq!(run("first_is_double", &[]).unwrap(), [Val::I32(42)]);
    assert_eq!(run("roundtrip", &[Val::I32(9)]).unwrap(), [Val::I32(9)]);
    assert_eq!(run("read_null", &[]).unwrap(), [Val::I32(-1)]);
}

#[host(results(f64, i32))]
fn swap(#[wasm(i32)] a: Val, #[wasm(f64)] b: Val) -> (Val, i32) {
    (b, a.i32().unwrap_or(0))
}

/// Returns a value of the wrong type for what it declared: the call fails, it does not
/// hand Wasm a mistyped value.
#[host(results(i64))]
fn liar() -> Val {
    Val::I32(1)
}

#[test]
fn vals_take_their_declared_types() {
    let wat = r#"(module
        (import "env" "swap" (func $swap (param i32 f64) (result f64 i32)))
        (import "env" "liar" (func $liar (result i64)))
        (func (export "swap") (param i32 f64) (result f64 i32) (call $swap (local.get 0) (local.get 1)))
        (func (export "liar") (result i64) (call $liar)))"#;
    let (mut store, instance) = instantiate(
        wat,
        imports! { "env" => { "swap" => swap, "liar" => liar } },
        (),
    );
    let r = call(
        &mut store,
        instance,
        "swap",
        &[Val::I32(3), Val::from_f64(0.5)],
        2,
    )
    .unwrap();
    assert_eq!(r, [Val::from_f64(0.5), Val::I32(3)]);
    let err = call(&mut store, instance, "liar", &[], 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "value type mismatch: expected i64, found i32"
    );
}

#[host]
fn draw_board(_ctx: &mut Ctx<()>, player: i32) {
    let _ = player;
}

#[test]
fn without_check_the_same_mismatches_are_link_errors() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "game" "draw_board" (func))
            (import "math" "add" (func (param i64 i64) (result i64))))"#,
    )
    .unwrap();

    // A function of another type.
    let wrong_type: Imports<()> = imports! {
        "game" => { "draw_board" => draw_board },
        "math" => { "add" => add },
    };
    let message = "incompatible import type for \"game\" \"draw_board\": expected (func), found \
                   (func (param i32))";
    assert_eq!(wrong_type.check(&module).unwrap_err().to_string(), message);
    let mut linker = Linker::new(&engine);
    linker.define_imports(wrong_type).unwrap();
    let err = linker
        .instantiate(&mut Store::new(&engine, ()), &module)
        .unwrap_err();
    assert!(matches!(err, Error::Link(_)));
    assert_eq!(err.to_string(), message);

    // A name the module does not import.
    let extra: Imports<()> = imports! { "math" => { "add" => add, "sub" => add } };
    assert_eq!(
        extra.check(&module).unwrap_err().to_string(),
        "incompatible import type for \"math\" \"sub\": expected nothing (the module does not \
         import it), found (func (param i64 i64) (result i64))"
    );

    // An import nobody provides.
    let missing: Imports<()> = imports! { "math" => { "add" => add } };
    let message = "unknown import: \"game\" \"draw_board\" is not defined (the module expects \
                   (func))";
    assert_eq!(missing.check(&module).unwrap_err().to_string(), message);
    let mut linker = Linker::new(&engine);
    linker.define_imports(missing).unwrap();
    let err = linker
        .instantiate(&mut Store::new(&engine, ()), &module)
        .unwrap_err();
    assert_eq!(err.to_string(), message);

    // Defining the same name twice in a linker.
    let mut linker = Linker::<()>::new(&engine);
    linker
        .define_imports(imports! { "math" => { "add" => add } })
        .unwrap();
    let err = linker
        .define_imports(imports! { "math" => { "add" => add } })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate definition: \"math\" \"add\" is already defined"
    );
}

#[test]
fn host_functions_are_still_rust_functions() {
    assert_eq!(add(2, 3), 5);
    assert_eq!(other(Mark::X), Mark::O);
    let mut store = Store::new(
        &Engine::default(),
        Counter {
            calls: 1,
            log: Vec::new(),
        },
    );
    assert_eq!(bump(Ctx::from_store(&mut store), 2), 3);
    // Without a call from Wasm there is no caller memory: an error, not a panic.
    let err = log(Ctx::from_store(&mut store), 0, 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no calling instance: expected a call from Wasm code, found a call from the host"
    );
}

#[test]
fn the_companion_carries_the_wasm_type() {
    assert_eq!(add::NAME, "add");
    assert_eq!(add::WASM_TYPE, "(func (param i64 i64) (result i64))");
    assert_eq!(bump::WASM_TYPE, "(func (param i32) (result i32))");
    assert_eq!(log::WASM_TYPE, "(func (param i32 i32))");
    assert_eq!(call_back::WASM_TYPE, "(func)");
    assert_eq!(
        swap::ty().to_string(),
        "(func (param i32 f64) (result f64 i32))"
    );
    // A function without a context makes a host function for any store.
    let _: wasp_core::HostFunc<String> = add::host_func();
    let _: wasp_core::HostFunc<()> = add::host_func();
    let _: wasp_core::HostFunc<Counter> = bump::host_func();
}

/// Charges gas for work done in the host.
#[host]
fn expensive(ctx: &mut Ctx<()>, cost: i64) -> Result<(), Error> {
    ctx.charge_gas(cost as u64)
}

#[test]
fn host_functions_charge_gas_through_the_context() {
    let mut config = wasp_core::Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
            (import "env" "expensive" (func $expensive (param i64)))
            (func (export "run") (param i64) (call $expensive (local.get 0))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker
        .define_imports(imports! { "env" => { "expensive" => expensive } })
        .unwrap();
    let mut store = Store::new(&engine, ());
    store.set_gas(1_000).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance.get_typed_func::<i64, ()>(&store, "run").unwrap();
    // local.get 1 + call 5, the host call 20, and the host's own 500: 526 of 1000.
    run.call(&mut store, 500).unwrap();
    assert_eq!(store.gas_left().unwrap(), 474);
    // 26 paid, then a charge of 10,000 against 448 left: a trap that takes the 448.
    let err = run.call(&mut store, 10_000).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfGas), "{err}");
    assert_eq!(store.gas_left().unwrap(), 0);
}

#[host]
fn lanes_swap(tag: i32, v: wasp_core::V128, w: wasp_core::V128) -> (wasp_core::V128, i32) {
    (
        wasp_core::V128::from(v.as_u128().rotate_left(64) ^ w.as_u128()),
        tag + 1,
    )
}

#[host(results(v128))]
fn vector_val(#[wasm(v128)] v: Val) -> Val {
    v
}

/// A `v128` takes two slots: the values after one keep their places, both ways.
#[test]
fn vectors_cross_both_ways() {
    let wat = r#"(module
        (import "simd" "swap" (func $swap (param i32 v128 v128) (result v128 i32)))
        (import "simd" "val" (func $val (param v128) (result v128)))
        (func (export "swap") (param i32 v128 v128) (result v128 i32)
            (call $swap (local.get 0) (local.get 1) (local.get 2)))
        (func (export "val") (param v128) (result v128) (call $val (local.get 0))))"#;
    let (mut store, instance) = instantiate(
        wat,
        imports! { "simd" => { "swap" => lanes_swap, "val" => vector_val } },
        (),
    );
    let (a, b) = (
        0x1111_2222_3333_4444_5555_6666_7777_8888_u128,
        0xff_u128 << 64,
    );
    let v = |x: u128| Val::V128(x.into());
    let out = call(&mut store, instance, "swap", &[Val::I32(41), v(a), v(b)], 2).unwrap();
    assert_eq!(out, [v(a.rotate_left(64) ^ b), Val::I32(42)]);
    let out = call(&mut store, instance, "val", &[v(a)], 1).unwrap();
    assert_eq!(out, [v(a)]);
}
