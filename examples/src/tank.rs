//! A tank bot written in Wasm (`wasm/tank_bot.wat`) drives a tank around a grid, one tick at
//! a time, and can be paused, forked, saved to a file and continued in another process.
//!
//! The bot's `run` function never returns. It senses and moves through host functions, and
//! ends each turn by calling `wait_tick`, which yields: [`Func::call_resumable`] returns
//! [`CallOutcome::Yielded`] with a [`Continuation`], and the next tick resumes it. Every tick
//! the bot gets a fresh gas budget; a bot that uses it up before yielding is paused
//! ([`CallOutcome::OutOfGas`]) and simply continues at the next tick.
//!
//! The world (grid, tank, tick count) is the store's data. [`Bot::save`] writes it next to
//! the Wasp snapshot of the store and the paused call ([`Store::snapshot`]); [`Bot::load`]
//! builds the store again the same way and restores both. [`Bot::fork`] clones the store and
//! the continuation: the copies run on independently.
//!
//! ```
//! use wasp_examples::tank::{Bot, World};
//!
//! let mut bot = Bot::new(World::new(500))?;
//! let first = bot.tick()?;
//! assert_eq!(first.tick, 1);
//!
//! // Save, load into a fresh store, and both continue the same way.
//! let mut loaded = Bot::load(&bot.save())?;
//! assert_eq!(bot.tick()?, loaded.tick()?);
//! assert_eq!(bot.world(), loaded.world());
//! # Ok::<(), wasp_examples::tank::TankError>(())
//! ```

mod save_file;
mod world;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use wasp_core::{
    host, imports, CallOutcome, Config, Continuation, Ctx, Engine, Func, Instance, Linker, Module,
    SnapshotError, Store, Val,
};

pub use save_file::{BotPhase, SaveFile};
pub use world::{Cell, Dir, Grid, World, ARENA};

/// The bot's module, in WebAssembly text.
pub const WAT: &str = include_str!("../wasm/tank_bot.wat");

/// The gas a bot gets per tick unless told otherwise: plenty for an ordinary tick, not enough
/// for the one in which the bot halves its whole map.
pub const DEFAULT_BUDGET: u64 = 1000;

/// Why a tank run failed.
#[derive(Debug)]
pub enum TankError {
    /// Compiling, linking or running the bot failed (a trap included).
    Wasm(wasp_core::Error),
    /// The Wasm snapshot in a save file does not fit the rebuilt store.
    Snapshot(SnapshotError),
    /// A save file is damaged or not a save file.
    Format(String),
    /// A save file could not be read or written.
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
    /// Writing the output failed.
    Output(std::io::Error),
    /// The command line or the budget makes no sense.
    Usage(String),
}

