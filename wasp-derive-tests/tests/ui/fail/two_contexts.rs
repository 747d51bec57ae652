use wasp_core::{host, Ctx};

struct Game;

#[host]
fn draw_board(ctx: &mut Ctx<Game>, again: &mut Ctx<Game>) {
    let _ = (ctx, again);
}

fn main() {}
