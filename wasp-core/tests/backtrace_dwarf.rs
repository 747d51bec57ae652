//! With DWARF debug info in the module, each backtrace frame names its source file and line.
//! The module is built by rustc from `fixtures/debug_info/trap.rs` (`build.sh` rebuilds it).

use wasp_core::{Engine, Linker, Module, Store, TrapCode};

const TRAP_WASM: &[u8] = include_bytes!("fixtures/debug_info/trap.wasm");
const TRAP_RS: &str = include_str!("fixtures/debug_info/trap.rs");

/// The 1-based line of `trap.rs` holding `text`.
fn line_of(text: &str) -> u32 {
    let index = TRAP_RS
        .lines()
        .position(|line| line.contains(text))
        .expect("line in trap.rs");
    index as u32 + 1
}

#[test]
fn frames_name_source_file_and_line() {
    let engine = Engine::default();
    let module = Module::new(&engine, TRAP_WASM).expect("module");
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .expect("instantiate");
    let run = instance
        .get_typed_func::<i32, i32>(&store, "run")
        .expect("run");
    let err = run.call(&mut store, -8).expect_err("reads past the end");
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let backtrace = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let text = backtrace.to_string();
    let frames = backtrace.frames();
    assert_eq!(frames.len(), 2, "{text}");
    assert_eq!(frames[0].func_name(), Some("trap::read_at"), "{text}");
    assert_eq!(frames[1].func_name(), Some("run"), "{text}");
    let inner = frames[0].source().expect("source of read_at");
    assert!(inner.file.ends_with("trap.rs"), "{text}");
    assert_eq!(inner.line, Some(line_of("*(addr as usize")), "{text}");
    let outer = frames[1].source().expect("source of run");
    assert!(outer.file.ends_with("trap.rs"), "{text}");
    assert_eq!(outer.line, Some(line_of("read_at(addr);")), "{text}");
    assert!(
        text.contains(&format!("trap.rs:{}", line_of("read_at(addr);"))),
        "{text}"
    );
}
