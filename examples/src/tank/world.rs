//! The tank's world: a grid of walls, floor and coins, the tank on it, and the tick count.
//! This is the store's data `T`; it is saved as text next to the Wasm snapshot.
//!
//! # Text encoding (version 1)
//!
//! One `key value` line per field, in this order, then the grid row by row (`#` wall, `.`
//! floor, `*` coin):
//!
//! ```text
//! tank-world 1
//! tick 8
//! tank 5 3 E
//! budget 500
//! gas 2345
//! coins 1
//! grid 16 10
//! ################
//! #..............#
//! ...
//! ```

use std::fmt;

use wasp_core::{HostError, HostType};

use super::TankError;

/// The arena every run starts in: `#` wall, `.` floor, `*` coin, `T` the tank (facing north).
/// At most 16 by 16 cells: the bot maps the world relative to where it starts.
pub const ARENA: &str = "\
################
#..............#
#.*..#....##.*.#
#....#.....#...#
#.####..*..#...#
#......##......#
#.*....#...###.#
#...T..#.....*.#
#..............#
################";

/// The version of the text encoding written by [`World::encode`].
const ENCODING_VERSION: u32 = 1;

/// A direction on the grid. Crosses the Wasm boundary as an `i32`: 0 north, 1 east, 2 south,
/// 3 west; any other number traps the bot's call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Up the grid (y decreases).
    North,
    /// Right (x increases).
    East,
    /// Down the grid (y increases).
    South,
    /// Left (x decreases).
    West,
}

impl Dir {
    const ALL: [Dir; 4] = [Dir::North, Dir::East, Dir::South, Dir::West];

    /// The change of `(x, y)` one cell toward this direction.
    pub fn offset(self) -> (i32, i32) {
        match self {
            Dir::North => (0, -1),
            Dir::East => (1, 0),
            Dir::South => (0, 1),
            Dir::West => (-1, 0),
        }
    }

    /// The direction's initial: `N`, `E`, `S` or `W`.
    pub fn letter(self) -> char {
        ['N', 'E', 'S', 'W'][self as usize]
    }

    /// The direction whose initial is `letter`.
    fn from_letter(letter: &str) -> Option<Dir> {
        Dir::ALL
            .into_iter()
            .find(|d| letter == d.letter().to_string())
    }

    /// The direction's name in lowercase.
    pub fn name(self) -> &'static str {
        ["north", "east", "south", "west"][self as usize]
    }
}

impl HostType for Dir {
    type Wasm = i32;
    fn from_wasm(dir: i32) -> Result<Dir, HostError> {
        usize::try_from(dir)
            .ok()
            .and_then(|i| Dir::ALL.get(i).copied())
            .ok_or_else(|| HostError::msg(format!("expected a direction 0..=3, found {dir}")))
    }
    fn into_wasm(self) -> Result<i32, HostError> {
        Ok(self as i32)
    }
}

/// What a cell holds. The number the bot's `look` sees is the discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Open ground.
    Floor = 0,
    /// Blocks the tank; everything outside the grid is wall too.
    Wall = 1,
    /// Open ground with a coin, picked up by driving onto it.
    Coin = 2,
}

impl Cell {
    /// The cell's character in the grid's text.
    fn symbol(self) -> char {
        match self {
            Cell::Floor => '.',
            Cell::Wall => '#',
            Cell::Coin => '*',
        }
    }

    /// The cell a grid character stands for (the tank's `T` stands on floor).
    fn from_symbol(c: char) -> Option<Cell> {
        match c {
            '.' | 'T' => Some(Cell::Floor),
            '#' => Some(Cell::Wall),
            '*' => Some(Cell::Coin),
            _ => None,
        }
    }
}

/// A rectangle of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    width: usize,
    height: usize,
    cells: Vec<Cell>,
}

impl Grid {
    /// Reads rows of `#`, `.`, `*` (and `T`); returns the grid and where the `T` is, if any.
    pub fn parse(rows: &[&str]) -> Result<(Grid, Option<(i32, i32)>), TankError> {
        let width = rows.first().map_or(0, |r| r.chars().count());
        let height = rows.len();
        if width == 0 || width > 16 || height > 16 {
            return Err(TankError::Format(format!(
                "expected a grid of 1 to 16 by 1 to 16 cells, found {width} by {height}"
            )));
        }
        let mut cells = Vec::with_capacity(width * height);
        let mut tank = None;
        for (y, row) in rows.iter().enumerate() {
            if row.chars().count() != width {
                return Err(TankError::Format(format!(
                    "expected grid row {y} to be {width} cells wide, found `{row}`"
                )));
            }
            for (x, c) in row.chars().enumerate() {
                let cell = Cell::from_symbol(c).ok_or_else(|| {
                    TankError::Format(format!("expected one of `#.*T` in the grid, found `{c}`"))
                })?;
                if c == 'T' {
                    tank = Some((x as i32, y as i32));
                }
                cells.push(cell);
            }
        }
        let grid = Grid {
            width,
            height,
            cells,
        };
        Ok((grid, tank))
    }

