//! Tic-tac-toe with the rules in Wasm (`wasm/tic_tac_toe.wat`) and the players in the host.
//!
//! The module imports `get_move_for_player` and `draw_board`, written here with `#[host]`,
//! and checked against the module's import section at compile time by `imports!`. Host code
//! reads the board through its context, from the module's exported memory `game_mem`. The
//! Wasm side refuses illegal moves: a player whose move is refused three times forfeits.
//!
//! ```
//! use wasp_examples::tic_tac_toe::{play, Game, Mark, Perfect};
//!
//! let (outcome, _game) = play(Game::new(Box::new(Perfect), Box::new(Perfect)))?;
//! assert_eq!(outcome.winner, None); // perfect players draw
//! # Ok::<(), wasp_core::Error>(())
//! ```

use std::fmt;
use std::io::BufRead;

use wasp_core::{host, imports, Ctx, Engine, HostError, HostType, Linker, Module, Store};

/// The game's module, in WebAssembly text.
pub const WAT: &str = include_str!("../wasm/tic_tac_toe.wat");

/// Where the module keeps how many moves of the player to move were refused in a row.
const REFUSED: u32 = 9;
/// Where the module records how the game ended.
const ENDING: u32 = 10;

/// A player's mark. Crosses the boundary as the module's player number: 1 for X, 2 for O.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Plays first.
    X,
    /// Plays second.
    O,
}

impl Mark {
    /// The other player.
    pub fn other(self) -> Mark {
        match self {
            Mark::X => Mark::O,
            Mark::O => Mark::X,
        }
    }

    fn index(self) -> usize {
        match self {
            Mark::X => 0,
            Mark::O => 1,
        }
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mark::X => "X",
            Mark::O => "O",
        })
    }
}

impl HostType for Mark {
    type Wasm = i32;
    fn from_wasm(player: i32) -> Result<Mark, HostError> {
        match player {
            1 => Ok(Mark::X),
            2 => Ok(Mark::O),
            _ => Err(HostError::msg(format!(
                "expected a player (1 for X, 2 for O), found {player}"
            ))),
        }
    }
    fn into_wasm(self) -> Result<i32, HostError> {
        Ok(self.index() as i32 + 1)
    }
}

/// The nine squares, row by row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Board(pub [Option<Mark>; 9]);

impl Board {
    /// The board as the module stores it: 0 empty, 1 X, 2 O.
    fn from_bytes(bytes: [u8; 9]) -> Result<Board, HostError> {
        let mut board = Board::default();
        for (square, byte) in board.0.iter_mut().zip(bytes) {
            *square = match byte {
                0 => None,
                b => Some(Mark::from_wasm(i32::from(b))?),
            };
        }
        Ok(board)
    }

    /// The board in the calling instance's memory `game_mem`.
    fn read(ctx: &Ctx<Game>) -> Result<Board, HostError> {
        Board::from_bytes(ctx.memory("game_mem")?.read_array::<9>(0u32)?)
    }

    /// The empty squares.
    pub fn free(&self) -> impl Iterator<Item = usize> + '_ {
        (0..9).filter(|&i| self.0[i].is_none())
    }

    /// The mark holding a whole line, if any.
    pub fn winner(&self) -> Option<Mark> {
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
        LINES.iter().find_map(|&[a, b, c]| {
            let m = self.0[a]?;
            (self.0[b] == Some(m) && self.0[c] == Some(m)).then_some(m)
        })
    }
}

impl fmt::Display for Board {
    /// Three rows; empty squares show the number a person types to play there.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in 0..3 {
            if row > 0 {
                writeln!(f, "---+---+---")?;
            }
            let cell = |i: usize| self.0[i].map_or((i + 1).to_string(), |m| m.to_string());
            writeln!(
                f,
                " {} | {} | {}",
                cell(row * 3),
                cell(row * 3 + 1),
                cell(row * 3 + 2)
            )?;
        }
        Ok(())
    }
}

/// Someone who chooses moves: a bot or a person.
pub trait Player {
    /// How the transcript names this player.
    fn name(&self) -> String;
    /// The square (0..8) to play as `me` on `board`. `refused` says how many moves of this
    /// player the game refused in a row just before. An `Err` ends the game.
    fn choose(&mut self, board: &Board, me: Mark, refused: u8) -> Result<i32, HostError>;
}

