// One mistake (the context is not the first parameter) gives one error: the function and its
// companion still exist, so `imports!` and `draw_board::WASM_TYPE` report nothing more.
use wasp_core::{host, imports, Ctx, Imports};

struct Game;

#[host]
fn get_move_for_player(_ctx: &mut Ctx<Game>, player: i32) -> i32 {
    player
}

#[host]
fn draw_board(player: i32, ctx: &mut Ctx<Game>) {
    let _ = (player, ctx);
}

#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {
    let _imports: Imports<Game> = imports! {
        check = "../modules/game.wat",
        "game" => {
            "get_move_for_player" => get_move_for_player,
            "draw_board" => draw_board,
        },
        "math" => { "add" => add },
    };
    let _ = draw_board::WASM_TYPE;
}