    /// The index of `(x, y)` in `cells`, if it is on the grid.
    fn index(&self, x: i32, y: i32) -> Option<usize> {
        let (x, y) = (usize::try_from(x).ok()?, usize::try_from(y).ok()?);
        (x < self.width && y < self.height).then_some(y * self.width + x)
    }

    /// The cell at `(x, y)`; outside the grid, a wall.
    pub fn get(&self, x: i32, y: i32) -> Cell {
        self.index(x, y).map_or(Cell::Wall, |i| self.cells[i])
    }

    /// Changes the cell at `(x, y)`; does nothing outside the grid.
    pub fn set(&mut self, x: i32, y: i32, cell: Cell) {
        if let Some(i) = self.index(x, y) {
            self.cells[i] = cell;
        }
    }

    /// How many coins are left.
    pub fn coins_left(&self) -> usize {
        self.cells.iter().filter(|&&c| c == Cell::Coin).count()
    }

    /// The rows as text, one line each.
    fn rows(&self) -> impl Iterator<Item = String> + '_ {
        self.cells
            .chunks(self.width)
            .map(|row| row.iter().map(|c| c.symbol()).collect())
    }
}

/// The store's data: everything the host knows about the game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct World {
    /// The arena.
    pub grid: Grid,
    /// The tank's column.
    pub x: i32,
    /// The tank's row.
    pub y: i32,
    /// Where the tank faces (the direction it was last told to move in).
    pub heading: Dir,
    /// The number of the current tick while one runs, else of the last tick run (0 before
    /// the first).
    pub tick: u32,
    /// The gas the bot gets at the start of every tick.
    pub budget: u64,
    /// The gas the bot used over all ticks so far.
    pub total_gas: u64,
    /// How many coins the tank picked up.
    pub coins: u32,
    /// Whether the tank already moved during the current tick (false between ticks).
    moved: bool,
    /// What happened during the current tick, for its line of output (empty between ticks).
    pub(super) events: Vec<String>,
}

impl World {
    /// The starting world: [`ARENA`], tick 0, a budget of `budget` gas per tick.
    pub fn new(budget: u64) -> World {
        let rows: Vec<&str> = ARENA.lines().collect();
        let (grid, tank) = Grid::parse(&rows).expect("the arena is a valid grid");
        let (x, y) = tank.expect("the arena shows the tank");
        World {
            grid,
            x,
            y,
            heading: Dir::North,
            tick: 0,
            budget,
            total_gas: 0,
            coins: 0,
            moved: false,
            events: Vec::new(),
        }
    }

    /// What is in the cell next to the tank toward `dir`.
    pub fn ahead(&self, dir: Dir) -> Cell {
        let (dx, dy) = dir.offset();
        self.grid.get(self.x + dx, self.y + dy)
    }

    /// Turns the tank toward `dir` and drives it one cell unless a wall is there or it moved
    /// already this tick; picks up a coin it drives onto. Returns whether it moved.
    pub fn drive(&mut self, dir: Dir) -> bool {
        self.heading = dir;
        if self.moved {
            self.events
                .push(format!("tried to move {} again", dir.name()));
            return false;
        }
        if self.ahead(dir) == Cell::Wall {
            self.events
                .push(format!("bumped into a wall {}", dir.name()));
            return false;
        }
        let (dx, dy) = dir.offset();
        (self.x, self.y) = (self.x + dx, self.y + dy);
        self.moved = true;
        self.events.push(format!("moved {}", dir.name()));
        if self.grid.get(self.x, self.y) == Cell::Coin {
            self.grid.set(self.x, self.y, Cell::Floor);
            self.coins += 1;
            self.events.push("picked up a coin".to_string());
        }
        true
    }

    /// Starts the next tick: counts it.
    pub(super) fn begin_tick(&mut self) {
        self.tick += 1;
    }

    /// Ends the tick: returns what happened during it and forgets it, so that between
    /// ticks the world holds nothing that [`World::encode`] leaves out.
    pub(super) fn end_tick(&mut self) -> Vec<String> {
        self.moved = false;
        std::mem::take(&mut self.events)
    }

    /// Writes the world as text (see the module documentation).
    pub fn encode(&self) -> String {
        let mut text = format!(
            "tank-world {ENCODING_VERSION}\ntick {}\ntank {} {} {}\nbudget {}\ngas {}\ncoins {}\n\
             grid {} {}\n",
            self.tick,
            self.x,
            self.y,
            self.heading.letter(),
            self.budget,
            self.total_gas,
            self.coins,
            self.grid.width,
            self.grid.height,
        );
        for row in self.grid.rows() {
            text.push_str(&row);
            text.push('\n');
        }
        text
    }

