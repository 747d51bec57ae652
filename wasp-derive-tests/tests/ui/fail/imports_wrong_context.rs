use wasp_core::{host, imports, Ctx, Imports};

struct Game;
struct Chess;

#[host]
fn draw_board(ctx: &mut Ctx<Game>) {
    let _ = ctx;
}

fn main() {
    let _imports: Imports<Chess> = imports! {
        "game" => { "draw_board" => draw_board },
    };
}
