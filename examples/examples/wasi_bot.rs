//! Runs the WASI bot (`examples/wasi-bot`) against the server's player, one paused read at a
//! time: `cargo run --example wasi_bot`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let game = wasp_examples::wasi_bot::play()?;
    for (board, reply) in &game.transcript {
        println!("server sends {board}  bot plays {reply}");
    }
    let result = match game.winner {
        Some('x') => "the server wins",
        Some(_) => "the bot wins",
        None => "a draw",
    };
    println!(
        "{result}; the bot paused {} times waiting for input and exited with {}",
        game.pauses, game.bot_exit_code
    );
    Ok(())
}
