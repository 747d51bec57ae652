//! Traps carry a backtrace: each Wasm frame's function index, name and code offset, innermost
//! first.

mod common;

use common::{instantiate, offsets_of};
use wasp_core::{Engine, Linker, Module, Store, TrapCode};

const NESTED: &str = r#"
(module
  (func $div (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func $middle (param i32) (result i32)
    i32.const 10
    local.get 0
    call $div)
  (func (export "run") (param i32) (result i32)
    nop
    local.get 0
    call $middle)
  (func $_ZN4game4tick17h0123456789abcdefE (export "mangled") (result i32)
    unreachable))
"#;

#[test]
fn nested_trap_lists_frames_innermost_first_with_names_and_offsets() {
    let wasm = wat::parse_str(NESTED).expect("wat");
    let (mut store, instance) = instantiate(&Engine::default(), &wasm);
    let run = instance
        .get_typed_func::<i32, i32>(&store, "run")
        .expect("run");
    let err = run.call(&mut store, 0).expect_err("divides by zero");
    assert_eq!(err.trap_code(), Some(TrapCode::IntegerDivisionByZero));
    let backtrace = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let frames = backtrace.frames();
    let summary: Vec<_> = frames
        .iter()
        .map(|f| (f.func_index(), f.func_name().map(str::to_string)))
        .collect();
    assert_eq!(
        summary,
        vec![
            (0, Some("div".to_string())),
            (1, Some("middle".to_string())),
            (2, None),
        ]
    );
    let div = offsets_of(&wasm, "I32DivS");
    let calls = offsets_of(&wasm, "Call");
    assert_eq!(frames[0].module_offset(), Some(div[0]));
    assert_eq!(frames[1].module_offset(), Some(calls[0]));
    assert_eq!(frames[2].module_offset(), Some(calls[1]));
    let text = backtrace.to_string();
    assert!(text.contains(&format!("{:#x} - div\n", div[0])), "{text}");
    assert!(text.contains(" - <wasm function 2>\n"), "{text}");
}

#[test]
fn rust_names_are_demangled() {
    let wasm = wat::parse_str(NESTED).expect("wat");
    let (mut store, instance) = instantiate(&Engine::default(), &wasm);
    let f = instance
        .get_typed_func::<(), i32>(&store, "mangled")
        .expect("mangled");
    let err = f.call(&mut store, ()).expect_err("traps");
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    assert_eq!(frames.frames()[0].func_name(), Some("game::tick"));
}

#[test]
fn module_without_name_section_gives_indices_and_offsets() {
    let wasm = wat::parse_str(
        r#"(module
             (func (result i32) unreachable)
             (func (export "run") (result i32) call 0))"#,
    )
    .expect("wat");
    let has_names = wasmparser::Parser::new(0)
        .parse_all(&wasm)
        .any(|p| matches!(p, Ok(wasmparser::Payload::CustomSection(_))));
    assert!(!has_names, "the test module must have no name section");
    let (mut store, instance) = instantiate(&Engine::default(), &wasm);
    let run = instance
        .get_typed_func::<(), i32>(&store, "run")
        .expect("run");
    let err = run.call(&mut store, ()).expect_err("traps");
    let backtrace = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let frames = backtrace.frames();
    assert_eq!(frames.len(), 2);
    assert_eq!((frames[0].func_index(), frames[0].func_name()), (0, None));
    assert_eq!((frames[1].func_index(), frames[1].func_name()), (1, None));
    assert_eq!(
        frames[0].module_offset(),
        offsets_of(&wasm, "Unreachable").first().copied()
    );
    assert_eq!(
        frames[1].module_offset(),
        offsets_of(&wasm, "Call").first().copied()
    );
}

/// What a host function calling back into Wasm does: calls the caller's export `name`, a
/// function without results, with `args`.
fn call_export(
    caller: &mut wasp_core::Caller<'_, ()>,
    name: &str,
    args: &[wasp_core::Val],
) -> Result<(), wasp_core::Error> {
    let func = caller
        .get_export(name)
        .and_then(|e| e.into_func())
        .ok_or_else(|| wasp_core::Error::host(format!("no export {name}")))?;
    func.call(caller, args, &mut [])
}

#[test]
fn trap_through_a_host_function_keeps_the_outer_frames() {
    let wasm = wat::parse_str(
        r#"(module
             (import "host" "call_back" (func $call_back))
             (func $inner (export "inner") unreachable)
             (func $outer (export "outer") call $call_back))"#,
    )
    .expect("wat");
    let engine = Engine::default();
    let module = Module::new(&engine, &wasm).expect("module");
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap(
            "host",
            "call_back",
            |mut caller: wasp_core::Caller<'_, ()>| call_export(&mut caller, "inner", &[]),
        )
        .expect("define");
    let instance = linker
        .instantiate(&mut store, &module)
        .expect("instantiate");
    let outer = instance
        .get_typed_func::<(), ()>(&store, "outer")
        .expect("outer");
    let err = outer.call(&mut store, ()).expect_err("traps");
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let names: Vec<_> = frames.frames().iter().map(|f| f.func_name()).collect();
    assert_eq!(names, vec![Some("inner"), Some("outer")]);
}

