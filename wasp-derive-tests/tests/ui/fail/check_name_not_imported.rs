use wasp_core::{host, imports, Ctx, Imports};

struct Game;

#[host]
fn get_move_for_player(_ctx: &mut Ctx<Game>, player: i32) -> i32 {
    player
}

#[host]
fn draw_board(_ctx: &mut Ctx<Game>) {}

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
            "draw_bord" => draw_board,
        },
        "math" => { "add" => add },
    };
}