/// Never loses: searches the whole game tree (it is small).
pub struct Perfect;

impl Perfect {
    /// The score of `board` with `turn` to move, from `me`'s view: +1 win, 0 draw, -1 loss.
    fn score(board: &mut Board, turn: Mark, me: Mark) -> i32 {
        if let Some(w) = board.winner() {
            return if w == me { 1 } else { -1 };
        }
        let free: Vec<usize> = board.free().collect();
        if free.is_empty() {
            return 0;
        }
        let scores = free.into_iter().map(|i| {
            board.0[i] = Some(turn);
            let s = Perfect::score(board, turn.other(), me);
            board.0[i] = None;
            s
        });
        if turn == me {
            scores.max().unwrap_or(0)
        } else {
            scores.min().unwrap_or(0)
        }
    }
}

impl Player for Perfect {
    fn name(&self) -> String {
        "the perfect bot".to_string()
    }

    fn choose(&mut self, board: &Board, me: Mark, _refused: u8) -> Result<i32, HostError> {
        // Among equally good squares, prefer the centre, then corners, then edges.
        const PREFERENCE: [usize; 9] = [4, 0, 2, 6, 8, 1, 3, 5, 7];
        let mut board = *board;
        let mut best: Option<(i32, usize)> = None;
        let free: Vec<usize> = PREFERENCE
            .into_iter()
            .filter(|&i| board.0[i].is_none())
            .collect();
        for i in free {
            board.0[i] = Some(me);
            let s = Perfect::score(&mut board, me.other(), me);
            board.0[i] = None;
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, i));
            }
        }
        best.map(|(_, i)| i as i32)
            .ok_or_else(|| HostError::msg("asked for a move on a full board"))
    }
}

/// Wins when it can, blocks when it must, otherwise plays a random square (seeded, so
/// games can be replayed).
pub struct Greedy {
    state: u64,
}

