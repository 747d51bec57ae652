//! Tic-tac-toe: the rules run in Wasm (`examples/wasm/tic_tac_toe.wat`), the players are host
//! functions. Two bots play a whole game; with a terminal on stdin, `--human x` (or `o`) lets
//! you play one side.
//!
//! ```text
//! cargo run --example tic_tac_toe [-- [--human x|o] [--x BOT] [--o BOT] [--seed N]]
//! BOT: perfect (never loses) or greedy (wins or blocks when it can, else plays at random)
//! ```

use std::io::IsTerminal;
use std::process::ExitCode;

use wasp_examples::tic_tac_toe::{play, Game, Greedy, Human, Mark, Perfect, Player};

struct Options {
    human: Option<Mark>,
    x: String,
    o: String,
    seed: u64,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        human: None,
        x: "greedy".to_string(),
        o: "perfect".to_string(),
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs()),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("`{arg}` needs a value"));
        match arg.as_str() {
            "--human" => {
                options.human = Some(match value()?.to_ascii_lowercase().as_str() {
                    "x" => Mark::X,
                    "o" => Mark::O,
                    other => return Err(format!("--human takes x or o, found `{other}`")),
                })
            }
            "--x" => options.x = value()?,
            "--o" => options.o = value()?,
            "--seed" => {
                let v = value()?;
                options.seed = v
                    .parse()
                    .map_err(|_| format!("--seed takes a number, found `{v}`"))?;
            }
            "-h" | "--help" => {
                return Err(
                    "usage: tic_tac_toe [--human x|o] [--x BOT] [--o BOT] [--seed N]\n\
                     BOT: perfect or greedy"
                        .to_string(),
                )
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    Ok(options)
}

fn bot(name: &str, seed: u64) -> Result<Box<dyn Player>, String> {
    match name {
        "perfect" => Ok(Box::new(Perfect)),
        "greedy" => Ok(Box::new(Greedy::new(seed))),
        other => Err(format!("unknown bot `{other}`: expected perfect or greedy")),
    }
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut human = options.human;
    if human.is_some() && !std::io::stdin().is_terminal() {
        eprintln!("stdin is not a terminal: bots play both sides");
        human = None;
    }
    let player = |mark: Mark, name: &str, seed: u64| -> Result<Box<dyn Player>, String> {
        if human == Some(mark) {
            Ok(Box::new(Human::new(std::io::stdin().lock())))
        } else {
            bot(name, seed)
        }
    };
    let players = player(Mark::X, &options.x, options.seed).and_then(|x| {
        Ok((
            x,
            player(Mark::O, &options.o, options.seed.wrapping_add(1))?,
        ))
    });
    let (x, o) = match players {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "X: {}, O: {} (seed {}; replay with --seed {})\n",
        x.name(),
        o.name(),
        options.seed,
        options.seed
    );
    let mut game = Game::new(x, o);
    game.echo = true;
    match play(game) {
        Ok((outcome, _)) => {
            println!("{outcome}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("the game stopped: {e}");
            ExitCode::FAILURE
        }
    }
}
