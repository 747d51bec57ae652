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
            |mut caller: wasp_core::Caller<'_, ()>| -> Result<(), wasp_core::Error> {
                let inner = caller
                    .get_export("inner")
                    .and_then(|e| e.into_func())
                    .ok_or_else(|| wasp_core::Error::host("no inner"))?;
                inner.call(&mut caller, &[], &mut [])
            },
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