impl fmt::Display for TankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TankError::Wasm(e) => write!(f, "{e}"),
            TankError::Snapshot(e) => write!(f, "cannot restore the bot: {e}"),
            TankError::Format(e) => write!(f, "bad save file: {e}"),
            TankError::File { path, error } => write!(f, "{}: {error}", path.display()),
            TankError::Output(e) => write!(f, "cannot write the output: {e}"),
            TankError::Usage(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for TankError {}

impl From<wasp_core::Error> for TankError {
    fn from(e: wasp_core::Error) -> TankError {
        TankError::Wasm(e)
    }
}

impl From<SnapshotError> for TankError {
    fn from(e: SnapshotError) -> TankError {
        TankError::Snapshot(e)
    }
}

impl From<std::io::Error> for TankError {
    fn from(e: std::io::Error) -> TankError {
        TankError::Output(e)
    }
}

// ----- the host functions the bot imports ------------------------------------------------------

/// `look(dir) -> what`: what is in the cell next to the tank toward `dir`: 0 floor, 1 wall,
/// 2 coin.
#[host]
fn look(ctx: &mut Ctx<World>, dir: Dir) -> i32 {
    ctx.data().ahead(dir) as i32
}

/// `move(dir) -> moved`: turns the tank toward `dir` and drives one cell (once per tick).
#[host(name = "move")]
fn drive(ctx: &mut Ctx<World>, dir: Dir) -> bool {
    ctx.data_mut().drive(dir)
}

/// `report(cells)`: the bot says how many cells it has explored.
#[host]
fn report(ctx: &mut Ctx<World>, cells: i32) {
    ctx.data_mut()
        .events
        .push(format!("reports {cells} cells explored"));
}

/// `wait_tick() -> tick`: ends the bot's turn. Yields the number of the tick that ends; the
/// host resumes the bot at the next tick with that tick's number as this function's result.
#[host]
fn wait_tick(ctx: &mut Ctx<World>) -> i32 {
    let tick = ctx.data().tick;
    ctx.yield_with(tick as i32);
    0 // ignored: resuming supplies the result
}

// ----- the bot -----------------------------------------------------------------------------------

/// Where the bot's `run` call is.
#[derive(Debug, Clone)]
enum Phase {
    /// Not called yet.
    NotStarted,
    /// Paused, by a yield or for gas.
    Paused(Continuation),
    /// It returned (or trapped): the tank stays put.
    Stopped,
}

/// A tank bot in its world: a store holding the [`World`], the bot's instance, and its paused
/// `run` call.
///
/// Cloning a bot forks it (see [`Bot::fork`]).
#[derive(Clone)]
pub struct Bot {
    store: Store<World>,
    instance: Instance,
    run: Func,
    phase: Phase,
}

/// What happened during one tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickReport {
    /// The tick's number, from 1.
    pub tick: u32,
    /// The tank's column at the end of the tick.
    pub x: i32,
    /// The tank's row at the end of the tick.
    pub y: i32,
    /// Where the tank faces at the end of the tick.
    pub heading: Dir,
    /// The gas the bot used this tick.
    pub gas: u64,
    /// Whether the bot used up its budget before ending its turn.
    pub overran: bool,
    /// What the tank did, in words.
    pub action: String,
}

impl fmt::Display for TickReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "tick {:>3}  at ({:>2},{:>2}) facing {}  gas {:>4}  {}",
            self.tick,
            self.x,
            self.y,
            self.heading.letter(),
            self.gas,
            self.action
        )
    }
}

