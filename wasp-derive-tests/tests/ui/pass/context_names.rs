// The context is recognised by its type, whatever it is named; it is not part of the Wasm
// type. Functions without a context work with any store data.
use wasp_core::{host, imports, Ctx, Engine, Imports, Linker, Module, Store};

struct Counter {
    calls: u32,
}

#[host]
fn named_ctx(ctx: &mut Ctx<Counter>, by: u32) {
    ctx.data_mut().calls += by;
}

#[host]
fn named_game(game: &mut Ctx<Counter>) -> u32 {
    game.data().calls
}

#[host]
fn underscore(_: &mut Ctx<Counter>) {}

#[host]
fn underscore_named(_cx: &mut Ctx<Counter>, _x: i32) {}

#[host]
fn full_path(c: &mut wasp_core::Ctx<Counter>) {
    c.data_mut().calls += 100;
}

#[host]
fn unit_data(_c: &mut Ctx<()>) {}

#[host]
fn no_context(x: i32) -> i32 {
    x + 1
}

fn main() -> Result<(), wasp_core::Error> {
    assert_eq!(named_ctx::WASM_TYPE, "(func (param i32))");
    assert_eq!(named_game::WASM_TYPE, "(func (result i32))");
    assert_eq!(underscore::WASM_TYPE, "(func)");
    assert_eq!(underscore_named::WASM_TYPE, "(func (param i32))");
    assert_eq!(full_path::WASM_TYPE, "(func)");

    // A context-free function goes into imports for any store data type.
    let _for_unit: Imports<()> = imports! { "env" => { "f" => no_context } };
    let _for_string: Imports<String> = imports! { "env" => { "f" => no_context } };
    let _with_unit_ctx: Imports<()> = imports! { "env" => { "u" => unit_data, "f" => no_context } };

    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "env" "bump" (func $bump (param i32)))
            (import "env" "get" (func $get (result i32)))
            (import "env" "hundred" (func $hundred))
            (import "env" "inc" (func $inc (param i32) (result i32)))
            (func (export "run") (result i32)
                (call $bump (call $inc (i32.const 1)))
                (call $hundred)
                (call $get)))"#,
    )?;
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports! {
        "env" => {
            "bump" => named_ctx,
            "get" => named_game,
            "hundred" => full_path,
            "inc" => no_context,
        },
    })?;
    let mut store = Store::new(&engine, Counter { calls: 0 });
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 102);

    // Called directly from Rust with the store as the context.
    named_ctx(Ctx::from_store(&mut store), 3);
    assert_eq!(named_game(Ctx::from_store(&mut store)), 105);
    Ok(())
}
