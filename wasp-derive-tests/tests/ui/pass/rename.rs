// `#[host(name = "..")]` sets the import name; the Rust name stays.
use wasp_core::{host, Engine, HostSignature, Imports, Linker, Module, Store};

#[host(name = "wasm_add")]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[host(name = "names may contain anything: ünïcödé, spaces")]
fn odd() {}

#[host]
fn r#loop() {}

fn main() -> Result<(), wasp_core::Error> {
    assert_eq!(add::NAME, "wasm_add");
    assert_eq!(<add as HostSignature>::NAME, "wasm_add");
    assert_eq!(odd::NAME, "names may contain anything: ünïcödé, spaces");
    assert_eq!(r#loop::NAME, "loop");
    assert_eq!(add(1, 2), 3);

    // `push_host` uses the import name.
    let mut imports = Imports::<()>::new();
    imports.push_host::<add>("math");
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "math" "wasm_add" (func $add (param i64 i64) (result i64)))
            (func (export "run") (result i64) (call $add (i64.const 40) (i64.const 2))))"#,
    )?;
    imports.check(&module)?;
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports)?;
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<(), i64>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 42);
    Ok(())
}
