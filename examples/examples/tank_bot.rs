//! A tank bot written in Wasm (`examples/wasm/tank_bot.wat`) explores a grid, one tick at a
//! time, with a gas budget per tick. It can be saved to a file after some tick and continued
//! from that file in another process, with the same output and the same total gas.
//!
//! ```text
//! cargo run --example tank_bot -- [--ticks N] [--budget GAS] [--save FILE [--after K]] [--load FILE]
//! cargo run --example tank_bot -- --ticks 20 --save /tmp/tank.snap --after 8
//! cargo run --example tank_bot -- --load /tmp/tank.snap --ticks 20
//! ```

use std::process::ExitCode;

use wasp_examples::tank::{run, Options, USAGE};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let result = Options::parse(args).and_then(|options| run(&options, &mut std::io::stdout()));
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tank_bot: {e}");
            ExitCode::FAILURE
        }
    }
}