impl Bot {
    /// A bot that has not started yet, in `world`. Builds the engine (with gas metering),
    /// compiles the module and links the host functions, always in the same way, so that a
    /// saved Wasp snapshot fits a bot built later.
    pub fn new(world: World) -> Result<Bot, TankError> {
        let mut config = Config::default();
        config.gas_metering(true);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, WAT)?;
        let mut linker = Linker::new(&engine);
        linker.define_imports(imports! {
            check = "wasm/tank_bot.wat",
            "tank" => {
                "look" => look,
                "move" => drive,
                "report" => report,
                "wait_tick" => wait_tick,
            },
        })?;
        let mut store = Store::new(&engine, world);
        let instance = linker.instantiate(&mut store, &module)?;
        let run = instance
            .get_func(&store, "run")
            .ok_or_else(|| wasp_core::Error::host("the bot exports no `run`"))?;
        Ok(Bot {
            store,
            instance,
            run,
            phase: Phase::NotStarted,
        })
    }

    /// The world.
    pub fn world(&self) -> &World {
        self.store.data()
    }

    /// The world, to change it (e.g. the budget, or the grid of a fork).
    pub fn world_mut(&mut self) -> &mut World {
        self.store.data_mut()
    }

    /// How many cells the bot believes it has explored: its exported global `seen`, read from
    /// the Wasm side.
    pub fn cells_seen(&self) -> i32 {
        self.instance
            .get_global(&self.store, "seen")
            .and_then(|g| g.get(&self.store).i32())
            .unwrap_or(-1)
    }

    /// A copy of the bot, store and paused call included, that runs on independently.
    pub fn fork(&self) -> Bot {
        self.clone()
    }

    /// Runs one tick: gives the bot its budget and lets it run until it yields, runs out of
    /// gas, or returns.
    ///
    /// Fails if the bot traps, or if the budget is too small for the bot's next block of code
    /// (it would never move again).
    pub fn tick(&mut self) -> Result<TickReport, TankError> {
        self.store.data_mut().begin_tick();
        let budget = self.world().budget;
        self.store.set_gas(budget)?;
        let outcome = self.step()?;
        let gas_left = self.store.gas_left()?;
        let gas = budget - gas_left;
        self.store.data_mut().total_gas += gas;
        let overran = self.absorb(outcome, budget, gas_left)?;
        let events = self.store.data_mut().end_tick();
        Ok(self.report(gas, overran, events))
    }

    /// Starts or resumes the bot; `None` if it has stopped.
    fn step(&mut self) -> Result<Option<CallOutcome>, TankError> {
        let outcome = match std::mem::replace(&mut self.phase, Phase::Stopped) {
            Phase::NotStarted => self.run.call_resumable(&mut self.store, &[])?,
            Phase::Paused(paused) => {
                // After a yield, the result of `wait_tick` is the new tick's number; after
                // running out of gas there is nothing to supply.
                let inputs = match paused.yielded() {
                    Some(_) => vec![Val::I32(self.world().tick as i32)],
                    None => Vec::new(),
                };
                paused.resume(&mut self.store, &inputs)?
            }
            Phase::Stopped => return Ok(None),
        };
        Ok(Some(outcome))
    }

    /// Keeps the paused call for the next tick; returns whether the bot overran its budget.
    ///
    /// A bot paused for gas keeps its paused call even when the budget is found too small,
    /// so that a caller may raise the budget and tick again.
    fn absorb(
        &mut self,
        outcome: Option<CallOutcome>,
        budget: u64,
        gas_left: u64,
    ) -> Result<bool, TankError> {
        let (event, overran) = match outcome {
            None => ("stays put: the bot has stopped", false),
            Some(CallOutcome::Finished { .. }) => ("the bot's run returned", false),
            Some(CallOutcome::Yielded(paused)) => {
                self.phase = Phase::Paused(paused);
                return Ok(false);
            }
            Some(CallOutcome::Interrupted(paused)) => {
                self.phase = Phase::Paused(paused);
                ("was interrupted", true)
            }
            Some(CallOutcome::OutOfGas(paused)) => {
                let block = gas_left + paused.gas_needed().unwrap_or(0);
                self.phase = Phase::Paused(paused);
                if block > budget {
                    return Err(TankError::Usage(format!(
                        "a budget of {budget} gas per tick cannot pay for the bot's next block \
                         of code, which costs {block}"
                    )));
                }
                ("overran its budget", true)
            }
        };
        self.world_mut().events.push(event.to_string());
        Ok(overran)
    }

    /// The report of the tick that just ran.
    fn report(&self, gas: u64, overran: bool, events: Vec<String>) -> TickReport {
        let world = self.world();
        let action = match events.is_empty() {
            true => "waited".to_string(),
            false => events.join(", "),
        };
        TickReport {
            tick: world.tick,
            x: world.x,
            y: world.y,
            heading: world.heading,
            gas,
            overran,
            action,
        }
    }

    /// The bot as a save file: the world as text, and the Wasp snapshot of the store with the
    /// paused call.
    pub fn save(&self) -> Vec<u8> {
        let (phase, paused) = match &self.phase {
            Phase::NotStarted => (BotPhase::NotStarted, None),
            Phase::Paused(c) => (BotPhase::Paused, Some(c)),
            Phase::Stopped => (BotPhase::Stopped, None),
        };
        SaveFile {
            phase,
            world: self.world().encode(),
            wasm: self.store.snapshot(paused),
        }
        .to_bytes()
    }

    /// A bot from a save file: builds a new store exactly as [`Bot::new`] does, with the saved
    /// world as its data, and restores the Wasp snapshot and the paused call into it.
    pub fn load(bytes: &[u8]) -> Result<Bot, TankError> {
        let file = SaveFile::from_bytes(bytes)?;
        let mut bot = Bot::new(World::decode(&file.world)?)?;
        let paused = bot.store.restore(&file.wasm)?;
        bot.phase = match (file.phase, paused) {
            (BotPhase::Paused, Some(c)) => Phase::Paused(c),
            (BotPhase::NotStarted, None) => Phase::NotStarted,
            (BotPhase::Stopped, None) => Phase::Stopped,
            (phase, paused) => {
                return Err(TankError::Format(format!(
                    "the file says the bot is {phase:?}, but its Wasm snapshot holds {}",
                    if paused.is_some() {
                        "a paused call"
                    } else {
                        "no paused call"
                    }
                )))
            }
        };
        Ok(bot)
    }
}

