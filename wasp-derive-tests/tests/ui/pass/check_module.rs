// `check` against real modules, text and binary: every import provided, with its type.
use wasp_core::{host, imports, Ctx, Engine, HostError, Imports, Linker, Module, Store};

struct Game {
    moves: Vec<i32>,
}

#[host]
fn get_move_for_player(ctx: &mut Ctx<Game>, player: i32) -> i32 {
    ctx.data_mut().moves.push(player);
    4
}

#[host]
fn draw_board(ctx: &mut Ctx<Game>) -> Result<(), HostError> {
    let board = ctx.memory("game_mem")?.read_array::<9>(0)?;
    assert_eq!(board, [0; 9]);
    Ok(())
}

#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[host]
fn log(_x: i32) {}

fn main() -> Result<(), wasp_core::Error> {
    // Paths are relative to the crate's manifest directory; trybuild builds these cases in a
    // crate of its own, so they are found next to this file instead.
    let imports: Imports<Game> = imports! {
        check = "../modules/game.wat",
        "game" => {
            "get_move_for_player" => get_move_for_player,
            "draw_board" => draw_board,
        },
        "math" => { "add" => add },
    };
    let binary: Imports<()> = imports! {
        check = "../modules/log.wasm",
        "env" => { "log" => log },
    };
    assert_eq!(binary.len(), 1);

    let engine = Engine::default();
    let module = Module::new(&engine, include_str!("../modules/game.wat"))?;
    imports.check(&module)?;
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports)?;
    let mut store = Store::new(&engine, Game { moves: Vec::new() });
    let instance = linker.instantiate(&mut store, &module)?;
    let play = instance.get_typed_func::<(), i32>(&store, "play")?;
    assert_eq!(play.call(&mut store, ())?, 4);
    assert_eq!(store.data().moves, [1]);
    Ok(())
}
