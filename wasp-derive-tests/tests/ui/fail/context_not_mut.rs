use wasp_core::{host, Ctx};

struct Game;

#[host]
fn draw_board(ctx: &Ctx<Game>) {
    let _ = ctx.data();
}

fn main() {}
