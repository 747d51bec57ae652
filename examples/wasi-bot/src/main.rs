//! A tic-tac-toe bot written as an ordinary program: `loop { read a board; print a move }`.
//!
//! Each line of standard input is a board of 9 cells (`x`, `o` or `.`, row by row); the bot
//! plays whichever side is to move and prints the cell it takes (0 to 8), or `none` when
//! the game is over. `quit` or the end of input stops it; its exit code is the number of
//! moves it made (at most 125: statuses above are reserved by shells, and some runtimes
//! refuse them). With a file name as its argument, it appends every move to that file
//! (kept open all along), so a host can see the log grow.

use std::fs::OpenOptions;
use std::io::{self, BufRead, Write};

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

/// The cells of a board line, if it is one.
fn parse(line: &str) -> Option<[u8; 9]> {
    let bytes = line.trim().as_bytes();
    let cells: [u8; 9] = bytes.try_into().ok()?;
    cells.iter().all(|c| b"xo.".contains(c)).then_some(cells)
}

fn winner(b: &[u8; 9]) -> Option<u8> {
    LINES
        .iter()
        .find(|l| b[l[0]] != b'.' && b[l[0]] == b[l[1]] && b[l[1]] == b[l[2]])
        .map(|l| b[l[0]])
}

/// The cell that completes a line of `who`, if any.
fn completing(b: &[u8; 9], who: u8) -> Option<usize> {
    LINES.iter().find_map(|l| {
        let mine = l.iter().filter(|&&i| b[i] == who).count();
        let free: Vec<usize> = l.iter().copied().filter(|&i| b[i] == b'.').collect();
        (mine == 2 && free.len() == 1).then(|| free[0])
    })
}

/// Win, else block, else centre, else a corner, else any free cell.
fn choose(b: &[u8; 9]) -> Option<usize> {
    if winner(b).is_some() {
        return None;
    }
    let xs = b.iter().filter(|&&c| c == b'x').count();
    let os = b.iter().filter(|&&c| c == b'o').count();
    let (me, them) = if xs <= os { (b'x', b'o') } else { (b'o', b'x') };
    completing(b, me)
        .or_else(|| completing(b, them))
        .or_else(|| [4, 0, 2, 6, 8, 1, 3, 5, 7].into_iter().find(|&i| b[i] == b'.'))
}

fn main() {
    let mut log = std::env::args().nth(1).map(|path| {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("cannot open {path}: {e}"))
    });
    let mut out = io::stdout().lock();
    let mut moves = 0;
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim() == "quit" {
            break;
        }
        let reply = match parse(&line) {
            None => "expected 9 cells of x, o or .".to_string(),
            Some(board) => match choose(&board) {
                Some(cell) => {
                    moves += 1;
                    cell.to_string()
                }
                None => "none".to_string(),
            },
        };
        let _ = writeln!(out, "{reply}");
        let _ = out.flush();
        if let Some(log) = &mut log {
            let _ = writeln!(log, "{} -> {reply}", line.trim());
        }
    }
    std::process::exit(moves.min(125));
}