// ----- the command line --------------------------------------------------------------------------

/// How to use `cargo run --example tank_bot -- ...`.
pub const USAGE: &str = "\
usage: tank_bot [--ticks N] [--budget GAS] [--save FILE [--after K]] [--load FILE]
  --ticks N      run until tick N (default 50)
  --budget GAS   the gas the bot gets per tick (default 1000; with --load, the saved budget)
  --save FILE    after tick K (--after, default N), write the paused bot to FILE and stop
  --load FILE    continue the bot saved in FILE instead of starting a new one";

/// The command line of the example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Run until this tick.
    pub ticks: u32,
    /// The gas per tick; `None` keeps the default (or the saved budget).
    pub budget: Option<u64>,
    /// Where to save the paused bot.
    pub save: Option<PathBuf>,
    /// After which tick to save; `None` means after `ticks`.
    pub after: Option<u32>,
    /// The save file to continue.
    pub load: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            ticks: 50,
            budget: None,
            save: None,
            after: None,
            load: None,
        }
    }
}

impl Options {
    /// Reads the arguments (without the program name).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, TankError> {
        let mut options = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let value = args
                .next()
                .ok_or_else(|| usage(format!("`{arg}` needs a value")))?;
            match arg.as_str() {
                "--ticks" => options.ticks = number(&arg, &value)?,
                "--budget" => options.budget = Some(number(&arg, &value)?),
                "--after" => options.after = Some(number(&arg, &value)?),
                "--save" => options.save = Some(PathBuf::from(value)),
                "--load" => options.load = Some(PathBuf::from(value)),
                _ => return Err(usage(format!("unknown argument `{arg}`"))),
            }
        }
        if options.after.is_some() && options.save.is_none() {
            return Err(usage("`--after` needs `--save`".to_string()));
        }
        if options.after.is_some_and(|k| k > options.ticks) {
            return Err(usage("`--after` must not be past `--ticks`".to_string()));
        }
        Ok(options)
    }

    /// The tick after which this run stops.
    fn last_tick(&self) -> u32 {
        self.after.unwrap_or(self.ticks)
    }
}

fn usage(message: String) -> TankError {
    TankError::Usage(format!("{message}\n{USAGE}"))
}

fn number<N: std::str::FromStr>(arg: &str, value: &str) -> Result<N, TankError> {
    value
        .parse()
        .map_err(|_| usage(format!("`{arg}` takes a number, found `{value}`")))
}

/// Runs the example: starts a bot (or loads one), prints a line per tick, and at the end
/// either saves the paused bot or prints a summary with the total gas. Returns the bot.
///
/// Lines about saving and loading start with `saved:` and `loaded:`; every other line is the
/// same whether or not the run was split by a save and a load.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<Bot, TankError> {
    let mut bot = match &options.load {
        Some(path) => Bot::load(&read(path)?)?,
        None => Bot::new(World::new(options.budget.unwrap_or(DEFAULT_BUDGET)))?,
    };
    let (last, now) = (options.last_tick(), bot.world().tick);
    if last < now {
        return Err(TankError::Usage(format!(
            "the saved bot is already after tick {now}: expected `--ticks` (or `--after`) of \
             at least {now}, found {last}"
        )));
    }
    if let Some(path) = &options.load {
        writeln!(out, "loaded: {} (after tick {now})", path.display())?;
    }
    if let Some(budget) = options.budget {
        bot.world_mut().budget = budget;
    }
    while bot.world().tick < last {
        let report = bot.tick()?;
        writeln!(out, "{report}")?;
    }
    match &options.save {
        Some(path) => {
            write(path, &bot.save())?;
            writeln!(
                out,
                "saved: the bot after tick {last} to {}",
                path.display()
            )?;
        }
        None => writeln!(out, "{}", bot.world())?,
    }
    Ok(bot)
}

fn read(path: &Path) -> Result<Vec<u8>, TankError> {
    std::fs::read(path).map_err(|error| TankError::File {
        path: path.to_path_buf(),
        error,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), TankError> {
    std::fs::write(path, bytes).map_err(|error| TankError::File {
        path: path.to_path_buf(),
        error,
    })
}