#[test]
fn failed_indirect_call_points_at_the_call() {
    let wasm = wat::parse_str(
        r#"(module
             (type $t (func))
             (table 1 funcref)
             (func $f (export "run") (param i32)
               nop
               (call_indirect (type $t) (local.get 0))))"#,
    )
    .expect("wat");
    let (mut store, instance) = instantiate(&Engine::default(), &wasm);
    let run = instance
        .get_typed_func::<i32, ()>(&store, "run")
        .expect("run");
    let err = run.call(&mut store, 5).expect_err("no element 5");
    assert_eq!(err.trap_code(), Some(TrapCode::UndefinedElement));
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    assert_eq!(
        frames.frames()[0].module_offset(),
        offsets_of(&wasm, "CallIndirect").first().copied()
    );
}

/// `$down` recurses `n` times from `$entry` and then does not return: a `unreachable` trap
/// at depth `n`, or a stack overflow when `n` is beyond the engine's frames.
const DEEP: &str = r#"
(module
  (import "host" "call_back" (func $call_back (param i32)))
  (func $down (export "down") (param i32)
    (if (local.get 0)
      (then (call $down (i32.sub (local.get 0) (i32.const 1))))
      (else unreachable)))
  (func $entry (export "entry") (param i32)
    (call $down (local.get 0)))
  (func $through_host (export "through_host") (param i32)
    (call $call_back (local.get 0))))
"#;

/// A store with [`DEEP`] instantiated; its host function calls `entry` with its argument.
fn deep() -> (Store<()>, wasp_core::Instance) {
    let engine = Engine::default();
    let module = Module::new(&engine, DEEP).expect("module");
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap(
            "host",
            "call_back",
            |mut caller: wasp_core::Caller<'_, ()>, n: i32| {
                call_export(&mut caller, "entry", &[wasp_core::Val::I32(n)])
            },
        )
        .expect("define");
    let instance = linker.instantiate(&mut store, &module).expect("instance");
    (store, instance)
}

/// The trap of calling `export` of [`deep`] with `n`, with the names of its backtrace's
/// frames (innermost first) and how many it left out.
fn deep_trap(export: &str, n: i32) -> (Option<TrapCode>, Vec<String>, usize, String) {
    let (mut store, instance) = deep();
    let run = instance
        .get_typed_func::<i32, ()>(&store, export)
        .expect("export");
    let err = run.call(&mut store, n).expect_err("traps");
    let backtrace = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let names = backtrace
        .frames()
        .iter()
        .map(|f| f.func_name().unwrap_or("?").to_string())
        .collect();
    (
        err.trap_code(),
        names,
        backtrace.omitted(),
        backtrace.to_string(),
    )
}

const KEPT: usize = wasp_core::WasmBacktrace::KEPT_INNER + wasp_core::WasmBacktrace::KEPT_OUTER;

#[test]
fn a_stack_within_the_bound_keeps_every_frame() {
    // `entry` and `down` at depths 0..=n: n + 2 frames.
    let n = KEPT as i32 - 2;
    let (code, names, omitted, text) = deep_trap("entry", n);
    assert_eq!(code, Some(TrapCode::Unreachable));
    assert_eq!(names.len(), KEPT);
    assert_eq!(omitted, 0);
    assert_eq!(names.last().map(String::as_str), Some("entry"));
    assert!(!text.contains("omitted"), "{text}");
}

#[test]
fn a_deeper_stack_keeps_its_innermost_and_outermost_frames() {
    let n = 5_000;
    let (code, names, omitted, text) = deep_trap("entry", n);
    assert_eq!(code, Some(TrapCode::Unreachable));
    assert_eq!(names.len(), KEPT);
    assert_eq!(omitted, n as usize + 2 - KEPT);
    assert!(names[..KEPT - 1].iter().all(|n| n == "down"), "{names:?}");
    assert_eq!(names[KEPT - 1], "entry");
    // Numbered by depth: the gap, then the outer frames with their true depths.
    let inner = wasp_core::WasmBacktrace::KEPT_INNER;
    assert!(
        text.contains(&format!("... {omitted} frames omitted ...\n")),
        "{text}"
    );
    assert!(text.contains(&format!("    {}: ", inner - 1)), "{text}");
    assert!(text.contains(&format!("    {}: ", n + 1)), "{text}");
    assert!(!text.contains(&format!("    {}: ", n + 2)), "{text}");
}

#[test]
fn a_stack_overflow_keeps_a_bounded_backtrace() {
    let (code, names, omitted, _) = deep_trap("entry", i32::MAX);
    assert_eq!(code, Some(TrapCode::StackOverflow));
    assert_eq!(names.len(), KEPT);
    assert!(
        omitted > 100_000,
        "a million-frame stack by default: {omitted}"
    );
    assert_eq!(names[KEPT - 1], "entry");
}

#[test]
fn frames_through_a_host_function_stay_within_the_bound() {
    // Inner call: `entry` and n + 1 `down`s; outer call: `through_host`.
    for n in [5, KEPT as i32 - 3, KEPT as i32 - 2, 3_000] {
        let (code, names, omitted, _) = deep_trap("through_host", n);
        assert_eq!(code, Some(TrapCode::Unreachable));
        let total = n as usize + 3;
        assert_eq!(names.len(), total.min(KEPT), "n = {n}");
        assert_eq!(omitted, total - names.len(), "n = {n}");
        assert_eq!(names[names.len() - 1], "through_host", "n = {n}");
        assert_eq!(names[names.len() - 2], "entry", "n = {n}");
        assert_eq!(names[0], "down", "n = {n}");
    }
}