    /// Reads a world written by [`World::encode`].
    pub fn decode(text: &str) -> Result<World, TankError> {
        let mut lines = text.lines();
        let version: u32 = parse(field(&mut lines, "tank-world")?, "the version")?;
        if version != ENCODING_VERSION {
            return Err(TankError::Format(format!(
                "expected world encoding version {ENCODING_VERSION}, found {version}"
            )));
        }
        let tick = parse(field(&mut lines, "tick")?, "the tick")?;
        let (x, y, heading) = parse_tank(field(&mut lines, "tank")?)?;
        let budget = parse(field(&mut lines, "budget")?, "the budget")?;
        let total_gas = parse(field(&mut lines, "gas")?, "the total gas")?;
        let coins = parse(field(&mut lines, "coins")?, "the coins")?;
        let (_, height) = parse_size(field(&mut lines, "grid")?)?;
        let rows: Vec<&str> = lines.by_ref().take(height).collect();
        if rows.len() != height || lines.next().is_some() {
            return Err(TankError::Format(format!(
                "expected exactly {height} grid rows at the end of the world"
            )));
        }
        let (grid, _) = Grid::parse(&rows)?;
        Ok(World {
            grid,
            x,
            y,
            heading,
            tick,
            budget,
            total_gas,
            coins,
            moved: false,
            events: Vec::new(),
        })
    }
}

impl fmt::Display for World {
    /// The closing summary of a run.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "after {} ticks: tank at ({},{}) facing {}, {} picked up ({} left), total gas {}",
            self.tick,
            self.x,
            self.y,
            self.heading.letter(),
            coins(self.coins as usize),
            self.grid.coins_left(),
            self.total_gas
        )
    }
}

/// `n coins`, or `1 coin`.
fn coins(n: usize) -> String {
    match n {
        1 => "1 coin".to_string(),
        n => format!("{n} coins"),
    }
}

/// The value of the next line, which must read `key value`.
fn field<'a>(lines: &mut std::str::Lines<'a>, key: &str) -> Result<&'a str, TankError> {
    let line = lines.next().unwrap_or_default();
    match line.split_once(' ') {
        Some((k, value)) if k == key => Ok(value),
        _ => Err(TankError::Format(format!(
            "expected a line `{key} ...` in the world, found `{line}`"
        ))),
    }
}

/// Parses a number, naming `what` in the error.
fn parse<N: std::str::FromStr>(text: &str, what: &str) -> Result<N, TankError> {
    text.parse()
        .map_err(|_| TankError::Format(format!("expected a number for {what}, found `{text}`")))
}

/// Parses `x y heading`.
fn parse_tank(text: &str) -> Result<(i32, i32, Dir), TankError> {
    let parts: Vec<&str> = text.split(' ').collect();
    let [x, y, heading] = parts[..] else {
        return Err(TankError::Format(format!(
            "expected `tank X Y HEADING`, found `tank {text}`"
        )));
    };
    let heading = Dir::from_letter(heading).ok_or_else(|| {
        TankError::Format(format!(
            "expected a heading N, E, S or W, found `{heading}`"
        ))
    })?;
    Ok((
        parse(x, "the tank's x")?,
        parse(y, "the tank's y")?,
        heading,
    ))
}

/// Parses `width height`.
fn parse_size(text: &str) -> Result<(usize, usize), TankError> {
    let (w, h) = text.split_once(' ').ok_or_else(|| {
        TankError::Format(format!("expected `grid WIDTH HEIGHT`, found `grid {text}`"))
    })?;
    Ok((parse(w, "the grid width")?, parse(h, "the grid height")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_encoding_round_trips() {
        let mut world = World::new(321);
        world.drive(Dir::East);
        assert_eq!(world.end_tick(), ["moved east"]);
        world.tick = 7;
        world.total_gas = 1234;
        world.grid.set(2, 2, Cell::Floor);
        let text = world.encode();
        assert!(text.starts_with("tank-world 1\ntick 7\ntank 5 7 E\nbudget 321\n"));
        assert_eq!(World::decode(&text).unwrap(), world);
    }

    #[test]
    fn a_damaged_world_is_an_error() {
        let text = World::new(1).encode();
        let error = World::decode(&text.replace("tank 4 7 N", "tank 4 7 Q")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "bad save file: expected a heading N, E, S or W, found `Q`"
        );
        let cut: String = text.lines().take(10).map(|l| format!("{l}\n")).collect();
        assert!(World::decode(&cut).is_err());
        assert!(Dir::from_wasm(4).is_err());
    }
}