impl Greedy {
    /// A greedy bot whose random choices follow `seed`.
    pub fn new(seed: u64) -> Greedy {
        Greedy {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn completing(board: &Board, mark: Mark) -> Option<usize> {
        board.free().find(|&i| {
            let mut b = *board;
            b.0[i] = Some(mark);
            b.winner() == Some(mark)
        })
    }
}

impl Player for Greedy {
    fn name(&self) -> String {
        "the greedy bot".to_string()
    }

    fn choose(&mut self, board: &Board, me: Mark, _refused: u8) -> Result<i32, HostError> {
        let free: Vec<usize> = board.free().collect();
        let square = Greedy::completing(board, me)
            .or_else(|| Greedy::completing(board, me.other()))
            .or_else(|| {
                let pick = usize::try_from(self.next() % free.len().max(1) as u64).ok()?;
                free.get(pick).copied()
            })
            .ok_or_else(|| HostError::msg("asked for a move on a full board"))?;
        Ok(square as i32)
    }
}

/// Plays the given squares in order, legal or not; for tests.
pub struct Scripted {
    moves: std::vec::IntoIter<i32>,
}

impl Scripted {
    /// A player that plays `moves` in order.
    pub fn new(moves: impl IntoIterator<Item = i32>) -> Scripted {
        Scripted {
            moves: moves.into_iter().collect::<Vec<_>>().into_iter(),
        }
    }
}

impl Player for Scripted {
    fn name(&self) -> String {
        "the script".to_string()
    }

    fn choose(&mut self, _board: &Board, _me: Mark, _refused: u8) -> Result<i32, HostError> {
        self.moves
            .next()
            .ok_or_else(|| HostError::msg("the script has no more moves"))
    }
}

/// A person typing squares 1 to 9 (`q` to leave).
pub struct Human<R> {
    input: R,
}

impl<R: BufRead> Human<R> {
    /// A person reading the board on stdout and typing on `input`.
    pub fn new(input: R) -> Human<R> {
        Human { input }
    }
}

impl<R: BufRead> Player for Human<R> {
    fn name(&self) -> String {
        "you".to_string()
    }

    fn choose(&mut self, _board: &Board, me: Mark, _refused: u8) -> Result<i32, HostError> {
        loop {
            print!("Your move as {me} (1-9, q to leave): ");
            std::io::Write::flush(&mut std::io::stdout())?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 || line.trim() == "q" {
                return Err(HostError::msg("the human player left the game"));
            }
            // Out-of-range numbers are passed on: the Wasm side refuses them.
            match line.trim().parse::<i32>() {
                Ok(n) => return Ok(n - 1),
                Err(_) => println!("Type a number from 1 to 9."),
            }
        }
    }
}

/// The store's data: the players and what the game printed.
pub struct Game {
    players: [Box<dyn Player>; 2],
    /// Everything the host printed during the game.
    pub transcript: String,
    /// Whether to print the transcript as it is written.
    pub echo: bool,
    /// How many moves were asked for.
    pub moves_asked: u32,
}

impl Game {
    /// A game between `x` and `o`, printing nothing.
    pub fn new(x: Box<dyn Player>, o: Box<dyn Player>) -> Game {
        Game {
            players: [x, o],
            transcript: String::new(),
            echo: false,
            moves_asked: 0,
        }
    }

    fn say(&mut self, text: &str) {
        if self.echo {
            println!("{text}");
        }
        self.transcript.push_str(text);
        self.transcript.push('\n');
    }
}

/// Asks the player `player` for a move, showing the board it plays on.
#[host]
fn get_move_for_player(ctx: &mut Ctx<Game>, player: Mark) -> Result<i32, HostError> {
    let board = Board::read(ctx)?;
    let refused = ctx.memory("game_mem")?.read_u8(REFUSED)?;
    let game = ctx.data_mut();
    game.moves_asked += 1;
    if refused > 0 {
        let name = game.players[player.index()].name();
        game.say(&format!(
            "The game refused the move of {name} (refusal {refused} of 3; the third forfeits)."
        ));
    }
    let square = game.players[player.index()].choose(&board, player, refused)?;
    let name = game.players[player.index()].name();
    game.say(&format!("{player} ({name}) chooses square {}.", square + 1));
    Ok(square)
}

/// Prints the board.
#[host]
fn draw_board(ctx: &mut Ctx<Game>) -> Result<(), HostError> {
    let board = Board::read(ctx)?;
    ctx.data_mut().say(&board.to_string());
    Ok(())
}

/// How a game ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The winner made three in a row.
    Line,
    /// The board filled up with no line: a draw.
    FullBoard,
    /// The loser had three moves refused in a row.
    Forfeit,
}

/// The result of a game.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The winner; `None` for a draw.
    pub winner: Option<Mark>,
    /// How the game ended.
    pub ending: Ending,
    /// The final board.
    pub board: Board,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.winner, self.ending) {
            (None, _) => write!(f, "A draw."),
            (Some(w), Ending::Forfeit) => write!(f, "{w} wins: {} forfeits.", w.other()),
            (Some(w), _) => write!(f, "{w} wins with three in a row."),
        }
    }
}

/// Plays one game in a new store and returns its outcome and the store's data.
///
/// Fails when a player fails (e.g. a person leaves): the host function's error traps the
/// Wasm call.
pub fn play(game: Game) -> Result<(Outcome, Game), wasp_core::Error> {
    let engine = Engine::default();
    let module = Module::new(&engine, WAT)?;
    let mut linker = Linker::new(&engine);
    linker.define_imports(imports! {
        check = "wasm/tic_tac_toe.wat",
        "game" => {
            "get_move_for_player" => get_move_for_player,
            "draw_board" => draw_board,
        },
    })?;
    let mut store = Store::new(&engine, game);
    let instance = linker.instantiate(&mut store, &module)?;
    let play = instance.get_typed_func::<(), i32>(&store, "play")?;
    let winner = play.call(&mut store, ())?;

    let memory = instance
        .get_memory(&store, "game_mem")
        .ok_or_else(|| wasp_core::Error::host("the module exports no memory `game_mem`"))?;
    let mut board_bytes = [0u8; 9];
    memory.read(&store, 0, &mut board_bytes)?;
    let board = Board::from_bytes(board_bytes)?;
    let mut ending = [0u8];
    memory.read(&store, ENDING as usize, &mut ending)?;
    let ending = match ending[0] {
        1 => Ending::Line,
        2 => Ending::FullBoard,
        _ => Ending::Forfeit,
    };
    let winner = match winner {
        0 => None,
        w => Some(Mark::from_wasm(w)?),
    };
    Ok((
        Outcome {
            winner,
            ending,
            board,
        },
        store.into_data(),
    ))
}
