// A host function may be generic over the store's data, through the context's type only:
// it is then a host function for every store whose data meets the bounds (as a library of
// host functions such as WASI needs), each of the one Wasm type its parameters give.
use wasp_core::{host, imports, Ctx, Engine, Imports, Linker, Module, Store};

trait HasCounter: 'static {
    fn counter(&mut self) -> &mut u32;
}

struct Game {
    calls: u32,
}

impl HasCounter for Game {
    fn counter(&mut self) -> &mut u32 {
        &mut self.calls
    }
}

impl HasCounter for u32 {
    fn counter(&mut self) -> &mut u32 {
        self
    }
}

#[host]
fn bump<T: HasCounter>(ctx: &mut Ctx<T>, by: u32) -> u32 {
    *ctx.data_mut().counter() += by;
    *ctx.data_mut().counter()
}

#[host]
fn reset<D>(ctx: &mut Ctx<D>) -> i32
where
    D: HasCounter,
{
    *ctx.data_mut().counter() = 0;
    0
}

fn run<T: HasCounter>(data: T) -> Result<u32, wasp_core::Error> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "env" "bump" (func $bump (param i32) (result i32)))
            (import "env" "reset" (func $reset (result i32)))
            (func (export "run") (result i32)
                (drop (call $reset))
                (drop (call $bump (i32.const 2)))
                (call $bump (i32.const 40))))"#,
    )?;
    let imports: Imports<T> = imports! { "env" => { "bump" => bump, "reset" => reset } };
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports)?;
    let mut store = Store::new(&engine, data);
    let instance = linker.instantiate(&mut store, &module)?;
    instance.get_typed_func::<(), u32>(&store, "run")?.call(&mut store, ())
}

fn main() -> Result<(), wasp_core::Error> {
    assert_eq!(bump::WASM_TYPE, "(func (param i32) (result i32))");
    assert_eq!(reset::WASM_TYPE, "(func (result i32))");
    assert_eq!(run(Game { calls: 7 })?, 42);
    assert_eq!(run(5_u32)?, 42);
    assert_eq!(bump(Ctx::from_store(&mut Store::new(&Engine::default(), 3_u32)), 1), 4);
    Ok(())
}
