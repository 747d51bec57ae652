use wasp_core::{host, imports, Ctx, Imports};

struct Game;

#[host]
fn get_move_for_player(_ctx: &mut Ctx<Game>, player: i32) -> i32 {
    player
}

fn main() {
    // The module also imports "game" "draw_board" and "math" "add".
    let _imports: Imports<Game> = imports! {
        check = "../modules/game.wat",
        "game" => {
            "get_move_for_player" => get_move_for_player,
        },
    };
}
