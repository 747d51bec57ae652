//! A bot written as an ordinary WASI program (`examples/wasi-bot`, built into
//! `wasm/wasi_bot.wasm`): `loop { read a board from stdin; print a move }`. The game server
//! here gives it a stdin [`Pipe`]: whenever the bot reads and no board is waiting, its call
//! pauses ([`WasiOutcome::WaitingForInput`]) instead of blocking the server, which plays
//! its own move, writes the board, and resumes the bot.
//!
//! ```
//! let game = wasp_examples::wasi_bot::play()?;
//! assert_eq!(game.winner, Some('o'), "the bot beats the server's first-free-cell player");
//! assert_eq!(game.bot_exit_code, game.bot_moves as i32);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use wasp_core::{Continuation, Engine, Instance, Linker, Module, Store};
use wasp_wasi::{Pipe, Stdio, WasiCtx, WasiOutcome};

/// The bot, compiled for `wasm32-wasip1`.
pub const WASM: &[u8] = include_bytes!("../wasm/wasi_bot.wasm");

/// How a game went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Game {
    /// Every board the bot was sent and the move it answered.
    pub transcript: Vec<(String, String)>,
    /// `Some('x')` when the server won, `Some('o')` when the bot did.
    pub winner: Option<char>,
    /// How many moves the bot made.
    pub bot_moves: usize,
    /// The bot's exit code (it exits with its number of moves).
    pub bot_exit_code: i32,
    /// How many times the bot's call paused waiting for input.
    pub pauses: usize,
}

const LINES: [[usize; 3]; 8] = [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7, 8],
    [0, 3, 6],
    [1, 4, 7],
    [2, 5, 8],
    [0, 4, 8],
    [2, 4, 6],
];

fn winner(b: &[u8; 9]) -> Option<char> {
    LINES
        .iter()
        .find(|l| b[l[0]] != b'.' && b[l[0]] == b[l[1]] && b[l[1]] == b[l[2]])
        .map(|l| char::from(b[l[0]]))
}

/// The bot in a store whose stdin and stdout are pipes, started: it pauses at its first
/// read.
fn start(
    stdin: &Pipe,
    stdout: &Pipe,
) -> Result<(Store<WasiCtx>, Instance, Continuation), Box<dyn std::error::Error>> {
    let engine = Engine::default();
    let module = Module::new(&engine, WASM)?;
    let wasi = WasiCtx::builder()
        .arg("wasi_bot")
        .stdin(Stdio::Pipe(stdin.clone()))
        .stdout(Stdio::Pipe(stdout.clone()))
        .deterministic(0)
        .build()?;
    let mut linker = Linker::new(&engine);
    wasp_wasi::add_to_linker(&mut linker)?;
    let mut store = Store::new(&engine, wasi);
    let instance = linker.instantiate(&mut store, &module)?;
    match wasp_wasi::run(&mut store, &instance)? {
        WasiOutcome::WaitingForInput(paused) => Ok((store, instance, paused)),
        other => Err(format!("expected the bot to wait for a board, found {other:?}").into()),
    }
}

/// Plays one game: the server plays X in the first free cell, the bot plays O.
///
/// # Errors
///
/// When the bot traps, stops early, or answers something that is not a free cell.
pub fn play() -> Result<Game, Box<dyn std::error::Error>> {
    let (stdin, stdout) = (Pipe::new(), Pipe::new());
    let (mut store, instance, mut paused) = start(&stdin, &stdout)?;
    let mut board = *b".........";
    let mut game = Game {
        transcript: Vec::new(),
        winner: None,
        bot_moves: 0,
        bot_exit_code: -1,
        pauses: 1,
    };
    while winner(&board).is_none() && board.contains(&b'.') {
        let free = board
            .iter()
            .position(|&c| c == b'.')
            .ok_or("no free cell")?;
        board[free] = b'x';
        if winner(&board).is_some() || !board.contains(&b'.') {
            break;
        }
        let sent = String::from_utf8_lossy(&board).into_owned();
        stdin.write(format!("{sent}\n").as_bytes());
        paused = match wasp_wasi::resume(&mut store, &instance, paused)? {
            WasiOutcome::WaitingForInput(next) => next,
            other => return Err(format!("expected the bot to wait again, found {other:?}").into()),
        };
        game.pauses += 1;
        let reply = stdout.take_string().trim().to_string();
        let cell: usize = reply.parse()?;
        if board.get(cell) != Some(&b'.') {
            return Err(format!("the bot played {cell}, which is not free on {sent}").into());
        }
        board[cell] = b'o';
        game.bot_moves += 1;
        game.transcript.push((sent, reply));
    }
    game.winner = winner(&board);
    stdin.write(b"quit\n");
    match wasp_wasi::resume(&mut store, &instance, paused)? {
        WasiOutcome::Exited(code) => game.bot_exit_code = code,
        other => return Err(format!("expected the bot to exit, found {other:?}").into()),
    }
    Ok(game)
}
